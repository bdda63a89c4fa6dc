// One entry of the function registry: metadata, a type rule and the column-at-a-time kernel.

/// How a function consumes rows.
public enum FunctionKind: String, Sendable {
    /// One output row per input row (`round`, `+`).
    case scalar
    /// One output value per group (`sum`, `quantile`); in a row context its value is broadcast
    /// to every row of the group, as pandas' `transform` does.
    case aggregate
    /// One output row per input row, computed within the row's group in row order (`lag`, `rank`).
    case window
}

/// A function the engine can evaluate, with the metadata that `:help` shows.
///
/// Scalar and window functions provide `evaluate`; aggregates provide `aggregate`, which
/// receives its arguments evaluated per row and returns one value per group.
public struct FunctionDefinition: Sendable {
    /// The evaluation entry point of scalar and window functions.
    public typealias Evaluate = @Sendable (_ args: [Operand], _ context: EvaluationContext) throws -> Operand
    /// The entry point of aggregates: arguments per row in, one value per group out.
    public typealias Aggregate = @Sendable (_ args: [Operand], _ grouping: Grouping) throws -> AnyColumn
    /// The type rule: argument facts in, result type out (nil: a null of no particular type).
    public typealias ResolveType = @Sendable (_ args: [ArgumentInfo]) throws -> DataType?

    /// The name the language calls it by.
    public let name: String
    /// Scalar, aggregate or window.
    public let kind: FunctionKind
    /// The call shape for help, e.g. `round(x, n)` or `coalesce(a, b, ...)`.
    public let signature: String
    /// One line: what it returns.
    public let summary: String
    /// A Sift expression that uses it, run by a test.
    public let example: String
    /// The allowed argument counts.
    public let arity: ClosedRange<Int>
    /// Checks the arguments and gives the result type.
    public let resolveType: ResolveType
    /// Evaluates a scalar or window call.
    public let evaluate: Evaluate?
    /// Evaluates an aggregate call.
    public let aggregate: Aggregate?

    /// Creates a scalar or window function.
    public init(_ name: String, kind: FunctionKind = .scalar, signature: String, summary: String, example: String,
                arity: ClosedRange<Int>, type: @escaping ResolveType, evaluate: @escaping Evaluate) {
        self.name = name; self.kind = kind; self.signature = signature; self.summary = summary
        self.example = example; self.arity = arity; self.resolveType = type; self.evaluate = evaluate
        self.aggregate = nil
    }

    /// Creates an aggregate function.
    public init(aggregate name: String, signature: String, summary: String, example: String,
                arity: ClosedRange<Int>, type: @escaping ResolveType, aggregate: @escaping Aggregate) {
        self.name = name; self.kind = .aggregate; self.signature = signature; self.summary = summary
        self.example = example; self.arity = arity; self.resolveType = type; self.evaluate = nil
        self.aggregate = aggregate
    }
}
