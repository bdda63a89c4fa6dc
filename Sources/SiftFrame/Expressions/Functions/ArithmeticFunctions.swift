// Arithmetic and comparison operators: + - * / % unary minus, == != < <= > >=.

/// The arithmetic and comparison operators.
///
/// Ints stay ints under `+ - * %` (overflow is an error, never a silent wrap); `/` always
/// gives a double. Division or remainder by zero gives null (as DuckDB does), as does any
/// result that would be NaN. `%` takes the sign of the divisor (Python's and R's floored
/// modulo). Timestamps and durations combine as `ts - ts -> duration`,
/// `ts ± duration -> ts`, `duration * number -> duration`. Comparisons of a timestamp with a
/// string constant parse the string as a timestamp (`ts >= "2008-05-01"`).
public enum ArithmeticFunctions {
    /// The operator definitions.
    public static let all: [FunctionDefinition] = [
        FunctionDefinition("+", signature: "a + b", summary: "sum of numbers; timestamp plus duration",
                           example: "price + 1", arity: 2...2, type: { try arithmeticType("+", $0) },
                           evaluate: { try arithmetic("+", $0, $1) }),
        FunctionDefinition("-", signature: "a - b", summary: "difference; timestamp minus timestamp gives a duration",
                           example: "price - 1", arity: 2...2, type: { try arithmeticType("-", $0) },
                           evaluate: { try arithmetic("-", $0, $1) }),
        FunctionDefinition("*", signature: "a * b", summary: "product; duration times number",
                           example: "price * 2", arity: 2...2, type: { try arithmeticType("*", $0) },
                           evaluate: { try arithmetic("*", $0, $1) }),
        FunctionDefinition("/", signature: "a / b", summary: "quotient as a double (null when b is 0)",
                           example: "price / 2", arity: 2...2, type: { try arithmeticType("/", $0) },
                           evaluate: { try arithmetic("/", $0, $1) }),
        FunctionDefinition("%", signature: "a % b", summary: "remainder with the sign of b (null when b is 0)",
                           example: "price % 10", arity: 2...2, type: { try arithmeticType("%", $0) },
                           evaluate: { try arithmetic("%", $0, $1) }),
        FunctionDefinition("neg", signature: "-a", summary: "negation", example: "-price", arity: 1...1,
                           type: { args in try TypeRules.require("-", args, 0, [.int, .double, .duration], expected: "number or duration") },
                           evaluate: negate),
    ] + ["==", "!=", "<", "<=", ">", ">="].map { op in
        FunctionDefinition(op, signature: "a \(op) b", summary: comparisonSummary[op]!, example: "price \(op) 50",
                           arity: 2...2, type: { try comparisonType(op, $0) }, evaluate: { try compare(op, $0, $1) })
    }

    private static let comparisonSummary = [
        "==": "true where a equals b", "!=": "true where a differs from b", "<": "true where a is less than b",
        "<=": "true where a is at most b", ">": "true where a is greater than b", ">=": "true where a is at least b",
    ]

    // MARK: - Type rules

    static func arithmeticType(_ op: String, _ args: [ArgumentInfo]) throws -> DataType? {
        let (a, b) = (args[0], args[1])
        if a.list != nil || b.list != nil {
            throw TypeRules.badArgument(op, a.list != nil ? 1 : 2, expected: "number", got: a.list != nil ? a : b)
        }
        switch (a.type, b.type) {
        case (nil, nil): return nil
        case (let t?, nil), (nil, let t?):
            guard t.isNumeric || t == .timestamp || t == .duration else { throw cannot(op, a, b) }
            if op == "/" && t == .int { return .double }
            if op == "-" && t == .timestamp && b.type == nil { return .timestamp }
            return t
        case (let x?, let y?):
            if x.isNumeric && y.isNumeric {
                if op == "/" { return .double }
                return x == .int && y == .int ? .int : .double
            }
            switch (op, x, y) {
            case ("+", .timestamp, .duration), ("+", .duration, .timestamp), ("-", .timestamp, .duration): return .timestamp
            case ("-", .timestamp, .timestamp): return .duration
            case ("+", .duration, .duration), ("-", .duration, .duration): return .duration
            case ("*", .duration, let n) where n.isNumeric: return .duration
            case ("*", let n, .duration) where n.isNumeric: return .duration
            case ("/", .duration, let n) where n.isNumeric: return .duration
            case ("/", .duration, .duration): return .double
            default: throw cannot(op, a, b)
            }
        }
    }

    private static func cannot(_ op: String, _ a: ArgumentInfo, _ b: ArgumentInfo) -> FrameError {
        var m = "cannot apply '\(op)' to \(a.typeName) and \(b.typeName)"
        if op == "+" && (a.type == .string || b.type == .string) { m += "; use concat(a, b) to join strings" }
        return .typeMismatch(m)
    }

    static func comparisonType(_ op: String, _ args: [ArgumentInfo]) throws -> DataType? {
        let (a, b) = (args[0], args[1])
        if a.list != nil || b.list != nil {
            throw FrameError.typeMismatch("cannot compare a list with '\(op)'; use 'x in [...]' to test membership")
        }
        guard let x = a.type, let y = b.type else { return .bool }
        if x == y || (x.isNumeric && y.isNumeric) { return .bool }
        if x == .timestamp && y == .string, case .string(let s)? = b.constant { try requireTimestamp(s); return .bool }
        if x == .string && y == .timestamp, case .string(let s)? = a.constant { try requireTimestamp(s); return .bool }
        throw FrameError.typeMismatch("cannot compare \(x) with \(y) using '\(op)'")
    }

    private static func requireTimestamp(_ s: String) throws {
        guard TimestampParser.parse(s) != nil else {
            throw FrameError.typeMismatch("cannot compare a timestamp with '\(s)', which is not a timestamp")
        }
    }

    // MARK: - Arithmetic

    static func arithmetic(_ op: String, _ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        try FunctionSupport.elementwise(args, ctx) { n in
            let (a, b) = (args[0], args[1])
            if let x = a.intSide, let y = b.intSide {
                switch op {
                case "+": return .int(try Elementwise.mapChecked(x, y, count: n, operator: op) { $0.addingReportingOverflow($1) })
                case "-": return .int(try Elementwise.mapChecked(x, y, count: n, operator: op) { $0.subtractingReportingOverflow($1) })
                case "*": return .int(try Elementwise.mapChecked(x, y, count: n, operator: op) { $0.multipliedReportingOverflow(by: $1) })
                case "%": return .int(intRemainder(x, y, n))
                default: break   // "/" falls through to doubles
                }
            }
            if let x = a.doubleSide, let y = b.doubleSide {
                let r: Column<Double>
                switch op {
                case "+": r = Elementwise.map(x, y, count: n, +)
                case "-": r = Elementwise.map(x, y, count: n, -)
                case "*": r = Elementwise.map(x, y, count: n, *)
                case "/": r = Elementwise.map(x, y, count: n) { $1 == 0 ? .nan : $0 / $1 }
                default: r = Elementwise.map(x, y, count: n) { d, m in
                    if m == 0 { return .nan }
                    let rem = d.truncatingRemainder(dividingBy: m)
                    return rem != 0 && (rem < 0) != (m < 0) ? rem + m : rem
                }
                }
                return .double(r.nanAsNull())
            }
            return try temporal(op, a, b, n)
        }
    }

    /// Floored integer remainder; a zero divisor gives null.
    private static func intRemainder(_ x: Side<Int64>, _ y: Side<Int64>, _ n: Int) -> Column<Int64> {
        var zero = false
        let r = Elementwise.map(x, y, count: n) { (a: Int64, m: Int64) -> Int64 in
            if m == 0 { zero = true; return 0 }
            if m == -1 { return 0 }   // avoids Int64.min % -1 trapping
            let rem = a % m
            return rem != 0 && (rem < 0) != (m < 0) ? rem + m : rem
        }
        guard zero else { return r }
        let nonzero: Bitmap
        switch y {
        case .column(let c): nonzero = Bitmap(count: n) { w in for i in 0..<n where c.values[i] != 0 { w[i >> 6] |= 1 << UInt64(i & 63) } }
        default: nonzero = Bitmap(repeating: false, count: n)
        }
        return Column(values: r.values, validity: Bitmap.intersect(r.validity, nonzero))
    }

    /// Arithmetic involving timestamps and durations (micro-second integers underneath).
    private static func temporal(_ op: String, _ a: Operand, _ b: Operand, _ n: Int) throws -> AnyColumn {
        func micros(_ o: Operand) -> Side<Int64>? {
            if let t = o.timestampSide { return t.mapped { $0.micros } }
            if let d = o.durationSide { return d.mapped { $0.micros } }
            return nil
        }
        let aType = a.type, bType = b.type
        // A null literal takes the other side's role.
        let isTS = { (t: DataType?) in t == .timestamp }, isDur = { (t: DataType?) in t == .duration }
        if op == "+" || op == "-", let x = micros(a), let y = micros(b) {
            let checked = try Elementwise.mapChecked(x, y, count: n, operator: op) {
                op == "+" ? $0.addingReportingOverflow($1) : $0.subtractingReportingOverflow($1)
            }
            if op == "-" && isTS(aType) && isTS(bType) { return .duration(checked.map { Duration(micros: $0) }) }
            if isTS(aType) || isTS(bType) { return .timestamp(checked.map { Timestamp(micros: $0) }) }
            return .duration(checked.map { Duration(micros: $0) })
        }
        if op == "*" || op == "/", isDur(aType) || isDur(bType) {
            if op == "/" && isDur(aType) && isDur(bType), let x = micros(a), let y = micros(b) {
                return .double(Elementwise.map(x, y, count: n) { $1 == 0 ? Double.nan : Double($0) / Double($1) }.nanAsNull())
            }
            let (d, k) = isDur(aType) ? (a, b) : (b, a)
            if let dm = micros(d), let f = k.doubleSide {
                let r = Elementwise.map(dm, f, count: n) { (m: Int64, x: Double) -> Double in
                    op == "*" ? Double(m) * x : (x == 0 ? .nan : Double(m) / x)
                }.nanAsNull()
                return .duration(try r.toMicros(op))
            }
        }
        throw FunctionSupport.unsupported(op, [a, b])
    }

    static func negate(_ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        try FunctionSupport.elementwise(args, ctx) { n in
            if let x = args[0].intSide {
                return .int(try Elementwise.mapChecked(.constant(0), x, count: n, operator: "-") { $0.subtractingReportingOverflow($1) })
            }
            if let x = args[0].doubleSide { return .double(Elementwise.map(x, count: n) { -$0 }) }
            if let x = args[0].durationSide { return .duration(Elementwise.map(x, count: n) { Duration(micros: 0 &- $0.micros) }) }
            throw FunctionSupport.unsupported("-", args)
        }
    }

    // MARK: - Comparison

    static func compare(_ op: String, _ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        try FunctionSupport.elementwise(args, ctx) { n in
            var (a, b) = (args[0], args[1])
            // A string constant compared with timestamps is read as a timestamp.
            if a.type == .timestamp, case .scalar(.string(let s)) = b, let t = TimestampParser.parse(s) { b = .scalar(.timestamp(t)) }
            if b.type == .timestamp, case .scalar(.string(let s)) = a, let t = TimestampParser.parse(s) { a = .scalar(.timestamp(t)) }
            if let x = a.intSide, let y = b.intSide { return .bool(ordered(op, x, y, n)) }
            if let x = a.doubleSide, let y = b.doubleSide { return .bool(ordered(op, x, y, n)) }
            if let x = a.timestampSide, let y = b.timestampSide { return .bool(ordered(op, x, y, n)) }
            if let x = a.durationSide, let y = b.durationSide { return .bool(ordered(op, x, y, n)) }
            if let x = a.boolSide, let y = b.boolSide {
                return .bool(ordered(op, x.mapped { $0 ? 1 : 0 as Int64 }, y.mapped { $0 ? 1 : 0 as Int64 }, n))
            }
            if a.type == .string || b.type == .string || (a.type == nil && b.type == nil) {
                return .bool(try StringComparison.compare(op, a, b, count: n))
            }
            throw FunctionSupport.unsupported(op, args)
        }
    }

    /// A comparison of comparable sides (see ``ComparisonKernel``).
    @inlinable
    static func ordered<T: Comparable & ColumnElement>(_ op: String, _ x: Side<T>, _ y: Side<T>, _ n: Int) -> Column<Bool> {
        ComparisonKernel.compare(op, x, y, count: n)
    }
}

extension Side {
    /// The side with `f` applied to its values.
    func mapped<R: ColumnElement>(_ f: (T) -> R) -> Side<R> {
        switch self {
        case .column(let c): return .column(c.map(f))
        case .constant(let v): return .constant(f(v))
        case .null: return .null
        }
    }
}

extension Column where T == Double {
    /// Rounds microsecond counts held as doubles back to integers.
    ///
    /// - Throws: ``FrameError/invalidArgument(_:)`` when a valid value is outside Int64's range.
    func toMicros(_ op: String) throws -> Column<Duration> {
        var bad = false
        let out = map { (x: Double) -> Duration in
            guard x.isFinite, abs(x) < 9.2e18 else { bad = true; return .zero }
            return Duration(micros: Int64(x.rounded()))
        }
        if bad {
            var real = false
            Bitmap.forEachValid(validity, count: count) { i in if !(values[i].isFinite && abs(values[i]) < 9.2e18) { real = true } }
            if real { throw FrameError.invalidArgument("duration overflow in '\(op)'") }
        }
        return out
    }
}
