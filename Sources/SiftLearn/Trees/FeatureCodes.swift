// Features recoded as small integers once per fit: exact ranks for CART and forests, quantile bins for boosting.

/// A feature matrix recoded as one unsigned integer per cell, column-major, which the tree
/// builder histograms instead of sorting doubles at every node.
///
/// Two codings share the type:
/// - **exact** (`UInt32` codes): code = the rank of the value among the feature's distinct
///   values. A split "code ≤ b" is then exactly a CART split between two distinct values, and its
///   threshold is the midpoint of the two values present in the node on either side (as
///   scikit-learn's `BestSplitter` does), so CART never splits between equal values.
/// - **binned** (`UInt8` codes, see ``FeatureBinner``): code = the quantile bin, at most 255 of
///   them, with slot 255 reserved for missing values (the LightGBM/scikit-learn `HistGradient
///   Boosting` layout). A split "code ≤ b" has the threshold `edges[b]`, the bin's upper edge.
struct FeatureCodes<Code: FixedWidthInteger & UnsignedInteger & Sendable>: Sendable {
    /// The number of rows.
    let rowCount: Int
    /// Column-major codes, `rowCount` per feature, in storage whose address is stable.
    let storage: CodeStorage<Code>
    /// Codes in use per feature, not counting the missing slot (codes `0..<binCounts[f]`).
    let binCounts: [Int]
    /// Histogram slots per feature: `binCounts[f]` for exact codes, 256 for binned codes.
    let slotCounts: [Int]
    /// The slot holding missing values (binned codes only), or nil.
    let missingSlot: Int?
    /// Per feature: the sorted distinct values (exact) or the bin upper edges (binned).
    let splitValues: [[Double]]
    /// Whether codes are exact ranks (thresholds are midpoints) or bins (thresholds are edges).
    let isExact: Bool

    /// The number of features.
    var featureCount: Int { binCounts.count }

    /// The codes of feature `f`, `rowCount` of them.
    func codes(_ f: Int) -> UnsafePointer<Code> { UnsafePointer(storage.base + f * rowCount) }

    /// The raw threshold of the split "code ≤ lo goes left", where `hi` is the next code present
    /// in the node: the midpoint of the two values for exact codes (the lower value when the
    /// midpoint rounds up to the upper one, as scikit-learn guards), the bin edge otherwise.
    func threshold(feature f: Int, lo: Int, hi: Int) -> Double {
        let v = splitValues[f]
        guard isExact else { return v[lo] }
        let t = v[lo] / 2 + v[hi] / 2
        return (t == v[hi] || !t.isFinite) ? v[lo] : t
    }
}

extension FeatureCodes where Code == UInt32 {
    /// Exact rank codes of every feature of `x`.
    ///
    /// - Complexity: O(p · n log n) for the sorts.
    init(exact x: FeatureMatrix) {
        let n = x.rowCount, p = x.featureCount
        var codes = [UInt32](repeating: 0, count: n * p)
        var counts: [Int] = [], values: [[Double]] = []
        var order = [Int32](repeating: 0, count: n)
        x.values.withUnsafeBufferPointer { xv in
            codes.withUnsafeMutableBufferPointer { cv in
                for f in 0..<p {
                    let col = UnsafeBufferPointer(rebasing: xv[(f * n)..<((f + 1) * n)])
                    for i in 0..<n { order[i] = Int32(i) }
                    order.sort { col[Int($0)] < col[Int($1)] }
                    var distinct: [Double] = []
                    for i in order {
                        let v = col[Int(i)]
                        if distinct.last != v { distinct.append(v) }
                        cv[f * n + Int(i)] = UInt32(distinct.count - 1)
                    }
                    counts.append(distinct.count)
                    values.append(distinct)
                }
            }
        }
        self.init(rowCount: n, storage: CodeStorage(codes), binCounts: counts, slotCounts: counts, missingSlot: nil,
                  splitValues: values, isExact: true)
    }
}

/// Heap storage for codes with a fixed address, so builders on several threads can read it
/// through plain pointers for the whole fit (an array's buffer is only pinned inside a closure).
final class CodeStorage<Code: FixedWidthInteger & UnsignedInteger & Sendable>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Code>
    let count: Int

    init(_ values: [Code]) {
        count = values.count
        base = UnsafeMutablePointer<Code>.allocate(capacity: max(1, values.count))
        values.withUnsafeBufferPointer { src in
            if let s = src.baseAddress { base.initialize(from: s, count: values.count) }
        }
    }

    deinit { base.deallocate() }
}
