// Line input for the REPL: the protocol, and the plain reader used when stdin is not a terminal.

/// Reads lines for the REPL.
public protocol LineReader {
    /// The next line without its newline, or nil at end of input (Ctrl-D).
    mutating func readLine(prompt: String) -> String?
    /// Records a finished entry in the history.
    mutating func addHistory(_ entry: String)
    /// Saves the history (on exit).
    mutating func saveHistory()
}

/// Reads lines from stdin without editing, prompts printed to stdout (tests, dumb terminals).
public struct PlainLineReader: LineReader {
    private let out: (String) -> Void
    private let next: () -> String?

    /// Creates a reader; `next` supplies lines (default: the process's stdin).
    public init(out: @escaping (String) -> Void, next: @escaping () -> String? = { Swift.readLine(strippingNewline: true) }) {
        self.out = out
        self.next = next
    }

    /// Prints the prompt and reads a line.
    public mutating func readLine(prompt: String) -> String? {
        out(prompt)
        return next()
    }

    /// No history without readline.
    public mutating func addHistory(_ entry: String) {}

    /// No history without readline.
    public mutating func saveHistory() {}
}
