// The type-erased column that frames hold: one case per logical type.

/// A column of any type.
///
/// Kernels switch on the case once per column and then run a typed loop; nothing in a hot
/// loop goes through `AnyColumn` or ``Scalar``.
///
/// ```swift
/// let c = AnyColumn.int(Column<Int64>([1, nil, 3]))
/// c.type        // .int
/// c[1]          // .null
/// ```
public enum AnyColumn: Sendable, Equatable {
    /// 64-bit integers.
    case int(Column<Int64>)
    /// Doubles.
    case double(Column<Double>)
    /// Booleans.
    case bool(Column<Bool>)
    /// Strings.
    case string(StringColumn)
    /// Timestamps.
    case timestamp(Column<Timestamp>)
    /// Durations.
    case duration(Column<Duration>)

    /// The column's type.
    public var type: DataType {
        switch self {
        case .int: return .int
        case .double: return .double
        case .bool: return .bool
        case .string: return .string
        case .timestamp: return .timestamp
        case .duration: return .duration
        }
    }

    /// The number of rows.
    public var count: Int {
        switch self {
        case .int(let c): return c.count
        case .double(let c): return c.count
        case .bool(let c): return c.count
        case .string(let c): return c.count
        case .timestamp(let c): return c.count
        case .duration(let c): return c.count
        }
    }

    /// The validity mask, or nil when no row is null.
    public var validity: Bitmap? {
        switch self {
        case .int(let c): return c.validity
        case .double(let c): return c.validity
        case .bool(let c): return c.validity
        case .string(let c): return c.validity
        case .timestamp(let c): return c.validity
        case .duration(let c): return c.validity
        }
    }

    /// The number of null rows.
    public var nullCount: Int { validity?.unsetCount ?? 0 }

    /// Whether row `i` holds a value.
    public func isValid(_ i: Int) -> Bool { validity.map { $0[i] } ?? true }

    /// Row `i` as a scalar (slow: for display, tests and single values, never for kernels).
    public subscript(i: Int) -> Scalar {
        switch self {
        case .int(let c): return c[i].map(Scalar.int) ?? .null
        case .double(let c): return c[i].map(Scalar.double) ?? .null
        case .bool(let c): return c[i].map(Scalar.bool) ?? .null
        case .string(let c): return c[i].map(Scalar.string) ?? .null
        case .timestamp(let c): return c[i].map(Scalar.timestamp) ?? .null
        case .duration(let c): return c[i].map(Scalar.duration) ?? .null
        }
    }

    /// The same column with a different validity mask (values untouched).
    public func withValidity(_ validity: Bitmap?) -> AnyColumn {
        switch self {
        case .int(let c): return .int(Column(values: c.values, validity: validity))
        case .double(let c): return .double(Column(values: c.values, validity: validity))
        case .bool(let c): return .bool(Column(values: c.values, validity: validity))
        case .string(let c): return .string(StringColumn(storage: c.storage, validity: validity))
        case .timestamp(let c): return .timestamp(Column(values: c.values, validity: validity))
        case .duration(let c): return .duration(Column(values: c.values, validity: validity))
        }
    }

    /// A column of `count` copies of a scalar; null gives an all-null column of `type`.
    ///
    /// - Parameters:
    ///   - scalar: the value to repeat.
    ///   - count: the number of rows.
    ///   - type: the column type when `scalar` is null (default ``DataType/untypedNull``).
    public init(repeating scalar: Scalar, count: Int, nullType type: DataType = .untypedNull) {
        switch scalar {
        case .int(let v): self = .int(Column(values: [Int64](repeating: v, count: count)))
        case .double(let v) where v.isNaN: self = AnyColumn.nulls(of: .double, count: count)
        case .double(let v): self = .double(Column(values: [Double](repeating: v, count: count)))
        case .bool(let v): self = .bool(Column(values: [Bool](repeating: v, count: count)))
        case .string(let s):
            let entries = StringArray([s])
            self = .string(StringColumn(storage: .dictionary(codes: [UInt32](repeating: 0, count: count), entries: entries)))
        case .timestamp(let t): self = .timestamp(Column(values: [Timestamp](repeating: t, count: count)))
        case .duration(let d): self = .duration(Column(values: [Duration](repeating: d, count: count)))
        case .null: self = AnyColumn.nulls(of: type, count: count)
        }
    }

    /// An all-null column of a type.
    public static func nulls(of type: DataType, count: Int) -> AnyColumn {
        let none = Bitmap(repeating: false, count: count)
        switch type {
        case .int: return .int(Column(values: [Int64](repeating: 0, count: count), validity: none))
        case .double: return .double(Column(values: [Double](repeating: 0, count: count), validity: none))
        case .bool: return .bool(Column(values: [Bool](repeating: false, count: count), validity: none))
        case .string:
            return .string(StringColumn(storage: .dictionary(codes: [UInt32](repeating: 0, count: count), entries: .empty), validity: none))
        case .timestamp: return .timestamp(Column(values: [Timestamp](repeating: .zero, count: count), validity: none))
        case .duration: return .duration(Column(values: [Duration](repeating: .zero, count: count), validity: none))
        }
    }

    /// Builds a column of one type from scalars (slow: for tests, literals and small frames).
    ///
    /// Ints widen to doubles when the type is `.double`; NaN becomes null.
    /// - Throws: ``FrameError/typeMismatch(_:)`` when a scalar does not fit the type.
    public init(_ scalars: [Scalar], type: DataType) throws {
        func bad(_ s: Scalar) -> FrameError {
            .typeMismatch("cannot put \(s.type.map { "\($0)" } ?? "null") value '\(s)' in a \(type) column")
        }
        switch type {
        case .int:
            self = .int(Column(try scalars.map { s -> Int64? in
                switch s { case .null: return nil; case .int(let v): return v; default: throw bad(s) } }))
        case .double:
            self = .double(Column(try scalars.map { s -> Double? in
                switch s {
                case .null: return nil
                case .int(let v): return Double(v)
                case .double(let v): return v.isNaN ? nil : v
                default: throw bad(s)
                } }))
        case .bool:
            self = .bool(Column(try scalars.map { s -> Bool? in
                switch s { case .null: return nil; case .bool(let v): return v; default: throw bad(s) } }))
        case .string:
            self = .string(StringColumn(try scalars.map { s -> String? in
                switch s { case .null: return nil; case .string(let v): return v; default: throw bad(s) } }))
        case .timestamp:
            self = .timestamp(Column(try scalars.map { s -> Timestamp? in
                switch s { case .null: return nil; case .timestamp(let v): return v; default: throw bad(s) } }))
        case .duration:
            self = .duration(Column(try scalars.map { s -> Duration? in
                switch s { case .null: return nil; case .duration(let v): return v; default: throw bad(s) } }))
        }
    }

    /// Builds a column from scalars, inferring the type: the first non-null value's type, with
    /// ints widened to doubles when both occur; all-null gives a ``DataType/untypedNull`` column.
    ///
    /// - Throws: ``FrameError/typeMismatch(_:)`` when the values mix incompatible types.
    public init(inferring scalars: [Scalar]) throws {
        var type: DataType? = nil
        for s in scalars {
            guard let t = s.type else { continue }
            if let cur = type, cur != t {
                if cur.isNumeric && t.isNumeric { type = .double; continue }
                throw FrameError.typeMismatch("cannot mix \(cur) and \(t) values in one column")
            }
            if type == nil { type = t }
        }
        try self.init(scalars, type: type ?? .untypedNull)
    }
}
