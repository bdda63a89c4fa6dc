// Runtime values of the language: scalars, columns, lists, records, frames, grouped frames, functions and host objects.
import SiftFrame

/// A value a Sift program computes or binds to a name.
public indirect enum Value: Sendable {
    /// A number, string, bool, null, timestamp or duration.
    case scalar(Scalar)
    /// One column of a frame (`clicks.price`), with its name.
    case column(String, AnyColumn)
    /// `[a, b, c]`; also the two parts of `split`.
    case list([Value])
    /// `{name: value, ...}`, fields in order.
    case record([(String, Value)])
    /// A table.
    case frame(DataFrame)
    /// A table grouped by key columns (`clicks | group country`).
    case grouped(GroupedValue)
    /// A user function defined with `fn`.
    case function(UserFunction)
    /// A value owned by a library the language does not know (a model, a plot).
    case object(any HostObject)

    /// The null value.
    public static let null = Value.scalar(.null)

    /// The value's type for static checking.
    public var type: ValueType {
        switch self {
        case .scalar(let s): return .scalar(s.type)
        case .column(_, let c): return .column(c.type)
        case .list: return .list
        case .record: return .record
        case .frame(let f): return .frame(Schema(f))
        case .grouped(let g): return .grouped(Schema(g.frame), keys: g.keys)
        case .function: return .function
        case .object(let o): return .object(o.typeName)
        }
    }

    /// A short name of the value's kind for messages: `frame`, `int`, `list`, `model`.
    public var kindName: String { type.description }
}

/// A frame with its grouping: the keys and which group each row is in.
public struct GroupedValue: Sendable {
    /// The rows.
    public var frame: DataFrame
    /// The key columns, in order.
    public var keys: [String]
    /// Group membership of the rows.
    public var grouping: Grouping

    /// Creates a grouped value.
    public init(frame: DataFrame, keys: [String], grouping: Grouping) {
        self.frame = frame
        self.keys = keys
        self.grouping = grouping
    }
}

/// A function defined in Sift with `fn name(params) = body`.
public struct UserFunction: Sendable {
    /// Its name.
    public var name: String
    /// Parameter names.
    public var parameters: [String]
    /// The body expression.
    public var body: ExprNode
    /// Where it was defined.
    public var range: SourceRange
}

/// A value that belongs to another library (models from SiftLearn, plots from SiftPlot) and that
/// the language carries, displays and passes to verbs without knowing what it is.
public protocol HostObject: Sendable {
    /// The kind name the language shows (`model`, `plot`).
    var typeName: String { get }
    /// The text shown when the value is displayed.
    func display(_ options: DisplayOptions) -> String
    /// A field read with `.name` (nil when there is no such field).
    func member(_ name: String) -> Value?
    /// The file extensions `save PATH` accepts for this object (`["svg", "txt"]` for a plot,
    /// `["json"]` for a model), for the error message when another one is given.
    var savableExtensions: [String] { get }
    /// The bytes `save PATH` writes, chosen by the path's lowercased extension (without the dot);
    /// nil when the object cannot be saved in that format.
    ///
    /// - Throws: a `FrameError` when the object cannot be serialised.
    func savedContents(extension: String) throws -> [UInt8]?
}

extension HostObject {
    /// Host objects have no fields unless they say so.
    public func member(_ name: String) -> Value? { nil }
    /// Host objects cannot be saved unless they say so.
    public var savableExtensions: [String] { [] }
    /// Host objects cannot be saved unless they say so.
    public func savedContents(extension: String) throws -> [UInt8]? { nil }
}

/// Column names and types of a frame, known before any row is computed.
public struct Schema: Sendable, Equatable, CustomStringConvertible {
    /// Columns in order.
    public var columns: [(name: String, type: DataType)]

    /// A schema from name/type pairs.
    public init(_ columns: [(name: String, type: DataType)]) { self.columns = columns }

    /// The schema of a frame.
    public init(_ frame: DataFrame) { self.columns = frame.schema }

    /// Column names in order.
    public var names: [String] { columns.map(\.name) }

    /// The type of a column, if present.
    public func type(of name: String) -> DataType? { columns.first(where: { $0.name == name })?.type }

    /// Sets the type of column `name`, appending the column when the schema has none of that
    /// name (what `derive name = ...` does to a frame).
    public mutating func setType(_ type: DataType, of name: String) {
        if let i = columns.firstIndex(where: { $0.name == name }) { columns[i].type = type } else { columns.append((name, type)) }
    }

    /// `name type, ...`.
    public var description: String { columns.map { "\($0.name) \($0.type)" }.joined(separator: ", ") }

    /// Schemas are equal when names and types match in order.
    public static func == (a: Schema, b: Schema) -> Bool {
        a.columns.count == b.columns.count && zip(a.columns, b.columns).allSatisfy { $0.name == $1.name && $0.type == $1.type }
    }
}

/// What is known about a value before it is computed; verbs bind against it so that
/// `clicks | where prce > 3` fails before any row is read.
public indirect enum ValueType: Sendable, Equatable, CustomStringConvertible {
    /// No input: the first stage of a pipeline (`load "x.csv"`).
    case nothing
    /// A scalar of a type (nil: null).
    case scalar(DataType?)
    /// A column of a type.
    case column(DataType)
    /// A list.
    case list
    /// A record.
    case record
    /// A frame with a known schema.
    case frame(Schema)
    /// A grouped frame.
    case grouped(Schema, keys: [String])
    /// A user function.
    case function
    /// A host object by kind name (`model`, `plot`).
    case object(String)
    /// Not known until the value is computed (after `load`, `pivot`, a user function).
    case unknown

    /// The kind as users read it.
    public var description: String {
        switch self {
        case .nothing: return "nothing"
        case .scalar(let t): return t?.rawValue ?? "null"
        case .column(let t): return "\(t) column"
        case .list: return "list"
        case .record: return "record"
        case .frame: return "frame"
        case .grouped: return "grouped frame"
        case .function: return "function"
        case .object(let n): return n
        case .unknown: return "value"
        }
    }

    /// The schema of a frame or grouped frame.
    public var schema: Schema? {
        switch self {
        case .frame(let s), .grouped(let s, _): return s
        default: return nil
        }
    }
}
