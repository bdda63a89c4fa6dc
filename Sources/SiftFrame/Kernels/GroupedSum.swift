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
    /// - Complexity: O(rows), split across cores when the groups are few.
    public static func validCounts(_ validity: Bitmap?, _ grouping: Grouping) -> [Int] {
        if grouping.isSingle { return [validity?.setCount ?? grouping.rowCount] }
        // 32-bit counters (a group has at most `RowSelection.maxRows` rows) halve the memory the
        // scatter touches.
        let counts: [Int32] = grouping.groupIDs.withUnsafeBufferPointer { idsBuf in
            nonisolated(unsafe) let ids = idsBuf.baseAddress
            return (validity?.words ?? []).withUnsafeBufferPointer { wBuf in
                nonisolated(unsafe) let words = validity == nil ? nil : wBuf.baseAddress
                let groups = grouping.groupCount
                return chunkedScatter(count: idsBuf.count, groups: groups, zero: Int32(0), merge: { $0 &+= $1 }) { r, c in
                    if groups > laneGroupLimit {
                        forEachValid(words, r) { i in c[Int(ids![i])] &+= 1 }
                        return
                    }
                    // Few groups: rows go round four sets of counters, so runs of one group
                    // do not wait on one counter.
                    let lanes = UnsafeMutablePointer<Int32>.allocate(capacity: 4 * groups)
                    lanes.initialize(repeating: 0, count: 4 * groups)
                    defer { lanes.deallocate() }
                    forEachValid(words, r) { i in lanes[(i & 3) &* groups &+ Int(ids![i])] &+= 1 }
                    for g in 0..<groups { c[g] = (lanes[g] &+ lanes[groups + g]) &+ (lanes[2 * groups + g] &+ lanes[3 * groups + g]) }
                }
            }
        }
        return counts.map { Int($0) }
    }

    /// Runs a scatter over the rows in chunks, each chunk into its own per-group accumulators,
    /// and merges the chunks' accumulators in chunk order. Only for exact (associative and
    /// commutative) accumulators, whose result cannot depend on the chunking. The rows are
    /// split only when the groups are few enough that merging costs little next to the scan.
    @inline(__always)
    static func chunkedScatter<A>(count n: Int, groups: Int, zero: A, merge: (inout A, A) -> Void,
                                  _ body: @Sendable (Range<Int>, UnsafeMutablePointer<A>) -> Void) -> [A] {
        let chunks = groups * 8 > n ? 1 : scatterChunks(count: n)
        // Chunk 0 scatters straight into the result; the others into scratch merged afterwards.
        var out = [A](repeating: zero, count: groups)
        let extra = (chunks - 1) * groups
        let parts = UnsafeMutablePointer<A>.allocate(capacity: max(1, extra))
        parts.initialize(repeating: zero, count: extra)
        defer { parts.deinitialize(count: extra); parts.deallocate() }
        out.withUnsafeMutableBufferPointer { o in
            nonisolated(unsafe) let first = o.baseAddress ?? parts
            nonisolated(unsafe) let rest = parts
            if chunks == 1 { body(0..<n, first); return }
            Parallel.forEach(chunks) { k in
                body(Parallel.chunkRange(k, of: chunks, count: n), k == 0 ? first : rest + (k - 1) * groups)
            }
            for k in 1..<chunks {
                let p = parts + (k - 1) * groups
                for g in 0..<groups { merge(&o[g], p[g]) }
            }
        }
        return out
    }

    /// Up to this many groups, exact scatters spread rows over four interleaved sets of
    /// accumulators (row `i` to set `i mod 4`): with few groups, consecutive rows often hit the
    /// same accumulator, and each update would wait for the previous one. 256 groups × 4 sets
    /// of 16-byte accumulators stay within 16 KiB of L1.
    static let laneGroupLimit = 256

    /// The number of row chunks for a scatter into per-chunk accumulators: one per core (each
    /// chunk's accumulators are fresh memory, whose first touch is slow), or one for small inputs.
    static func scatterChunks(count n: Int) -> Int {
        min(Parallel.chunkCount(count: n), Parallel.coreCount)
    }

    /// Calls `body` with each valid row of `range` (all rows when `words` is nil), a 64-bit
    /// validity word at a time as ``Bitmap/forEachValid(_:count:_:)`` does.
    @inline(__always)
    static func forEachValid(_ words: UnsafePointer<UInt64>?, _ range: Range<Int>, _ body: (Int) -> Void) {
        guard let words else {
            for i in range { body(i) }
            return
        }
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let wi = i >> 6
            let stop = min(end, (wi + 1) << 6)
            var w = words[wi] >> UInt64(i & 63)
            if w == 0 { i = stop; continue }
            if stop - i == 64 && w == ~0 {
                for j in i..<stop { body(j) }
            } else {
                let base = i
                while w != 0 {
                    let j = base + w.trailingZeroBitCount
                    if j >= stop { break }
                    body(j)
                    w &= w &- 1
                }
            }
            i = stop
        }
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

    /// Rows `start ..< end` summed in 8 lanes; a null row (a clear bit of `words`) adds zero,
    /// which leaves a lane unchanged because a lane that starts at +0 is never -0.
    @inline(__always)
    static func blockSum(_ v: UnsafePointer<Double>, _ start: Int, _ end: Int, _ words: UnsafePointer<UInt64>?) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, s4 = 0.0, s5 = 0.0, s6 = 0.0, s7 = 0.0
        var i = start
        while i + 8 <= end {
            let m: UInt64 = words.map { ($0[i >> 6] >> UInt64(i & 63)) & 0xFF } ?? 0xFF
            let p = v + i
            if m == 0xFF {
                s0 += p[0]; s1 += p[1]; s2 += p[2]; s3 += p[3]; s4 += p[4]; s5 += p[5]; s6 += p[6]; s7 += p[7]
            } else if m != 0 {
                s0 += m & 1 != 0 ? p[0] : 0; s1 += m & 2 != 0 ? p[1] : 0
                s2 += m & 4 != 0 ? p[2] : 0; s3 += m & 8 != 0 ? p[3] : 0
                s4 += m & 16 != 0 ? p[4] : 0; s5 += m & 32 != 0 ? p[5] : 0
                s6 += m & 64 != 0 ? p[6] : 0; s7 += m & 128 != 0 ? p[7] : 0
            }
            i += 8
        }
        var tail = [0.0, 0, 0, 0, 0, 0, 0, 0]
        while i < end {
            if words.map({ $0[i >> 6] >> UInt64(i & 63) & 1 == 1 }) ?? true { tail[i & 7] += v[i] }
            i += 1
        }
        s0 += tail[0]; s1 += tail[1]; s2 += tail[2]; s3 += tail[3]; s4 += tail[4]; s5 += tail[5]; s6 += tail[6]; s7 += tail[7]
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))
    }

    // MARK: - Exact int sums

    /// A 64-bit sum kept exactly: the value modulo 2⁶⁴ and the number of times it wrapped.
    public struct ExactSum: Sendable, Equatable {
        /// The sum modulo 2⁶⁴, as a signed value.
        public var wrapped: Int64 = 0
        /// How many times the true sum passed 2⁶³ upwards (positive) or -2⁶³ downwards (negative).
        public var wraps: Int64 = 0

        /// Creates an exact sum of zero, or of `wrapped + wraps × 2⁶⁴`.
        public init(wrapped: Int64 = 0, wraps: Int64 = 0) {
            self.wrapped = wrapped
            self.wraps = wraps
        }

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

    /// The exact sum and the number of non-null values of each group's ints.
    ///
    /// - Complexity: O(rows), split across cores when the groups are few.
    public static func totals(_ c: Column<Int64>, _ grouping: Grouping) -> (sums: [ExactSum], counts: [Int]) {
        c.values.withUnsafeBufferPointer { v in totals(v, c.validity, grouping) }
    }

    /// A group's running int sum, its value count, and whether the sum wrapped.
    struct IntTotal {
        var sum: Int64 = 0
        var count: Int32 = 0
        var wrapped = false
    }

    /// The exact sums and counts of raw 64-bit values (ints, or the microseconds of durations).
    ///
    /// The scan adds with wrap-around and remembers whether any addition wrapped; only then is
    /// the exact (carry-counting) scan run, so the common case is one plain pass.
    static func totals(_ v: UnsafeBufferPointer<Int64>, _ validity: Bitmap?, _ grouping: Grouping) -> (sums: [ExactSum], counts: [Int]) {
        let n = v.count
        nonisolated(unsafe) let values = v.baseAddress
        let fast: [IntTotal] = grouping.groupIDs.withUnsafeBufferPointer { idsBuf in
            nonisolated(unsafe) let ids = idsBuf.baseAddress
            let single = grouping.isSingle
            return (validity?.words ?? []).withUnsafeBufferPointer { wBuf in
                nonisolated(unsafe) let words = validity == nil ? nil : wBuf.baseAddress
                return chunkedScatter(count: n, groups: grouping.groupCount, zero: IntTotal(), merge: { a, b in
                    let (r, o) = a.sum.addingReportingOverflow(b.sum)
                    a = IntTotal(sum: r, count: a.count &+ b.count, wrapped: a.wrapped || b.wrapped || o)
                }) { r, acc in
                    if single {
                        var t = IntTotal()
                        forEachValid(words, r) { i in
                            let (s, o) = t.sum.addingReportingOverflow(values![i])
                            t.sum = s; t.count &+= 1; t.wrapped = t.wrapped || o
                        }
                        acc[0] = t
                    } else if grouping.groupCount > laneGroupLimit {
                        forEachValid(words, r) { i in
                            let g = Int(ids![i])
                            let (s, o) = acc[g].sum.addingReportingOverflow(values![i])
                            acc[g].sum = s; acc[g].count &+= 1; acc[g].wrapped = acc[g].wrapped || o
                        }
                    } else {
                        // Few groups: four interleaved sets of accumulators (exact, so the
                        // split cannot show), merged with the same overflow check.
                        let groups = grouping.groupCount
                        let lanes = UnsafeMutablePointer<IntTotal>.allocate(capacity: 4 * groups)
                        lanes.initialize(repeating: IntTotal(), count: 4 * groups)
                        defer { lanes.deallocate() }
                        forEachValid(words, r) { i in
                            let k = (i & 3) &* groups &+ Int(ids![i])
                            let (s, o) = lanes[k].sum.addingReportingOverflow(values![i])
                            lanes[k].sum = s; lanes[k].count &+= 1; lanes[k].wrapped = lanes[k].wrapped || o
                        }
                        for g in 0..<groups {
                            var t = lanes[g]
                            for l in 1..<4 {
                                let u = lanes[l * groups + g]
                                let (s, o) = t.sum.addingReportingOverflow(u.sum)
                                t = IntTotal(sum: s, count: t.count &+ u.count, wrapped: t.wrapped || u.wrapped || o)
                            }
                            acc[g] = t
                        }
                    }
                }
            }
        }
        let counts = fast.map { Int($0.count) }
        if !fast.contains(where: \.wrapped) { return (fast.map { ExactSum(wrapped: $0.sum, wraps: 0) }, counts) }
        var exact = [ExactSum](repeating: ExactSum(), count: grouping.groupCount)
        exact.withUnsafeMutableBufferPointer { s in
            Bitmap.forEachValid(validity, count: n) { i in s[grouping.isSingle ? 0 : Int(grouping.groupIDs[i])].add(v[i]) }
        }
        return (exact, counts)
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
