// A notebook after replay, as a report sees it: prose blocks, code cells and what each code cell showed.
import Foundation
import SiftLang

/// The cells of a notebook with their results, for ``HTMLReport`` and ``MarkdownReport``.
///
/// Consecutive `#'` lines form one prose cell (blank lines between them are paragraph breaks);
/// the source lines between two prose cells form one code cell, shown as written (comments
/// included, blank lines at its ends dropped) and cut into chunks after each statement that
/// displays something, so that each result follows its own code. A replay runs exactly as `sift FILE.sift` does and
/// stops at the first error: the failing cell shows the error and the cells after it are marked
/// as not run.
public struct ReplayedNotebook {
    /// What a statement showed.
    public enum Output {
        /// A displayed value.
        case value(Value)
        /// A warning (without its `warning: ` prefix).
        case warning(String)
        /// The diagnostic that stopped the run, as `sift` prints it (no colour).
        case error(String)
    }

    /// Part of a code cell: source lines up to a statement that showed something, and what it showed.
    public struct Chunk {
        /// The source lines (blank lines at the ends dropped).
        public var source: String
        /// The first line's number in the notebook.
        public var line: Int
        /// What the chunk's statements showed, in order.
        public var outputs: [Output]
    }

    /// A prose or code cell.
    public enum Cell {
        /// Markdown prose.
        case prose(String)
        /// Code, cut after each statement that showed something so that every result sits under
        /// the code that made it, and whether the cell ran.
        case code([Chunk], ran: Bool)
    }

    /// The notebook's path as given.
    public var path: String
    /// The cells in order.
    public var cells: [Cell]
    /// Every `param` that ran, with its value (after `--param` overrides), in order.
    public var params: [(name: String, value: Value)]
    /// The diagnostic that stopped the run, if one did.
    public var failure: String?

    /// The text of the first heading of the prose, if any.
    public var title: String? {
        for case .prose(let text) in cells {
            if let h = Markdown.firstHeading(text) { return h }
        }
        return nil
    }

    /// Replays a notebook.
    ///
    /// - Parameters:
    ///   - text: the notebook's source.
    ///   - path: its path, for diagnostics and `use`/`load` paths relative to its folder.
    ///   - options: the session options (colour is turned off).
    /// - Returns: the replayed notebook, or the diagnostics when it does not parse.
    public static func replay(_ text: String, path: String, options: SessionOptions) -> Result<ReplayedNotebook, ParseFailure> {
        var o = options
        o.display.color = false
        var pending: [Output] = []
        let session = Session(options: o, output: { pending.append(.warning($0.trimmingTrailingNewlines())) }, errors: { text in
            let t = text.trimmingTrailingNewlines()
            pending.append(.warning(t.hasPrefix("warning: ") ? String(t.dropFirst(9)) : t))
        })
        var results: [(statement: Statement, outputs: [Output])] = []
        var params: [(String, Value)] = []
        let dir = (path as NSString).deletingLastPathComponent
        let (file, end) = session.replay(text, name: (path as NSString).lastPathComponent, directory: dir.isEmpty ? nil : dir) { st, v in
            var outputs = pending
            pending = []
            if let v { outputs.append(.value(v)) }
            results.append((st, outputs))
            if case .param(let name, _) = st.kind, let value = session.interpreter.globals.lookup(name) { params.append((name, value)) }
        }
        let renderer = DiagnosticRenderer(sources: session.interpreter.sources, color: false)
        var failure: String? = nil
        var failedAt: Int? = nil
        switch end {
        case .finished:
            break
        case .parseFailed(let ds):
            return .failure(ParseFailure(text: ds.map { renderer.render($0) }.joined()))
        case .failed(let st, let d):
            let message = renderer.render(d)
            failure = message
            failedAt = file.location(of: st.range.start).line
            results.append((st, pending + [.error(message.trimmingTrailingNewlines())]))
        }
        let cells = layout(file: file, results: results, failedAt: failedAt)
        return .success(ReplayedNotebook(path: path, cells: cells, params: params, failure: failure))
    }

    /// Diagnostics of a notebook that does not parse, rendered.
    public struct ParseFailure: Error {
        /// The rendered diagnostics.
        public var text: String
    }

    /// Splits the source into prose and code cells and gives each code cell its statements' outputs.
    static func layout(file: SourceFile, results: [(statement: Statement, outputs: [Output])], failedAt: Int?) -> [Cell] {
        let lines = file.text.splitLines()
        // Which lines are prose (found by the parser, so a `#'` inside a string is not prose).
        var prose: [Int: String] = [:]
        for r in results {
            if case .prose(let t) = r.statement.kind { prose[file.location(of: r.statement.range.start).line] = t }
        }
        // Prose lines the replay did not reach (after an error) are found by their prefix.
        if let failedAt {
            for (i, l) in lines.enumerated() where i + 1 > failedAt && prose[i + 1] == nil {
                let t = l.drop(while: { $0 == " " || $0 == "\t" })
                if t.hasPrefix("#'") {
                    let rest = t.dropFirst(2)
                    prose[i + 1] = String(rest.first == " " ? rest.dropFirst() : rest)
                }
            }
        }
        // Statements with outputs, by start line, with the line they end on.
        var shown: [(start: Int, end: Int, outputs: [Output])] = []
        for r in results where !r.outputs.isEmpty {
            if case .prose = r.statement.kind { continue }
            let start = file.location(of: r.statement.range.start).line
            let end = file.location(of: max(r.statement.range.start, r.statement.range.end - 1)).line
            shown.append((start, max(start, end), r.outputs))
        }
        func isBlank(_ l: Int) -> Bool { lines[l - 1].allSatisfy { $0 == " " || $0 == "\t" } }
        func chunk(_ from: Int, _ to: Int, _ outputs: [Output]) -> Chunk? {
            var a = from, b = to
            while a <= b && isBlank(a) { a += 1 }
            while b >= a && isBlank(b) { b -= 1 }
            guard a <= b else { return nil }
            return Chunk(source: lines[(a - 1)...(b - 1)].joined(separator: "\n"), line: a, outputs: outputs)
        }

        var cells: [Cell] = []
        var n = 1
        while n <= lines.count {
            if let t = prose[n] {
                var text = [t]
                n += 1
                while n <= lines.count {
                    if let t2 = prose[n] { text.append(t2); n += 1; continue }
                    // Blank lines between prose lines are a paragraph break, not a code cell.
                    var m = n
                    while m <= lines.count && lines[m - 1].allSatisfy({ $0 == " " || $0 == "\t" }) && prose[m] == nil { m += 1 }
                    if m > n, m <= lines.count, prose[m] != nil { text.append(""); n = m; continue }
                    break
                }
                cells.append(.prose(text.joined(separator: "\n")))
                continue
            }
            let start = n
            while n <= lines.count && prose[n] == nil { n += 1 }
            var first = start, last = n - 1
            while first <= last && lines[first - 1].allSatisfy({ $0 == " " || $0 == "\t" }) { first += 1 }
            while last >= first && lines[last - 1].allSatisfy({ $0 == " " || $0 == "\t" }) { last -= 1 }
            guard first <= last else { continue }
            var chunks: [Chunk] = []
            var from = first
            for st in shown where st.start >= first && st.start <= last {
                if st.end < from, !chunks.isEmpty {
                    chunks[chunks.count - 1].outputs += st.outputs   // a second statement on the same line
                    continue
                }
                let to = min(st.end, last)
                if let c = chunk(from, to, st.outputs) { chunks.append(c) }
                from = to + 1
            }
            if from <= last, let c = chunk(from, last, []) { chunks.append(c) }
            let ran = failedAt.map { first <= $0 } ?? true
            cells.append(.code(chunks, ran: ran))
        }
        return cells
    }
}

extension String {
    /// The string without trailing line breaks.
    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
