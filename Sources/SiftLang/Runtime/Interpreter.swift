// The interpreter: runs statements, evaluates expressions to values, and runs pipelines stage by stage.
import SiftFrame

/// What `:explain` reports after each stage.
public struct StageReport: Sendable {
    /// The verb.
    public var verb: String
    /// Rows before and after (nil when the value is not a frame).
    public var rowsIn: Int?, rowsOut: Int?
    /// Columns the stage added and dropped.
    public var added: [String], dropped: [String]
    /// Wall-clock seconds.
    public var seconds: Double
}

/// Runs Sift programs.
///
/// The interpreter never prints: displayed values go to the host's `display` callback and
/// errors are thrown as ``Diagnostic``s (Wren's `errorFn`). A failed statement changes no
/// variable: bindings are made only after the whole statement has succeeded.
public final class Interpreter {
    /// Every source seen, for rendering diagnostics.
    public let sources: SourceManager
    /// The verbs.
    public var verbs: VerbTable
    /// The session's variables.
    public let globals = Scope()
    /// Values given on the command line with `--param NAME=VALUE`.
    public var paramOverrides: [String: Value] = [:]
    /// The default seed of everything random (`--seed`, default 42).
    public var seed: Int = 42
    /// Finds the text of `use "name"`: a stdlib library or a file (relative to the using file's folder).
    public var resolveLibrary: (_ name: String, _ fromDirectory: String?) -> (name: String, text: String)? = { _, _ in nil }
    /// Called after each pipeline stage when set (`:explain on`).
    public var stageObserver: ((StageReport) -> Void)?
    /// Checked between statements and stages; when it returns true, the run stops (Ctrl-C).
    public var isInterrupted: () -> Bool = { false }
    /// Receives warnings that do not stop a run (rows skipped by `load bad_rows:"skip"`).
    public var warn: (String) -> Void = { _ in }
    /// Libraries already `use`d, so a second `use` does not run them again.
    public private(set) var usedLibraries: [String] = []
    /// The directory of the script being run, for relative paths (nil: the working directory).
    public var currentDirectory: String?

    /// Libraries whose `use` is running, innermost last (a library that uses itself is an error, not a stack overflow).
    private var librariesInProgress: [String] = []
    private var callDepth = 0
    /// The deepest user-function recursion allowed before an error (a runaway `fn` must not crash
    /// the process by overflowing the native stack).
    public static let maxCallDepth = 200

    /// Creates an interpreter.
    public init(verbs: VerbTable, sources: SourceManager = SourceManager()) {
        self.verbs = verbs
        self.sources = sources
    }

    // MARK: - Programs and statements

    /// Parses and runs a source, calling `display` for each displayed value.
    ///
    /// Parse errors are all reported before anything runs; a runtime error stops the run.
    /// - Throws: ``DiagnosticError`` with the diagnostics.
    public func run(_ file: SourceFile, display: (Value, Statement) -> Void) throws {
        let program = Parser.parse(file)
        if !program.diagnostics.isEmpty { throw DiagnosticError(program.diagnostics) }
        for st in program.statements {
            if isInterrupted() { throw DiagnosticError([.error("run.interrupted", "interrupted", at: st.range)]) }
            do {
                if let v = try execute(st, in: globals) { display(v, st) }
            } catch let d as Diagnostic {
                throw DiagnosticError([d])
            }
        }
    }

    /// Runs one statement.
    ///
    /// - Returns: the value to display, or nil (bindings, definitions, `;`-terminated statements).
    /// - Throws: a ``Diagnostic``.
    public func execute(_ st: Statement, in scope: Scope) throws -> Value? {
        switch st.kind {
        case .prose:
            return nil
        case .letBinding(let names, let ranges, let expr):
            let v = try evaluate(expr, in: scope)
            if names.count == 1 {
                scope.bind(names[0], v)
            } else {
                guard case .list(let parts) = v else {
                    throw Diagnostic.error("run.destructure", "cannot unpack a \(v.kindName) into \(names.count) names", at: ranges[0].union(ranges.last!))
                }
                guard parts.count == names.count else {
                    throw Diagnostic.error("run.destructure", "cannot unpack \(parts.count) values into \(names.count) names", at: ranges[0].union(ranges.last!))
                }
                for (n, p) in zip(names, parts) { scope.bind(n, p) }
            }
            return nil
        case .function(let name, let params, let body):
            if Set(params).count != params.count {
                throw Diagnostic.error("run.duplicateParameter", "'\(name)' has two parameters with the same name", at: st.range)
            }
            scope.bind(name, .function(UserFunction(name: name, parameters: params, body: body, range: st.range)))
            return nil
        case .use(let name):
            try use(name, at: st.range)
            return nil
        case .param(let name, let expr):
            scope.bind(name, try paramOverrides[name] ?? evaluate(expr, in: scope))
            return nil
        case .expression(let e):
            let v = try evaluate(e, in: scope)
            return st.display ? v : nil
        }
    }

    private func use(_ name: String, at range: SourceRange) throws {
        guard let lib = resolveLibrary(name, currentDirectory) else {
            throw Diagnostic.error("run.unknownLibrary", "cannot find library '\(name)' (not in the stdlib, and no file '\(name)' or '\(name).sift')", at: range)
        }
        if usedLibraries.contains(lib.name) { return }
        if librariesInProgress.contains(lib.name) {
            let cycle = Array(librariesInProgress.drop(while: { $0 != lib.name })) + [lib.name]
            let through = cycle.count > 2 ? " through " + cycle.map { "'\($0)'" }.joined(separator: " -> ") : ""
            throw Diagnostic.error("run.recursiveUse", "library '\(lib.name)' uses itself\(through)", at: range)
        }
        librariesInProgress.append(lib.name)
        defer { librariesInProgress.removeLast() }
        let file = sources.add(name: lib.name, text: lib.text)
        let program = Parser.parse(file)
        if let first = program.diagnostics.first {
            var d = first
            d.notes.append("in library used at \(locationText(range))")
            throw d
        }
        for st in program.statements {
            do { _ = try execute(st, in: globals) } catch var d as Diagnostic {
                d.notes.append("in library used at \(locationText(range))")
                throw d
            }
        }
        usedLibraries.append(lib.name)
    }

    /// `file:line:col` of a range.
    public func locationText(_ range: SourceRange) -> String {
        guard let f = sources[range.source] else { return "?" }
        let (l, c) = f.location(of: range.start)
        return "\(f.name):\(l):\(c)"
    }

    // MARK: - Expressions

    /// Evaluates an expression to a value.
    ///
    /// - Throws: a ``Diagnostic`` at the failing node.
    public func evaluate(_ node: ExprNode, in scope: Scope) throws -> Value {
        switch node.kind {
        case .literal(let s):
            return .scalar(s)
        case .name(let n):
            if let v = scope.lookup(n) { return v }
            if verbs[n] != nil {
                return try evaluatePipeline(nil, [Stage(verb: n, verbRange: node.range, arguments: [], isCall: false, range: node.range)], in: scope)
            }
            var msg = "unknown variable '\(n)'"
            if let guess = FrameError.closestName(to: n, in: scope.visibleNames + verbs.names) { msg += " (did you mean '\(guess)'?)" }
            throw Diagnostic.error("run.unknownVariable", msg, at: node.range)
        case .list(let items):
            return .list(try items.map { try evaluate($0, in: scope) })
        case .record(let fields):
            return .record(try fields.map { ($0.name, try evaluate($0.value, in: scope)) })
        case .unary(.formula, _), .binary(.formula, _, _), .allColumns:
            throw Diagnostic.error("run.formulaOutsideTrain", "a formula ('~') can only be given to 'train'", at: node.range)
        case .unary(.negate, let x):
            return try applyFunction("neg", [try evaluate(x, in: scope)], at: node.range)
        case .unary(.not, let x):
            return try applyFunction("not", [try evaluate(x, in: scope)], at: node.range)
        case .binary(let op, let l, let r):
            if op == .and || op == .or {
                // Short-circuit on scalars, as users expect of `and`/`or` outside verbs.
                let lv = try evaluate(l, in: scope)
                if case .scalar(.bool(let b)) = lv, b == (op == .or) { return lv }
                return try applyFunction(op.rawValue, [lv, try evaluate(r, in: scope)], at: node.range)
            }
            return try applyFunction(op.rawValue, [try evaluate(l, in: scope), try evaluate(r, in: scope)], at: node.range)
        case .member(let base, let name, let nameRange):
            return try member(try evaluate(base, in: scope), name, at: nameRange)
        case .index(let base, let i):
            return try index(try evaluate(base, in: scope), try evaluate(i, in: scope), at: node.range)
        case .call("if", _, let args) where args.count == 3 && scope.lookup("if") == nil:
            // Outside verbs, `if` with a single condition evaluates only the branch it takes,
            // so recursive functions terminate.
            let cond = try evaluate(args[0], in: scope)
            if case .scalar(let c) = cond, c.type == .bool || c.isNull {
                return try evaluate(c == .bool(true) ? args[1] : args[2], in: scope)
            }
            return try applyFunction("if", [cond, try evaluate(args[1], in: scope), try evaluate(args[2], in: scope)], at: node.range)
        case .call(let name, let nameRange, let args):
            let values = try args.map { try evaluate($0, in: scope) }
            if case .function(let f)? = scope.lookup(name) { return try call(f, values, at: node.range) }
            if name == "len" { return try length(values, at: node.range) }
            return try applyFunction(name, values, at: nameRange.union(node.range))
        case .pipeline(let source, let stages):
            return try evaluatePipeline(source, stages, in: scope)
        }
    }

    /// Calls a user function with values.
    public func call(_ f: UserFunction, _ args: [Value], at range: SourceRange) throws -> Value {
        guard args.count == f.parameters.count else {
            throw Diagnostic.error("run.arity", "'\(f.name)' takes \(f.parameters.count) argument\(f.parameters.count == 1 ? "" : "s"), got \(args.count)", at: range)
        }
        guard callDepth < Interpreter.maxCallDepth else {
            throw Diagnostic.error("run.recursion", "calls nested more than \(Interpreter.maxCallDepth) deep in '\(f.name)'", at: range)
        }
        callDepth += 1
        defer { callDepth -= 1 }
        let local = Scope(parent: globals)
        for (p, v) in zip(f.parameters, args) { local.bind(p, v) }
        do {
            return try evaluate(f.body, in: local)
        } catch var d as Diagnostic {
            d.notes.append("in function '\(f.name)' called at \(locationText(range))")
            throw d
        }
    }

    /// `len(x)`: elements of a list, rows of a frame or column, fields of a record, characters of a string.
    func length(_ values: [Value], at range: SourceRange) throws -> Value {
        guard values.count == 1 else {
            throw Diagnostic.error("run.arity", "'len' takes 1 argument, got \(values.count)", at: range)
        }
        switch values[0] {
        case .list(let items): return .scalar(.int(Int64(items.count)))
        case .frame(let f): return .scalar(.int(Int64(f.rowCount)))
        case .grouped(let g): return .scalar(.int(Int64(g.frame.rowCount)))
        case .column(_, let c): return .scalar(.int(Int64(c.count)))
        case .record(let fields): return .scalar(.int(Int64(fields.count)))
        case .scalar(.string(let s)): return .scalar(.int(Int64(s.unicodeScalars.count)))
        case .scalar(.null): return .null
        case let v: throw Diagnostic.error("run.typeError", "'len' needs a list, frame, column, record or string, got \(v.kindName)", at: range)
        }
    }

    /// Applies an engine function (operators included) to values: scalars give a scalar,
    /// columns give a column, aggregates of a column give a scalar.
    public func applyFunction(_ name: String, _ values: [Value], at range: SourceRange) throws -> Value {
        guard let def = FunctionRegistry.shared[name] else {
            var msg = "unknown function '\(name)'"
            if let guess = FrameError.closestName(to: name, in: FunctionRegistry.shared.callableNames + globals.visibleNames) { msg += " (did you mean '\(guess)'?)" }
            throw Diagnostic.error("run.unknownFunction", msg, at: range)
        }
        var operands: [Operand] = []
        var rows: Int? = nil
        var columnName: String? = nil
        for v in values {
            switch v {
            case .scalar(let s): operands.append(.scalar(s))
            case .column(let n, let c):
                if let r = rows, r != c.count {
                    throw Diagnostic.error("run.shapeMismatch", "columns of different lengths (\(r) and \(c.count)) in '\(name)'", at: range)
                }
                rows = c.count
                columnName = columnName ?? n
                operands.append(.column(c))
            case .list(let items):
                operands.append(.list(try items.map { item -> Scalar in
                    guard case .scalar(let s) = item else {
                        throw Diagnostic.error("run.typeError", "a list given to '\(name)' must hold plain values, not \(item.kindName)s", at: range)
                    }
                    return s
                }))
            case let other:
                let displayName = FunctionRegistry.infixOperators.contains(name) || name == "neg" ? "'\(name == "neg" ? "-" : name)'" : "'\(name)'"
                var msg = "\(displayName) cannot take a \(other.kindName)"
                if case .frame = other, def.kind == .aggregate { msg += "; use 'agg' or pick a column, e.g. frame.col | \(name)" }
                throw Diagnostic.error("run.typeError", msg, at: range)
            }
        }
        do {
            _ = try FunctionRegistry.shared.resolve(name, operands.map(ExpressionEvaluator.info))
            let n = rows ?? 1
            switch def.kind {
            case .aggregate:
                let col = try def.aggregate!(operands.map { o in
                    if case .scalar(let s) = o, rows != nil { return .column(AnyColumn(repeating: s, count: n)) }
                    return o
                }, .single(rowCount: rows == nil ? 1 : n))
                return .scalar(col[0])
            case .scalar, .window:
                let out = try def.evaluate!(operands, EvaluationContext(rowCount: n))
                switch out {
                case .scalar(let s): return .scalar(s)
                case .column(let c): return .column(columnName ?? name, c)
                case .list(let items): return .list(items.map(Value.scalar))
                }
            }
        } catch let e as FrameError {
            throw Diagnostic.error("run.typeError", e.description, at: range)
        }
    }

    private func member(_ base: Value, _ name: String, at range: SourceRange) throws -> Value {
        switch base {
        case .frame(let f):
            guard f.index(of: name) != nil else { throw ExpressionBinder.unknownColumn(name, at: range, schema: Schema(f)) }
            return .column(name, try runEngine(at: range) { try f.column(named: name) })
        case .grouped(let g):
            return try member(.frame(g.frame), name, at: range)
        case .record(let fields):
            if let v = fields.first(where: { $0.0 == name })?.1 { return v }
            var msg = "record has no field '\(name)'"
            if let guess = FrameError.closestName(to: name, in: fields.map(\.0)) { msg += " (did you mean '\(guess)'?)" }
            throw Diagnostic.error("run.unknownField", msg, at: range)
        case .object(let o):
            if let v = o.member(name) { return v }
            throw Diagnostic.error("run.unknownField", "\(o.typeName) has no field '\(name)'", at: range)
        default:
            throw Diagnostic.error("run.typeError", "cannot read '.\(name)' of a \(base.kindName)", at: range)
        }
    }

    private func index(_ base: Value, _ i: Value, at range: SourceRange) throws -> Value {
        guard case .scalar(.int(let raw)) = i else {
            if case .scalar(.string(let s)) = i { return try member(base, s, at: range) }
            throw Diagnostic.error("run.typeError", "an index must be an integer, got \(i.kindName)", at: range)
        }
        func resolved(_ count: Int) throws -> Int {
            let k = raw < 0 ? Int(raw) + count : Int(raw)
            guard k >= 0 && k < count else {
                throw Diagnostic.error("run.outOfBounds", "index \(raw) is out of range for \(count) element\(count == 1 ? "" : "s")", at: range)
            }
            return k
        }
        switch base {
        case .list(let items): return items[try resolved(items.count)]
        case .column(_, let c): return .scalar(c[try resolved(c.count)])
        case .frame(let f):
            let k = try resolved(f.rowCount)
            let row = f.row(k)
            return .record(zip(f.columnNames, row).map { ($0, .scalar($1)) })
        case .record(let fields): return fields[try resolved(fields.count)].1
        default:
            throw Diagnostic.error("run.typeError", "cannot index a \(base.kindName)", at: range)
        }
    }

    /// Runs engine code, turning its errors into diagnostics at `range`.
    public func runEngine<T>(at range: SourceRange, notes: [String] = [], _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as FrameError {
            throw Diagnostic.error("run.engine", e.description, at: range, notes: notes)
        }
    }
}
