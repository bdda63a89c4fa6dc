// Per-group min, max, any, all, and the rows of the first and last non-null values.

/// Order-based per-group reductions, each one pass over the rows through the group ids.
///
/// `min` and `max` are exact and associative, so parallel chunks could never change them;
/// they skip nulls and report a group with no value as nil. Timestamps and durations run
/// through the `Int64` kernels on their microseconds; strings run through them on the ranks
/// of their dictionary entries (``StringRanks``).
public enum GroupedExtremes {
    /// The smallest (or largest) non-null value of each group; nil for a group with none.
    ///
    /// - Parameters:
    ///   - v: the values, one per row.
    ///   - validity: which rows hold values (nil: all).
    ///   - grouping: the groups.
    ///   - largest: true for max, false for min.
    /// - Complexity: O(rows).
    public static func extremes<T: Comparable & BitwiseCopyable>(_ v: UnsafeBufferPointer<T>, _ validity: Bitmap?, _ grouping: Grouping,
                                                                largest: Bool) -> [T?] {
        let n = v.count
        if grouping.isSingle {
            guard n > 0 else { return [nil] }
            var best: T? = nil
            Bitmap.forEachValid(validity, count: n) { i in
                let x = v[i]
                if let b = best { if largest ? x > b : x < b { best = x } } else { best = x }
            }
            return [best]
        }
        // Seed each group with its first valid value, so the loop is a plain compare-and-select.
        let seeds = firstRows(validity, grouping, last: false)
        var acc = seeds.map { $0 >= 0 ? v[Int($0)] : v[0] }
        grouping.groupIDs.withUnsafeBufferPointer { ids in
            acc.withUnsafeMutableBufferPointer { a in
                if largest {
                    Bitmap.forEachValid(validity, count: n) { i in let g = Int(ids[i]); let x = v[i]; a[g] = x > a[g] ? x : a[g] }
                } else {
                    Bitmap.forEachValid(validity, count: n) { i in let g = Int(ids[i]); let x = v[i]; a[g] = x < a[g] ? x : a[g] }
                }
            }
        }
        return (0..<grouping.groupCount).map { seeds[$0] >= 0 ? acc[$0] : nil }
    }

    /// Whether any (or all) of each group's non-null booleans are true; a group with no value
    /// gives false for `any` and true for `all` (the identities of or and and).
    ///
    /// - Complexity: O(rows).
    public static func anyAll(_ c: Column<Bool>, _ grouping: Grouping, all: Bool) -> [Bool] {
        let trues = GroupedSum.trueCounts(c, grouping)
        if !all { return trues.map { $0 > 0 } }
        let valid = GroupedSum.validCounts(c.validity, grouping)
        return zip(trues, valid).map { $0 == $1 }
    }

    /// The row of each group's first (or last) non-null value, or -1 for a group with none;
    /// gathering a column by these rows gives `first` (or `last`).
    ///
    /// - Complexity: O(rows).
    public static func firstRows(_ validity: Bitmap?, _ grouping: Grouping, last: Bool) -> [Int32] {
        let n = grouping.rowCount
        if grouping.isSingle {
            var found: Int32 = -1
            if last {
                var i = n - 1
                while i >= 0 { if validity.map({ $0[i] }) ?? true { found = Int32(truncatingIfNeeded: i); break }; i -= 1 }
            } else {
                var i = 0
                while i < n { if validity.map({ $0[i] }) ?? true { found = Int32(truncatingIfNeeded: i); break }; i += 1 }
            }
            return [found]
        }
        if validity == nil && !last { return grouping.firstRows }
        var out = [Int32](repeating: -1, count: grouping.groupCount)
        grouping.groupIDs.withUnsafeBufferPointer { ids in
            out.withUnsafeMutableBufferPointer { o in
                if last {
                    // The last write wins, so a forward walk leaves the last valid row.
                    Bitmap.forEachValid(validity, count: n) { i in o[Int(ids[i])] = Int32(truncatingIfNeeded: i) }
                } else {
                    Bitmap.forEachValid(validity, count: n) { i in
                        let g = Int(ids[i])
                        if o[g] < 0 { o[g] = Int32(truncatingIfNeeded: i) }
                    }
                }
            }
        }
        return out
    }
}
