// What a verb's binder sees: the stage's arguments, its input type, and uniform argument checks.
import SiftFrame

/// Gives a verb its arguments and checks them, so every bad argument reads the same way
/// (Lua's `luaL_argerror`): `bad argument #1 to 'head' (non-negative integer expected, got string)`,
/// `unknown option 'sed' for 'split' (did you mean 'seed'?)`.
///
/// Positional arguments, `name:value` options and `name = expr` assignments are separated;
/// ``check(positional:options:assignments:)`` rejects what the verb does not take.
public struct StageBinder {
    /// The stage's syntax.
    public let stage: Stage
    /// The static type of the stage's input.
    public let input: ValueType
    /// The interpreter (for constants, variables and expression binding).
    public let interpreter: Interpreter
    /// The scope the stage is evaluated in.
    public let scope: Scope

    /// Plain arguments in order.
    public let positionals: [ExprNode]
    /// `name:value` options in order.
    public let options: [(name: String, range: SourceRange, value: ExprNode)]
    /// `name = expr` arguments in order.
    public let assignments: [(name: String, range: SourceRange, value: ExprNode)]

    /// Creates a binder for a stage.
    public init(stage: Stage, input: ValueType, interpreter: Interpreter, scope: Scope) {
        self.stage = stage
        self.input = input
        self.interpreter = interpreter
        self.scope = scope
        var p: [ExprNode] = [], o: [(String, SourceRange, ExprNode)] = [], a: [(String, SourceRange, ExprNode)] = []
        for arg in stage.arguments {
            switch arg {
            case .positional(let e): p.append(e)
            case .option(let n, let r, let e): o.append((n, r, e))
            case .assignment(let n, let r, let e): a.append((n, r, e))
            }
        }
        positionals = p
        options = o
        assignments = a
    }

    /// The verb's name.
    public var verb: String { stage.verb }

    /// The verb's signature for usage notes.
    public var usage: String { interpreter.verbs[verb]?.signature ?? verb }

    // MARK: - Errors

    /// An error at a place (default: the verb name) with the verb's usage as a note.
    public func error(_ message: String, at range: SourceRange? = nil, id: String = "bind.invalidArgument",
                      notes: [String]? = nil) -> Diagnostic {
        .error(id, message, at: range ?? stage.verbRange, notes: notes ?? ["usage: \(usage)"])
    }

    /// The uniform bad-argument error.
    public func badArgument(_ position: Int, _ node: ExprNode, expected: String, got: String) -> Diagnostic {
        error("bad argument #\(position) to '\(verb)' (\(expected) expected, got \(got))", at: node.range)
    }

    // MARK: - Shape checks

    /// Rejects arguments the verb does not take.
    ///
    /// - Parameters:
    ///   - positional: how many plain arguments are allowed.
    ///   - options: the option names allowed.
    ///   - assignments: whether `name = expr` arguments are allowed.
    public func check(positional: ClosedRange<Int>, options allowed: [String] = [], assignments allowsAssignments: Bool = false) throws {
        if positionals.count < positional.lowerBound {
            let want = positional.lowerBound == 1 ? "an argument" : "\(positional.lowerBound) arguments"
            throw error("'\(verb)' needs \(want)", at: stage.range)
        }
        if positionals.count > positional.upperBound {
            let extra = positionals[positional.upperBound]
            let want = positional.upperBound == 0 ? "no plain arguments" : positional.upperBound == 1 ? "1 argument" : "\(positional.upperBound) arguments"
            throw error("'\(verb)' takes \(want), got an extra one", at: extra.range)
        }
        for o in options where !allowed.contains(o.name) {
            var msg = "unknown option '\(o.name)' for '\(verb)'"
            if let guess = FrameError.closestName(to: o.name, in: allowed) { msg += " (did you mean '\(guess)'?)" }
            else if !allowed.isEmpty { msg += "; it takes " + allowed.map { "\($0):" }.joined(separator: ", ") }
            throw error(msg, at: o.range, id: "bind.unknownOption")
        }
        if !allowsAssignments, let a = assignments.first {
            throw error("'\(verb)' does not take 'name = expr' arguments", at: a.range)
        }
        var seen = Set<String>()
        for o in options where !seen.insert(o.name).inserted {
            throw error("option '\(o.name)' given twice", at: o.range)
        }
    }

    /// The value syntax of an option, if given.
    public func option(_ name: String) -> ExprNode? { options.first(where: { $0.name == name })?.value }

    // MARK: - Constants

    /// Evaluates an argument that must not depend on the rows (a literal, a variable, `len(x)`).
    public func constant(_ node: ExprNode) throws -> Value {
        try interpreter.evaluate(node, in: scope)
    }

    /// An integer constant.
    public func int(_ node: ExprNode, position: Int, expected: String = "integer") throws -> Int {
        let v = try constant(node)
        guard case .scalar(.int(let i)) = v, let n = Int(exactly: i) else { throw badArgument(position, node, expected: expected, got: v.kindName) }
        return n
    }

    /// A non-negative integer constant.
    public func count(_ node: ExprNode, position: Int) throws -> Int {
        let n = try int(node, position: position, expected: "non-negative integer")
        guard n >= 0 else { throw badArgument(position, node, expected: "non-negative integer", got: "\(n)") }
        return n
    }

    /// A number constant (ints accepted).
    public func double(_ node: ExprNode, position: Int, expected: String = "number") throws -> Double {
        let v = try constant(node)
        guard case .scalar(let s) = v, let d = s.numericValue else { throw badArgument(position, node, expected: expected, got: v.kindName) }
        return d
    }

    /// A string constant.
    public func string(_ node: ExprNode, position: Int, expected: String = "string") throws -> String {
        let v = try constant(node)
        guard case .scalar(.string(let s)) = v else { throw badArgument(position, node, expected: expected, got: v.kindName) }
        return s
    }

    /// A bool constant.
    public func bool(_ node: ExprNode, position: Int) throws -> Bool {
        let v = try constant(node)
        guard case .scalar(.bool(let b)) = v else { throw badArgument(position, node, expected: "true or false", got: v.kindName) }
        return b
    }

    /// A bare word such as the `hist` of `plot hist x` or the `left` of `how:left` (a string literal also works).
    public func word(_ node: ExprNode, position: Int, among choices: [String]) throws -> String {
        let w: String
        switch node.kind {
        case .name(let n): w = n
        case .literal(.string(let s)): w = s
        default: throw badArgument(position, node, expected: choices.joined(separator: "|"), got: "expression")
        }
        guard choices.contains(w) else {
            var msg = "'\(w)' is not one of " + choices.joined(separator: ", ")
            if let guess = FrameError.closestName(to: w, in: choices) { msg += " (did you mean '\(guess)'?)" }
            throw error(msg, at: node.range)
        }
        return w
    }

    // MARK: - Frames and columns

    /// The input's schema; the input must be a frame or grouped frame.
    public func schema() throws -> Schema {
        if let s = input.schema { return s }
        throw error("'\(verb)' needs a frame as input, got \(input == .nothing ? "nothing" : FrameError.withArticle(input.description))",
                    at: stage.verbRange, id: "bind.wrongInput")
    }

    /// The name of an existing column written as a bare name, a backticked name or a string.
    ///
    /// A bare name that is not a column but a variable holding a string names the column in
    /// that string, so functions can take column names: `fn top(df, col) = df | tally col`.
    public func columnName(_ node: ExprNode, in schema: Schema) throws -> String {
        let name: String
        switch node.kind {
        case .name(let n):
            if schema.type(of: n) == nil, case .scalar(.string(let s))? = scope.lookup(n) { name = s } else { name = n }
        case .literal(.string(let s)): name = s
        default: throw error("expected a column name", at: node.range)
        }
        guard schema.type(of: name) != nil else { throw unknownColumn(name, at: node.range, schema: schema) }
        return name
    }

    /// The unknown-column error: did-you-mean plus the columns available at this stage.
    public func unknownColumn(_ name: String, at range: SourceRange, schema: Schema) -> Diagnostic {
        ExpressionBinder.unknownColumn(name, at: range, schema: schema)
    }

    /// Binds a row expression over a schema to the engine's IR.
    ///
    /// - Returns: the IR and its static type (nil: untyped null).
    public func expression(_ node: ExprNode, in schema: Schema) throws -> (Expr, DataType?) {
        try ExpressionBinder(schema: schema, interpreter: interpreter, scope: scope).bind(node)
    }
}
