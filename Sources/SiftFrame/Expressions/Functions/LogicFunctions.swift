// Boolean logic, conditionals and null handling: and, or, not, in, if, coalesce, is_null.

/// Logical operators (Kleene three-valued logic, as SQL: `false and null` is false,
/// `true or null` is true), membership, conditionals and null tests.
///
/// `if(cond, a, b)` takes `b` where `cond` is false or null (SQL's `CASE`, polars' `when`).
public enum LogicFunctions {
    /// The definitions.
    public static let all: [FunctionDefinition] = [
        FunctionDefinition("and", signature: "a and b", summary: "true where both are true (false and null is false)",
                           example: "price > 30 and page == 1", arity: 2...2,
                           type: { try bools("and", $0) }, evaluate: { try kleene(and: true, $0, $1) }),
        FunctionDefinition("or", signature: "a or b", summary: "true where either is true (true or null is true)",
                           example: "page == 1 or page == 2", arity: 2...2,
                           type: { try bools("or", $0) }, evaluate: { try kleene(and: false, $0, $1) }),
        FunctionDefinition("not", signature: "not a", summary: "true where a is false", example: "not (page == 1)",
                           arity: 1...1, type: { try bools("not", $0) }, evaluate: negation),
        FunctionDefinition("in", signature: "x in [a, b, ...]", summary: "true where x equals one of the list's values",
                           example: "page in [1, 2]", arity: 2...2, type: membershipType, evaluate: membership),
        FunctionDefinition("if", signature: "if(cond, a, b)", summary: "a where cond is true, else b (also where cond is null)",
                           example: "if(price > 50, \"high\", \"low\")", arity: 3...3, type: conditionalType, evaluate: conditional),
        FunctionDefinition("coalesce", signature: "coalesce(a, b, ...)", summary: "the first argument that is not null",
                           example: "coalesce(price, 0)", arity: 1...Int.max,
                           type: { try TypeRules.unify("coalesce", try valueTypes("coalesce", $0)) }, evaluate: coalesce),
        FunctionDefinition("is_null", signature: "is_null(x)", summary: "true where x is null (never null itself)",
                           example: "is_null(price)", arity: 1...1,
                           type: { args in _ = try valueTypes("is_null", args); return .bool }, evaluate: isNull),
    ]

    private static func bools(_ f: String, _ args: [ArgumentInfo]) throws -> DataType? {
        for i in args.indices { try TypeRules.require(f, args, i, [.bool], expected: "bool") }
        return .bool
    }

    private static func valueTypes(_ f: String, _ args: [ArgumentInfo]) throws -> [DataType?] {
        for (i, a) in args.enumerated() where a.list != nil { throw TypeRules.badArgument(f, i + 1, expected: "value", got: a) }
        return args.map(\.type)
    }

    // MARK: - Logic

    private static func kleene(and isAnd: Bool, _ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        try FunctionSupport.elementwise(args, ctx) { n in
            guard let x = args[0].boolSide, let y = args[1].boolSide else { throw FunctionSupport.unsupported(isAnd ? "and" : "or", args) }
            // Value and definedness of each side at row i.
            func at(_ s: Side<Bool>, _ i: Int) -> (v: Bool, ok: Bool) {
                switch s {
                case .column(let c): return (c.values[i], c.isValid(i))
                case .constant(let v): return (v, true)
                case .null: return (false, false)
                }
            }
            if case .column(let a) = x, case .column(let b) = y, a.validity == nil, b.validity == nil {
                let vals = Elementwise.fill(n) { (o: UnsafeMutablePointer<Bool>) in
                    for i in 0..<n { o[i] = isAnd ? (a.values[i] && b.values[i]) : (a.values[i] || b.values[i]) }
                }
                return .bool(Column(values: vals))
            }
            var vals = [Bool](repeating: false, count: n)
            var valid = [Bool](repeating: true, count: n)
            for i in 0..<n {
                let (av, ak) = at(x, i), (bv, bk) = at(y, i)
                if isAnd {
                    if (ak && !av) || (bk && !bv) { vals[i] = false } else if ak && bk { vals[i] = true } else { valid[i] = false }
                } else {
                    if (ak && av) || (bk && bv) { vals[i] = true } else if ak && bk { vals[i] = false } else { valid[i] = false }
                }
            }
            return .bool(Column(values: vals, validity: Bitmap(valid)))
        }
    }

    private static func negation(_ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        try FunctionSupport.elementwise(args, ctx) { n in
            guard let x = args[0].boolSide else { throw FunctionSupport.unsupported("not", args) }
            return .bool(Elementwise.map(x, count: n) { !$0 })
        }
    }

    // MARK: - Membership

    private static func membershipType(_ args: [ArgumentInfo]) throws -> DataType? {
        guard let items = args[1].list else {
            throw TypeRules.badArgument("in", 2, expected: "list", got: args[1])
        }
        guard let t = args[0].type else { return .bool }
        for item in items {
            guard let it = item.type else { continue }
            if it == t || (it.isNumeric && t.isNumeric) { continue }
            if t == .timestamp, case .string(let s) = item, TimestampParser.parse(s) != nil { continue }
            throw FrameError.typeMismatch("'in' compares \(t) values with a list holding \(it) value '\(item)'")
        }
        return .bool
    }

    private static func membership(_ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        guard case .list(let items) = args[1] else { throw FunctionSupport.unsupported("in", args) }
        return try FunctionSupport.elementwise([args[0]], ctx) { n in
            let x = args[0]
            var result: Column<Bool>? = nil
            // x in [a, b, c] is (x == a) or (x == b) or (x == c); null items never match.
            for item in items where !item.isNull {
                guard case .column(.bool(let eq)) = try ArithmeticFunctions.compare("==", [x, .scalar(item)], EvaluationContext(rowCount: n)) else {
                    continue
                }
                if let r = result {
                    let vals = Elementwise.fill(n) { (o: UnsafeMutablePointer<Bool>) in for i in 0..<n { o[i] = r.values[i] || eq.values[i] } }
                    result = Column(values: vals, validity: r.validity)
                } else {
                    result = eq
                }
            }
            let validity = x.isScalar ? (FunctionSupport.constant(x)!.isNull ? Bitmap(repeating: false, count: n) : nil)
                                      : (try x.asColumn(count: n)).validity
            return .bool(Column(values: result?.values ?? [Bool](repeating: false, count: n), validity: validity))
        }
    }

    // MARK: - Conditionals

    private static func conditionalType(_ args: [ArgumentInfo]) throws -> DataType? {
        try TypeRules.require("if", args, 0, [.bool], expected: "bool")
        return try TypeRules.unify("if", try valueTypes("if", Array(args.dropFirst())))
    }

    private static func conditional(_ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        let type = try TypeRules.unify("if", [args[1].type, args[2].type]) ?? .untypedNull
        return try FunctionSupport.elementwise(args, ctx) { n in
            guard let cond = args[0].boolSide else { throw FunctionSupport.unsupported("if", args) }
            let choice = (0..<n).map { i -> Int8 in
                let takeA: Bool
                switch cond {
                case .column(let c): takeA = c.isValid(i) && c.values[i]
                case .constant(let v): takeA = v
                case .null: takeA = false
                }
                let k: Int8 = takeA ? 0 : 1
                return RowPicker.isValid(args[Int(k) + 1], i) ? k : -1
            }
            return try RowPicker.pick([try Conversion.cast(args[1], to: type), try Conversion.cast(args[2], to: type)],
                                      choice: choice, type: type, count: n)
        }
    }

    private static func coalesce(_ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        let type = try TypeRules.unify("coalesce", args.map(\.type)) ?? .untypedNull
        return try FunctionSupport.elementwise(args, ctx) { n in
            let choice = (0..<n).map { i -> Int8 in
                for (k, a) in args.enumerated() where RowPicker.isValid(a, i) { return Int8(truncatingIfNeeded: k) }
                return -1
            }
            guard args.count < 128 else { throw FrameError.invalidArgument("'coalesce' takes at most 127 arguments") }
            return try RowPicker.pick(try args.map { try Conversion.cast($0, to: type) }, choice: choice, type: type, count: n)
        }
    }

    private static func isNull(_ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        switch args[0] {
        case .scalar(let s): return .scalar(.bool(s.isNull))
        case .column(let c):
            guard let v = c.validity else { return .column(.bool(Column(values: [Bool](repeating: false, count: c.count)))) }
            return .column(.bool(Column(values: (0..<c.count).map { !v[$0] })))
        case .list: throw FunctionSupport.unsupported("is_null", args)
        }
    }
}
