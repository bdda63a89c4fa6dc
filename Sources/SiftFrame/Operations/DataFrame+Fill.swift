// Filling nulls: with a constant, the column's own mean, median or mode, or the last valid value; per group when grouped.

/// How `fill` replaces the nulls of a column.
///
/// | strategy | column types | result type | a null stays null when |
/// |---|---|---|---|
/// | `value(v)` | `v`'s type; an int column takes a double (and becomes double), a double column an int | the column's (or double) | never |
/// | `mean` | int, double | double | its group has no value |
/// | `median` | int, double | double | its group has no value |
/// | `mode` | any | the column's | its group has no value |
/// | `forward` | any | the column's | no earlier row of its group has a value |
///
/// The mean and median of an int column are doubles, so the column becomes double even when
/// the statistic happens to be whole: a column's type never depends on its data, which lets
/// every later stage be checked before anything runs (pandas gets the same result because an
/// int column with nulls is already `float64` there). The mean is the arithmetic mean of the
/// valid values, summed in ``Statistics/sum(_:)``'s fixed order; the median interpolates
/// between the two middle values (``Statistics/quantile(sorted:_:)``); the mode breaks ties by
/// the smallest value (strings by byte order, `false` before `true`), as the `mode` aggregate does.
public enum FillStrategy: Sendable, Equatable, CustomStringConvertible {
    /// A constant.
    case value(Scalar)
    /// The mean of the valid values.
    case mean
    /// The median of the valid values.
    case median
    /// The most frequent valid value (the smallest of equally frequent ones).
    case mode
    /// The last valid value before the row (leading nulls stay null).
    case forward

    /// The strategies written as bare words in `fill col = WORD`.
    public static let names = ["mean", "median", "mode", "forward"]

    /// The strategy a bare word names, or nil.
    public init?(name: String) {
        switch name {
        case "mean": self = .mean
        case "median": self = .median
        case "mode": self = .mode
        case "forward": self = .forward
        default: return nil
        }
    }

    /// The word or value as written.
    public var description: String {
        switch self {
        case .value(let s): return s.description
        case .mean: return "mean"
        case .median: return "median"
        case .mode: return "mode"
        case .forward: return "forward"
        }
    }

    /// The type a column of `type` has after this fill (see the table above).
    ///
    /// - Parameters:
    ///   - type: the column's type.
    ///   - column: the column's name, for messages.
    /// - Throws: ``FrameError/invalidArgument(_:)`` for a null value, ``FrameError/typeMismatch(_:)``
    ///   for a value of another type or a mean/median of a non-numeric column.
    public func resultType(for type: DataType, column: String) throws -> DataType {
        switch self {
        case .value(let s):
            guard let t = s.type else {
                throw FrameError.invalidArgument("cannot fill column '\(column)' with null; give a value or mean, median, mode or forward")
            }
            if t == type { return type }
            if t.isNumeric && type.isNumeric { return .double }
            let shown = t == .string ? "'\(s)'" : s.description
            throw FrameError.typeMismatch("cannot fill \(type) column '\(column)' with \(t) value \(shown)")
        case .mean, .median:
            guard type.isNumeric else {
                throw FrameError.typeMismatch("cannot fill \(type) column '\(column)' with its \(self); \(self) needs an int or double column (use mode or a value)")
            }
            return .double
        case .mode, .forward:
            return type
        }
    }
}

extension DataFrame {
    /// The frame with the nulls of some columns filled, each column by its own strategy.
    ///
    /// Under a grouping, the mean, median and mode are those of the row's group, and `forward`
    /// carries values only within a group (in row order), as dplyr's grouped `fill` and pandas'
    /// `groupby(...).ffill()` do. Columns keep their positions; a column whose type changes
    /// (an int column filled with a mean) changes in place.
    ///
    /// ```swift
    /// let clean = try df.filling([("price", .median), ("colour", .mode), ("note", .value(.string("none")))])
    /// ```
    /// - Parameters:
    ///   - fills: column names and strategies; each column at most once.
    ///   - grouping: the groups of the rows, or nil.
    /// - Returns: the filled frame.
    /// - Throws: ``FrameError/columnNotFound(name:available:)``, the errors of
    ///   ``FillStrategy/resultType(for:column:)``, and ``FrameError/invalidArgument(_:)`` for a column
    ///   named twice.
    /// - Complexity: O(rows) per column for constants, mean and forward; O(rows log rows) for
    ///   median and mode.
    public func filling(_ fills: [(column: String, strategy: FillStrategy)], grouping: Grouping? = nil) throws -> DataFrame {
        let groups = grouping ?? .single(rowCount: rowCount)
        precondition(groups.rowCount == rowCount, "grouping does not match the frame")
        var out = self
        var done: [String] = []
        for (name, strategy) in fills {
            if done.contains(name) { throw FrameError.invalidArgument("column '\(name)' is filled twice") }
            done.append(name)
            out = try out.setting(name, to: try NullFilling.filled(try column(named: name), name: name, strategy, groups: groups))
        }
        return out
    }
}

/// The kernels behind ``DataFrame/filling(_:grouping:)``.
enum NullFilling {
    /// One column with its nulls filled.
    static func filled(_ c: AnyColumn, name: String, _ strategy: FillStrategy, groups: Grouping) throws -> AnyColumn {
        let target = try strategy.resultType(for: c.type, column: name)
        switch strategy {
        case .value(let s):
            let col = target == c.type ? c : try Conversion.cast(c, to: target)
            return try constantFilled(col, s)
        case .mean, .median:
            guard case .double(let x) = try Conversion.cast(c, to: .double) else { preconditionFailure("cast to double") }
            guard x.nullCount > 0 else { return .double(x) }
            let perGroup = groupStatistic(x, groups: groups, strategy == .mean ? mean : median)
            return .double(filledPerGroup(x, perGroup, groups: groups))
        case .mode:
            guard c.nullCount > 0 else { return c }
            return c.gathered(sourceRows(validity: c.validity, groups: groups, fill: modeRows(c, groups: groups)))
        case .forward:
            guard c.nullCount > 0 else { return c }
            return c.gathered(forwardRows(validity: c.validity, groups: groups))
        }
    }

    // MARK: - Constants

    /// The column with every null replaced by `s` (already of the column's type, or an int for a double column).
    static func constantFilled(_ c: AnyColumn, _ s: Scalar) throws -> AnyColumn {
        guard let validity = c.validity else { return c }
        func fill<T: ColumnElement>(_ x: Column<T>, _ v: T) -> Column<T> {
            var vals = x.values
            vals.withUnsafeMutableBufferPointer { o in forEachNull(validity) { o[$0] = v } }
            return Column(values: vals)
        }
        switch (c, s) {
        case (.int(let x), .int(let v)): return .int(fill(x, v))
        case (.double(let x), _): return .double(fill(x, s.numericValue ?? 0))
        case (.bool(let x), .bool(let v)): return .bool(fill(x, v))
        case (.timestamp(let x), .timestamp(let v)): return .timestamp(fill(x, v))
        case (.duration(let x), .duration(let v)): return .duration(fill(x, v))
        case (.string(let x), .string(let v)): return .string(stringFilled(x, v, validity))
        default: throw FrameError.typeMismatch("cannot fill \(c.type) column with \(s)")
        }
    }

    /// A string column's nulls replaced by `v`: a dictionary column gains at most one entry and
    /// points its null rows at it; a plain column is rebuilt.
    static func stringFilled(_ x: StringColumn, _ v: String, _ validity: Bitmap) -> StringColumn {
        var v = v
        return v.withUTF8 { vb in
            switch x.storage {
            case .dictionary(var codes, let entries):
                var code: UInt32? = nil
                for e in 0..<entries.count where entries.withUTF8(at: e, { StringComparison.compareBytes($0, vb) == 0 }) {
                    code = UInt32(e)
                    break
                }
                var dict = entries
                if code == nil {
                    code = UInt32(entries.count)
                    dict = StringArray(offsets: entries.offsets + [entries.bytes.count + vb.count], bytes: entries.bytes + Array(vb))
                }
                let k = code ?? 0
                codes.withUnsafeMutableBufferPointer { o in forEachNull(validity) { o[$0] = k } }
                return StringColumn(storage: .dictionary(codes: codes, entries: dict))
            case .plain(let a):
                var b = StringArrayBuilder(capacity: a.count, byteCapacity: a.bytes.count + vb.count * validity.unsetCount)
                for i in 0..<a.count {
                    if validity[i] { a.withUTF8(at: i) { b.append(utf8: $0) } } else { b.append(utf8: vb) }
                }
                return StringColumn(storage: .plain(b.build()))
            }
        }
    }

    // MARK: - Mean and median

    private static func mean(_ v: UnsafeMutableBufferPointer<Double>) -> Double? {
        Statistics.mean(UnsafeBufferPointer(v))
    }

    /// The median by selection rather than sorting: the lower middle value by quickselect,
    /// the upper one (for an even count) as the smallest value above it; the same value as
    /// ``Statistics/quantile(sorted:_:)`` at 0.5 on sorted data.
    private static func median(_ v: UnsafeMutableBufferPointer<Double>) -> Double? {
        let n = v.count
        guard n > 0 else { return nil }
        let lower = select(v, (n - 1) / 2)
        guard n % 2 == 0 else { return lower }
        var upper = Double.infinity
        for x in v[((n - 1) / 2 + 1)...] { upper = Swift.min(upper, x) }
        return lower + 0.5 * (upper - lower)
    }

    /// Rearranges `v` so that `v[k]` is its k-th smallest value, everything before it no larger
    /// and everything after it no smaller, and returns it: Hoare's FIND (quickselect, CACM 1961)
    /// with a median-of-three pivot, falling back to sorting a range that shrinks too slowly.
    ///
    /// - Complexity: O(n) expected, O(n log n) at worst.
    static func select(_ v: UnsafeMutableBufferPointer<Double>, _ k: Int) -> Double {
        var lo = 0, hi = v.count - 1
        var budget = 2 * (Int.bitWidth - v.count.leadingZeroBitCount) + 4
        while hi > lo {
            if budget == 0 {
                var rest = UnsafeMutableBufferPointer(rebasing: v[lo...hi])
                rest.sort()
                return v[k]
            }
            budget -= 1
            let mid = lo + (hi - lo) / 2
            if v[mid] < v[lo] { v.swapAt(mid, lo) }
            if v[hi] < v[lo] { v.swapAt(hi, lo) }
            if v[hi] < v[mid] { v.swapAt(hi, mid) }
            let pivot = v[mid]
            var i = lo, j = hi
            while i <= j {
                while v[i] < pivot { i += 1 }
                while pivot < v[j] { j -= 1 }
                if i <= j { v.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { hi = j } else if k >= i { lo = i } else { return v[k] }
        }
        return v[k]
    }

    /// A statistic of each group's valid values (nil for a group with none). The values of a
    /// group are handed over contiguous, in row order, in a scratch buffer `stat` may reorder.
    ///
    /// - Complexity: O(rows) plus the statistic.
    static func groupStatistic(_ x: Column<Double>, groups: Grouping,
                               _ stat: (UnsafeMutableBufferPointer<Double>) -> Double?) -> [Double?] {
        let n = x.count, gc = groups.groupCount
        var offsets = [Int](repeating: 0, count: gc + 1)
        Bitmap.forEachValid(x.validity, count: n) { i in offsets[groups.group(ofRow: i) + 1] += 1 }
        for g in 0..<gc { offsets[g + 1] += offsets[g] }
        var scratch = [Double](repeating: 0, count: offsets[gc])
        var cursor = offsets
        scratch.withUnsafeMutableBufferPointer { s in
            x.values.withUnsafeBufferPointer { v in
                Bitmap.forEachValid(x.validity, count: n) { i in
                    let g = groups.group(ofRow: i)
                    s[cursor[g]] = v[i]
                    cursor[g] += 1
                }
            }
        }
        return scratch.withUnsafeMutableBufferPointer { s in
            (0..<gc).map { g in
                offsets[g] == offsets[g + 1] ? nil : stat(UnsafeMutableBufferPointer(rebasing: s[offsets[g]..<offsets[g + 1]]))
            }
        }
    }

    /// The column with each null replaced by its group's value (null when the group has none).
    static func filledPerGroup<T: ColumnElement>(_ x: Column<T>, _ perGroup: [T?], groups: Grouping) -> Column<T> {
        guard let validity = x.validity else { return x }
        var vals = x.values
        var unfilled: [Int] = []
        vals.withUnsafeMutableBufferPointer { o in
            forEachNull(validity) { i in
                if let v = perGroup[groups.group(ofRow: i)] { o[i] = v } else { unfilled.append(i) }
            }
        }
        if unfilled.isEmpty { return Column(values: vals) }
        let mask = Bitmap(count: x.count) { w in
            for i in 0..<w.count { w[i] = ~0 }
            for i in unfilled { w[i >> 6] &= ~(UInt64(1) << UInt64(i & 63)) }
        }
        return Column(values: vals, validity: mask)
    }

    // MARK: - Mode and forward fill (by gathering a source row)

    /// A selection that maps every valid row to itself and every null row to its group's
    /// source row in `fill` (-1: stays null).
    static func sourceRows(validity: Bitmap?, groups: Grouping, fill: [Int32]) -> RowSelection {
        let n = groups.rowCount
        var src = (0..<n).map { Int32(truncatingIfNeeded: $0) }
        var anyNull = false
        if let validity {
            src.withUnsafeMutableBufferPointer { s in
                forEachNull(validity) { i in
                    let r = fill[groups.group(ofRow: i)]
                    s[i] = r
                    if r < 0 { anyNull = true }
                }
            }
        }
        return RowSelection(indices: src, hasNulls: anyNull)
    }

    /// Each group's last valid row so far carried onto its null rows (-1 before the first).
    static func forwardRows(validity: Bitmap?, groups: Grouping) -> RowSelection {
        let n = groups.rowCount
        var last = [Int32](repeating: -1, count: groups.groupCount)
        var src = [Int32](repeating: 0, count: n)
        var anyNull = false
        src.withUnsafeMutableBufferPointer { s in
            for i in 0..<n {
                let g = groups.group(ofRow: i)
                if validity?[i] ?? true {
                    last[g] = Int32(truncatingIfNeeded: i)
                    s[i] = Int32(truncatingIfNeeded: i)
                } else {
                    s[i] = last[g]
                    if last[g] < 0 { anyNull = true }
                }
            }
        }
        return RowSelection(indices: src, hasNulls: anyNull)
    }

    /// For each group, the first row holding its mode (the most frequent valid value, the
    /// smallest on ties), or -1 when the group has no valid value.
    ///
    /// - Complexity: O(rows log rows).
    static func modeRows(_ c: AnyColumn, groups: Grouping) -> [Int32] {
        let keys = OrderedKeys.of(c)
        let n = c.count, gc = groups.groupCount
        let validity = c.validity
        var offsets = [Int](repeating: 0, count: gc + 1)
        Bitmap.forEachValid(validity, count: n) { i in offsets[groups.group(ofRow: i) + 1] += 1 }
        for g in 0..<gc { offsets[g + 1] += offsets[g] }
        var scratch = [Int64](repeating: 0, count: offsets[gc])
        var cursor = offsets
        Bitmap.forEachValid(validity, count: n) { i in
            let g = groups.group(ofRow: i)
            scratch[cursor[g]] = keys[i]
            cursor[g] += 1
        }
        var modeKey = [Int64?](repeating: nil, count: gc)
        if gc == 1, let key = countedMode(scratch) {
            modeKey[0] = key
        } else {
            scratch.withUnsafeMutableBufferPointer { s in
                for g in 0..<gc where offsets[g] < offsets[g + 1] {
                    var seg = UnsafeMutableBufferPointer(rebasing: s[offsets[g]..<offsets[g + 1]])
                    seg.sort()
                    var best = seg[0], bestCount = 0, i = 0
                    while i < seg.count {
                        var j = i + 1
                        while j < seg.count && seg[j] == seg[i] { j += 1 }
                        if j - i > bestCount { best = seg[i]; bestCount = j - i }
                        i = j
                    }
                    modeKey[g] = best
                }
            }
        }
        var rows = [Int32](repeating: -1, count: gc)
        Bitmap.forEachValid(validity, count: n) { i in
            let g = groups.group(ofRow: i)
            if rows[g] < 0 && modeKey[g] == keys[i] { rows[g] = Int32(truncatingIfNeeded: i) }
        }
        return rows
    }
}

extension NullFilling {
    /// The most frequent key (the smallest on ties) by counting, when the keys span at most
    /// four slots per key (and 2^26 in all); nil otherwise or when there are none.
    ///
    /// - Complexity: O(n + span).
    static func countedMode(_ keys: [Int64]) -> Int64? {
        guard let lo = keys.min(), let hi = keys.max() else { return nil }
        let (span, overflow) = hi.subtractingReportingOverflow(lo)
        guard !overflow, span < Int64(Swift.max(4 * keys.count, 1 << 16)), span < 1 << 26 else { return nil }
        var counts = [Int32](repeating: 0, count: Int(span) + 1)
        counts.withUnsafeMutableBufferPointer { c in
            keys.withUnsafeBufferPointer { k in for v in k { c[Int(v &- lo)] &+= 1 } }
        }
        var best = 0
        for i in counts.indices where counts[i] > counts[best] { best = i }
        return lo &+ Int64(best)
    }
}

/// Calls `body` with the index of every unset bit of a validity mask, in increasing order.
///
/// - Complexity: O(count / 64 + nulls).
func forEachNull(_ validity: Bitmap, _ body: (Int) -> Void) {
    let n = validity.count
    validity.words.withUnsafeBufferPointer { words in
        for wi in 0..<words.count {
            var w = ~words[wi]
            let base = wi << 6
            if base + 64 > n { w &= (UInt64(1) << UInt64(n - base)) &- 1 }
            while w != 0 {
                body(base | w.trailingZeroBitCount)
                w &= w &- 1
            }
        }
    }
}

/// 64-bit keys that order a column's values: equal values get equal keys, and keys compare as
/// the values do (strings by UTF-8 bytes, `false` before `true`, `-0.0` equal to `0.0`). Null
/// rows get unspecified keys.
enum OrderedKeys {
    /// The key of every row.
    ///
    /// - Complexity: O(rows) for fixed-width columns; O(rows + d log d) for strings with `d` distinct values.
    static func of(_ c: AnyColumn) -> [Int64] {
        switch c {
        case .int(let x): return x.values
        case .double(let x): return x.values.map(key)
        case .bool(let x): return x.values.map { $0 ? 1 : 0 }
        case .timestamp(let x): return x.values.map(\.micros)
        case .duration(let x): return x.values.map(\.micros)
        case .string(let s):
            guard case .dictionary(let codes, let entries) = s.dictionaryEncoded().storage else { preconditionFailure("dictionary encoding") }
            let rank = ranks(entries)
            return codes.map { Int($0) < rank.count ? rank[Int($0)] : 0 }
        }
    }

    /// A double's key: its bits as a signed integer, with the non-sign bits of negative numbers
    /// flipped so that the integer order is the numeric order.
    @inline(__always) static func key(_ d: Double) -> Int64 {
        let k = Int64(bitPattern: (d + 0.0).bitPattern)
        return k < 0 ? k ^ Int64.max : k
    }

    /// The rank of each entry in byte order (entries are distinct, so ranks are too).
    static func ranks(_ entries: StringArray) -> [Int64] {
        let order = entries.bytes.withUnsafeBufferPointer { b in
            (0..<entries.count).sorted { x, y in
                StringComparison.compareBytes(UnsafeBufferPointer(rebasing: b[entries.offsets[x]..<entries.offsets[x + 1]]),
                                              UnsafeBufferPointer(rebasing: b[entries.offsets[y]..<entries.offsets[y + 1]])) < 0
            }
        }
        var rank = [Int64](repeating: 0, count: entries.count)
        for (r, e) in order.enumerated() { rank[e] = Int64(r) }
        return rank
    }
}
