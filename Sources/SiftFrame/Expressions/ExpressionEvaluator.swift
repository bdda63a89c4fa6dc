// Evaluates expressions over a frame a column at a time, per row or per group.

/// What a function sees of where it runs: the number of rows and the groups they form.
public struct EvaluationContext: Sendable {
    /// The number of rows every column operand has.
    public let rowCount: Int
    /// The grouping of the rows, or nil when the frame is not grouped.
    public let grouping: Grouping?

    /// Creates a context.
    public init(rowCount: Int, grouping: Grouping? = nil) {
        self.rowCount = rowCount
        self.grouping = grouping
    }

    /// The grouping, or all rows as one group.
    public var groups: Grouping { grouping ?? .single(rowCount: rowCount) }
}

/// Evaluates ``Expr``s against one frame (and optionally its grouping).
///
/// Row-level evaluation (`derive`, `where`) gives one value per row; aggregates inside it are
/// computed per group and broadcast back to the rows, as pandas' `transform` and dplyr's grouped
/// `mutate` do. Group-level evaluation (`agg`) gives one value per group; there, a bare column is
/// allowed only if it is a grouping key.
///
/// ```swift
/// let ev = ExpressionEvaluator(frame: df)
/// let doubled = try ev.column(.call("*", [.column("price"), .literal(.int(2))]))
/// ```
public struct ExpressionEvaluator {
    /// The input frame.
    public let frame: DataFrame
    /// The grouping of the frame's rows, if it is grouped.
    public let grouping: Grouping?
    /// The grouping keys (bare columns allowed in group-level expressions).
    public let keys: [String]
    /// Where functions are looked up.
    public let registry: FunctionRegistry
    private let cache = ColumnCache()

    /// Creates an evaluator.
    public init(frame: DataFrame, grouping: Grouping? = nil, keys: [String] = [], registry: FunctionRegistry = .shared) {
        self.frame = frame
        self.grouping = grouping
        self.keys = keys
        self.registry = registry
    }

    private var rowContext: EvaluationContext { EvaluationContext(rowCount: frame.rowCount, grouping: grouping) }

    /// Evaluates an expression per row.
    ///
    /// - Returns: a column of `frame.rowCount` rows, or a scalar when the expression is constant.
    /// - Throws: ``FrameError`` for unknown columns or functions, bad argument types and data errors.
    public func evaluate(_ e: Expr) throws -> Operand {
        switch e {
        case .column(let name):
            return .column(try cache.column(name, in: frame))
        case .literal(let s):
            return .scalar(s)
        case .list(let items):
            return .list(items)
        case .call(let name, let args):
            let def = try definition(name, args)
            switch def.kind {
            case .aggregate:
                let groups = rowContext.groups
                let operands = try checked(name, try args.map(evaluate))
                let perGroup = try def.aggregate!(operands, groups)
                return .column(Self.broadcast(perGroup, over: groups))
            case .scalar, .window:
                return try def.evaluate!(try checked(name, try args.map(evaluate)), rowContext)
            }
        }
    }

    /// Evaluates an expression per row into a column (a constant is repeated on every row).
    public func column(_ e: Expr) throws -> AnyColumn {
        try evaluate(e).asColumn(count: frame.rowCount)
    }

    /// Evaluates an expression once per group: aggregates reduce their row-level arguments,
    /// and the rest of the expression combines those results.
    ///
    /// - Returns: a column with one row per group (`grouping.groupCount`, or 1 when ungrouped).
    /// - Throws: ``FrameError/invalidArgument(_:)`` for a bare non-key column outside an aggregate.
    public func aggregate(_ e: Expr) throws -> AnyColumn {
        let groups = rowContext.groups
        return try groupLevel(e, groups).asColumn(count: groups.groupCount)
    }

    private func groupLevel(_ e: Expr, _ groups: Grouping) throws -> Operand {
        switch e {
        case .column(let name):
            guard keys.contains(name) else {
                _ = try frame.requireIndex(of: name)
                throw FrameError.invalidArgument("column '\(name)' must be inside an aggregate here, such as first(\(name)) or mean(\(name))")
            }
            let col = try cache.column(name, in: frame)
            return .column(col.gathered(RowSelection(indices: groups.firstRows, hasNulls: false)))
        case .literal(let s):
            return .scalar(s)
        case .list(let items):
            return .list(items)
        case .call(let name, let args):
            let def = try definition(name, args)
            switch def.kind {
            case .aggregate:
                return .column(try def.aggregate!(try checked(name, try args.map(evaluate)), groups))
            case .scalar, .window:
                let inner = try checked(name, try args.map { try groupLevel($0, groups) })
                return try def.evaluate!(inner, EvaluationContext(rowCount: groups.groupCount))
            }
        }
    }

    /// Runs the function's type rule on the evaluated operands, so kernels only ever see
    /// argument types their rule accepted.
    private func checked(_ name: String, _ operands: [Operand]) throws -> [Operand] {
        _ = try registry.resolve(name, operands.map(Self.info))
        return operands
    }

    /// What the type rules know about an evaluated operand.
    public static func info(_ o: Operand) -> ArgumentInfo {
        switch o {
        case .column(let c): return ArgumentInfo(type: c.type)
        case .scalar(let s): return ArgumentInfo(constant: s)
        case .list(let items): return ArgumentInfo(list: items)
        }
    }

    private func definition(_ name: String, _ args: [Expr]) throws -> FunctionDefinition {
        guard let def = registry[name] else {
            _ = try registry.resolve(name, [])  // throws the unknown-function error
            throw FrameError.invalidArgument("unknown function '\(name)'")
        }
        guard def.arity.contains(args.count) else {
            _ = try registry.resolve(name, args.map { _ in ArgumentInfo(type: nil) })
            throw FrameError.invalidArgument("wrong number of arguments to '\(name)'")
        }
        return def
    }

    /// Repeats each group's value on the rows of that group.
    ///
    /// - Complexity: O(rows).
    public static func broadcast(_ perGroup: AnyColumn, over groups: Grouping) -> AnyColumn {
        if groups.isSingle {
            return perGroup.gathered(RowSelection(indices: [Int32](repeating: 0, count: groups.rowCount), hasNulls: false))
        }
        return perGroup.gathered(RowSelection(indices: groups.groupIDs, hasNulls: false))
    }

    /// The static type of an expression over a schema, checked call by call.
    ///
    /// - Returns: the result type, or nil for an untyped null.
    /// - Throws: ``FrameError/columnNotFound(name:available:)`` and the type rules' errors.
    public static func type(of e: Expr, in schema: [(name: String, type: DataType)],
                            registry: FunctionRegistry = .shared) throws -> DataType? {
        switch e {
        case .column(let name):
            guard let t = schema.first(where: { $0.name == name })?.type else {
                throw FrameError.columnNotFound(name: name, available: schema.map(\.name))
            }
            return t
        case .literal(let s): return s.type
        case .list: return nil
        case .call(let name, let args):
            let infos = try args.map { a -> ArgumentInfo in
                switch a {
                case .literal(let s): return ArgumentInfo(constant: s)
                case .list(let items): return ArgumentInfo(list: items)
                default: return ArgumentInfo(type: try type(of: a, in: schema, registry: registry))
                }
            }
            return try registry.resolve(name, infos)
        }
    }
}

/// Remembers materialised columns during one evaluation, so a column read twice is gathered once.
private final class ColumnCache {
    private var columns: [String: AnyColumn] = [:]

    func column(_ name: String, in frame: DataFrame) throws -> AnyColumn {
        if let c = columns[name] { return c }
        let c = try frame.column(named: name)
        columns[name] = c
        return c
    }
}
