// Per-group quantiles, medians and modes: rows bucketed by group (counting sort), then each segment ordered.

/// Order statistics of each group's non-null values.
///
/// Rows are bucketed by group with ``Grouping/rowsByGroup()`` (a counting sort that keeps row
/// order within a group); each group's values are then gathered into a scratch buffer and
/// ordered. The single-group case selects the needed order statistics in expected linear
/// time instead of sorting. Results are exact functions of the multiset of values, so the
/// parallel split of groups cannot change them.
///
/// - Quantiles interpolate linearly (see ``Statistics``: pandas' and NumPy's default).
/// - The mode breaks ties by the smallest value (``Statistics/mode(_:)``).
public enum GroupedOrderStatistics {
    /// The `q`-quantile of each group's non-null values; nil for a group with none.
    ///
    /// - Parameters:
    ///   - c: the values (doubles or ints).
    ///   - grouping: the groups.
    ///   - q: the quantile wanted, in [0, 1] (0.5 is the median).
    /// - Returns: one value per group.
    /// - Complexity: O(rows) expected for one group; O(rows log(largest group)) otherwise.
    public static func quantiles<T: DoubleConvertible & ColumnElement>(_ c: Column<T>, _ grouping: Grouping, _ q: Double) -> [Double?] {
        precondition(q >= 0 && q <= 1, "quantile must be in [0, 1]")
        if grouping.isSingle {
            var vals = validValues(c)
            return [vals.withUnsafeMutableBufferPointer { selectQuantile($0, q) }]
        }
        return perSegment(c.values, c.validity, grouping) { seg in
            seg.sort()
            return interpolate(UnsafeBufferPointer(seg), q)
        }
    }

    /// The linearly interpolated `q`-quantile of sorted values (see ``Statistics``).
    @inline(__always)
    static func interpolate<T: DoubleConvertible>(_ x: UnsafeBufferPointer<T>, _ q: Double) -> Double? {
        let n = x.count
        guard n > 0 else { return nil }
        let h = Double(n - 1) * q
        let lo = Int(h.rounded(.down))
        let frac = h - Double(lo)
        let a = x[lo].doubleValue
        return frac == 0 ? a : a + frac * (x[min(lo + 1, n - 1)].doubleValue - a)
    }

    /// The most frequent non-null value of each group, ties broken by the smallest; nil for a
    /// group with none.
    ///
    /// - Complexity: O(rows log(largest group)).
    public static func modes<T: Comparable & BitwiseCopyable>(_ values: [T], _ validity: Bitmap?, _ grouping: Grouping) -> [T?] {
        perSegment(values, validity, grouping) { seg in
            guard !seg.isEmpty else { return nil }
            seg.sort()
            var best = seg[0], bestCount = 0
            var i = 0
            while i < seg.count {
                var j = i + 1
                while j < seg.count && seg[j] == seg[i] { j += 1 }
                if j - i > bestCount { best = seg[i]; bestCount = j - i }
                i = j
            }
            return best
        }
    }

    // MARK: - Segments

    /// Runs `body` on each group's non-null values (in row order, in a reused scratch buffer),
    /// groups split across cores.
    static func perSegment<T: BitwiseCopyable, R>(_ values: [T], _ validity: Bitmap?, _ grouping: Grouping,
                                                  _ body: @escaping (inout UnsafeMutableBufferPointer<T>) -> R?) -> [R?] {
        let groups = grouping.groupCount
        let (offsets, rows) = grouping.rowsByGroup()
        var out = [R?](repeating: nil, count: groups)
        let largest = (0..<groups).reduce(0) { max($0, offsets[$1 + 1] - offsets[$1]) }
        out.withUnsafeMutableBufferPointer { o in
            values.withUnsafeBufferPointer { v in
                rows.withUnsafeBufferPointer { r in
                    offsets.withUnsafeBufferPointer { off in
                        nonisolated(unsafe) let out = o.baseAddress
                        nonisolated(unsafe) let vals = v.baseAddress
                        nonisolated(unsafe) let rowsP = r.baseAddress
                        nonisolated(unsafe) let offP = off.baseAddress!
                        nonisolated(unsafe) let work = body
                        let words = validity?.words
                        let chunks = Parallel.chunkCount(count: grouping.rowCount)
                        Parallel.forEach(max(chunks, 1)) { k in
                            let gr = Parallel.chunkRange(k, of: max(chunks, 1), count: groups)
                            let scratch = UnsafeMutablePointer<T>.allocate(capacity: max(largest, 1))
                            defer { scratch.deallocate() }
                            for g in gr {
                                var m = 0
                                for j in offP[g]..<offP[g + 1] {
                                    let i = Int(rowsP![j])
                                    if let words, words[i >> 6] >> UInt64(i & 63) & 1 == 0 { continue }
                                    scratch[m] = vals![i]
                                    m += 1
                                }
                                var seg = UnsafeMutableBufferPointer(start: scratch, count: m)
                                out![g] = m == 0 ? nil : work(&seg)
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// The non-null values of a column, in row order.
    static func validValues<T: ColumnElement>(_ c: Column<T>) -> [T] {
        guard c.validity != nil else { return c.values }
        let m = c.count - c.nullCount
        return [T](unsafeUninitializedCapacity: m) { out, initialized in
            var k = 0
            c.values.withUnsafeBufferPointer { v in
                Bitmap.forEachValid(c.validity, count: v.count) { i in (out.baseAddress! + k).initialize(to: v[i]); k += 1 }
            }
            initialized = k
        }
    }

    // MARK: - Selection

    /// The linearly interpolated `q`-quantile of unsorted values, reordering them in place:
    /// selects order statistic `⌊h⌋` (and the smallest value after it when interpolating).
    ///
    /// - Complexity: O(n) expected (Hoare's FIND with a median-of-three pivot); a range that
    ///   fails to shrink fast enough is sorted instead, which bounds the worst case at O(n log n).
    static func selectQuantile<T: DoubleConvertible>(_ a: UnsafeMutableBufferPointer<T>, _ q: Double) -> Double? {
        let n = a.count
        guard n > 0 else { return nil }
        let h = Double(n - 1) * q
        let lo = Int(h.rounded(.down))
        let frac = h - Double(lo)
        select(a, lo)
        let x = a[lo]
        guard frac != 0, lo + 1 < n else { return x.doubleValue }
        var next = a[lo + 1]
        for i in (lo + 2)..<n where a[i] < next { next = a[i] }
        return x.doubleValue + frac * (next.doubleValue - x.doubleValue)
    }

    /// Reorders `a` so that `a[k]` is the value a sort would put there, with nothing larger
    /// before it and nothing smaller after it.
    static func select<T: Comparable>(_ a: UnsafeMutableBufferPointer<T>, _ k: Int) {
        var lo = 0, hi = a.count - 1
        var budget = 2 * (Int.bitWidth - a.count.leadingZeroBitCount) + 8
        while hi > lo {
            if hi - lo < 16 || budget == 0 {
                var part = UnsafeMutableBufferPointer(rebasing: a[lo...hi])
                part.sort()
                return
            }
            budget -= 1
            let mid = lo + (hi - lo) / 2
            // Median of three as the pivot.
            if a[mid] < a[lo] { a.swapAt(mid, lo) }
            if a[hi] < a[lo] { a.swapAt(hi, lo) }
            if a[hi] < a[mid] { a.swapAt(hi, mid) }
            let pivot = a[mid]
            var i = lo, j = hi
            while i <= j {
                while a[i] < pivot { i += 1 }
                while pivot < a[j] { j -= 1 }
                if i <= j { a.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { hi = j } else if k >= i { lo = i } else { return }
        }
    }
}
