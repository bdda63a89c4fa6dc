// Parses sift's command line into a command plus global options.

/// What `sift` was asked to do.
public enum Command: Equatable, Sendable {
    /// The REPL (terminal stdin) or the script on stdin (piped).
    case interactive
    /// Run scripts in order.
    case run([String])
    /// Run code given with `-c`.
    case code(String)
    /// Replay notebooks against their transcripts (`--update` rewrites them).
    case test(paths: [String], update: Bool)
    /// Replay a notebook into an HTML or Markdown report.
    case render(input: String, output: String)
    /// Write a synthetic clickstream CSV.
    case generate(rows: Int, seed: Int, output: String)
    /// Run the benchmarks (`sift bench [FILE ...] [--no-anchors]`, `sift bench --ml [FILE] ...`).
    case bench(arguments: [String])
    /// Print usage.
    case help
    /// Print the help of a topic, verb or function (`sift help join`), as `:help` does in the REPL.
    case helpTopic(String)
    /// Print the version.
    case version
}

/// The parsed command line.
public struct Arguments: Equatable, Sendable {
    /// The command.
    public var command: Command = .interactive
    /// `--param NAME=VALUE` pairs in order.
    public var params: [(name: String, value: String)] = []
    /// `--no-color`.
    public var noColor = false
    /// `--width N`.
    public var width: Int?
    /// `--seed N`.
    public var seed: Int?

    /// Equal when every field is equal.
    public static func == (a: Arguments, b: Arguments) -> Bool {
        a.command == b.command && a.noColor == b.noColor && a.width == b.width && a.seed == b.seed
            && a.params.map(\.name) == b.params.map(\.name) && a.params.map(\.value) == b.params.map(\.value)
    }

    /// A command-line mistake, reported with usage and exit code 1.
    public struct UsageError: Error, Equatable, CustomStringConvertible {
        /// The message.
        public var message: String
        /// The message.
        public var description: String { message }
    }

    /// Parses arguments (without the program name).
    ///
    /// - Throws: ``UsageError`` for an unknown flag, a missing value or a malformed number.
    public static func parse(_ args: [String]) throws -> Arguments {
        var out = Arguments()
        var rest: [String] = []
        var i = 0
        func value(_ flag: String) throws -> String {
            i += 1
            guard i < args.count else { throw UsageError(message: "\(flag) needs a value") }
            return args[i]
        }
        func number(_ flag: String, _ text: String) throws -> Int {
            guard let n = Int(text) else { throw UsageError(message: "\(flag) needs a whole number, got '\(text)'") }
            return n
        }
        var code: String? = nil
        while i < args.count {
            let a = args[i]
            switch a {
            case "--param":
                let p = try value(a)
                guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
                    throw UsageError(message: "--param needs NAME=VALUE, got '\(p)'")
                }
                out.params.append((String(p[..<eq]), String(p[p.index(after: eq)...])))
            case "--no-color", "--no-colour": out.noColor = true
            case "--width":
                let w = try number(a, try value(a))
                guard w >= 20 && w <= 10_000 else { throw UsageError(message: "--width must be between 20 and 10000, got \(w)") }
                out.width = w
            case "--seed": out.seed = try number(a, try value(a))
            case "-c":
                code = try value(a)
            case "-h", "--help": out.command = .help; return out
            case "-V", "--version": out.command = .version; return out
            default:
                rest.append(a)
            }
            i += 1
        }
        if let code {
            guard rest.isEmpty else { throw UsageError(message: "unexpected arguments after -c: \(rest.joined(separator: " "))") }
            out.command = .code(code)
            return out
        }
        guard let first = rest.first else { return out }
        let tail = Array(rest.dropFirst())
        switch first {
        case "test":
            var update = false
            var paths: [String] = []
            for t in tail {
                if t == "--update" { update = true } else if t.hasPrefix("-") { throw UsageError(message: "unknown option '\(t)' for 'sift test'") } else { paths.append(t) }
            }
            out.command = .test(paths: paths, update: update)
        case "render":
            var input: String? = nil, output: String? = nil
            var j = 0
            while j < tail.count {
                if tail[j] == "-o" {
                    guard j + 1 < tail.count else { throw UsageError(message: "-o needs a file name") }
                    output = tail[j + 1]; j += 2; continue
                }
                if tail[j].hasPrefix("-") { throw UsageError(message: "unknown option '\(tail[j])' for 'sift render'") }
                guard input == nil else { throw UsageError(message: "'sift render' takes one notebook") }
                input = tail[j]; j += 1
            }
            guard let input else { throw UsageError(message: "'sift render' needs a notebook: sift render FILE.sift -o OUT.html") }
            guard let output else { throw UsageError(message: "'sift render' needs -o OUT.html or -o OUT.md") }
            guard output.hasSuffix(".html") || output.hasSuffix(".md") else {
                throw UsageError(message: "the report must be .html or .md, got '\(output)'")
            }
            out.command = .render(input: input, output: output)
        case "gen":
            guard tail.first == "clickstream" else {
                throw UsageError(message: "'sift gen' makes 'clickstream' data: sift gen clickstream --rows N [--seed S] -o FILE")
            }
            var rows: Int? = nil, seed = out.seed ?? 42, output: String? = nil
            var j = 1
            while j < tail.count {
                let f = tail[j]
                guard j + 1 < tail.count else { throw UsageError(message: "\(f) needs a value") }
                switch f {
                case "--rows": rows = try number(f, tail[j + 1])
                case "--seed": seed = try number(f, tail[j + 1])
                case "-o": output = tail[j + 1]
                default: throw UsageError(message: "unknown option '\(f)' for 'sift gen clickstream'")
                }
                j += 2
            }
            guard let rows else { throw UsageError(message: "'sift gen clickstream' needs --rows N") }
            guard rows >= 0 else { throw UsageError(message: "--rows must be 0 or more, got \(rows)") }
            guard let output else { throw UsageError(message: "'sift gen clickstream' needs -o FILE") }
            out.command = .generate(rows: rows, seed: seed, output: output)
        case "bench":
            out.command = .bench(arguments: tail)
        case "help":
            out.command = tail.isEmpty ? .help : .helpTopic(tail.joined(separator: " "))
        default:
            if let bad = rest.first(where: { $0.hasPrefix("-") && $0 != "-" }) {
                throw UsageError(message: "unknown option '\(bad)'")
            }
            out.command = .run(rest)
        }
        return out
    }

    /// The usage text of `sift --help`.
    public static let usage = """
    usage: sift [options] [FILE.sift ...]      run scripts (the REPL when none and stdin is a terminal;
                                               the script on stdin when it is piped)
           sift [options] -c 'CODE'            run CODE
           sift test [--update] [PATH ...]     replay notebooks and compare with their .out transcripts
           sift render FILE.sift -o OUT.html   replay a notebook into a report (or -o OUT.md)
           sift gen clickstream --rows N [--seed S] -o FILE
                                               write a synthetic event-level clickstream CSV
           sift bench [FILE ...] [--no-anchors] the engine benchmark, beside the anchors
           sift bench --ml [FILE] [--models a,b] [--no-anchors]
                                               the model benchmark (bench_ml.py's table), beside the anchors
           sift help [TOPIC|VERB|FUNCTION]     help on verbs, functions, syntax or one name (as :help)
           sift --help | --version

    options:
      --param NAME=VALUE   override a script's `param NAME = ...` (VALUE is a Sift literal or text)
      --no-color           no ANSI colour (also NO_COLOR=1, and whenever stdout is not a terminal)
      --width N            display width (default: the terminal's, else 100)
      --seed N             default seed for everything random (default 42)

    `sift help verbs`, `sift help functions`, `sift help syntax`, or :help in the REPL.
    """
}
