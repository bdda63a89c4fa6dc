// Per-group min, max, any, all, and the rows of the first and last non-null values.

/// Order-based per-group reductions, each one pass over the rows through the group ids.
///
/// `min` and `max` are exact and associative, so parallel chunks could never change them;
/// they skip nulls and report a group with no value as nil. Timestamps and durations run
/// through the `Int64` kernels on their microseconds; strings run through them on the ranks
/// of their dictionary entries (``StringRanks``).
public enum GroupedExtremes {
    /// The smallest (or largest) non-null value of each group; null for a group with none.
    ///
    /// Each group's accumulator starts at the type's extreme (``ExtremeValue``), so the loop
    /// is a plain compare-and-select; chunks of rows run on separate cores when the groups are
    /// few, and their results are combined (min and max are exact, so the split cannot show).
    ///
    /// - Parameters:
    ///   - v: the values, one per row.
    ///   - validity: which rows hold values (nil: all).
    ///   - grouping: the groups.
    ///   - largest: true for max, false for min.
    /// - Complexity: O(rows).
    public static func extremes<T: ExtremeValue & ColumnElement>(_ v: UnsafeBufferPointer<T>, _ validity: Bitmap?, _ grouping: Grouping,
                                                               largest: Bool) -> Column<T> {
        let n = v.count
        nonisolated(unsafe) let values = v.baseAddress
        let single = grouping.isSingle
        let acc: [T] = grouping.groupIDs.withUnsafeBufferPointer { idsBuf in
            nonisolated(unsafe) let ids = idsBuf.baseAddress
            return (validity?.words ?? []).withUnsafeBufferPointer { wBuf in
                nonisolated(unsafe) let words = validity == nil ? nil : wBuf.baseAddress
                if largest {
                    return GroupedSum.chunkedScatter(count: n, groups: grouping.groupCount, zero: T.lowest,
                                                     merge: { a, b in a = b > a ? b : a }) { r, a in
                        if single {
                            var m = T.lowest
                            GroupedSum.forEachValid(words, r) { i in let x = values![i]; m = x > m ? x : m }
                            a[0] = m
                        } else {
                            GroupedSum.forEachValid(words, r) { i in let g = Int(ids![i]); let x = values![i]; a[g] = x > a[g] ? x : a[g] }
                        }
                    }
                }
                return GroupedSum.chunkedScatter(count: n, groups: grouping.groupCount, zero: T.highest,
                                                 merge: { a, b in a = b < a ? b : a }) { r, a in
                    if single {
                        var m = T.highest
                        GroupedSum.forEachValid(words, r) { i in let x = values![i]; m = x < m ? x : m }
                        a[0] = m
                    } else {
                        GroupedSum.forEachValid(words, r) { i in let g = Int(ids![i]); let x = values![i]; a[g] = x < a[g] ? x : a[g] }
                    }
                }
            }
        }
        // Without nulls every group has a value (a group exists because a row is in it); only an
        // empty ungrouped frame has none.
        if validity == nil { return Column(values: acc, validity: n > 0 ? nil : Bitmap(repeating: false, count: acc.count)) }
        let present = GroupedSum.validCounts(validity, grouping)
        return Column(values: acc, validity: Bitmap(present.lazy.map { $0 > 0 }))
    }

    /// Whether any (or all) of each group's non-null booleans are true; a group with no value
    /// gives false for `any` and true for `all` (the identities of or and and).
    ///
    /// - Complexity: O(rows).
    public static func anyAll(_ c: Column<Bool>, _ grouping: Grouping, all: Bool) -> [Bool] {
        let n = c.count
        let single = grouping.isSingle
        // One byte per group keeps the accumulators in cache even for many groups.
        let acc: [Bool] = c.values.withUnsafeBufferPointer { v in
            grouping.groupIDs.withUnsafeBufferPointer { idsBuf in
                nonisolated(unsafe) let ids = idsBuf.baseAddress
                nonisolated(unsafe) let vals = v.baseAddress
                return (c.validity?.words ?? []).withUnsafeBufferPointer { wBuf in
                    nonisolated(unsafe) let words = c.validity == nil ? nil : wBuf.baseAddress
                    if all {
                        return GroupedSum.chunkedScatter(count: n, groups: grouping.groupCount, zero: true, merge: { $0 = $0 && $1 }) { r, a in
                            if single {
                                var x = true
                                GroupedSum.forEachValid(words, r) { i in x = x && vals![i] }
                                a[0] = x
                            } else {
                                GroupedSum.forEachValid(words, r) { i in let g = Int(ids![i]); a[g] = a[g] && vals![i] }
                            }
                        }
                    }
                    return GroupedSum.chunkedScatter(count: n, groups: grouping.groupCount, zero: false, merge: { $0 = $0 || $1 }) { r, a in
                        if single {
                            var x = false
                            GroupedSum.forEachValid(words, r) { i in x = x || vals![i] }
                            a[0] = x
                        } else {
                            GroupedSum.forEachValid(words, r) { i in let g = Int(ids![i]); a[g] = a[g] || vals![i] }
                        }
                    }
                }
            }
        }
        return acc
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

/// A value type with a least and a greatest value, so min and max accumulators can start there.
public protocol ExtremeValue: Comparable, BitwiseCopyable, Sendable {
    /// The least value (max starts here).
    static var lowest: Self { get }
    /// The greatest value (min starts here).
    static var highest: Self { get }
}

extension Int64: ExtremeValue {
    /// `Int64.min`.
    public static var lowest: Int64 { .min }
    /// `Int64.max`.
    public static var highest: Int64 { .max }
}

extension Double: ExtremeValue {
    /// -infinity.
    public static var lowest: Double { -.infinity }
    /// +infinity.
    public static var highest: Double { .infinity }
}

extension Timestamp: ExtremeValue {
    /// The earliest representable instant.
    public static var lowest: Timestamp { Timestamp(micros: .min) }
    /// The latest representable instant.
    public static var highest: Timestamp { Timestamp(micros: .max) }
}

extension Duration: ExtremeValue {
    /// The most negative span.
    public static var lowest: Duration { Duration(micros: .min) }
    /// The most positive span.
    public static var highest: Duration { Duration(micros: .max) }
}
