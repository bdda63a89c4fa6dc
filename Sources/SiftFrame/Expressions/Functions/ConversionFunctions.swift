// The conversion functions int(x), float(x) and str(x), following the rules in `Conversion`.

/// Per-row type conversions; see ``Conversion`` for the rules.
public enum ConversionFunctions {
    /// The definitions.
    public static let all: [FunctionDefinition] = [
        make("int", .int, "x as an integer (doubles truncate toward zero; strings must parse)", "int(price / 10)"),
        make("float", .double, "x as a double", "float(page)"),
        make("str", .string, "x as a string, in the form CSV writes it", "str(page)"),
    ]

    private static func make(_ name: String, _ type: DataType, _ summary: String, _ example: String) -> FunctionDefinition {
        FunctionDefinition(name, signature: "\(name)(x)", summary: summary, example: example, arity: 1...1,
                           type: { args in
                               if let t = args[0].type, t != type, !canCast(t, type) {
                                   throw TypeRules.badArgument(name, 1, expected: "value convertible to \(type)", got: args[0])
                               }
                               if args[0].list != nil { throw TypeRules.badArgument(name, 1, expected: "value", got: args[0]) }
                               return type
                           },
                           evaluate: { args, _ in try Conversion.cast(args[0], to: type) })
    }

    /// Whether a cast between two types exists (it may still fail on a value).
    public static func canCast(_ from: DataType, _ to: DataType) -> Bool {
        switch (from, to) {
        case (.timestamp, .bool), (.duration, .bool), (.bool, .timestamp), (.bool, .duration),
             (.timestamp, .duration), (.duration, .timestamp):
            return false
        default:
            return true
        }
    }
}
