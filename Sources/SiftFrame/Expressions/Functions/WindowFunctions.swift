// Window functions: row_number, lag, lead, cumsum and rank, computed within groups in row order.

/// The window functions of LANGUAGE.md: one value per row, computed within the row's group
/// (``EvaluationContext/groups``) in row order; an ungrouped frame is one group.
///
/// - `row_number()` is 1-based.
/// - `lag(x, n)` / `lead(x, n)` take the value `n` rows earlier / later in the group (n a
///   constant ≥ 0, default 1; `n = 0` is `x` itself); rows past the group's edge are null.
/// - `cumsum(x)` is the running sum within the group. A null row stays null and adds
///   nothing, and the sum carries on after it, as pandas' `cumsum` does (dplyr's `cumsum`
///   instead turns every later row null; carrying on is what a running total of events with
///   a missing amount needs). Ints stay ints (an overflowing running total is an error),
///   bools count `true`s, durations stay durations.
/// - `rank(x)` is SQL `RANK` / dplyr `min_rank`: ascending, ties share the smallest rank and
///   the next rank skips (1, 2, 2, 4); null values get a null rank. Strings rank by code point.
public enum WindowFunctions {
    /// The definitions.
    public static let all: [FunctionDefinition] = [
        FunctionDefinition("row_number", kind: .window, signature: "row_number()", summary: "the 1-based position of the row in its group",
                           example: "row_number()", arity: 0...0, type: { _ in .int }, evaluate: rowNumber),
        FunctionDefinition("lag", kind: .window, signature: "lag(x [, n])", summary: "x from n rows earlier in the group (default 1; null at the start)",
                           example: "lag(price)", arity: 1...2, type: { try shiftType("lag", $0) },
                           evaluate: { try shift($0, $1, forward: false) }),
        FunctionDefinition("lead", kind: .window, signature: "lead(x [, n])", summary: "x from n rows later in the group (default 1; null at the end)",
                           example: "lead(price, 2)", arity: 1...2, type: { try shiftType("lead", $0) },
                           evaluate: { try shift($0, $1, forward: true) }),
        FunctionDefinition("cumsum", kind: .window, signature: "cumsum(x)", summary: "the running sum within the group (null rows stay null)",
                           example: "cumsum(price)", arity: 1...1, type: cumsumType, evaluate: cumsum),
        FunctionDefinition("rank", kind: .window, signature: "rank(x)", summary: "the rank of x in its group, ties sharing the smallest (1, 2, 2, 4)",
                           example: "rank(price)", arity: 1...1, type: rankType, evaluate: rank),
    ]

    // MARK: - Type rules

    static func shiftType(_ f: String, _ args: [ArgumentInfo]) throws -> DataType? {
        if args[0].list != nil { throw TypeRules.badArgument(f, 1, expected: "column", got: args[0]) }
        if args.count == 2 { _ = try offset(f, args[1].constant, args[1]) }
        return args[0].type
    }

    static func offset(_ f: String, _ constant: Scalar?, _ info: ArgumentInfo) throws -> Int {
        guard case .int(let n)? = constant else {
            throw TypeRules.badArgument(f, 2, expected: "constant non-negative integer", got: info)
        }
        guard n >= 0, n <= Int64(RowSelection.maxRows) else {
            throw FrameError.invalidArgument("bad argument #2 to '\(f)' (non-negative integer expected, got \(n))")
        }
        return Int(n)
    }

    static func cumsumType(_ args: [ArgumentInfo]) throws -> DataType? {
        switch try TypeRules.require("cumsum", args, 0, [.int, .double, .bool, .duration], expected: "number, bool or duration") {
        case .bool?: return .int
        case let t: return t
        }
    }

    static func rankType(_ args: [ArgumentInfo]) throws -> DataType? {
        try TypeRules.require("rank", args, 0, [.int, .double, .string, .bool, .timestamp, .duration])
        return .int
    }

    // MARK: - Kernels

    static func rowNumber(_ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        .column(.int(Column(values: GroupedWindow.rowNumbers(ctx.groups))))
    }

    static func shift(_ args: [Operand], _ ctx: EvaluationContext, forward: Bool) throws -> Operand {
        let f = forward ? "lead" : "lag"
        var n = 1
        if args.count == 2 {
            // A constant; called on a column value (`x | lag(2)`) it arrives repeated.
            var k: Scalar? = FunctionSupport.constant(args[1])
            if k == nil, case .column(let c) = args[1] { k = c.count > 0 ? c[0] : .int(1) }
            n = try offset(f, k, ExpressionEvaluator.info(args[1]))
        }
        let x = try args[0].asColumn(count: ctx.rowCount)
        return .column(x.gathered(GroupedWindow.shiftedRows(ctx.groups, by: forward ? n : -n)))
    }

    static func cumsum(_ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        let g = ctx.groups
        switch try args[0].asColumn(count: ctx.rowCount) {
        case .double(let x): return .column(.double(GroupedWindow.runningSums(x, g)))
        case .int(let x):
            let s = try x.values.withUnsafeBufferPointer { try GroupedWindow.runningSums($0, x.validity, g) }
            return .column(.int(Column(values: s, validity: x.validity)))
        case .bool(let x):
            let ones = x.values.map { $0 ? Int64(1) : 0 }
            let s = try ones.withUnsafeBufferPointer { try GroupedWindow.runningSums($0, x.validity, g) }
            return .column(.int(Column(values: s, validity: x.validity)))
        case .duration(let x):
            let s = try AggregateFunctions.micros(x) { try GroupedWindow.runningSums($0, x.validity, g) }
            return .column(.duration(Column(values: s.map { Duration(micros: $0) }, validity: x.validity)))
        default:
            throw FunctionSupport.unsupported("cumsum", args)
        }
    }

    static func rank(_ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        let g = ctx.groups
        let c = try args[0].asColumn(count: ctx.rowCount)
        let r: [Int64]
        switch c {
        case .int(let x): r = GroupedWindow.countingRanks(x.values, x.validity, g) ?? GroupedWindow.ranks(x.values, x.validity, g)
        case .double(let x): r = GroupedWindow.ranks(x.values, x.validity, g)
        case .timestamp(let x): r = GroupedWindow.ranks(x.values, x.validity, g)
        case .duration(let x): r = GroupedWindow.ranks(x.values, x.validity, g)
        case .bool(let x):
            let v = x.values.map { $0 ? Int64(1) : 0 }
            r = GroupedWindow.countingRanks(v, x.validity, g) ?? GroupedWindow.ranks(v, x.validity, g)
        case .string(let s):
            let v = StringRanks(s).rowRanks()
            r = GroupedWindow.countingRanks(v, s.validity, g) ?? GroupedWindow.ranks(v, s.validity, g)
        }
        return .column(.int(Column(values: r, validity: c.validity)))
    }
}
