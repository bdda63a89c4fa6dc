// The syntax tree: statements, expressions, pipeline stages and their arguments, all with source ranges.
import SiftFrame

/// An expression node.
public struct ExprNode: Sendable, Equatable {
    /// What the node is.
    public indirect enum Kind: Sendable, Equatable {
        /// A literal value (number, string, bool, null, duration).
        case literal(Scalar)
        /// A name: a column inside a verb (if the frame has it), else a variable.
        case name(String)
        /// `[a, b, c]`.
        case list([ExprNode])
        /// `{name: value, ...}`.
        case record([RecordField])
        /// `-x`, `not x`, `~ rhs` (a formula with no target).
        case unary(UnaryOp, ExprNode)
        /// `a + b`, `a and b`, `x in [..]`, `y ~ a + b`.
        case binary(BinaryOp, ExprNode, ExprNode)
        /// `frame.column`.
        case member(ExprNode, String, SourceRange)
        /// `x[i]`.
        case index(ExprNode, ExprNode)
        /// `f(a, b)` (a builtin function or a user `fn`).
        case call(String, SourceRange, [ExprNode])
        /// A pipeline: an optional source expression and stages (`clicks | where x > 1 | count`).
        case pipeline(ExprNode?, [Stage])
        /// `.` in a formula: all columns not otherwise named.
        case allColumns
    }

    /// The node's kind.
    public var kind: Kind
    /// The source it covers.
    public var range: SourceRange

    /// Creates a node.
    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The name, when the node is a bare name.
    public var name: String? { if case .name(let n) = kind { return n } else { return nil } }
}

/// One `name: value` field of a record literal.
public struct RecordField: Sendable, Equatable {
    /// The field name.
    public var name: String
    /// The field's value.
    public var value: ExprNode
}

/// Prefix operators.
public enum UnaryOp: String, Sendable, Equatable {
    /// Arithmetic negation.
    case negate = "-"
    /// Logical not.
    case not
    /// A one-sided formula `~ a + b`.
    case formula = "~"
}

/// Infix operators, named by their symbol.
public enum BinaryOp: String, Sendable, Equatable, CaseIterable {
    case or, and
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">=", `in`
    case add = "+", sub = "-", mul = "*", div = "/", mod = "%"
    /// `target ~ features`.
    case formula = "~"

    /// Binding power (higher binds tighter), loosest first as in LANGUAGE.md:
    /// `~` < `or` < `and` < (`not`) < comparison < `+ -` < `* / %` < unary minus < postfix.
    public var precedence: Int {
        switch self {
        case .formula: return 1
        case .or: return 2
        case .and: return 3
        case .eq, .ne, .lt, .le, .gt, .ge, .in: return 5
        case .add, .sub: return 6
        case .mul, .div, .mod: return 7
        }
    }
}

/// A stage of a pipeline: `VERB args` or a user function call `name(args)`.
public struct Stage: Sendable, Equatable {
    /// The verb or function name.
    public var verb: String
    /// Where the name is.
    public var verbRange: SourceRange
    /// The arguments in order.
    public var arguments: [Argument]
    /// Whether it was written as a call, `name(...)` (user functions and aggregates on columns).
    public var isCall: Bool
    /// The whole stage.
    public var range: SourceRange
}

/// One argument of a stage.
public enum Argument: Sendable, Equatable {
    /// A plain expression (`3`, `price > 50`, `-b`, `hist`).
    case positional(ExprNode)
    /// `name:value`.
    case option(String, SourceRange, ExprNode)
    /// `name = expr`.
    case assignment(String, SourceRange, ExprNode)

    /// The range covered by the argument.
    public var range: SourceRange {
        switch self {
        case .positional(let e): return e.range
        case .option(_, let r, let e), .assignment(_, let r, let e): return r.union(e.range)
        }
    }
}

/// A statement.
public struct Statement: Sendable, Equatable {
    /// What the statement is.
    public enum Kind: Sendable, Equatable {
        /// `let a = expr` or `let a, b = expr`.
        case letBinding([String], [SourceRange], ExprNode)
        /// `fn name(params) = body`.
        case function(String, [String], ExprNode)
        /// `use "name"`.
        case use(String)
        /// `param name = value`.
        case param(String, ExprNode)
        /// An expression whose value is displayed unless `display` is false (a trailing `;`).
        case expression(ExprNode)
        /// A notebook prose line (`#'`).
        case prose(String)
    }

    /// The statement.
    public var kind: Kind
    /// Its source.
    public var range: SourceRange
    /// Whether its value is displayed (no trailing `;`).
    public var display: Bool
}

/// A parsed program: statements plus the diagnostics of statements that did not parse.
public struct Program: Sendable {
    /// The statements that parsed, in order.
    public var statements: [Statement]
    /// One diagnostic per statement that did not parse.
    public var diagnostics: [Diagnostic]
}
