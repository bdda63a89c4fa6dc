// Carries out a parsed command line: scripts, -c, piped stdin, the REPL, test, render, gen and bench.
import Foundation
import SiftFrame
import SiftLang

/// What the runner needs to know about the process it runs in.
public struct Terminal: Sendable {
    /// Whether stdin is a terminal (REPL) or piped (a script).
    public var stdinIsTerminal: Bool
    /// Whether stdout is a terminal (colour is off otherwise).
    public var stdoutIsTerminal: Bool
    /// The terminal's width in columns, if known.
    public var width: Int?
    /// The terminal's height in rows, if known.
    public var height: Int?
    /// Whether `NO_COLOR` is set (to anything non-empty).
    public var noColorVariable: Bool

    /// Creates a description of the terminal.
    public init(stdinIsTerminal: Bool, stdoutIsTerminal: Bool, width: Int? = nil, height: Int? = nil, noColorVariable: Bool = false) {
        self.stdinIsTerminal = stdinIsTerminal
        self.stdoutIsTerminal = stdoutIsTerminal
        self.width = width
        self.height = height
        self.noColorVariable = noColorVariable
    }
}

/// Runs commands; returns the process exit code (0 success, 1 any error).
public struct Runner {
    /// The sift version.
    public static let version = "0.1.0"

    /// The process's terminal facts.
    public var terminal: Terminal
    /// Standard output.
    public var out: (String) -> Void
    /// Standard error.
    public var err: (String) -> Void
    /// Reads all of stdin (for piped scripts).
    public var readStdin: () -> String
    /// Makes the REPL's line reader (readline on a terminal), given the session's completer.
    public var makeLineReader: (@escaping Completer) -> LineReader

    /// Given a line and a cursor offset, where the word being completed starts and the candidates.
    public typealias Completer = (String, Int) -> (start: Int, candidates: [String])

    /// Creates a runner.
    public init(terminal: Terminal, out: @escaping (String) -> Void, err: @escaping (String) -> Void,
                readStdin: @escaping () -> String, makeLineReader: @escaping (@escaping Completer) -> LineReader) {
        self.terminal = terminal
        self.out = out
        self.err = err
        self.readStdin = readStdin
        self.makeLineReader = makeLineReader
    }

    /// Parses and runs a command line.
    public func main(_ argv: [String]) -> Int32 {
        let args: Arguments
        do { args = try Arguments.parse(argv) } catch {
            err("sift: \(error)\n\(Arguments.usage)\n")
            return 1
        }
        return run(args)
    }

    /// Session options from the global flags and the terminal.
    public func sessionOptions(_ args: Arguments) -> SessionOptions {
        var o = SessionOptions()
        o.display.color = terminal.stdoutIsTerminal && !terminal.noColorVariable && !args.noColor
        o.display.width = args.width ?? terminal.width ?? 100
        o.seed = args.seed ?? 42
        o.params = args.params
        return o
    }

    /// Runs a parsed command.
    public func run(_ args: Arguments) -> Int32 {
        switch args.command {
        case .help:
            out(Arguments.usage + "\n")
            return 0
        case .helpTopic(let topic):
            out(Help.text(topic, verbs: Builtins.verbs()))
            return 0
        case .version:
            out("sift \(Runner.version)\n")
            return 0
        case .code(let code):
            return makeSession(args).runScript(code, name: "<-c>") ? 0 : 1
        case .run(let paths):
            let session = makeSession(args)
            for path in paths {
                if path == "-" {
                    if !session.runScript(readStdin(), name: "<stdin>") { return 1 }
                    continue
                }
                guard let text = Runner.readText(path, err: err) else { return 1 }
                let dir = (path as NSString).deletingLastPathComponent
                if !session.runScript(text, name: path, directory: dir.isEmpty ? nil : dir) { return 1 }
            }
            return 0
        case .interactive:
            let session = makeSession(args)
            if !terminal.stdinIsTerminal {
                return session.runScript(readStdin(), name: "<stdin>") ? 0 : 1
            }
            session.interpreter.isInterrupted = { ReadlineLineReader.wasInterrupted }
            let reader = makeLineReader { [unowned session] line, cursor in session.completions(for: line, cursor: cursor) }
            var repl = REPL(session: session, reader: reader, out: out, terminalHeight: terminal.height)
            return repl.run()
        case .test(let paths, let update):
            var options = sessionOptions(args)
            options.display.width = args.width ?? 100   // transcripts never depend on the terminal
            var tester = TranscriptTester(options: options, out: out)
            return tester.run(paths: paths.isEmpty ? ["."] : paths, update: update) ? 0 : 1
        case .render(let input, let output):
            return ReportRenderer(options: sessionOptions(args), err: err).render(input: input, output: output) ? 0 : 1
        case .generate(let rows, let seed, let output):
            return DataGeneration.writeClickstream(rows: rows, seed: seed, to: output, out: out, err: err) ? 0 : 1
        case .bench(let rest):
            return Benchmarks(out: out, err: err).run(rest) ? 0 : 1
        }
    }

    private func makeSession(_ args: Arguments) -> Session {
        Session(options: sessionOptions(args), output: out, errors: err)
    }

    /// The text of a script file, or nil after reporting why it cannot be read.
    static func readText(_ path: String, err: (String) -> Void) -> String? {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            err("error: cannot open '\(path)': no such file\n")
            return nil
        }
        guard !isDir.boolValue else {
            err("error: cannot run '\(path)': it is a directory\n")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            err("error: cannot read '\(path)'\n")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            err("error: '\(path)' is not valid UTF-8\n")
            return nil
        }
        return text
    }
}
