// Random samples of rows without replacement (sample N or a fraction, per group when grouped), rows kept in order.

/// How many rows a sample takes: a count or a fraction of the rows.
public enum SampleSize: Sendable, Equatable {
    /// Exactly this many rows, or every row when the frame (or group) is smaller.
    case count(Int)
    /// This share of the rows, in [0, 1], rounded to the nearest row count (halves to even, as
    /// pandas' `sample(frac=)` rounds with Python's `round`).
    case fraction(Double)

    /// The number of rows to take out of `n`.
    ///
    /// ```swift
    /// SampleSize.fraction(0.25).rows(outOf: 10)   // 2 (2.5 rounds to even)
    /// SampleSize.count(50).rows(outOf: 10)        // 10
    /// ```
    /// - Precondition: the size is valid (see ``validated()``).
    public func rows(outOf n: Int) -> Int {
        switch self {
        case .count(let k): return min(k, n)
        case .fraction(let f): return min(n, Int((f * Double(n)).rounded(.toNearestOrEven)))
        }
    }

    /// The size itself, checked.
    ///
    /// - Throws: ``FrameError/invalidArgument(_:)`` for a negative count or a fraction outside [0, 1].
    public func validated() throws -> SampleSize {
        switch self {
        case .count(let k) where k < 0:
            throw FrameError.invalidArgument("a sample size must be 0 or more, got \(k)")
        case .fraction(let f) where !(f >= 0 && f <= 1):
            throw FrameError.invalidArgument("a sample fraction must be between 0 and 1, got \(f)")
        default:
            return self
        }
    }
}

extension DataFrame {
    /// A random sample of rows without replacement, in the frame's own row order.
    ///
    /// Keeping the original order (rather than the order of drawing, as pandas does) makes a
    /// sample read like the frame it came from, and makes `sample` and ``split(fraction:seed:stratify:)``
    /// with the same seed pick the same rows. Every subset of the requested size is equally
    /// likely (selection sampling, Knuth's Algorithm S, TAOCP vol. 2 §3.4.2: row `i` is taken
    /// with probability wanted / remaining). Randomness comes only from ``SeededGenerator``, so
    /// a seed gives the same rows on every build and platform.
    ///
    /// ```swift
    /// let few = try clicks.sample(.count(5), seed: 42)       // 5 rows, in clicks' order
    /// let tenth = try clicks.sample(.fraction(0.1), seed: 7)
    /// ```
    /// - Parameters:
    ///   - size: how many rows; a count larger than the frame gives every row.
    ///   - seed: the generator's seed.
    /// - Returns: the sampled rows as a selection of this frame (no column is copied).
    /// - Throws: ``FrameError/invalidArgument(_:)`` for a negative count or a fraction outside [0, 1].
    /// - Complexity: O(rows) time (one random draw per row until the sample is complete), O(sample) memory.
    public func sample(_ size: SampleSize, seed: Int) throws -> DataFrame {
        let size = try size.validated()
        var rng = SeededGenerator(seed: seed)
        let rows = RowSampling.choose(count: rowCount, groupIDs: nil, sizes: [rowCount],
                                      wanted: [size.rows(outOf: rowCount)], generator: &rng)
        return selecting(rows: RowSelection(indices: rows, hasNulls: false))
    }

    /// A random sample taken within each group: `size` applies to every group separately
    /// (dplyr's grouped `slice_sample`, pandas' `groupby(...).sample`).
    ///
    /// Rows keep their order; the grouping of the result numbers the groups that still have
    /// rows in order of their first remaining row. With one group this is exactly
    /// ``sample(_:seed:)``.
    ///
    /// - Parameters:
    ///   - size: rows per group (a fraction is rounded per group).
    ///   - seed: the generator's seed.
    ///   - grouping: the groups of this frame's rows.
    /// - Returns: the sampled rows and their grouping.
    /// - Throws: as ``sample(_:seed:)``.
    /// - Complexity: O(rows).
    public func sample(_ size: SampleSize, seed: Int, grouping: Grouping) throws -> (frame: DataFrame, grouping: Grouping) {
        precondition(grouping.rowCount == rowCount, "grouping does not match the frame")
        let size = try size.validated()
        var rng = SeededGenerator(seed: seed)
        let sizes = grouping.sizes()
        let rows = RowSampling.choose(count: rowCount, groupIDs: grouping.isSingle ? nil : grouping.groupIDs,
                                      sizes: sizes, wanted: sizes.map { size.rows(outOf: $0) }, generator: &rng)
        return (selecting(rows: RowSelection(indices: rows, hasNulls: false)), grouping.restricted(toRows: rows))
    }
}

/// Selection sampling over groups of rows, shared by `sample` and `split`.
enum RowSampling {
    /// Chooses `wanted[g]` of the `sizes[g]` rows of every group `g`, uniformly at random
    /// without replacement, in one pass over the rows (Knuth's Algorithm S per group: a row is
    /// taken when `below(remaining) < wanted`, which is exact integer arithmetic).
    ///
    /// No random number is drawn for a row whose fate is already decided (nothing more wanted
    /// from its group, or every remaining row wanted), so one group given as ids draws the same
    /// numbers as no ids at all.
    ///
    /// - Parameters:
    ///   - n: the number of rows.
    ///   - groupIDs: the group of each row, or nil for one group.
    ///   - sizes: rows per group.
    ///   - wanted: rows to choose per group, each at most its size.
    ///   - generator: the random source.
    /// - Returns: the chosen rows in increasing order.
    /// - Complexity: O(n).
    static func choose(count n: Int, groupIDs: [Int32]?, sizes: [Int], wanted: [Int],
                       generator rng: inout SeededGenerator) -> [Int32] {
        precondition(sizes.count == wanted.count && zip(sizes, wanted).allSatisfy { $1 >= 0 && $1 <= $0 }, "bad sample sizes")
        let total = wanted.reduce(0, +)
        var out = [Int32](repeating: 0, count: total)
        var k = 0
        out.withUnsafeMutableBufferPointer { o in
            guard let ids = groupIDs else {
                var want = wanted[0], remaining = n, i = 0
                while want > 0 {
                    if want == remaining {
                        while i < n { o[k] = Int32(truncatingIfNeeded: i); k += 1; i += 1 }
                        break
                    }
                    if rng.below(remaining) < want { o[k] = Int32(truncatingIfNeeded: i); k += 1; want -= 1 }
                    remaining -= 1
                    i += 1
                }
                return
            }
            precondition(ids.count == n, "group ids do not match the row count")
            var want = wanted, remaining = sizes
            ids.withUnsafeBufferPointer { ids in
                want.withUnsafeMutableBufferPointer { w in
                    remaining.withUnsafeMutableBufferPointer { r in
                        for i in 0..<n {
                            let g = Int(ids[i])
                            let wg = w[g], rg = r[g]
                            r[g] = rg - 1
                            guard wg > 0 else { continue }
                            if wg == rg || rng.below(rg) < wg {
                                o[k] = Int32(truncatingIfNeeded: i)
                                k += 1
                                w[g] = wg - 1
                            }
                        }
                    }
                }
            }
        }
        precondition(k == total, "selection sampling took the wrong number of rows")
        return out
    }

    /// The rows of `0..<n` that are not in `chosen` (which is increasing), in order.
    ///
    /// - Complexity: O(n).
    static func complement(of chosen: [Int32], count n: Int) -> [Int32] {
        var out = [Int32](repeating: 0, count: n - chosen.count)
        var k = 0, c = 0
        out.withUnsafeMutableBufferPointer { o in
            chosen.withUnsafeBufferPointer { ch in
                for i in 0..<n {
                    if c < ch.count && Int(ch[c]) == i { c += 1; continue }
                    o[k] = Int32(truncatingIfNeeded: i)
                    k += 1
                }
            }
        }
        return out
    }
}

// MARK: - Grouping of a subset of rows

extension Grouping {
    /// The grouping of the rows `rows` (increasing indices into this grouping's rows), with the
    /// groups that still have rows renumbered in order of their first remaining row, as `group`
    /// would number them on the smaller frame.
    ///
    /// - Complexity: O(rows.count + groupCount).
    func restricted(toRows rows: [Int32]) -> Grouping {
        if isSingle { return .single(rowCount: rows.count) }
        var remap = [Int32](repeating: -1, count: groupCount)
        var ids = [Int32](repeating: 0, count: rows.count)
        var firsts: [Int32] = []
        groupIDs.withUnsafeBufferPointer { src in
            for (k, r) in rows.enumerated() {
                let g = Int(src[Int(r)])
                if remap[g] < 0 {
                    remap[g] = Int32(truncatingIfNeeded: firsts.count)
                    firsts.append(Int32(truncatingIfNeeded: k))
                }
                ids[k] = remap[g]
            }
        }
        return Grouping(groupIDs: ids, groupCount: firsts.count, firstRows: firsts)
    }
}
