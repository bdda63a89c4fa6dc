// Window kernels within groups in row order: row numbers, shifted rows (lag/lead), running sums, ranks.

/// Per-row results computed within each row's group, in row order. An ungrouped frame is
/// one group (``Grouping/isSingle``).
public enum GroupedWindow {
    /// The 1-based position of each row within its group.
    ///
    /// - Complexity: O(rows).
    public static func rowNumbers(_ grouping: Grouping) -> [Int64] {
        let n = grouping.rowCount
        if grouping.isSingle { return (0..<n).map { Int64($0 + 1) } }
        var counter = [Int64](repeating: 0, count: grouping.groupCount)
        return grouping.groupIDs.withUnsafeBufferPointer { ids in
            counter.withUnsafeMutableBufferPointer { c in
                Elementwise.fill(n) { (o: UnsafeMutablePointer<Int64>) in
                    for i in 0..<n {
                        let g = Int(ids[i])
                        c[g] &+= 1
                        (o + i).initialize(to: c[g])
                    }
                }
            }
        }
    }

    /// For each row, the row `offset` places later in its group (earlier when negative), or
    /// -1 past the group's edge; gathering a column by it gives `lead` (`lag` with a negative
    /// offset).
    ///
    /// - Complexity: O(rows).
    public static func shiftedRows(_ grouping: Grouping, by offset: Int) -> RowSelection {
        let n = grouping.rowCount
        if grouping.isSingle {
            let idx = (0..<n).map { i -> Int32 in
                let j = i + offset
                return j >= 0 && j < n ? Int32(truncatingIfNeeded: j) : -1
            }
            return RowSelection(indices: idx, hasNulls: offset != 0 && n > 0)
        }
        if offset == 1 || offset == -1 { return neighbourRows(grouping, next: offset == 1) }
        let (offsets, rows) = grouping.rowsByGroup()
        var out = [Int32](repeating: -1, count: n)
        var anyNull = false
        for g in 0..<grouping.groupCount {
            let s = offsets[g], e = offsets[g + 1]
            for k in s..<e {
                let j = k + offset
                if j >= s && j < e { out[Int(rows[k])] = rows[j] } else { anyNull = true }
            }
        }
        return RowSelection(indices: out, hasNulls: anyNull)
    }

    /// The previous (or next) row of each row's group in one pass, remembering each group's
    /// latest row: the common `lag(x)` / `lead(x)` without bucketing the rows.
    static func neighbourRows(_ grouping: Grouping, next: Bool) -> RowSelection {
        let n = grouping.rowCount
        var latest = [Int32](repeating: -1, count: grouping.groupCount)
        let out = grouping.groupIDs.withUnsafeBufferPointer { ids in
            latest.withUnsafeMutableBufferPointer { l in
                Elementwise.fill(n) { (o: UnsafeMutablePointer<Int32>) in
                    if next {
                        var i = n - 1
                        while i >= 0 { let g = Int(ids[i]); (o + i).initialize(to: l[g]); l[g] = Int32(truncatingIfNeeded: i); i -= 1 }
                    } else {
                        for i in 0..<n { let g = Int(ids[i]); (o + i).initialize(to: l[g]); l[g] = Int32(truncatingIfNeeded: i) }
                    }
                }
            }
        }
        return RowSelection(indices: out, hasNulls: n > 0)
    }

    /// The running sum of each group's doubles up to each row; null rows stay null and add
    /// nothing, and the sum carries on past them (pandas' `cumsum` with `skipna`).
    ///
    /// - Complexity: O(rows).
    public static func runningSums(_ c: Column<Double>, _ grouping: Grouping) -> Column<Double> {
        let n = c.count
        var acc = [Double](repeating: 0, count: grouping.groupCount)
        let out = c.values.withUnsafeBufferPointer { v in
            acc.withUnsafeMutableBufferPointer { a in
                Elementwise.fill(n) { (o: UnsafeMutablePointer<Double>) in
                    o.initialize(repeating: 0, count: n)
                    if grouping.isSingle {
                        var s = 0.0
                        Bitmap.forEachValid(c.validity, count: n) { i in s += v[i]; o[i] = s }
                    } else {
                        grouping.groupIDs.withUnsafeBufferPointer { ids in
                            Bitmap.forEachValid(c.validity, count: n) { i in
                                let g = Int(ids[i])
                                a[g] += v[i]
                                o[i] = a[g]
                            }
                        }
                    }
                }
            }
        }
        return Column(values: out, validity: c.validity).nanAsNull()
    }

    /// The running sum of 64-bit values (ints, or duration microseconds) per group, as
    /// the double version, but checked: every running total is shown, so each must fit.
    ///
    /// - Throws: ``FrameError/invalidArgument(_:)`` when a running total overflows.
    /// - Complexity: O(rows).
    public static func runningSums(_ v: UnsafeBufferPointer<Int64>, _ validity: Bitmap?, _ grouping: Grouping) throws -> [Int64] {
        let n = v.count
        var acc = [Int64](repeating: 0, count: grouping.groupCount)
        var overflow = false
        let out = acc.withUnsafeMutableBufferPointer { a in
            Elementwise.fill(n) { (o: UnsafeMutablePointer<Int64>) in
                o.initialize(repeating: 0, count: n)
                Bitmap.forEachValid(validity, count: n) { i in
                    let g = grouping.isSingle ? 0 : Int(grouping.groupIDs[i])
                    let (r, over) = a[g].addingReportingOverflow(v[i])
                    overflow = overflow || over
                    a[g] = r
                    o[i] = r
                }
            }
        }
        if overflow { throw FrameError.invalidArgument("integer overflow in 'cumsum'; cast to double with float(x) first") }
        return out
    }

    /// The rank of each row's value within its group (SQL `RANK`, dplyr `min_rank`): 1 for the
    /// smallest, ties share the smallest rank of their run, and the ranks after a tie skip
    /// (1, 2, 2, 4). Null rows get no rank (nil in the result's validity).
    ///
    /// - Returns: ranks (0 on null rows) for a column that keeps `validity`.
    /// - Complexity: O(rows log(largest group)).
    public static func ranks<T: Comparable & BitwiseCopyable>(_ values: [T], _ validity: Bitmap?, _ grouping: Grouping) -> [Int64] {
        let n = values.count
        var out = [Int64](repeating: 0, count: n)
        let (offsets, rows) = grouping.rowsByGroup()
        let groups = grouping.groupCount
        let largest = (0..<groups).reduce(0) { max($0, offsets[$1 + 1] - offsets[$1]) }
        let words = validity?.words ?? []
        out.withUnsafeMutableBufferPointer { o in
            values.withUnsafeBufferPointer { v in
                rows.withUnsafeBufferPointer { r in
                    offsets.withUnsafeBufferPointer { off in
                        words.withUnsafeBufferPointer { w in
                            nonisolated(unsafe) let outP = o.baseAddress, vals = v.baseAddress, rowsP = r.baseAddress
                            nonisolated(unsafe) let offP = off.baseAddress!, wordsP = validity == nil ? nil : w.baseAddress
                            // Groups are independent: split them across cores (ranks are exact).
                            let chunks = max(1, Parallel.chunkCount(count: n))
                            Parallel.forEach(chunks) { k in
                                let scratch = UnsafeMutablePointer<(T, Int32)>.allocate(capacity: max(largest, 1))
                                defer { scratch.deallocate() }
                                for g in Parallel.chunkRange(k, of: chunks, count: groups) {
                                    var m = 0
                                    for j in offP[g]..<offP[g + 1] {
                                        let i = Int(rowsP![j])
                                        if let wordsP, wordsP[i >> 6] >> UInt64(i & 63) & 1 == 0 { continue }
                                        scratch[m] = (vals![i], Int32(truncatingIfNeeded: i))
                                        m += 1
                                    }
                                    sortByValue(scratch, m)
                                    var rank = 0
                                    for pos in 0..<m {
                                        if pos == 0 || scratch[pos - 1].0 < scratch[pos].0 { rank = pos + 1 }
                                        outP![Int(scratch[pos].1)] = Int64(rank)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Sorts `m` (value, row) pairs by value: insertion sort for the short runs that most
    /// groups are, the standard library's sort otherwise.
    @inline(__always)
    static func sortByValue<T: Comparable>(_ p: UnsafeMutablePointer<(T, Int32)>, _ m: Int) {
        if m <= 16 {
            var i = 1
            while i < m {
                let x = p[i]
                var j = i - 1
                while j >= 0 && x.0 < p[j].0 { p[j + 1] = p[j]; j -= 1 }
                p[j + 1] = x
                i += 1
            }
        } else {
            var buf = UnsafeMutableBufferPointer(start: p, count: m)
            buf.sort { $0.0 < $1.0 }
        }
    }

    /// Ranks by counting, for ints whose span times the number of groups is small (at most
    /// two counters per row): per (group, value) counts, prefix sums within each group, and
    /// rank = 1 + the number of smaller values in the group. Nil when the span is too wide.
    ///
    /// - Complexity: O(rows + groups × span).
    public static func countingRanks(_ values: [Int64], _ validity: Bitmap?, _ grouping: Grouping) -> [Int64]? {
        let n = values.count
        guard n > 0 else { return [] }
        var lo = Int64.max, hi = Int64.min
        values.withUnsafeBufferPointer { v in
            Bitmap.forEachValid(validity, count: n) { i in lo = Swift.min(lo, v[i]); hi = Swift.max(hi, v[i]) }
        }
        guard lo <= hi else { return [Int64](repeating: 0, count: n) }
        let (d, o) = hi.subtractingReportingOverflow(lo)
        guard !o, d < Int64(n), case let (cells, o2) = Int(d + 1).multipliedReportingOverflow(by: grouping.groupCount),
              !o2, cells <= 2 * n + 1024 else { return nil }
        let span = Int(d + 1)
        var less = [Int32](repeating: 0, count: cells)
        var out = [Int64](repeating: 0, count: n)
        values.withUnsafeBufferPointer { v in
            grouping.groupIDs.withUnsafeBufferPointer { ids in
                less.withUnsafeMutableBufferPointer { c in
                    let single = grouping.isSingle
                    Bitmap.forEachValid(validity, count: n) { i in c[(single ? 0 : Int(ids[i])) * span + Int(v[i] - lo)] &+= 1 }
                    // Exclusive prefix sums within each group's span.
                    for g in 0..<grouping.groupCount {
                        var run: Int32 = 0
                        for j in (g * span)..<((g + 1) * span) { let k = c[j]; c[j] = run; run &+= k }
                    }
                    out.withUnsafeMutableBufferPointer { r in
                        Bitmap.forEachValid(validity, count: n) { i in
                            r[i] = Int64(c[(single ? 0 : Int(ids[i])) * span + Int(v[i] - lo)]) + 1
                        }
                    }
                }
            }
        }
        return out
    }
}
