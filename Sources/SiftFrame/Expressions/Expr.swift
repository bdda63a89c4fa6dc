// The engine's expression IR: column references, literals, constant lists and function calls.

/// An expression over the columns of a frame, evaluated a whole column at a time.
///
/// The language lowers its syntax tree to this form; operators are calls of functions named by
/// their symbol (`"+"`, `"=="`, `"and"`, `"neg"` for unary minus, `"in"`). The engine knows no
/// source positions: callers that need them type-check node by node through
/// ``FunctionRegistry/resolve(_:_:)``.
///
/// ```swift
/// // price * 1.2 > 50
/// let e = Expr.call(">", [.call("*", [.column("price"), .literal(.double(1.2))]), .literal(.int(50))])
/// ```
public indirect enum Expr: Sendable, Equatable, CustomStringConvertible {
    /// A column of the input frame.
    case column(String)
    /// A constant.
    case literal(Scalar)
    /// A list of constants (the right side of `in`, the edges of `cut`).
    case list([Scalar])
    /// A function or operator applied to arguments.
    case call(String, [Expr])

    /// A readable form for messages (`price * 1.2`, `mean(price)`).
    public var description: String {
        switch self {
        case .column(let n): return n
        case .literal(.string(let s)): return "\"\(s)\""
        case .literal(let s): return s.description
        case .list(let items): return "[" + items.map { Expr.literal($0).description }.joined(separator: ", ") + "]"
        case .call(let name, let args):
            if args.count == 2, FunctionRegistry.infixOperators.contains(name) {
                return "\(args[0]) \(name) \(args[1])"
            }
            if name == "neg", args.count == 1 { return "-\(args[0])" }
            if name == "not", args.count == 1 { return "not \(args[0])" }
            return name + "(" + args.map(\.description).joined(separator: ", ") + ")"
        }
    }

    /// The names of the columns the expression reads, in first-use order.
    public var columnReferences: [String] {
        var out: [String] = []
        func walk(_ e: Expr) {
            switch e {
            case .column(let n): if !out.contains(n) { out.append(n) }
            case .call(_, let args): args.forEach(walk)
            case .literal, .list: break
            }
        }
        walk(self)
        return out
    }

    /// Whether any call in the expression is an aggregate.
    public var containsAggregate: Bool {
        switch self {
        case .call(let name, let args):
            return FunctionRegistry.shared[name]?.kind == .aggregate || args.contains(where: \.containsAggregate)
        default: return false
        }
    }
}

/// An evaluated argument or result: a column of row values, a single value, or a constant list.
public enum Operand: Sendable {
    /// One value per row.
    case column(AnyColumn)
    /// One value for every row.
    case scalar(Scalar)
    /// A constant list.
    case list([Scalar])

    /// The type of the values, or nil for a null scalar or a list.
    public var type: DataType? {
        switch self {
        case .column(let c): return c.type
        case .scalar(let s): return s.type
        case .list: return nil
        }
    }

    /// The operand as a column of `count` rows, repeating a scalar (null gets `nullType`).
    ///
    /// - Throws: ``FrameError/typeMismatch(_:)`` for a list.
    public func asColumn(count: Int, nullType: DataType = .untypedNull) throws -> AnyColumn {
        switch self {
        case .column(let c): return c
        case .scalar(let s): return AnyColumn(repeating: s, count: count, nullType: nullType)
        case .list: throw FrameError.typeMismatch("a list cannot be used as a column")
        }
    }
}

/// What is known about an argument before evaluation: its type and, for constants, its value.
public struct ArgumentInfo: Sendable, Equatable {
    /// The type, or nil for a null literal or a list.
    public var type: DataType?
    /// The value, when the argument is a literal (nil for columns and computed values).
    public var constant: Scalar?
    /// The items, when the argument is a list literal.
    public var list: [Scalar]?

    /// An argument of a known type whose value is computed per row.
    public init(type: DataType?) { self.type = type }

    /// A literal argument.
    public init(constant: Scalar) { self.type = constant.type; self.constant = constant }

    /// A list argument.
    public init(list: [Scalar]) { self.list = list }

    /// A short name of the argument's kind for messages: `int`, `null`, `list`.
    public var typeName: String { list != nil ? "list" : type?.rawValue ?? "null" }
}
