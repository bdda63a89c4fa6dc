// The read-eval-print loop: prompts, continuation lines, meta commands and Ctrl-D.
import SiftLang

/// The interactive prompt.
///
/// A cell runs when it is complete. While a bracket is open (or a line ends with `|`) the
/// prompt changes to `....> ` and lines are added to the cell. A line that begins with `|`
/// right after a cell ran continues that cell's pipeline: the cell is rolled back and run again
/// with the new stage, as if both lines had been typed together. Lines starting with `:` are
/// meta commands (`:help`). Ctrl-D on an empty line (end of input) quits.
public struct REPL {
    /// The primary prompt.
    public static let prompt = "sift> "
    /// The prompt of a continued cell.
    public static let continuation = "....> "

    let session: Session
    var reader: LineReader
    let out: (String) -> Void
    let terminalHeight: Int?

    /// Creates a REPL over a session and a line reader.
    public init(session: Session, reader: LineReader, out: @escaping (String) -> Void, terminalHeight: Int? = nil) {
        self.session = session
        self.reader = reader
        self.out = out
        self.terminalHeight = terminalHeight
    }

    /// Runs until `:quit` or end of input; returns the exit code (always 0: errors never end a session).
    public mutating func run() -> Int32 {
        out("sift \(Runner.version) — :help for help, :quit or Ctrl-D to leave\n")
        var buffer = ""
        while true {
            guard let line = reader.readLine(prompt: buffer.isEmpty ? REPL.prompt : REPL.continuation) else {
                if !buffer.isEmpty { buffer = ""; out("\n"); continue }
                out("\n")
                break
            }
            if buffer.isEmpty {
                let trimmed = line.trimmingCharacters(in: " \t")
                if trimmed.isEmpty { continue }
                if trimmed.hasPrefix(":") {
                    reader.addHistory(trimmed)
                    switch session.meta(trimmed, pager: terminalHeight) {
                    case .quit: reader.saveHistory(); return 0
                    case .text(let t): out(t)
                    }
                    continue
                }
                if trimmed.hasPrefix("|") && session.canContinueLastCell {
                    reader.addHistory(line)
                    _ = session.continueLastCell(with: line)
                    continue
                }
            }
            buffer += buffer.isEmpty ? line : "\n" + line
            switch session.runCell(buffer) {
            case .incomplete:
                continue
            case .ok, .failed:
                reader.addHistory(buffer)
                buffer = ""
            }
        }
        reader.saveHistory()
        return 0
    }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
