// Aggregate functions: count, sum, mean, median, quantile, min, max, std, var, n_unique, first, last, any, all, mode.

/// The aggregates of LANGUAGE.md: each reduces its argument's rows to one value per group.
///
/// Conventions (pandas' and dplyr's where LANGUAGE.md is silent):
/// - Nulls are skipped. `count()` counts rows, `count(x)` non-null values.
/// - `sum`, `mean`, `min`, `max`, `median`, `quantile`, `first`, `last` and `mode` of a group
///   with no non-null value are null; `std` and `var` are null with fewer than two values.
/// - `sum` of ints is an exact int (an error when the true sum does not fit in 64 bits; an
///   intermediate overflow that cancels is not one); of doubles a double; of durations a
///   duration; of bools the number of `true`s (as pandas and R do).
/// - `mean`, `median`, `std`, `var` and `quantile` give doubles (`mean` of durations a
///   duration, rounded to the microsecond; `mean` of bools the share of `true`s).
/// - `std` and `var` are sample statistics (divisor n - 1), computed in two passes.
/// - `quantile(x, q)` and `median` interpolate linearly between order statistics (pandas'
///   default); `q` must be a constant in [0, 1].
/// - `min`, `max`, `first`, `last` and `mode` keep the argument's type; strings order by
///   Unicode code point (UTF-8 byte order). `mode` breaks ties by the smallest value.
///   `first`/`last` are the first/last non-null value in row order (pandas `GroupBy.first`).
/// - `n_unique` counts distinct non-null values; `-0.0` and `0.0` are one value.
/// - `any`/`all` take bools; of no value they are false/true.
///
/// Sums are accumulated in a fixed order (``GroupedSum``), so a displayed result never depends
/// on the number of cores; a double sum still carries the usual rounding error of naive
/// summation (about n·ε relative to Σ|x|).
public enum AggregateFunctions {
    /// The definitions.
    public static let all: [FunctionDefinition] = [
        FunctionDefinition(aggregate: "count", signature: "count() or count(x)", summary: "the number of rows, or of non-null values of x",
                           example: "count()", arity: 0...1, type: countType, aggregate: count),
        FunctionDefinition(aggregate: "sum", signature: "sum(x)", summary: "the sum of the non-null values (null when there are none)",
                           example: "sum(price)", arity: 1...1, type: { try sumType("sum", $0) }, aggregate: sum),
        FunctionDefinition(aggregate: "mean", signature: "mean(x)", summary: "the arithmetic mean of the non-null values",
                           example: "mean(price)", arity: 1...1, type: { try meanType("mean", $0) }, aggregate: mean),
        FunctionDefinition(aggregate: "median", signature: "median(x)", summary: "the middle value, interpolated (as quantile(x, 0.5))",
                           example: "median(price)", arity: 1...1, type: { try statisticType("median", $0) },
                           aggregate: { args, g in try quantile(args[0], 0.5, g) }),
        FunctionDefinition(aggregate: "quantile", signature: "quantile(x, q)", summary: "the q-quantile (q in [0, 1]), interpolated linearly",
                           example: "quantile(price, 0.9)", arity: 2...2, type: quantileType,
                           aggregate: { args, g in try quantile(args[0], try quantileArgument(args[1]), g) }),
        FunctionDefinition(aggregate: "min", signature: "min(x)", summary: "the smallest non-null value",
                           example: "min(price)", arity: 1...1, type: { try orderedType("min", $0) },
                           aggregate: { args, g in try extreme(args[0], g, largest: false) }),
        FunctionDefinition(aggregate: "max", signature: "max(x)", summary: "the largest non-null value",
                           example: "max(price)", arity: 1...1, type: { try orderedType("max", $0) },
                           aggregate: { args, g in try extreme(args[0], g, largest: true) }),
        FunctionDefinition(aggregate: "std", signature: "std(x)", summary: "the sample standard deviation (n - 1)",
                           example: "std(price)", arity: 1...1, type: { try statisticType("std", $0) },
                           aggregate: { args, g in try spread(args[0], g, root: true) }),
        FunctionDefinition(aggregate: "var", signature: "var(x)", summary: "the sample variance (n - 1)",
                           example: "var(price)", arity: 1...1, type: { try statisticType("var", $0) },
                           aggregate: { args, g in try spread(args[0], g, root: false) }),
        FunctionDefinition(aggregate: "n_unique", signature: "n_unique(x)", summary: "the number of distinct non-null values",
                           example: "n_unique(session_id)", arity: 1...1, type: { _ = try anyType("n_unique", $0); return .int },
                           aggregate: nUnique),
        FunctionDefinition(aggregate: "first", signature: "first(x)", summary: "the first non-null value in row order",
                           example: "first(page)", arity: 1...1, type: { try anyType("first", $0) },
                           aggregate: { args, g in try firstLast(args[0], g, last: false) }),
        FunctionDefinition(aggregate: "last", signature: "last(x)", summary: "the last non-null value in row order",
                           example: "last(page)", arity: 1...1, type: { try anyType("last", $0) },
                           aggregate: { args, g in try firstLast(args[0], g, last: true) }),
        FunctionDefinition(aggregate: "any", signature: "any(cond)", summary: "whether any non-null value is true (false when none)",
                           example: "any(price > 50)", arity: 1...1, type: { try boolType("any", $0) },
                           aggregate: { args, g in try anyAll(args[0], g, all: false) }),
        FunctionDefinition(aggregate: "all", signature: "all(cond)", summary: "whether every non-null value is true (true when none)",
                           example: "all(price > 10)", arity: 1...1, type: { try boolType("all", $0) },
                           aggregate: { args, g in try anyAll(args[0], g, all: true) }),
        FunctionDefinition(aggregate: "mode", signature: "mode(x)", summary: "the most frequent non-null value (ties: the smallest)",
                           example: "mode(colour)", arity: 1...1, type: { try anyType("mode", $0) }, aggregate: mode),
    ]

    // MARK: - Type rules

    static func noList(_ f: String, _ args: [ArgumentInfo], _ i: Int, expected: String) throws {
        if args[i].list != nil { throw TypeRules.badArgument(f, i + 1, expected: expected, got: args[i]) }
    }

    static func countType(_ args: [ArgumentInfo]) throws -> DataType? {
        if !args.isEmpty { try noList("count", args, 0, expected: "column") }
        return .int
    }

    static func sumType(_ f: String, _ args: [ArgumentInfo]) throws -> DataType? {
        switch try TypeRules.require(f, args, 0, [.int, .double, .bool, .duration], expected: "number, bool or duration") {
        case .bool?: return .int
        case let t: return t
        }
    }

    static func meanType(_ f: String, _ args: [ArgumentInfo]) throws -> DataType? {
        switch try TypeRules.require(f, args, 0, [.int, .double, .bool, .duration], expected: "number, bool or duration") {
        case .duration?: return .duration
        default: return .double
        }
    }

    static func statisticType(_ f: String, _ args: [ArgumentInfo]) throws -> DataType? {
        try TypeRules.numeric(f, args, 0)
        return .double
    }

    static func quantileType(_ args: [ArgumentInfo]) throws -> DataType? {
        try TypeRules.numeric("quantile", args, 0)
        let q = try TypeRules.constant("quantile", args, 1, .double, expected: "constant number in [0, 1]")
        guard let v = q.numericValue, v >= 0, v <= 1 else {
            throw FrameError.invalidArgument("bad argument #2 to 'quantile' (number in [0, 1] expected, got \(args[1].constant ?? q))")
        }
        return .double
    }

    static func orderedType(_ f: String, _ args: [ArgumentInfo]) throws -> DataType? {
        try TypeRules.require(f, args, 0, [.int, .double, .string, .bool, .timestamp, .duration])
    }

    static func anyType(_ f: String, _ args: [ArgumentInfo]) throws -> DataType? {
        try noList(f, args, 0, expected: "column")
        return args[0].type
    }

    static func boolType(_ f: String, _ args: [ArgumentInfo]) throws -> DataType? {
        try TypeRules.require(f, args, 0, [.bool])
        return .bool
    }

    // MARK: - Kernels

    /// The argument as a column over the grouping's rows (a constant repeats on every row).
    static func rows(_ o: Operand, _ g: Grouping) throws -> AnyColumn {
        try o.asColumn(count: g.rowCount)
    }

    /// One double per group; nil and NaN become null.
    static func doubles(_ v: [Double?]) -> AnyColumn {
        .double(Column(v.map { x in x.flatMap { $0.isNaN ? nil : $0 } }))
    }

    /// A column of per-group values with nulls where `present` is false.
    static func column<T: ColumnElement>(_ values: [T], present: (Int) -> Bool) -> Column<T> {
        let valid = Bitmap((0..<values.count).lazy.map(present))
        return Column(values: values, validity: valid)
    }

    static func count(_ args: [Operand], _ g: Grouping) throws -> AnyColumn {
        let counts: [Int]
        if args.isEmpty { counts = GroupedSum.validCounts(nil, g) } else { counts = GroupedSum.validCounts(try rows(args[0], g).validity, g) }
        return .int(Column(values: counts.map { Int64($0) }))
    }

    static func sum(_ args: [Operand], _ g: Grouping) throws -> AnyColumn {
        let c = try rows(args[0], g)
        switch c {
        case .int(let x):
            let (sums, counts) = GroupedSum.totals(x, g)
            return .int(column(try sums.map { try checked($0) }) { counts[$0] > 0 })
        case .double(let x):
            let counts = GroupedSum.validCounts(c.validity, g)
            let sums = GroupedSum.sums(x, g)
            return doubles((0..<g.groupCount).map { counts[$0] > 0 ? sums[$0] : nil })
        case .bool(let x):
            let counts = GroupedSum.validCounts(c.validity, g)
            let trues = GroupedSum.trueCounts(x, g)
            return .int(column(trues.map { Int64($0) }) { counts[$0] > 0 })
        case .duration(let x):
            let (exact, counts) = micros(x) { GroupedSum.totals($0, x.validity, g) }
            let sums = try exact.map { Duration(micros: try checked($0)) }
            return .duration(column(sums) { counts[$0] > 0 })
        default:
            throw FunctionSupport.unsupported("sum", args)
        }
    }

    static func checked(_ s: GroupedSum.ExactSum) throws -> Int64 {
        guard let v = s.value else { throw FrameError.invalidArgument("integer overflow in 'sum'; cast to double with float(x) first") }
        return v
    }

    static func mean(_ args: [Operand], _ g: Grouping) throws -> AnyColumn {
        let c = try rows(args[0], g)
        var counts: [Int] = []
        let totals: [Double]
        switch c {
        case .int(let x):
            let t = GroupedSum.totals(x, g)
            (totals, counts) = (t.sums.map(\.doubleValue), t.counts)
        case .double(let x): (totals, counts) = (GroupedSum.sums(x, g), GroupedSum.validCounts(c.validity, g))
        case .bool(let x): (totals, counts) = (GroupedSum.trueCounts(x, g).map { Double($0) }, GroupedSum.validCounts(c.validity, g))
        case .duration(let x):
            let (sums, n) = micros(x) { GroupedSum.totals($0, x.validity, g) }
            counts = n
            let means = (0..<g.groupCount).map { k in
                Duration(micros: counts[k] > 0 ? Int64(exactly: (sums[k].doubleValue / Double(counts[k])).rounded()) ?? 0 : 0)
            }
            return .duration(column(means) { counts[$0] > 0 })
        default:
            throw FunctionSupport.unsupported("mean", args)
        }
        return doubles((0..<g.groupCount).map { counts[$0] > 0 ? totals[$0] / Double(counts[$0]) : nil })
    }

    static func quantileArgument(_ o: Operand) throws -> Double {
        // A constant; called on a column value (`x | quantile(0.9)`) it arrives repeated.
        let s: Scalar
        switch o {
        case .scalar(let v): s = v
        case .column(let c): s = c.count > 0 ? c[0] : .double(0.5)
        case .list: s = .null
        }
        guard let q = s.numericValue, q >= 0, q <= 1 else {
            throw FrameError.invalidArgument("bad argument #2 to 'quantile' (number in [0, 1] expected, got \(s))")
        }
        return q
    }

    static func quantile(_ arg: Operand, _ q: Double, _ g: Grouping) throws -> AnyColumn {
        switch try rows(arg, g) {
        case .double(let x): return doubles(GroupedOrderStatistics.quantiles(x, g, q))
        case .int(let x): return doubles(GroupedOrderStatistics.quantiles(x, g, q))
        default: throw FunctionSupport.unsupported("quantile", [arg])
        }
    }

    static func spread(_ arg: Operand, _ g: Grouping, root: Bool) throws -> AnyColumn {
        let v: [Double?]
        switch try rows(arg, g) {
        case .double(let x): v = GroupedVariance.variances(x, g)
        case .int(let x): v = GroupedVariance.variances(x, g)
        default: throw FunctionSupport.unsupported(root ? "std" : "var", [arg])
        }
        return doubles(root ? v.map { $0.map { $0.squareRoot() } } : v)
    }

    static func extreme(_ arg: Operand, _ g: Grouping, largest: Bool) throws -> AnyColumn {
        func run<T: ColumnElement & ExtremeValue>(_ x: Column<T>) -> Column<T> {
            x.values.withUnsafeBufferPointer { GroupedExtremes.extremes($0, x.validity, g, largest: largest) }
        }
        switch try rows(arg, g) {
        case .int(let x): return .int(run(x))
        case .double(let x): return .double(run(x))
        case .timestamp(let x): return .timestamp(run(x))
        case .duration(let x): return .duration(run(x))
        case .bool(let x):
            // Among booleans, max is any and min is all.
            let counts = GroupedSum.validCounts(x.validity, g)
            let v = GroupedExtremes.anyAll(x, g, all: !largest)
            return .bool(column(v) { counts[$0] > 0 })
        case .string(let s):
            let ranks = StringRanks(s)
            let r = ranks.rowRanks()
            let best = r.withUnsafeBufferPointer { GroupedExtremes.extremes($0, s.validity, g, largest: largest) }
            return .string(ranks.column(fromRanks: (0..<best.count).map { best[$0] }))
        }
    }

    static func firstLast(_ arg: Operand, _ g: Grouping, last: Bool) throws -> AnyColumn {
        let c = try rows(arg, g)
        let picks = GroupedExtremes.firstRows(c.validity, g, last: last)
        return c.gathered(RowSelection(picks))
    }

    static func anyAll(_ arg: Operand, _ g: Grouping, all: Bool) throws -> AnyColumn {
        guard case .bool(let x) = try rows(arg, g) else { throw FunctionSupport.unsupported(all ? "all" : "any", [arg]) }
        return .bool(Column(values: GroupedExtremes.anyAll(x, g, all: all)))
    }

    static func nUnique(_ args: [Operand], _ g: Grouping) throws -> AnyColumn {
        let counts = GroupedDistinct.counts(try rows(args[0], g), g)
        return .int(Column(values: counts.map { Int64($0) }))
    }

    static func mode(_ args: [Operand], _ g: Grouping) throws -> AnyColumn {
        switch try rows(args[0], g) {
        case .int(let x): return .int(Column(GroupedOrderStatistics.modes(x.values, x.validity, g)))
        case .double(let x): return .double(Column(GroupedOrderStatistics.modes(x.values, x.validity, g)))
        case .timestamp(let x): return .timestamp(Column(GroupedOrderStatistics.modes(x.values, x.validity, g)))
        case .duration(let x): return .duration(Column(GroupedOrderStatistics.modes(x.values, x.validity, g)))
        case .bool(let x):
            let m = GroupedOrderStatistics.modes(x.values.map { $0 ? Int64(1) : 0 }, x.validity, g)
            return .bool(Column(m.map { $0.map { $0 == 1 } }))
        case .string(let s):
            let ranks = StringRanks(s)
            return .string(ranks.column(fromRanks: GroupedOrderStatistics.modes(ranks.rowRanks(), s.validity, g)))
        }
    }

    /// Runs `body` on the microseconds of a duration column without copying them.
    static func micros<R>(_ c: Column<Duration>, _ body: (UnsafeBufferPointer<Int64>) throws -> R) rethrows -> R {
        try c.values.withUnsafeBufferPointer { try $0.withMemoryRebound(to: Int64.self, body) }
    }
}
