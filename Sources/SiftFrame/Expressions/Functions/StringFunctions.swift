// The string functions: lower, upper, len, contains, starts_with, ends_with, replace, substr, concat.

/// Row-wise string functions; the kernels are in ``StringKernels``.
///
/// - Characters are Unicode scalars: `len("café") == 4`, the same as `len` of a string value
///   outside a verb; `substr` counts positions the same way, from 1 (SQL's and PRQL's rule).
///   Grapheme clusters are not used: an emoji with a skin-tone modifier is 2.
/// - Matching (`contains`, `starts_with`, `ends_with`, `replace`) is literal and case-sensitive
///   on UTF-8 bytes, with no Unicode normalisation; an empty needle matches everything.
/// - `lower`/`upper` use the Unicode default case mapping (`upper("ß") == "SS"`).
/// - Nulls propagate through every function, `concat` included (a row is null when any
///   argument is); `coalesce(x, "")` skips a null argument instead.
/// - Dictionary-encoded columns are computed once per distinct value, and string results of a
///   dictionary column stay dictionary-encoded.
public enum StringFunctions {
    /// The definitions.
    public static let all: [FunctionDefinition] = [
        FunctionDefinition("lower", signature: "lower(s)", summary: "s in lower case (Unicode)",
                           example: "lower(page_2_clothing_model)", arity: 1...1, type: { try strings("lower", $0, result: .string) },
                           evaluate: { try onStrings($0, $1) { .string(StringKernels.caseMapped($0, upper: false)) } }),
        FunctionDefinition("upper", signature: "upper(s)", summary: "s in upper case (Unicode; \"ß\" becomes \"SS\")",
                           example: "upper(page_2_clothing_model)", arity: 1...1, type: { try strings("upper", $0, result: .string) },
                           evaluate: { try onStrings($0, $1) { .string(StringKernels.caseMapped($0, upper: true)) } }),
        FunctionDefinition("len", signature: "len(s)", summary: "the number of characters (Unicode scalars) in s",
                           example: "len(page_2_clothing_model)", arity: 1...1, type: { try strings("len", $0, result: .int) },
                           evaluate: { try onStrings($0, $1) { .int(StringKernels.lengths($0)) } }),
        search("contains", .anywhere, "true where s contains sub", "contains(page_2_clothing_model, \"A\")"),
        search("starts_with", .start, "true where s begins with prefix", "starts_with(page_2_clothing_model, \"B\")"),
        search("ends_with", .end, "true where s ends with suffix", "ends_with(page_2_clothing_model, \"3\")"),
        FunctionDefinition("replace", signature: "replace(s, a, b)", summary: "s with every occurrence of a replaced by b (literal)",
                           example: "replace(page_2_clothing_model, \"A\", \"a-\")", arity: 3...3,
                           type: { try strings("replace", $0, result: .string) }, evaluate: replace),
        FunctionDefinition("substr", signature: "substr(s, start [, n])",
                           summary: "n characters of s from position start (1-based; negative counts from the end)",
                           example: "substr(page_2_clothing_model, 1, 1)", arity: 2...3, type: substrType, evaluate: substr),
        FunctionDefinition("concat", signature: "concat(a, b, ...)", summary: "the arguments as text, joined (null if any is null)",
                           example: "concat(year, \"-\", month, \"-\", day)", arity: 1...Int.max, type: concatType, evaluate: concat),
    ]

    private static func search(_ name: String, _ anchor: StringKernels.Anchor, _ summary: String, _ example: String) -> FunctionDefinition {
        let second = anchor == .anywhere ? "sub" : (anchor == .start ? "prefix" : "suffix")
        return FunctionDefinition(name, signature: "\(name)(s, \(second))", summary: summary, example: example, arity: 2...2,
                                  type: { try strings(name, $0, result: .bool) },
                                  evaluate: { args, ctx in
                                      try FunctionSupport.elementwise(args, ctx) { n in
                                          guard let s = StringKernels.column(args[0], count: n) else { throw FunctionSupport.unsupported(name, args) }
                                          if case .scalar(.null) = args[1] { return .nulls(of: .bool, count: n) }
                                          return .bool(StringKernels.search(s, args[1], anchor, count: n))
                                      }
                                  })
    }

    // MARK: - Type rules

    private static func strings(_ f: String, _ args: [ArgumentInfo], result: DataType) throws -> DataType? {
        for i in args.indices { try TypeRules.require(f, args, i, [.string]) }
        return result
    }

    private static func substrType(_ args: [ArgumentInfo]) throws -> DataType? {
        try TypeRules.require("substr", args, 0, [.string])
        try TypeRules.require("substr", args, 1, [.int])
        if args.count == 3 {
            try TypeRules.require("substr", args, 2, [.int])
            if case .int(let k)? = args[2].constant, k < 0 {
                throw FrameError.invalidArgument("bad argument #3 to 'substr' (a length of at least 0 expected, got \(k))")
            }
        }
        return .string
    }

    private static func concatType(_ args: [ArgumentInfo]) throws -> DataType? {
        for (i, a) in args.enumerated() where a.list != nil {
            throw TypeRules.badArgument("concat", i + 1, expected: "value", got: a)
        }
        return .string
    }

    // MARK: - Evaluation

    private static func onStrings(_ args: [Operand], _ ctx: EvaluationContext, _ body: (StringColumn) -> AnyColumn) throws -> Operand {
        try FunctionSupport.elementwise(args, ctx) { n in
            guard let s = StringKernels.column(args[0], count: n) else { throw FunctionSupport.unsupported("string function", args) }
            return body(s)
        }
    }

    private static func replace(_ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        try FunctionSupport.elementwise(args, ctx) { n in
            guard let s = StringKernels.column(args[0], count: n) else { throw FunctionSupport.unsupported("replace", args) }
            return .string(StringKernels.replace(s, args[1], args[2], count: n))
        }
    }

    private static func substr(_ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        try FunctionSupport.elementwise(args, ctx) { n in
            guard let s = StringKernels.column(args[0], count: n), let start = args[1].intSide else {
                throw FunctionSupport.unsupported("substr", args)
            }
            var length: Side<Int64>? = nil
            if args.count == 3 {
                guard let l = args[2].intSide else { throw FunctionSupport.unsupported("substr", args) }
                length = l
            }
            return .string(StringKernels.substring(s, start: start, length: length, count: n))
        }
    }

    private static func concat(_ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        try FunctionSupport.elementwise(args, ctx) { n in .string(StringKernels.concat(args, count: n)) }
    }
}
