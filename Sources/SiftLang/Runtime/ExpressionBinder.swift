// Lowers a row expression's syntax to the engine IR, type-checking every call at its own source range.
import SiftFrame

/// Binds expressions written inside verbs (`where price > 50`, `derive r = a / b`).
///
/// A bare name is a column of the input frame if the frame has one, else a variable (whose
/// value becomes a constant). Any sub-expression that reads no column and calls no aggregate
/// or window function is evaluated once, at bind time, and enters the IR as a literal
/// (`where ts > date("2008-05-01")`, `where price > (clicks.price | mean)`). User functions are
/// expanded in place. Every call is type-checked through the engine's registry, so an error
/// points at the call that is wrong.
public struct ExpressionBinder {
    /// The columns in scope.
    public let schema: Schema
    /// The interpreter, for variables and constant sub-expressions.
    public let interpreter: Interpreter
    /// The scope variables are looked up in.
    public let scope: Scope
    /// Names standing for argument expressions while a user function is expanded.
    var substitutions: [String: ExprNode] = [:]
    /// Nesting of user function expansion (bounded to stop runaway recursion).
    var expansionDepth = 0

    /// Creates a binder.
    public init(schema: Schema, interpreter: Interpreter, scope: Scope) {
        self.schema = schema
        self.interpreter = interpreter
        self.scope = scope
    }

    /// The unknown-column diagnostic: did-you-mean plus the columns available at this point.
    public static func unknownColumn(_ name: String, at range: SourceRange, schema: Schema, variables: [String] = []) -> Diagnostic {
        var msg = "unknown column '\(name)'"
        if let guess = FrameError.closestName(to: name, in: schema.names + variables) { msg += " (did you mean '\(guess)'?)" }
        let shown = schema.names.prefix(30).joined(separator: ", ") + (schema.names.count > 30 ? ", …" : "")
        return .error("bind.unknownColumn", msg, at: range, notes: ["available columns: " + (shown.isEmpty ? "(none)" : shown)])
    }

    /// Binds an expression.
    ///
    /// - Returns: the IR and its type (nil for an untyped null).
    /// - Throws: a ``Diagnostic`` at the offending node.
    public func bind(_ node: ExprNode) throws -> (Expr, DataType?) {
        if !readsRows(node) {
            return try constant(node)
        }
        switch node.kind {
        case .name(let n):
            if let sub = substitutions[n] { return try resolvingSubstitutions().bind(sub) }
            if let t = schema.type(of: n) { return (.column(n), t) }
            return try constant(node)
        case .literal(let s):
            return (.literal(s), s.type)
        case .list:
            throw Diagnostic.error("bind.listOfColumns", "a list inside an expression must hold constants", at: node.range)
        case .unary(.formula, _), .binary(.formula, _, _), .allColumns:
            throw Diagnostic.error("bind.formulaOutsideTrain", "a formula ('~') can only be given to 'train'", at: node.range)
        case .unary(.negate, let x):
            return try call("neg", [x], at: node.range, display: "-")
        case .unary(.not, let x):
            return try call("not", [x], at: node.range, display: "not")
        case .binary(let op, let l, let r):
            return try call(op.rawValue, [l, r], at: node.range, display: op.rawValue)
        case .call(let name, let nameRange, let args):
            if let fn = lookupFunction(name) { return try expand(fn, args, at: node.range) }
            return try call(name, args, at: nameRange.union(node.range), display: name)
        case .member, .index, .pipeline, .record:
            throw Diagnostic.error("bind.notRowExpression",
                                   "this expression reads columns of the frame but is not a row expression", at: node.range)
        }
    }

    /// Whether the node reads a column of the schema or calls an aggregate or window function
    /// (and so must be computed per row rather than once). A name that is neither a column nor
    /// a variable counts as a column, so binding reports it as an unknown column with the
    /// columns available, not as an unknown variable.
    func readsRows(_ node: ExprNode) -> Bool {
        switch node.kind {
        case .name(let n):
            if let sub = substitutions[n] { return resolvingSubstitutions().readsRows(sub) }
            return schema.type(of: n) != nil || scope.lookup(n) == nil
        case .literal, .allColumns: return false
        case .list(let items): return items.contains(where: readsRows)
        case .record(let fields): return fields.contains { readsRows($0.value) }
        case .unary(_, let x): return readsRows(x)
        case .binary(_, let l, let r): return readsRows(l) || readsRows(r)
        case .member(let base, _, _): return readsRows(base)
        case .index(let base, let i): return readsRows(base) || readsRows(i)
        case .call(let name, _, let args):
            if let def = FunctionRegistry.shared[name], def.kind != .scalar { return true }
            if let fn = lookupFunction(name) {
                var inner = self
                var subs: [String: ExprNode] = [:]
                for (p, a) in zip(fn.parameters, args) { subs[p] = substituted(a) }
                inner.substitutions = subs
                return args.contains(where: readsRows) || inner.readsRows(fn.body)
            }
            return args.contains(where: readsRows)
        case .pipeline(let src, let stages):
            // A pipeline starting from a column of this frame reads rows; one over another value does not.
            _ = stages
            return src.map(readsRows) ?? false
        }
    }

    /// This binder without substitutions, for a node that already stands in for a parameter:
    /// arguments are substituted in the caller's terms (see `substituted`), so a parameter's
    /// name inside them (`fn seg(r, f) = ...` called as `seg(r, f)` on columns r and f) is
    /// the caller's column, not the parameter again — which would recurse for ever.
    private func resolvingSubstitutions() -> ExpressionBinder {
        var outer = self
        outer.substitutions = [:]
        return outer
    }

    private func lookupFunction(_ name: String) -> UserFunction? {
        if substitutions[name] != nil { return nil }
        if case .function(let f)? = scope.lookup(name) { return f }
        return nil
    }

    /// Evaluates a sub-expression that reads no rows and embeds its value.
    private func constant(_ node: ExprNode) throws -> (Expr, DataType?) {
        if case .name(let n) = node.kind, scope.lookup(n) == nil, substitutions[n] == nil {
            throw ExpressionBinder.unknownColumn(n, at: node.range, schema: schema, variables: scope.visibleNames)
        }
        let value: Value
        if substitutions.isEmpty {
            value = try interpreter.evaluate(node, in: scope)
        } else {
            value = try interpreter.evaluate(substituted(node), in: scope)
        }
        switch value {
        case .scalar(let s): return (.literal(s), s.type)
        case .list(let items):
            let scalars = try items.map { item -> Scalar in
                guard case .scalar(let s) = item else {
                    throw Diagnostic.error("bind.listOfColumns", "a list inside an expression must hold plain values, not \(item.kindName)s", at: node.range)
                }
                return s
            }
            return (.list(scalars), nil)
        default:
            let what = node.name.map { "'\($0)' is a \(value.kindName)" } ?? "this is a \(value.kindName)"
            throw Diagnostic.error("bind.notScalar", "\(what), not a column or a single value", at: node.range)
        }
    }

    /// Replaces parameter names by their argument expressions (for constant evaluation inside an expansion).
    private func substituted(_ node: ExprNode) -> ExprNode {
        var n = node
        switch node.kind {
        case .name(let name): if let s = substitutions[name] { return s }
        case .list(let items): n.kind = .list(items.map(substituted))
        case .unary(let op, let x): n.kind = .unary(op, substituted(x))
        case .binary(let op, let l, let r): n.kind = .binary(op, substituted(l), substituted(r))
        case .call(let f, let r, let args): n.kind = .call(f, r, args.map(substituted))
        case .member(let b, let f, let r): n.kind = .member(substituted(b), f, r)
        case .index(let b, let i): n.kind = .index(substituted(b), substituted(i))
        default: break
        }
        return n
    }

    /// Binds an engine function call, type-checking it at `range`.
    private func call(_ name: String, _ args: [ExprNode], at range: SourceRange, display: String) throws -> (Expr, DataType?) {
        guard FunctionRegistry.shared[name] != nil else {
            var msg = "unknown function '\(name)'"
            let candidates = FunctionRegistry.shared.callableNames + scope.visibleNames
            if let guess = FrameError.closestName(to: name, in: candidates) { msg += " (did you mean '\(guess)'?)" }
            throw Diagnostic.error("bind.unknownFunction", msg, at: range)
        }
        var irs: [Expr] = [], infos: [ArgumentInfo] = []
        for a in args {
            let (ir, t) = try bind(a)
            irs.append(ir)
            switch ir {
            case .literal(let s): infos.append(ArgumentInfo(constant: s))
            case .list(let items): infos.append(ArgumentInfo(list: items))
            default: infos.append(ArgumentInfo(type: t))
            }
        }
        do {
            let t = try FunctionRegistry.shared.resolve(name, infos)
            return (.call(name, irs), t)
        } catch let e as FrameError {
            throw Diagnostic.error("bind.typeError", e.description, at: range)
        }
    }

    /// Expands a user function in place: parameters stand for the argument expressions.
    private func expand(_ fn: UserFunction, _ args: [ExprNode], at range: SourceRange) throws -> (Expr, DataType?) {
        guard args.count == fn.parameters.count else {
            throw Diagnostic.error("bind.arity", "'\(fn.name)' takes \(fn.parameters.count) argument\(fn.parameters.count == 1 ? "" : "s"), got \(args.count)", at: range)
        }
        guard expansionDepth < 50 else {
            throw Diagnostic.error("bind.recursion", "'\(fn.name)' expands into itself too deeply (recursive functions cannot be used in row expressions)", at: range)
        }
        var inner = self
        inner.expansionDepth += 1
        // Arguments are bound in the caller's substitutions: resolve them first.
        var subs: [String: ExprNode] = [:]
        for (p, a) in zip(fn.parameters, args) { subs[p] = substituted(a) }
        inner.substitutions = subs
        do {
            return try inner.bind(fn.body)
        } catch var d as Diagnostic {
            d.notes.append("in function '\(fn.name)' called here: \(interpreter.locationText(range))")
            throw d
        }
    }
}
