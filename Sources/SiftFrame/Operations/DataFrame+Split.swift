// Random two-way splits of a frame's rows (train/test), optionally stratified so each stratum keeps its share.

extension DataFrame {
    /// Splits the rows at random into two frames: the first with `fraction` of the rows, the
    /// second with the rest. Every row is in exactly one part, and both parts keep the frame's
    /// row order.
    ///
    /// The first part has `round(fraction × rows)` rows (halves to even). Its rows are the ones
    /// ``sample(_:seed:)`` with `.fraction(fraction)` and the same seed would pick.
    ///
    /// With `stratify`, the column's values (null is a value of its own) are strata, and each
    /// stratum is split separately so the first part holds `fraction` of every stratum, as
    /// scikit-learn's `train_test_split(stratify=)` does. A stratum of `n` rows ideally gives
    /// `fraction × n` rows, which is rarely whole: every stratum gets the floor of its ideal
    /// share, and the rows still missing from the overall `round(fraction × rows)` go one each
    /// to the strata with the largest fractional remainders (the largest-remainder, or
    /// Hamilton, apportionment), ties going to the stratum seen first. So the total is exact,
    /// and no stratum is off its ideal share by a whole row or more.
    ///
    /// ```swift
    /// let (train, test) = try clicks.split(fraction: 0.8, seed: 7)
    /// let (a, b) = try clicks.split(fraction: 0.5, seed: 1, stratify: "country")
    /// ```
    /// - Parameters:
    ///   - fraction: the share of rows in the first part, in [0, 1].
    ///   - seed: the generator's seed.
    ///   - stratify: a column whose values' shares both parts keep, or nil.
    /// - Returns: the two parts, as selections of this frame.
    /// - Throws: ``FrameError/invalidArgument(_:)`` for a fraction outside [0, 1],
    ///   ``FrameError/columnNotFound(name:available:)`` for an unknown stratum column.
    /// - Complexity: O(rows) (plus grouping the stratum column).
    public func split(fraction: Double, seed: Int, stratify: String? = nil) throws -> (DataFrame, DataFrame) {
        _ = try SampleSize.fraction(fraction).validated()
        var rng = SeededGenerator(seed: seed)
        let chosen: [Int32]
        if let stratify {
            let strata = Grouping(keys: [try column(named: stratify)])
            let sizes = strata.sizes()
            let wanted = Self.apportion(fraction: fraction, sizes: sizes, total: SampleSize.fraction(fraction).rows(outOf: rowCount))
            chosen = RowSampling.choose(count: rowCount, groupIDs: strata.groupIDs, sizes: sizes, wanted: wanted, generator: &rng)
        } else {
            chosen = RowSampling.choose(count: rowCount, groupIDs: nil, sizes: [rowCount],
                                        wanted: [SampleSize.fraction(fraction).rows(outOf: rowCount)], generator: &rng)
        }
        let rest = RowSampling.complement(of: chosen, count: rowCount)
        return (selecting(rows: RowSelection(indices: chosen, hasNulls: false)),
                selecting(rows: RowSelection(indices: rest, hasNulls: false)))
    }

    /// Largest-remainder apportionment: `total` rows shared among strata of `sizes` in
    /// proportion `fraction`, each stratum getting the floor or the ceiling of its ideal
    /// `fraction × size` (ties in remainder go to the earlier stratum).
    ///
    /// - Precondition: `total` is `round(fraction × sizes.sum)`.
    /// - Complexity: O(s log s) for `s` strata.
    static func apportion(fraction: Double, sizes: [Int], total: Int) -> [Int] {
        var out = sizes.map { min($0, Int((fraction * Double($0)).rounded(.down))) }
        var missing = total - out.reduce(0, +)
        guard missing != 0 else { return out }
        let remainders = sizes.indices.map { fraction * Double(sizes[$0]) - Double(out[$0]) }
        let order = sizes.indices.sorted { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
        for s in order where missing > 0 && out[s] < sizes[s] {
            out[s] += 1
            missing -= 1
        }
        // Rounding of `fraction × size` can only overshoot by ulps; take back from the smallest remainders.
        for s in order.reversed() where missing < 0 && out[s] > 0 {
            out[s] -= 1
            missing += 1
        }
        return out
    }
}
