// Diagnostics: severity, stable id, message, primary range and notes (after swift-syntax's Message).

/// A problem found in a program, reported with where it is.
///
/// Messages are lowercase with no final period; they quote the offending name and say what
/// was expected and what was found. ``DiagnosticRenderer`` prints them as
/// `notebook.sift:12:18: error: unknown column 'prce' (did you mean 'price'?)` followed by the
/// source line and a caret.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    /// How bad it is.
    public enum Severity: String, Sendable { case error, warning, note }

    /// Error, warning or note.
    public var severity: Severity
    /// A stable identifier such as `parse.expectedExpression` or `bind.unknownColumn`, for tests and docs.
    public var id: String
    /// The message.
    public var message: String
    /// Where the problem is; nil for problems with no place (a missing file on the command line).
    public var range: SourceRange?
    /// Extra lines printed after the source excerpt (`available columns: ...`, `in stage 'where'`).
    public var notes: [String]

    /// Creates a diagnostic.
    public init(_ severity: Severity = .error, id: String, _ message: String, at range: SourceRange?, notes: [String] = []) {
        self.severity = severity
        self.id = id
        self.message = message
        self.range = range
        self.notes = notes
    }

    /// An error.
    public static func error(_ id: String, _ message: String, at range: SourceRange?, notes: [String] = []) -> Diagnostic {
        Diagnostic(.error, id: id, message, at: range, notes: notes)
    }

    /// Whether the parser ran out of input (the REPL then asks for more lines).
    public var isUnexpectedEnd: Bool { id == "parse.unexpectedEndOfInput" }

    /// The message without position.
    public var description: String { "\(severity.rawValue): \(message)" }
}

/// A failure of a script: one or more diagnostics (the parser reports one per bad statement).
public struct DiagnosticError: Error, Sendable {
    /// The diagnostics, in source order.
    public var diagnostics: [Diagnostic]

    /// Wraps diagnostics.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

/// Prints diagnostics against their sources: location line, source line, caret under the range.
public struct DiagnosticRenderer: Sendable {
    /// The sources the ranges point into.
    public let sources: SourceManager
    /// Whether to colour `error:` (only on a terminal with colour on).
    public var color: Bool

    /// Creates a renderer.
    public init(sources: SourceManager, color: Bool = false) {
        self.sources = sources
        self.color = color
    }

    /// The full text of a diagnostic, ending with a newline.
    public func render(_ d: Diagnostic) -> String {
        let label = color ? "\u{1B}[1;31m\(d.severity.rawValue):\u{1B}[0m" : "\(d.severity.rawValue):"
        guard let range = d.range, let file = sources[range.source] else {
            return (["\(label) \(d.message)"] + d.notes.map { "note: \($0)" }).joined(separator: "\n") + "\n"
        }
        let (line, column) = file.location(of: range.start)
        var out = "\(file.name):\(line):\(column): \(label) \(d.message)\n"
        let text = file.line(line)
        out += text + "\n"
        let endLoc = file.location(of: range.end)
        let width = endLoc.line == line ? max(1, endLoc.column - column) : max(1, text.count - column + 1)
        // Tabs in the prefix are kept so the caret lines up in a terminal.
        let prefix = String(text.prefix(column - 1).map { $0 == "\t" ? "\t" : " " })
        out += prefix + String(repeating: "^", count: width) + "\n"
        for n in d.notes { out += "note: \(n)\n" }
        return out
    }
}
