// The table of every scalar, window and aggregate function, assembled from one list per family.

/// All functions the engine evaluates, looked up by name.
///
/// Each family file contributes a static list (`ArithmeticFunctions.all`, `StringFunctions.all`,
/// ...); the registry joins them in a fixed order, so listings (`:help`) are deterministic.
public struct FunctionRegistry: Sendable {
    /// The registry of built-in functions.
    public static let shared = FunctionRegistry(families: [
        ArithmeticFunctions.all, LogicFunctions.all, MathFunctions.all, ConversionFunctions.all,
        StringFunctions.all, TimeFunctions.all, BinningFunctions.all, WindowFunctions.all,
        AggregateFunctions.all,
    ])

    /// Operator names printed between their operands.
    public static let infixOperators: Set<String> = ["+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "and", "or", "in"]

    /// Every definition, in registration order.
    public let definitions: [FunctionDefinition]
    private let byName: [String: Int]

    /// Creates a registry from families of definitions; a later duplicate name is a programming error.
    public init(families: [[FunctionDefinition]]) {
        definitions = families.flatMap { $0 }
        var index: [String: Int] = [:]
        for (i, d) in definitions.enumerated() {
            precondition(index[d.name] == nil, "function '\(d.name)' registered twice")
            index[d.name] = i
        }
        byName = index
    }

    /// The definition of a function, or nil.
    public subscript(name: String) -> FunctionDefinition? { byName[name].map { definitions[$0] } }

    /// The names of the functions that users call by name (operators excluded), in registration order.
    public var callableNames: [String] { definitions.map(\.name).filter { $0.first?.isLetter ?? false } }

    /// Checks a call's arity and argument types and gives its result type.
    ///
    /// - Throws: ``FrameError/invalidArgument(_:)`` for an unknown function or a wrong number of
    ///   arguments; ``FrameError/typeMismatch(_:)`` from the function's type rule.
    public func resolve(_ name: String, _ args: [ArgumentInfo]) throws -> DataType? {
        guard let def = self[name] else {
            var msg = "unknown function '\(name)'"
            if let guess = FrameError.closestName(to: name, in: callableNames) { msg += " (did you mean '\(guess)'?)" }
            throw FrameError.invalidArgument(msg)
        }
        guard def.arity.contains(args.count) else {
            let want: String
            if def.arity.lowerBound == def.arity.upperBound { want = "\(def.arity.lowerBound)" }
            else if def.arity.upperBound == Int.max { want = "at least \(def.arity.lowerBound)" }
            else { want = "\(def.arity.lowerBound) to \(def.arity.upperBound)" }
            let got = args.count == 1 ? "1 argument" : "\(args.count) arguments"
            throw FrameError.invalidArgument("'\(name)' takes \(want) argument\(want == "1" ? "" : "s"), got \(got) (usage: \(def.signature))")
        }
        return try def.resolveType(args)
    }
}
