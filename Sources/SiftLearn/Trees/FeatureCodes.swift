// Features recoded as small integers once per fit: exact ranks for CART and forests, quantile bins for boosting.
import SiftFrame

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
    /// Exact rank codes of every feature of `x` (-0.0 and 0.0 are one value).
    ///
    /// - Complexity: O(p · n) (a radix sort per feature), the features over the cores.
    init(exact x: FeatureMatrix) {
        let n = x.rowCount, p = x.featureCount
        let storage = CodeStorage([UInt32](repeating: 0, count: n * p))
        let values = x.values.withUnsafeBufferPointer { xv in
            nonisolated(unsafe) let base = xv.baseAddress
            return RadixSorter.perFeature(p, rows: n) { f, sorter -> [Double] in
                let col = base! + f * n, cv = storage.base + f * n
                let (keys, order) = sorter.sort(count: n) { orderedBits(col[$0]) }
                var distinct: [Double] = []
                var last: UInt64? = nil
                for k in 0..<n {
                    let key = keys[k]
                    if key != last { distinct.append(col[Int(order[k])] + 0.0); last = key }
                    cv[Int(order[k])] = UInt32(distinct.count - 1)
                }
                return distinct
            }
        }
        let counts = values.map(\.count)
        self.init(rowCount: n, storage: storage, binCounts: counts, slotCounts: counts, missingSlot: nil,
                  splitValues: values, isExact: true)
    }
}

/// The bits of a double as an unsigned integer with the same order (sign bit flipped for
/// positives, all bits for negatives; -0.0 maps to 0.0's key).
@inline(__always)
func orderedBits(_ v: Double) -> UInt64 {
    let b = (v + 0.0).bitPattern
    return b >> 63 == 1 ? ~b : b | (1 << 63)
}

/// Least-significant-digit radix sort of 64-bit keys with their row index, 11 bits per pass,
/// skipping passes where every key has the same digit (most, for small integers).
struct RadixSorter {
    private var keys: [UInt64], keys2: [UInt64], order: [Int32], order2: [Int32]
    private var buckets = [Int](repeating: 0, count: 2048)

    init(capacity n: Int) {
        keys = [UInt64](repeating: 0, count: n); keys2 = keys
        order = [Int32](repeating: 0, count: n); order2 = order
    }

    /// `body(f, sorter)` for every feature `f` in `0..<p`, in feature order of the results: the
    /// features are shared out over the cores, each with its own sorter for `n` rows.
    static func perFeature<T>(_ p: Int, rows n: Int, _ body: @Sendable (Int, inout RadixSorter) -> T) -> [T] {
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: p)
        results.initialize(repeating: nil)
        defer { results.deinitialize(); results.deallocate() }
        nonisolated(unsafe) let slots = results
        let workers = min(p, Parallel.coreCount)
        Parallel.forEach(workers) { w in
            var sorter = RadixSorter(capacity: n)
            for f in stride(from: w, to: p, by: workers) { slots[f] = body(f, &sorter) }
        }
        return results.map { $0! }
    }

    /// Sorts rows `0..<count` by `key(row)`, stably; returns the sorted keys and rows.
    ///
    /// - Complexity: O(count) per pass, at most 6 passes.
    mutating func sort(count n: Int, key: (Int) -> UInt64) -> (keys: [UInt64], order: [Int32]) {
        for i in 0..<n { keys[i] = key(i); order[i] = Int32(i) }
        var shift: UInt64 = 0
        while shift < 64 {
            for b in 0..<2048 { buckets[b] = 0 }
            for i in 0..<n { buckets[Int((keys[i] >> shift) & 2047)] += 1 }
            if buckets.contains(n) { shift += 11; continue }
            var sum = 0
            for b in 0..<2048 { let c = buckets[b]; buckets[b] = sum; sum += c }
            for i in 0..<n {
                let d = Int((keys[i] >> shift) & 2047)
                let at = buckets[d]
                buckets[d] = at + 1
                keys2[at] = keys[i]; order2[at] = order[i]
            }
            swap(&keys, &keys2); swap(&order, &order2)
            shift += 11
        }
        return (keys, order)
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

/// A copy of a double array at a fixed address (targets read by builders on several threads).
typealias DoubleStorage = FixedStorage<Double>

/// A copy of an array at a fixed address, freed with the object.
final class FixedStorage<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
    let count: Int

    init(_ values: [T]) {
        count = values.count
        base = UnsafeMutablePointer<T>.allocate(capacity: max(1, values.count))
        values.withUnsafeBufferPointer { src in
            if let s = src.baseAddress { base.initialize(from: s, count: values.count) }
        }
    }

    deinit { base.deinitialize(count: count); base.deallocate() }
}
