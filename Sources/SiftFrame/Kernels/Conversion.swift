// Casts between column types: the `cast` verb and the int/float/str functions share these rules.

/// Type conversion rules.
///
/// | from → to | rule |
/// |---|---|
/// | int → double | exact below 2^53 |
/// | double → int | truncates toward zero (Python's `int()`); out of range is an error |
/// | bool → int/double | 1 and 0 |
/// | int/double → bool | non-zero is true |
/// | string → int/double/bool/timestamp | parsed strictly; text that does not parse is an error naming the value and row |
/// | timestamp ↔ int/double | seconds since 1970-01-01 UTC (Unix time) |
/// | duration ↔ int/double | seconds |
/// | any → string | the CSV form: shortest round-trip doubles, `true`/`false`, `YYYY-MM-DD HH:MM:SS` |
public enum Conversion {
    /// An operand converted to `type` (constants stay constants).
    ///
    /// - Throws: ``FrameError/typeMismatch(_:)`` for an impossible cast, ``FrameError/invalidArgument(_:)``
    ///   for a value that does not convert.
    public static func cast(_ o: Operand, to type: DataType) throws -> Operand {
        switch o {
        case .column(let c): return .column(try cast(c, to: type))
        case .scalar(let s):
            if s.isNull || s.type == type { return o }
            return .scalar(try cast(try AnyColumn([s], type: s.type!), to: type)[0])
        case .list: throw FrameError.typeMismatch("a list cannot be cast to \(type)")
        }
    }

    /// A column converted to `type`.
    ///
    /// - Complexity: O(rows); strings are parsed or formatted per row.
    /// - Throws: as ``cast(_:to:)-(Operand,_)``.
    public static func cast(_ c: AnyColumn, to type: DataType) throws -> AnyColumn {
        if c.type == type { return c }
        let v = c.validity
        switch (c, type) {
        case (.int(let x), .double): return .double(x.map { Double($0) })
        case (.int(let x), .bool): return .bool(x.map { $0 != 0 })
        case (.int(let x), .timestamp):
            return .timestamp(try checkedMicros(x.map { Double($0) }, "timestamp").map { Timestamp(micros: $0) })
        case (.int(let x), .duration):
            return .duration(try checkedMicros(x.map { Double($0) }, "duration").map { Duration(micros: $0) })
        case (.double(let x), .int):
            var bad: Int? = nil
            let out = x.map { (d: Double) -> Int64 in
                guard d.isFinite, d > -9.223372036854775e18, d < 9.223372036854775e18 else { return 0 }
                return Int64(d)
            }
            Bitmap.forEachValid(v, count: x.count) { i in
                let d = x.values[i]
                if bad == nil, !(d.isFinite && d > -9.223372036854775e18 && d < 9.223372036854775e18) { bad = i }
            }
            if let i = bad { throw FrameError.invalidArgument("cannot cast \(x.values[i]) (row \(i + 1)) to int: out of range") }
            return .int(out)
        case (.double(let x), .bool): return .bool(x.map { $0 != 0 })
        case (.double(let x), .timestamp): return .timestamp(try checkedMicros(x, "timestamp").map { Timestamp(micros: $0) })
        case (.double(let x), .duration): return .duration(try checkedMicros(x, "duration").map { Duration(micros: $0) })
        case (.bool(let x), .int): return .int(x.map { $0 ? 1 : 0 })
        case (.bool(let x), .double): return .double(x.map { $0 ? 1 : 0 })
        case (.timestamp(let x), .int): return .int(x.map { floorDiv($0.micros, 1_000_000) })
        case (.timestamp(let x), .double): return .double(x.map { Double($0.micros) / 1_000_000 })
        case (.duration(let x), .int): return .int(x.map { $0.micros / 1_000_000 })
        case (.duration(let x), .double): return .double(x.map { Double($0.micros) / 1_000_000 })
        case (.string(let s), _): return try parse(s, as: type)
        case (_, .string): return .string(format(c))
        default:
            throw FrameError.typeMismatch("cannot cast \(c.type) to \(type)")
        }
    }

    @inlinable static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// Seconds (as doubles) to microseconds, rejecting values past Int64's range.
    private static func checkedMicros(_ x: Column<Double>, _ what: String) throws -> Column<Int64> {
        var bad: Int? = nil
        Bitmap.forEachValid(x.validity, count: x.count) { i in
            let m = x.values[i] * 1_000_000
            if bad == nil, !(m.isFinite && abs(m) < 9.2e18) { bad = i }
        }
        if let i = bad { throw FrameError.invalidArgument("cannot cast \(x.values[i]) (row \(i + 1)) to \(what): out of range") }
        return x.map { (s: Double) -> Int64 in
            let m = s * 1_000_000
            return m.isFinite && abs(m) < 9.2e18 ? Int64(m.rounded()) : 0
        }
    }

    /// Formats every valid row the way CSV writes it.
    public static func format(_ c: AnyColumn) -> StringColumn {
        let n = c.count
        var b = StringArrayBuilder(capacity: n)
        for i in 0..<n {
            let s = c[i]
            if s.isNull { b.appendEmpty() } else { b.append(format(s)) }
        }
        return StringColumn(storage: .plain(b.build()), validity: c.validity).dictionaryEncodedIfRepetitive()
    }

    /// One value in its CSV text form.
    public static func format(_ s: Scalar) -> String {
        switch s {
        case .double(let d): return formatDouble(d)
        default: return s.description
        }
    }

    /// A double in shortest round-trip form: `0.1`, `3.0`, `1e-07`, `inf`.
    public static func formatDouble(_ d: Double) -> String { d.description }

    /// Parses the strings of a column as `type`.
    private static func parse(_ s: StringColumn, as type: DataType) throws -> AnyColumn {
        // Parse each distinct dictionary entry once.
        if case .dictionary(let codes, let entries) = s.storage {
            let parsed = try parse(StringColumn(storage: .plain(entries)), as: type, skipInvalid: true)
            var firstBad: Int? = nil
            Bitmap.forEachValid(s.validity, count: s.count) { i in
                if firstBad == nil, !parsed.isValid(Int(codes[i])) { firstBad = i }
            }
            if let i = firstBad { throw notParsed(s[i] ?? "", i, type) }
            return parsed.gathered(RowSelection(indices: codes.map { Int32(bitPattern: $0) }, hasNulls: false)).withValidity(s.validity)
        }
        return try parse(s, as: type, skipInvalid: false)
    }

    private static func notParsed(_ text: String, _ row: Int, _ type: DataType) -> FrameError {
        .invalidArgument("cannot cast '\(text)' (row \(row + 1)) to \(type)")
    }

    /// Parses row by row; with `skipInvalid`, text that does not parse becomes null.
    private static func parse(_ s: StringColumn, as type: DataType, skipInvalid: Bool) throws -> AnyColumn {
        let n = s.count
        var valid = [Bool](repeating: false, count: n)
        func run<T: ColumnElement>(_ parseOne: (UnsafeBufferPointer<UInt8>) -> T?) throws -> Column<T> {
            var out = [T](repeating: T.zero, count: n)
            for i in 0..<n where s.isValid(i) {
                if let v = s.withUTF8(at: i, { parseOne(trimmed($0)) }) {
                    out[i] = v
                    valid[i] = true
                } else if !skipInvalid {
                    throw notParsed(s[i] ?? "", i, type)
                }
            }
            return Column(values: out, validity: Bitmap(valid))
        }
        switch type {
        case .int: return .int(try run { NumberParser.parseInt($0) })
        case .double: return .double(try run { NumberParser.parseDouble($0) })
        case .bool: return .bool(try run { NumberParser.parseBool($0) })
        case .timestamp: return .timestamp(try run { TimestampParser.parse(bytes: $0) })
        case .duration: return .duration(try run { NumberParser.parseDuration($0) })
        case .string: return .string(s)
        }
    }

    /// The bytes without leading and trailing ASCII spaces.
    static func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lo = 0, hi = b.count
        while lo < hi && (b[lo] == 32 || b[lo] == 9) { lo += 1 }
        while hi > lo && (b[hi - 1] == 32 || b[hi - 1] == 9) { hi -= 1 }
        return UnsafeBufferPointer(rebasing: b[lo..<hi])
    }
}

extension StringColumn {
    /// Dictionary-encodes the column when its values repeat enough to pay (at most one distinct
    /// value per two rows, checked on the whole column); otherwise returns it unchanged.
    public func dictionaryEncodedIfRepetitive() -> StringColumn {
        guard case .plain = storage, count >= 2 else { return self }
        let d = dictionaryEncoded()
        guard case .dictionary(_, let entries) = d.storage, entries.count * 2 <= count else { return self }
        return d
    }
}
