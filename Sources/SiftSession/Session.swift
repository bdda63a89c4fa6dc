// A session: one interpreter with the builtin verbs, its display options, and the text it shows.
import SiftFrame
import SiftLang

/// Settings of a session that come from the command line.
public struct SessionOptions: Sendable {
    /// How values are displayed (`--width`, colour).
    public var display = DisplayOptions()
    /// The default seed (`--seed`, default 42).
    public var seed = 42
    /// `--param NAME=VALUE` overrides, values as typed.
    public var params: [(name: String, value: String)] = []

    /// Default options: width 100, no colour, seed 42.
    public init() {}
}

/// Runs Sift code and turns values and diagnostics into text.
///
/// The session owns the interpreter, the verb tables and the sources. It never writes to
/// stdout itself: the host passes `output` (displayed values) and `errors` (diagnostics), so the
/// same session drives scripts, the REPL, transcript tests and reports.
public final class Session {
    /// The interpreter, with every builtin verb registered.
    public let interpreter: Interpreter
    /// Display settings.
    public var options: SessionOptions
    /// Where displayed values go.
    public var output: (String) -> Void
    /// Where diagnostics go.
    public var errors: (String) -> Void
    /// `:timing on` prints each statement's wall time.
    public var timing = false
    /// `:explain on` prints each stage's rows and columns in and out. The interpreter only
    /// observes stages while it is on (observing turns off fusions such as `where … | count`).
    public var explain = false {
        didSet {
            interpreter.stageObserver = explain ? { [unowned self] report in self.output(Session.describe(report) + "\n") } : nil
        }
    }
    /// Statements that succeeded, in order (for `:save`).
    public internal(set) var history: [String] = []
    /// The last displayed value (for `:more`).
    public private(set) var lastValue: Value?
    var undoStack: [(values: [String: Value], order: [String])] = []
    private var cellCount = 0

    /// Creates a session with the builtin verbs.
    public init(options: SessionOptions = SessionOptions(), output: @escaping (String) -> Void = { print($0, terminator: "") },
                errors: @escaping (String) -> Void = { print($0, terminator: "") }) {
        self.options = options
        self.output = output
        self.errors = errors
        self.interpreter = Interpreter(verbs: Builtins.verbs())
        interpreter.seed = options.seed
        interpreter.resolveLibrary = { name, dir in Stdlib.resolve(name, from: dir) }
        for p in options.params { interpreter.paramOverrides[p.name] = Session.parseParam(p.value) }
        interpreter.warn = { [unowned self] message in self.errors("warning: \(message)\n") }
    }

    /// A `--param` value: a Sift literal when it is one (`60`, `true`, `"x"`, `-1.5`), else the text itself.
    public static func parseParam(_ text: String) -> Value {
        let file = SourceFile(id: -1, name: "<param>", text: text)
        let program = Parser.parse(file)
        if program.diagnostics.isEmpty, program.statements.count == 1,
           case .expression(let e) = program.statements[0].kind, case .literal(let s) = e.kind {
            return .scalar(s)
        }
        return .scalar(.string(text))
    }

    // MARK: - Running code

    /// Runs a whole script, displaying each displayed value; stops at the first error.
    ///
    /// - Parameters:
    ///   - text: the source.
    ///   - name: the name used in diagnostics (the path as given).
    ///   - directory: the script's folder, for relative `use` paths and data files.
    /// - Returns: whether it ran without error.
    @discardableResult
    public func runScript(_ text: String, name: String, directory: String? = nil) -> Bool {
        let file = interpreter.sources.add(name: name, text: text)
        let saved = interpreter.currentDirectory
        interpreter.currentDirectory = directory
        defer { interpreter.currentDirectory = saved }
        do {
            try interpreter.run(file) { value, _ in self.show(value) }
            return true
        } catch let e as DiagnosticError {
            report(e.diagnostics)
            return false
        } catch {
            errors("error: \(error)\n")
            return false
        }
    }

    /// The result of one REPL cell.
    public enum CellResult: Equatable {
        /// It ran (or was empty).
        case ok
        /// It is not finished: a bracket is open or the input ended in the middle of a statement.
        case incomplete
        /// It failed; the diagnostics have been shown and no variable changed.
        case failed
    }

    /// Runs one REPL cell (one or more statements typed at the prompt).
    ///
    /// An error changes no variable: the statements of a failing cell are rolled back.
    public func runCell(_ text: String) -> CellResult {
        cellCount += 1
        let file = interpreter.sources.add(name: "<cell \(cellCount)>", text: text)
        let program = Parser.parse(file)
        if let d = program.diagnostics.first {
            if d.isUnexpectedEnd { return .incomplete }
            report(program.diagnostics)
            return .failed
        }
        let before = interpreter.globals.snapshot()
        let clock = ContinuousClock()
        for st in program.statements {
            let start = clock.now
            do {
                if let v = try interpreter.execute(st, in: interpreter.globals) { show(v) }
                if timing { output("time: \(Session.seconds(clock.now - start))\n") }
            } catch let d as Diagnostic {
                interpreter.globals.restore(before)
                report([d])
                return .failed
            } catch {
                interpreter.globals.restore(before)
                errors("error: \(error)\n")
                return .failed
            }
        }
        if !program.statements.isEmpty {
            undoStack.append(before)
            if undoStack.count > 100 { undoStack.removeFirst() }
            history.append(text)
        }
        return .ok
    }

    /// Restores the variables as they were before the last successful cell (`:undo`).
    ///
    /// - Returns: false when there is nothing to undo.
    public func undo() -> Bool {
        guard let s = undoStack.popLast() else { return false }
        interpreter.globals.restore(s)
        if !history.isEmpty { history.removeLast() }
        return true
    }

    /// Forgets every variable and the history (`:clear`).
    public func clear() {
        interpreter.globals.clear()
        undoStack.removeAll()
        history.removeAll()
        lastValue = nil
    }

    // MARK: - Output

    /// Displays a value: multi-line displays are followed by a blank line.
    public func show(_ value: Value) {
        lastValue = value
        let text = ValueFormatter.format(value, options: options.display)
        output(text + (text.contains("\n") ? "\n\n" : "\n"))
    }

    /// Shows diagnostics through `errors`.
    public func report(_ diagnostics: [Diagnostic]) {
        let r = DiagnosticRenderer(sources: interpreter.sources, color: options.display.color)
        for d in diagnostics { errors(r.render(d)) }
    }

    static func describe(_ r: StageReport) -> String {
        var s = "  \(r.verb):"
        if let a = r.rowsIn, let b = r.rowsOut { s += " \(NumberFormat.grouped(a)) → \(NumberFormat.grouped(b)) rows" }
        else if let b = r.rowsOut { s += " \(NumberFormat.grouped(b)) rows" }
        if !r.added.isEmpty { s += ", +" + r.added.joined(separator: " +") }
        if !r.dropped.isEmpty { s += ", -" + r.dropped.joined(separator: " -") }
        return s + ", " + seconds(r.seconds)
    }

    static func seconds(_ d: Swift.Duration) -> String {
        seconds(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
    }

    static func seconds(_ s: Double) -> String {
        if s < 1e-3 { return "\(Int((s * 1e6).rounded())) µs" }
        if s < 1 { return NumberFormat.double((s * 1e3 * 10).rounded() / 10) .replacingSuffix(".0", with: "") + " ms" }
        return NumberFormat.double((s * 100).rounded() / 100) + " s"
    }
}

extension String {
    /// The string with a suffix replaced, if it has it.
    func replacingSuffix(_ suffix: String, with new: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + new : self
    }
}

extension Session {
    /// Whether a line beginning with `|` can continue the last cell (there is one that ran).
    public var canContinueLastCell: Bool { !history.isEmpty }

    /// Runs the last cell again with `line` appended, replacing its effects; if the longer cell
    /// fails, the session is left as it was after the last cell.
    ///
    /// - Returns: the result of the extended cell.
    @discardableResult
    public func continueLastCell(with line: String) -> CellResult {
        guard let last = history.last, let before = undoStack.last else { return runCell(line) }
        let after = interpreter.globals.snapshot()
        _ = undo()
        let result = runCell(last + "\n" + line)
        if result != .ok {
            // Put back the state, history and undo point of the cell that had run.
            interpreter.globals.restore(after)
            history.append(last)
            undoStack.append(before)
        }
        return result
    }
}
