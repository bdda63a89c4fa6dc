// The logical column types of the engine and the element types that store them.

/// The logical type of a column or a scalar.
///
/// The names are the ones the language uses (`cast x = "int"`, `types:{col: "double"}`),
/// so `DataType(rawValue:)` parses a user's type name.
public enum DataType: String, Sendable, CaseIterable, Hashable, CustomStringConvertible {
    /// 64-bit signed integers.
    case int
    /// 64-bit IEEE doubles. Columns never hold NaN: operations that would produce it give null.
    case double
    /// Booleans.
    case bool
    /// UTF-8 strings, stored as offsets into one byte buffer or dictionary-encoded.
    case string
    /// Instants as microseconds since 1970-01-01 00:00:00 UTC.
    case timestamp
    /// Signed spans of time in microseconds (the difference of two timestamps).
    case duration

    public var description: String { rawValue }

    /// The type given to a column of nulls with nothing to say what they are (a `null` literal,
    /// an all-empty CSV column): `double`, as pandas gives `float64` for an all-NaN column, so
    /// that filling it with numbers later just works.
    public static let untypedNull: DataType = .double

    /// Whether values of this type take part in arithmetic as numbers (`int`, `double`).
    public var isNumeric: Bool { self == .int || self == .double }

    /// Parses a user-facing type name, accepting the common aliases of pandas and SQL.
    ///
    /// ```swift
    /// DataType(name: "float")   // .double
    /// DataType(name: "str")     // .string
    /// ```
    /// - Returns: the type, or nil when the name is not a type.
    public init?(name: String) {
        switch name.lowercased() {
        case "int", "integer", "int64", "bigint", "long": self = .int
        case "double", "float", "float64", "real", "number": self = .double
        case "bool", "boolean": self = .bool
        case "string", "str", "text", "varchar", "utf8": self = .string
        case "timestamp", "datetime", "date", "time": self = .timestamp
        case "duration", "timedelta", "interval": self = .duration
        default: return nil
        }
    }
}

/// A fixed-width value that a ``Column`` stores contiguously.
///
/// Conforming types are plain bit patterns (`BitwiseCopyable`), so kernels may work on
/// unsafe buffers of them. `zero` fills slots that hold no value (null rows).
public protocol ColumnElement: BitwiseCopyable, Sendable, Hashable {
    /// The logical type of a column of these values.
    static var dataType: DataType { get }
    /// The value written into null slots by builders and gathers.
    static var zero: Self { get }
}

extension Int64: ColumnElement {
    /// `.int`.
    public static var dataType: DataType { .int }
}

extension Double: ColumnElement {
    /// `.double`.
    public static var dataType: DataType { .double }
}

extension Bool: ColumnElement {
    /// `.bool`.
    public static var dataType: DataType { .bool }
    /// `false`.
    public static var zero: Bool { false }
}
