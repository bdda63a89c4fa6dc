// The REPL's line reader on a terminal: GNU readline with history in ~/.sift_history and Tab completion.
import CReadline
import Foundation

/// The completion function of the running REPL, reached from readline's C callback (which
/// cannot capture context). Only the REPL's single thread touches it.
nonisolated(unsafe) private var activeCompleter: ((String, Int) -> (start: Int, candidates: [String]))?
/// Whether readline is waiting for a line (so Ctrl-C clears the line rather than interrupting work).
nonisolated(unsafe) private var inReadline = false
/// Set by Ctrl-C while a statement runs; the session checks it between stages.
nonisolated(unsafe) var interruptRequested = false

/// Reads lines with GNU readline: editing, Up/Down and Ctrl-R history, Tab completion.
///
/// GNU readline is GPL-3.0; a `sift` binary that links it is distributed under GPL-compatible
/// terms (see README).
public final class ReadlineLineReader: LineReader {
    private let historyPath: String
    private var lastEntry: String?
    /// Entries kept in the history file.
    public static let historyLimit: Int32 = 5000

    /// Creates the reader, loads the history and installs completion and the Ctrl-C handler.
    ///
    /// - Parameter completer: given the line and cursor, the start of the word and its candidates.
    public init(historyPath: String = (ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) + "/.sift_history",
                completer: @escaping (String, Int) -> (start: Int, candidates: [String])) {
        self.historyPath = historyPath
        activeCompleter = completer
        sift_rl_set_name("sift")
        sift_rl_set_catch_signals(0)
        sift_rl_set_word_breaks(" \t\n\"'`><=;|&{(,[+-*/%")
        sift_rl_set_completer { text, start, end in
            sift_rl_set_completion_over(1)
            guard let completer = activeCompleter, let lineC = sift_rl_line() else { return nil }
            let line = String(cString: lineC)
            let cursor = String(decoding: Array(line.utf8.prefix(Int(sift_rl_point()))), as: UTF8.self).count
            let (_, candidates) = completer(line, cursor)
            let word = text.map { String(cString: $0) } ?? ""
            // readline replaces its own word (which may start later than ours, e.g. after '/').
            let offered = candidates.compactMap { c -> String? in
                guard c.count >= word.count else { return nil }
                if c.hasPrefix(word) { return c }
                if let slash = c.lastIndex(of: "/") {
                    let tail = String(c[c.index(after: slash)...])
                    if tail.hasPrefix(word) && word.isEmpty == false { return tail }
                }
                return nil
            }
            guard !offered.isEmpty else { return nil }
            if offered.count == 1 && !offered[0].hasSuffix("/") { sift_rl_set_append_character(32) } else { sift_rl_set_append_character(0) }
            var common = offered[0]
            for c in offered.dropFirst() { while !c.hasPrefix(common) { common.removeLast() } }
            let list = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: offered.count + 2)
            list[0] = strdup(common)
            for (i, c) in offered.enumerated() { list[i + 1] = strdup(c) }
            list[offered.count + 1] = nil
            _ = (start, end)
            return list
        }
        signal(SIGINT) { _ in
            if inReadline { sift_rl_reset_line() } else { interruptRequested = true }
        }
        using_history()
        stifle_history(ReadlineLineReader.historyLimit)
        _ = read_history(historyPath)
    }

    /// Reads a line with editing; nil on Ctrl-D at an empty line.
    public func readLine(prompt: String) -> String? {
        interruptRequested = false
        inReadline = true
        defer { inReadline = false }
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }

    /// Adds an entry to the history (not repeated entries).
    public func addHistory(_ entry: String) {
        guard entry != lastEntry else { return }
        lastEntry = entry
        add_history(entry)
    }

    /// Writes the history file.
    public func saveHistory() {
        _ = write_history(historyPath)
    }

    /// Whether Ctrl-C was pressed since the last prompt.
    public static var wasInterrupted: Bool { interruptRequested }
}
