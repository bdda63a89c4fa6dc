// Per-column summaries (describe): counts, nulls, moments, quartiles, distinct values and the most frequent value.

extension DataFrame {
    /// The columns of ``describe()``'s result, in order.
    public static let describeSchema: [(name: String, type: DataType)] = [
        ("column", .string), ("type", .string), ("count", .int), ("nulls", .int),
        ("mean", .double), ("std", .double), ("min", .double), ("25%", .double), ("50%", .double),
        ("75%", .double), ("max", .double), ("unique", .int), ("top", .string),
    ]

    /// One row per column of this frame: `column`, `type`, `count` (non-null values), `nulls`,
    /// `mean`, `std`, `min`, `25%`, `50%`, `75%`, `max`, `unique` (distinct non-null values)
    /// and `top` (the most frequent value) — pandas' `describe(include="all")`, with nulls
    /// counted too.
    ///
    /// - `mean` … `max` are doubles, given for int and double columns and null for the others
    ///   (as pandas leaves them NaN for object columns). Keeping them numeric keeps the table
    ///   narrow and right-aligned; a timestamp's range is `agg first = min(ts), last = max(ts)`.
    ///   `std` is the sample standard deviation (n - 1), null below two values; quartiles
    ///   interpolate linearly (pandas' default, ``Statistics/quantile(sorted:_:)``); the mean
    ///   sums in ``Statistics/sum(_:)``'s fixed order.
    /// - `unique` is given for every column.
    /// - `top` is given for string and bool columns only (pandas' categorical columns): the most
    ///   frequent value, ties broken by the smallest (byte order; `false` before `true`); null
    ///   when the column has no value.
    ///
    /// ```swift
    /// let d = clicks.describe()   // 14 rows × 13 columns for the UCI clickstream
    /// ```
    /// - Returns: the summary frame (``describeSchema``).
    /// - Complexity: O(rows) per int column whose values span a small range (counted, not
    ///   sorted) and per column already in order; O(rows log rows) per other column. Columns
    ///   are summarised in parallel.
    public func describe() -> DataFrame {
        let k = columnCount
        var profiles = [ColumnProfile](repeating: ColumnProfile(), count: k)
        profiles.withUnsafeMutableBufferPointer { buf in
            nonisolated(unsafe) let out = buf
            let frame = self
            Parallel.forEach(k) { i in out[i] = ColumnProfile(frame.column(at: i)) }
        }
        func doubles(_ f: (ColumnProfile) -> Double?) -> AnyColumn { .double(Column(profiles.map(f))) }
        let columns: [(String, AnyColumn)] = [
            ("column", .string(StringColumn(columnNames.map { Optional($0) }))),
            ("type", .string(StringColumn(schema.map { Optional($0.type.rawValue) }).dictionaryEncoded())),
            ("count", .int(Column(values: profiles.map { Int64($0.count) }))),
            ("nulls", .int(Column(values: profiles.map { Int64($0.nulls) }))),
            ("mean", doubles(\.mean)), ("std", doubles(\.std)), ("min", doubles(\.min)),
            ("25%", doubles(\.q25)), ("50%", doubles(\.q50)), ("75%", doubles(\.q75)), ("max", doubles(\.max)),
            ("unique", .int(Column(values: profiles.map { Int64($0.unique) }))),
            ("top", .string(StringColumn(profiles.map(\.top)))),
        ]
        // Every column has `columnCount` rows, so this cannot fail.
        return (try? DataFrame(columns: columns)) ?? .empty
    }
}

/// The summary of one column, as ``DataFrame/describe()`` reports it.
struct ColumnProfile: Sendable {
    var count = 0, nulls = 0, unique = 0
    var mean: Double?, std: Double?, min: Double?, q25: Double?, q50: Double?, q75: Double?, max: Double?
    var top: String?

    init() {}

    /// Summarises a column.
    init(_ c: AnyColumn) {
        nulls = c.nullCount
        count = c.count - nulls
        switch c {
        case .int(let x): self.numeric(ints: x)
        case .double(let x): self.numeric(doubles: x)
        case .bool(let x):
            var trues = 0
            x.values.withUnsafeBufferPointer { v in Bitmap.forEachValid(x.validity, count: x.count) { i in if v[i] { trues += 1 } } }
            let falses = count - trues
            unique = (trues > 0 ? 1 : 0) + (falses > 0 ? 1 : 0)
            top = count == 0 ? nil : (trues > falses ? "true" : "false")
        case .string(let s): self.strings(s)
        case .timestamp(let x): unique = Self.distinctCount(Self.compacted(x).map(\.micros))
        case .duration(let x): unique = Self.distinctCount(Self.compacted(x).map(\.micros))
        }
    }

    /// The valid values of a column, packed (the values themselves, uncopied, when none is null).
    static func compacted<T: ColumnElement>(_ x: Column<T>) -> [T] {
        guard let validity = x.validity else { return x.values }
        let n = validity.setCount
        return [T](unsafeUninitializedCapacity: n) { out, initialized in
            var k = 0
            x.values.withUnsafeBufferPointer { v in Bitmap.forEachValid(validity, count: x.count) { out[k] = v[$0]; k += 1 } }
            initialized = n
        }
    }

    /// Mean, standard deviation, extremes, quartiles and distinct count of doubles.
    mutating func numeric(doubles x: Column<Double>) {
        var vals = Self.compacted(x)
        vals.withUnsafeBufferPointer { b in moments(b.count, { b[$0] }) }
        vals.sort()
        vals.withUnsafeBufferPointer { s in
            quartiles { k in s[k] }
            var d = 0
            for i in 0..<s.count where i == 0 || s[i] != s[i - 1] { d += 1 }
            unique = d
        }
    }

    /// As for doubles; an int column whose values span at most a few times its length is
    /// counted instead of sorted.
    mutating func numeric(ints x: Column<Int64>) {
        var vals = Self.compacted(x)
        guard !vals.isEmpty else { return }
        var lo = Int64.max, hi = Int64.min
        vals.withUnsafeBufferPointer { b in
            moments(b.count) { Double(b[$0]) }
            for v in b { lo = Swift.min(lo, v); hi = Swift.max(hi, v) }
        }
        let (span, overflow) = hi.subtractingReportingOverflow(lo)
        if !overflow && span < Int64(Swift.max(4 * vals.count, 1 << 16)) && span < 1 << 28 {
            var counts = [Int32](repeating: 0, count: Int(span) + 1)
            counts.withUnsafeMutableBufferPointer { c in
                vals.withUnsafeBufferPointer { b in for v in b { c[Int(v &- lo)] &+= 1 } }
            }
            unique = counts.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
            // The k-th smallest value: walk the cumulative counts, restarting if k goes back.
            var cumulative = 0, bucket = -1, previous = -1
            quartiles { k in
                if k < previous { cumulative = 0; bucket = -1 }
                previous = k
                while cumulative <= k { bucket += 1; cumulative += Int(counts[bucket]) }
                return Double(lo &+ Int64(bucket))
            }
        } else {
            vals.sort()
            vals.withUnsafeBufferPointer { s in
                quartiles { k in Double(s[k]) }
                var d = 0
                for i in 0..<s.count where i == 0 || s[i] != s[i - 1] { d += 1 }
                unique = d
            }
        }
    }

    /// Mean and sample standard deviation of `n` values given by index, in exactly the order
    /// of ``Statistics/mean(_:)`` and ``Statistics/variance(_:)`` (four interleaved partial sums,
    /// then one running sum of squared deviations), so an int column and the same values as a
    /// double column summarise to the same bits, without converting the column first.
    mutating func moments(_ n: Int, _ value: (Int) -> Double) {
        guard n > 0 else { return }
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var i = 0
        while i + 4 <= n {
            s0 += value(i); s1 += value(i + 1); s2 += value(i + 2); s3 += value(i + 3)
            i += 4
        }
        while i < n { s0 += value(i); i += 1 }
        let m = ((s0 + s1) + (s2 + s3)) / Double(n)
        mean = m
        guard n >= 2 else { return }
        var ss = 0.0
        for j in 0..<n { let d = value(j) - m; ss += d * d }
        std = (ss / Double(n - 1)).squareRoot()
    }

    /// Min, quartiles and max from an accessor of the k-th smallest valid value (pandas' linear
    /// interpolation between order statistics).
    mutating func quartiles(_ kth: (Int) -> Double) {
        let n = count
        guard n > 0 else { return }
        var results: [Double] = []
        for q in [0, 0.25, 0.5, 0.75, 1.0] {
            let h = Double(n - 1) * q
            let lo = Int(h.rounded(.down))
            let frac = h - Double(lo)
            let a = kth(lo)
            results.append(frac == 0 ? a : a + frac * (kth(Swift.min(lo + 1, n - 1)) - a))
        }
        (min, q25, q50, q75, max) = (results[0], results[1], results[2], results[3], results[4])
    }

    /// Distinct count and most frequent value of strings (ties: smallest bytes first).
    mutating func strings(_ s: StringColumn) {
        guard count > 0, case .dictionary(let codes, let entries) = s.dictionaryEncoded().storage else { return }
        var counts = [Int](repeating: 0, count: entries.count)
        codes.withUnsafeBufferPointer { c in Bitmap.forEachValid(s.validity, count: s.count) { counts[Int(c[$0])] += 1 } }
        unique = counts.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        var best = -1
        for e in 0..<entries.count where counts[e] > 0 {
            if best < 0 || counts[e] > counts[best] { best = e; continue }
            if counts[e] == counts[best],
               entries.withUTF8(at: e, { a in entries.withUTF8(at: best) { b in StringComparison.compareBytes(a, b) < 0 } }) {
                best = e
            }
        }
        top = entries[best]
    }

    /// The number of distinct values: counted in one pass when they are already in order (as
    /// event times usually are), sorted otherwise.
    static func distinctCount(_ values: [Int64]) -> Int {
        var v = values
        var ordered = true
        v.withUnsafeBufferPointer { b in
            for i in b.indices.dropFirst() where b[i] < b[i - 1] { ordered = false; break }
        }
        if !ordered { v.sort() }
        return v.withUnsafeBufferPointer { b in
            var d = 0
            for i in b.indices where i == 0 || b[i] != b[i - 1] { d += 1 }
            return d
        }
    }
}
