// Per-group counts and sums in one pass through the group ids: the accumulators of count, sum, mean, var and std.

/// Counts and sums of each group's non-null values.
///
/// Every kernel makes one pass over the rows, scattering into per-group typed accumulators
/// through ``Grouping/groupIDs``; an ungrouped frame (``Grouping/isSingle``) takes a plain loop.
/// Null rows are skipped with the word-at-a-time validity walk of ``Bitmap/forEachValid``.
///
/// Summation order is fixed, so a result never depends on the number of cores or on how
/// ``Parallel`` cuts the rows:
/// - one group: rows are cut into blocks of ``blockSize``; a block is summed in 8 lanes
///   (row `i` goes to lane `i mod 8`), the lanes are combined as
///   `((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7))`, and block sums are added in block
///   order. Blocks run in parallel; the order of the additions does not change.
/// - several groups: each group's values are added in row order, starting from zero.
///
/// Numerical caveats: a double sum carries a rounding error of up to about `n·ε·Σ|x|`
/// (Higham, "Accuracy and Stability of Numerical Algorithms", 2nd ed., §4.2); the blocked
/// lanes of the single-group sum make that bound smaller in practice but not zero. Int sums are
/// exact: they are kept modulo 2⁶⁴ together with a count of wrap-arounds, so an intermediate
/// overflow that later cancels is no error, and the result is an error only when the true sum
/// does not fit in 64 bits.
public enum GroupedSum {
    /// Rows per block of the single-group sum (a multiple of 64, so blocks start on validity
    /// words; 64 Ki rows is the grain at which ``Parallel`` starts to pay).
    public static let blockSize = 1 << 16

    // MARK: - Counts

    /// The number of non-null rows of each group.
    ///
    /// - Parameters:
    ///   - validity: the column's validity (nil: no nulls).
    ///   - grouping: the groups.
    /// - Complexity: O(rows).
    public static func validCounts(_ validity: Bitmap?, _ grouping: Grouping) -> [Int] {
        guard let validity else { return grouping.sizes() }
        if grouping.isSingle { return [validity.setCount] }
        var out = [Int](repeating: 0, count: grouping.groupCount)
        grouping.groupIDs.withUnsafeBufferPointer { ids in
            out.withUnsafeMutableBufferPointer { c in
                Bitmap.forEachValid(validity, count: ids.count) { i in c[Int(ids[i])] &+= 1 }
            }
        }
        return out
    }

    // MARK: - Double sums

    /// The sum of each group's non-null doubles (0 for a group with none), in the fixed order
    /// described above.
    ///
    /// - Complexity: O(rows); the single-group case is split across cores.
    public static func sums(_ c: Column<Double>, _ grouping: Grouping) -> [Double] {
        if grouping.isSingle { return [singleSum(c)] }
        var out = [Double](repeating: 0, count: grouping.groupCount)
        c.values.withUnsafeBufferPointer { v in
            grouping.groupIDs.withUnsafeBufferPointer { ids in
                out.withUnsafeMutableBufferPointer { s in
                    Bitmap.forEachValid(c.validity, count: ids.count) { i in s[Int(ids[i])] += v[i] }
                }
            }
        }
        return out
    }

    /// The blocked, laned sum of one group (see the type's discussion).
    static func singleSum(_ c: Column<Double>) -> Double {
        let n = c.count
        guard n > 0 else { return 0 }
        let blocks = (n + blockSize - 1) / blockSize
        var partial = [Double](repeating: 0, count: blocks)
        c.values.withUnsafeBufferPointer { v in
            partial.withUnsafeMutableBufferPointer { p in
                nonisolated(unsafe) let values = v.baseAddress!
                nonisolated(unsafe) let out = p.baseAddress!
                let words: [UInt64]? = c.validity?.words
                Parallel.forEachChunk(count: blocks, grain: 4) { r in
                    for b in r {
                        let start = b * blockSize, end = min(n, start + blockSize)
                        out[b] = words.map { w in w.withUnsafeBufferPointer { blockSum(values, start, end, $0.baseAddress) } }
                            ?? blockSum(values, start, end, nil)
                    }
                }
            }
        }
        var total = 0.0
        for x in partial { total += x }
        return total
    }

    /// Rows `start ..< end` summed in 8 lanes; null rows (clear bits of `words`) add zero, which
    /// leaves a lane unchanged because a lane that starts at +0 is never -0.
    @inline(__always)
    static func blockSum(_ v: UnsafePointer<Double>, _ start: Int, _ end: Int, _ words: UnsafePointer<UInt64>?) -> Double {
        var acc = SIMD8<Double>()
        let bit = SIMD8<UInt64>(1, 2, 4, 8, 16, 32, 64, 128)
        var i = start
        if let words {
            while i + 8 <= end {
                let x = UnsafeRawPointer(v + i).loadUnaligned(as: SIMD8<Double>.self)
                let m = SIMD8<UInt64>(repeating: (words[i >> 6] >> UInt64(i & 63)) & 0xFF)
                acc += SIMD8<Double>().replacing(with: x, where: (m & bit) .!= 0)
                i += 8
            }
            while i < end {
                if words[i >> 6] >> UInt64(i & 63) & 1 == 1 { acc[i & 7] += v[i] }
                i += 1
            }
        } else {
            while i + 8 <= end {
                acc += UnsafeRawPointer(v + i).loadUnaligned(as: SIMD8<Double>.self)
                i += 8
            }
            while i < end { acc[i & 7] += v[i]; i += 1 }
        }
        return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]))
    }

    // MARK: - Exact int sums

    /// A 64-bit sum kept exactly: the value modulo 2⁶⁴ and the number of times it wrapped.
    public struct ExactSum: Sendable, Equatable {
        /// The sum modulo 2⁶⁴, as a signed value.
        public var wrapped: Int64 = 0
        /// How many times the true sum passed 2⁶³ upwards (positive) or -2⁶³ downwards (negative).
        public var wraps: Int64 = 0

        /// Adds a value.
        @inlinable @inline(__always)
        public mutating func add(_ x: Int64) {
            let (r, o) = wrapped.addingReportingOverflow(x)
            wrapped = r
            if o { wraps &+= x < 0 ? -1 : 1 }
        }

        /// Adds another exact sum.
        @inlinable
        public mutating func add(_ other: ExactSum) {
            add(other.wrapped)
            wraps &+= other.wraps
        }

        /// The sum, or nil when it does not fit in 64 bits.
        @inlinable public var value: Int64? { wraps == 0 ? wrapped : nil }

        /// The sum as a double (correct even when it does not fit in 64 bits).
        @inlinable public var doubleValue: Double { Double(wraps) * 18_446_744_073_709_551_616.0 + Double(wrapped) }
    }

    /// The exact sum of each group's non-null ints.
    ///
    /// - Complexity: O(rows); the single-group case is split across cores.
    public static func sums(_ c: Column<Int64>, _ grouping: Grouping) -> [ExactSum] {
        c.values.withUnsafeBufferPointer { v in sums(v, c.validity, grouping) }
    }

    /// The exact sums of raw 64-bit values (ints, or the microseconds of durations).
    static func sums(_ v: UnsafeBufferPointer<Int64>, _ validity: Bitmap?, _ grouping: Grouping) -> [ExactSum] {
        let n = v.count
        if grouping.isSingle {
            let chunks = Parallel.chunkCount(count: n)
            var partial = [ExactSum](repeating: ExactSum(), count: max(chunks, 1))
            partial.withUnsafeMutableBufferPointer { p in
                nonisolated(unsafe) let out = p.baseAddress!
                nonisolated(unsafe) let values = v.baseAddress
                Parallel.forEach(chunks) { k in
                    let r = Parallel.chunkRange(k, of: chunks, count: n)
                    var s = ExactSum()
                    if let validity {
                        validity.words.withUnsafeBufferPointer { w in
                            for i in r where w[i >> 6] >> UInt64(i & 63) & 1 == 1 { s.add(values![i]) }
                        }
                    } else {
                        for i in r { s.add(values![i]) }
                    }
                    out[k] = s
                }
            }
            var total = ExactSum()
            for s in partial { total.add(s) }
            return [total]
        }
        var out = [ExactSum](repeating: ExactSum(), count: grouping.groupCount)
        grouping.groupIDs.withUnsafeBufferPointer { ids in
            out.withUnsafeMutableBufferPointer { s in
                Bitmap.forEachValid(validity, count: n) { i in s[Int(ids[i])].add(v[i]) }
            }
        }
        return out
    }

    /// The number of `true` values of each group (nulls skipped).
    ///
    /// - Complexity: O(rows).
    public static func trueCounts(_ c: Column<Bool>, _ grouping: Grouping) -> [Int] {
        if grouping.isSingle {
            var k = 0
            c.values.withUnsafeBufferPointer { v in Bitmap.forEachValid(c.validity, count: v.count) { i in k &+= v[i] ? 1 : 0 } }
            return [k]
        }
        var out = [Int](repeating: 0, count: grouping.groupCount)
        c.values.withUnsafeBufferPointer { v in
            grouping.groupIDs.withUnsafeBufferPointer { ids in
                out.withUnsafeMutableBufferPointer { s in
                    Bitmap.forEachValid(c.validity, count: ids.count) { i in s[Int(ids[i])] &+= v[i] ? 1 : 0 }
                }
            }
        }
        return out
    }
}
