// The math functions: abs, round, floor, ceil, sqrt, log, exp, pow, min2, max2.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Row-wise math.
///
/// - Types: ints stay ints where the result is exact (`abs`, `round`, `min2`/`max2` of ints);
///   `floor` and `ceil` give ints (as SQL does; pandas keeps floats), so `floor(price / 10)` can
///   be a group key — a result past Int64's range is an error naming the row. `sqrt`, `log`,
///   `exp` and `pow` give doubles.
/// - Nulls propagate, and results that would be NaN or infinite become null: `sqrt(-1)`,
///   `log(0)`, `log(-1)`, `exp(1000)` and `pow(-8, 1/3)` are null, never NaN or -inf.
/// - `round(x, n)` rounds half away from zero, exactly on the decimal the double prints as:
///   `round(2.5) == 3.0`, `round(-2.5) == -3.0`, `round(2.675, 2) == 2.68`; `n` is a constant
///   int, default 0, and may be negative (`round(1234, -2) == 1200`). See ``DecimalRounding``.
/// - `min2(a, b)`/`max2(a, b)` skip nulls, as SQL's `LEAST`/`GREATEST` do in DuckDB and
///   PostgreSQL: the result is null only where both are null. They take numbers (int with int
///   stays int), strings (byte order, which is code-point order), timestamps or durations.
/// - Int overflow (`abs` of the smallest int, `round(x, -n)` past the range) is an error, as in `+`.
public enum MathFunctions {
    /// The definitions.
    public static let all: [FunctionDefinition] = [
        FunctionDefinition("abs", signature: "abs(x)", summary: "absolute value (ints stay ints; also durations)",
                           example: "abs(price - 50)", arity: 1...1,
                           type: { args in try TypeRules.require("abs", args, 0, [.int, .double, .duration], expected: "number") },
                           evaluate: absolute),
        FunctionDefinition("round", signature: "round(x, n)", summary: "x rounded to n decimal places (default 0), halves away from zero",
                           example: "round(price * 1.1, 2)", arity: 1...2, type: roundType, evaluate: round),
        FunctionDefinition("floor", signature: "floor(x)", summary: "the largest int not above x",
                           example: "floor(price / 10)", arity: 1...1, type: { try integralType("floor", $0) },
                           evaluate: { try integral("floor", .down, $0, $1) }),
        FunctionDefinition("ceil", signature: "ceil(x)", summary: "the smallest int not below x",
                           example: "ceil(price / 10)", arity: 1...1, type: { try integralType("ceil", $0) },
                           evaluate: { try integral("ceil", .up, $0, $1) }),
        FunctionDefinition("sqrt", signature: "sqrt(x)", summary: "square root (null for negative x)",
                           example: "sqrt(price)", arity: 1...1, type: { try doubleType("sqrt", $0) },
                           evaluate: { try unary($0, $1) { $0.squareRoot() } }),
        FunctionDefinition("log", signature: "log(x [, base])", summary: "natural logarithm, or to a base (null for x <= 0)",
                           example: "log(price)", arity: 1...2, type: { try doubleType("log", $0) }, evaluate: logarithm),
        FunctionDefinition("exp", signature: "exp(x)", summary: "e to the power x (null when it overflows)",
                           example: "exp(page / 5)", arity: 1...1, type: { try doubleType("exp", $0) },
                           evaluate: { try unary($0, $1) { exp($0) } }),
        FunctionDefinition("pow", signature: "pow(x, y)", summary: "x to the power y, as a double (null where undefined)",
                           example: "pow(price, 2)", arity: 2...2, type: { try doubleType("pow", $0) },
                           evaluate: { try binary($0, $1) { pow($0, $1) } }),
        FunctionDefinition("min2", signature: "min2(a, b)", summary: "the smaller of a and b per row (nulls skipped)",
                           example: "min2(price, 50)", arity: 2...2, type: { try extremeType("min2", $0) },
                           evaluate: { try extreme(max: false, $0, $1) }),
        FunctionDefinition("max2", signature: "max2(a, b)", summary: "the larger of a and b per row (nulls skipped)",
                           example: "max2(page, 2)", arity: 2...2, type: { try extremeType("max2", $0) },
                           evaluate: { try extreme(max: true, $0, $1) }),
    ]

    // MARK: - Type rules

    private static func doubleType(_ f: String, _ args: [ArgumentInfo]) throws -> DataType? {
        for i in args.indices { try TypeRules.numeric(f, args, i) }
        return .double
    }

    private static func integralType(_ f: String, _ args: [ArgumentInfo]) throws -> DataType? {
        try TypeRules.numeric(f, args, 0)
        return .int
    }

    private static func roundType(_ args: [ArgumentInfo]) throws -> DataType? {
        let t = try TypeRules.numeric("round", args, 0)
        if args.count == 2 {
            _ = try TypeRules.constant("round", args, 1, .int, expected: args[1].type == .int ? "constant int" : "int")
        }
        return t
    }

    private static func extremeType(_ f: String, _ args: [ArgumentInfo]) throws -> DataType? {
        for i in args.indices {
            try TypeRules.require(f, args, i, [.int, .double, .string, .timestamp, .duration],
                                  expected: "number, string, timestamp or duration")
        }
        return try TypeRules.unify(f, args.map(\.type))
    }

    // MARK: - Kernels

    /// An integer kernel whose rows may overflow: the map records overflow in a flag, and the
    /// error is raised only if a valid row overflowed (null slots hold arbitrary values).
    private static func checked(_ x: Side<Int64>, _ n: Int, _ name: String,
                                _ op: (Int64) -> (value: Int64, overflow: Bool)) throws -> Column<Int64> {
        var overflow = false
        let out = Elementwise.map(x, count: n) { (v: Int64) -> Int64 in
            let r = op(v)
            overflow = overflow || r.overflow
            return r.value
        }
        if overflow, case .column(let c) = x {
            var real = false
            Bitmap.forEachValid(c.validity, count: n) { i in if op(c.values[i]).overflow { real = true } }
            if !real { return out }
        }
        if overflow { throw FrameError.invalidArgument("integer overflow in '\(name)'; cast to double with float(x) first") }
        return out
    }

    private static func absolute(_ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        try FunctionSupport.elementwise(args, ctx) { n in
            if let x = args[0].intSide {
                return .int(try checked(x, n, "abs") { v in v == .min ? (v, true) : (v < 0 ? -v : v, false) })
            }
            if let x = args[0].doubleSide { return .double(ParallelMap.map(x, count: n) { Swift.abs($0) }) }
            if let x = args[0].durationSide {
                let micros = try checked(x.mapped { $0.micros }, n, "abs") { v in v == .min ? (v, true) : (v < 0 ? -v : v, false) }
                return .duration(micros.map { Duration(micros: $0) })
            }
            throw FunctionSupport.unsupported("abs", args)
        }
    }

    private static func round(_ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        var places = 0
        if args.count == 2 {
            guard case .scalar(.int(let k)) = args[1] else { throw FunctionSupport.unsupported("round", args) }
            places = Int(truncatingIfNeeded: k)
        }
        let p = places
        return try FunctionSupport.elementwise(Array(args.prefix(1)), ctx) { n in
            if let x = args[0].intSide { return .int(try checked(x, n, "round") { DecimalRounding.round($0, places: p) }) }
            if case .column(.double(let c)) = args[0], p >= 0, p <= 22 {
                let vals = [Double](unsafeUninitializedCapacity: c.count) { buf, initialized in
                    c.values.withUnsafeBufferPointer { src in
                        if let dst = buf.baseAddress { DecimalRounding.round(src, places: p, into: dst) }
                    }
                    initialized = c.count
                }
                return .double(Column(values: vals, validity: c.validity).nonFiniteAsNull())
            }
            if let x = args[0].doubleSide {
                let out = DecimalRounding.tens.withUnsafeBufferPointer { t -> Column<Double> in
                    nonisolated(unsafe) let tens = t.baseAddress!
                    return ParallelMap.map(x, count: n) { DecimalRounding.round($0, places: p, tens: tens) }
                }
                return .double(out.nonFiniteAsNull())
            }
            throw FunctionSupport.unsupported("round", args)
        }
    }

    private static func integral(_ name: String, _ rule: FloatingPointRoundingRule, _ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        try FunctionSupport.elementwise(args, ctx) { n in
            if let x = args[0].intSide { return .int(Elementwise.map(x, count: n) { $0 }) }
            guard let x = args[0].doubleSide else { throw FunctionSupport.unsupported(name, args) }
            let down = rule == .down
            let out = ParallelMap.map(x, count: n) { (v: Double) -> Int64 in
                let r = down ? v.rounded(.down) : v.rounded(.up)
                return DecimalRounding.fitsInt64(r) ? Int64(r) : 0
            }
            if case .column(let c) = x {
                // A quick range check first; only a column with a value out of range is searched row by row.
                let inRange = c.values.withUnsafeBufferPointer { v -> Bool in
                    var lo = 0.0, hi = 0.0
                    for d in v { lo = min(lo, d); hi = max(hi, d) }
                    return lo >= DecimalRounding.int64Low && hi < DecimalRounding.int64High
                }
                var bad: Int? = nil
                if !inRange {
                    Bitmap.forEachValid(c.validity, count: n) { i in
                        if bad == nil, !DecimalRounding.fitsInt64(c.values[i].rounded(rule)) { bad = i }
                    }
                }
                if let i = bad {
                    throw FrameError.invalidArgument("'\(name)' of \(Conversion.formatDouble(c.values[i])) (row \(i + 1)) does not fit an int")
                }
            } else if case .constant(let v) = x, !DecimalRounding.fitsInt64(v.rounded(rule)) {
                throw FrameError.invalidArgument("'\(name)' of \(Conversion.formatDouble(v)) does not fit an int")
            }
            return .int(out)
        }
    }

    private static func unary(_ args: [Operand], _ ctx: EvaluationContext, _ f: @escaping @Sendable (Double) -> Double) throws -> Operand {
        try FunctionSupport.elementwise(args, ctx) { n in
            guard let x = args[0].doubleSide else { throw FunctionSupport.unsupported("math", args) }
            return .double(ParallelMap.map(x, count: n, f).nonFiniteAsNull())
        }
    }

    private static func binary(_ args: [Operand], _ ctx: EvaluationContext, _ f: @escaping (Double, Double) -> Double) throws -> Operand {
        try FunctionSupport.elementwise(args, ctx) { n in
            guard let x = args[0].doubleSide, let y = args[1].doubleSide else { throw FunctionSupport.unsupported("math", args) }
            return .double(Elementwise.map(x, y, count: n, f).nonFiniteAsNull())
        }
    }

    /// `log(x)`; `log(x, b)` is `ln x / ln b` (null for a base of 1 or below 0).
    private static func logarithm(_ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        if args.count == 1 { return try unary(args, ctx) { $0 > 0 ? log($0) : .nan } }
        return try binary(args, ctx) { x, b in
            x > 0 && b > 0 && b != 1 ? log(x) / log(b) : .nan
        }
    }

    // MARK: - min2 / max2

    private static func extreme(max wantMax: Bool, _ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        let name = wantMax ? "max2" : "min2"
        let type = try TypeRules.unify(name, args.map(\.type)) ?? .untypedNull
        let a = try Conversion.cast(args[0], to: type), b = try Conversion.cast(args[1], to: type)
        return try FunctionSupport.elementwise(args, ctx) { n in
            func typed<T: ColumnElement & Comparable>(_ side: (Operand) -> Side<T>?) throws -> Column<T> {
                guard let x = side(a), let y = side(b) else { throw FunctionSupport.unsupported(name, args) }
                return pickExtreme(x, y, n, wantMax)
            }
            switch type {
            case .int: return .int(try typed(\.intSide))
            case .double: return .double(try typed(\.doubleSide))
            case .timestamp: return .timestamp(try typed(\.timestampSide))
            case .duration: return .duration(try typed(\.durationSide))
            case .string:
                let choice = (0..<n).map { i -> Int8 in
                    let va = RowPicker.isValid(a, i), vb = RowPicker.isValid(b, i)
                    if va && vb {
                        let c = StringKernels.withBytes(a, i) { x in StringKernels.withBytes(b, i) { y in StringComparison.compareBytes(x, y) } }
                        return (c > 0) == wantMax || c == 0 ? 0 : 1
                    }
                    return va ? 0 : (vb ? 1 : -1)
                }
                return try RowPicker.pick([a, b], choice: choice, type: .string, count: n)
            case .bool:
                throw FunctionSupport.unsupported(name, args)
            }
        }
    }

    /// The smaller or larger of two sides per row, a null side giving way to the other.
    private static func pickExtreme<T: ColumnElement & Comparable>(_ a: Side<T>, _ b: Side<T>, _ n: Int, _ wantMax: Bool) -> Column<T> {
        func better(_ x: T, _ y: T) -> T { wantMax ? (y > x ? y : x) : (y < x ? y : x) }
        switch (a, b) {
        case (.null, .null): return Column(values: [T](repeating: .zero, count: n), validity: Bitmap(repeating: false, count: n))
        case (.null, let s), (let s, .null): return Elementwise.map(s, count: n) { $0 }
        default: break
        }
        let both = Elementwise.map(a, b, count: n, better)
        guard both.validity != nil else { return both }
        // Where one side is null, take the other.
        func value(_ s: Side<T>, _ i: Int) -> T? {
            switch s {
            case .column(let c): return c.isValid(i) ? c.values[i] : nil
            case .constant(let v): return v
            case .null: return nil
            }
        }
        var vals = both.values
        for i in 0..<n where !both.isValid(i) {
            if let v = value(a, i) ?? value(b, i) { vals[i] = v }
        }
        let va = a.validity(count: n), vb = b.validity(count: n)
        var validity: Bitmap? = nil
        if let x = va, let y = vb { validity = x | y }
        return Column(values: vals, validity: validity)
    }
}
