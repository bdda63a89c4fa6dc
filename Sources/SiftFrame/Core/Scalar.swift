// A single engine value: what a cell holds, a literal in an expression, or an aggregate's result.

/// One value of any column type, or null.
///
/// Integers and doubles stay distinct (`.int(3)` is not `.double(3)`); ``numericValue`` reads
/// either as a double.
///
/// ```swift
/// let p: Scalar = .int(52)
/// p.type           // .int
/// p.numericValue   // 52.0
/// ```
public enum Scalar: Sendable, Hashable, CustomStringConvertible {
    /// The missing value.
    case null
    /// A 64-bit integer.
    case int(Int64)
    /// A double (never NaN in a column; a NaN scalar is treated as null by constructors of columns).
    case double(Double)
    /// A boolean.
    case bool(Bool)
    /// A string.
    case string(String)
    /// An instant.
    case timestamp(Timestamp)
    /// A span of time.
    case duration(Duration)

    /// The value's type, or nil for null.
    public var type: DataType? {
        switch self {
        case .null: return nil
        case .int: return .int
        case .double: return .double
        case .bool: return .bool
        case .string: return .string
        case .timestamp: return .timestamp
        case .duration: return .duration
        }
    }

    /// Whether this is null.
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// An int or double as a double; nil otherwise.
    public var numericValue: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .double(let v): return v
        default: return nil
        }
    }

    /// A plain rendering: numbers as Swift prints them, strings unquoted, `null`, timestamps as
    /// `YYYY-MM-DD HH:MM:SS`. Display formatting for users lives in the language layer.
    public var description: String {
        switch self {
        case .null: return "null"
        case .int(let v): return String(v)
        case .double(let v): return String(v)
        case .bool(let v): return v ? "true" : "false"
        case .string(let s): return s
        case .timestamp(let t): return t.description
        case .duration(let d): return d.description
        }
    }
}
