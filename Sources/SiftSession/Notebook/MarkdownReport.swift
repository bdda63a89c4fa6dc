// Writes a replayed notebook as Markdown: prose as written, code in fences, tables as pipe tables, plots as SVG files beside it.
import SiftFrame
import SiftLang

/// The Markdown form of a report (GitHub-flavoured: pipe tables, fenced code).
///
/// Prose is copied as written; each code cell is a ```` ```sift ```` fence; frames are pipe
/// tables under their shape line, with the column types under the names and the same cells and
/// head/tail elision as the terminal; other values are text fences; plots are SVG files in a
/// folder beside the report (`report_files/plot-1.svg`, …), linked as images; warnings and
/// errors are block quotes.
struct MarkdownReport {
    /// The replayed notebook.
    let notebook: ReplayedNotebook
    /// The run date for the header.
    let date: String
    /// Display options (head/tail rows, the width of text displays).
    let options: DisplayOptions
    /// The plots folder as the report links it (relative to the report's folder).
    let assetsFolder: String

    /// The report's text and the plot files to write into the assets folder, in order.
    func render() -> (text: String, plots: [(name: String, svg: [UInt8])]) {
        var out = ""
        var plots: [(name: String, svg: [UInt8])] = []
        var headerDone = false
        for (index, cell) in notebook.cells.enumerated() {
            switch cell {
            case .prose(let text):
                if index == 0, !headerDone, let (heading, rest) = splitLeadingHeading(text) {
                    out += heading + "\n\n" + header() + "\n"
                    if !rest.isEmpty { out += rest + "\n\n" }
                } else {
                    if !headerDone { out += header() + "\n" }
                    out += text + "\n\n"
                }
                headerDone = true
            case .code(let chunks, let ran):
                if !headerDone { out += header() + "\n"; headerDone = true }
                for c in chunks {
                    out += MarkdownReport.fence(c.source, info: "sift")
                    for o in c.outputs { out += output(o, plots: &plots) }
                }
                if !ran { out += "*(not run)*\n\n" }
            }
        }
        if !headerDone { out += header() + "\n" }
        if notebook.failure != nil { out += "*The notebook stopped at the error above; the cells after it did not run.*\n\n" }
        out += "---\n\n*Rendered by sift \(Runner.version) from `\(notebook.path)`.*\n"
        return (out, plots)
    }

    /// One output; a plot's SVG is added to `plots` and linked.
    func output(_ o: ReplayedNotebook.Output, plots: inout [(name: String, svg: [UInt8])]) -> String {
        switch o {
        case .warning(let w):
            return "> **Warning:** " + MarkdownReport.escapeInline(w) + "\n\n"
        case .error(let e):
            let quoted = MarkdownReport.fence(e, info: "text").split(separator: "\n", omittingEmptySubsequences: false).dropLast(2)
            return "> **Error**\n>\n" + quoted.map { "> " + $0 }.joined(separator: "\n") + "\n\n"
        case .value(let v):
            if case .object(let obj) = v, let bytes = try? obj.savedContents(extension: "svg") {
                let name = "plot-\(plots.count + 1).svg"
                plots.append((name, bytes))
                var kind = "plot"
                if case .scalar(.string(let k))? = obj.member("kind") { kind = k + " plot" }
                return "![\(kind) \(plots.count)](\(MarkdownReport.linkPath(assetsFolder + "/" + name)))\n\n"
            }
            return value(v)
        }
    }

    /// The facts under the title, as one line.
    func header() -> String {
        var items = ["**Notebook** `\(notebook.path)`"]
        for p in notebook.params {
            let v: String
            if case .scalar(let s) = p.value { v = NumberFormat.scalar(s) } else { v = ValueFormatter.literal(p.value) }
            items.append("**\(p.name == "input" ? "Data" : MarkdownReport.escapeInline(p.name))** " + MarkdownReport.code(v))
        }
        items.append("**Run** \(date)")
        if notebook.failure != nil { items.append("**Stopped at an error**") }
        return items.joined(separator: " · ") + "\n"
    }

    /// A leading `#` heading line split from the rest of the prose.
    func splitLeadingHeading(_ text: String) -> (String, String)? {
        var lines = text.splitLines()
        while let f = lines.first, Markdown.isBlank(f) { lines.removeFirst() }
        guard let first = lines.first, Markdown.atxHeading(first) != nil else { return nil }
        var rest = Array(lines.dropFirst())
        while let f = rest.first, Markdown.isBlank(f) { rest.removeFirst() }
        return (first, rest.joined(separator: "\n"))
    }

    /// A displayed value other than a plot.
    func value(_ v: Value) -> String {
        if let t = ReportRenderer.tabular(v) { return table(t.frame, caption: t.caption) }
        return MarkdownReport.fence(ValueFormatter.format(v, options: options), info: "text")
    }

    /// A frame as a pipe table under its shape line.
    func table(_ frame: DataFrame, caption: String?) -> String {
        var out = ""
        if let caption { out += "*\(MarkdownReport.escapeInline(caption))*  \n" }
        out += "*\(TableLayout.shapeLine(rows: frame.rowCount, columns: frame.columnCount))*\n\n"
        guard frame.columnCount > 0 else { return out }
        let layout = TableLayout(frame, options: options)
        let cols = layout.columns
        func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }
        out += row(cols.map { MarkdownReport.escapeCell($0.name) + "<br>*\($0.type.rawValue)*" })
        out += row(cols.map { $0.rightAligned ? "---:" : ":---" })
        if frame.rowCount == 0 { out += row(cols.indices.map { $0 == 0 ? "*(no rows)*" : "" }) }
        for r in 0..<layout.shownRows {
            if r == layout.elideBefore { out += row(cols.map { _ in "…" }) }
            out += row(cols.map { MarkdownReport.escapeCell($0.cells[r]) })
        }
        return out + "\n"
    }

    // MARK: - Escaping

    /// A fenced block, the fence longer than any backtick run inside.
    static func fence(_ text: String, info: String) -> String {
        var longest = 0, current = 0
        for ch in text {
            if ch == "`" { current += 1; longest = max(longest, current) } else { current = 0 }
        }
        let f = String(repeating: "`", count: max(3, longest + 1))
        return f + info + "\n" + text + (text.hasSuffix("\n") ? "" : "\n") + f + "\n\n"
    }

    /// Inline code, with enough backticks around it.
    static func code(_ text: String) -> String {
        var longest = 0, current = 0
        for ch in text {
            if ch == "`" { current += 1; longest = max(longest, current) } else { current = 0 }
        }
        let f = String(repeating: "`", count: longest + 1)
        let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return f + pad + text + pad + f
    }

    /// Text that Markdown must show as written: its punctuation escaped.
    static func escapeInline(_ s: String) -> String {
        var out = ""
        let chars = Array(s)
        for (i, ch) in chars.enumerated() {
            switch ch {
            case "_" where i > 0 && i + 1 < chars.count && chars[i - 1].isLetterOrDigit && chars[i + 1].isLetterOrDigit:
                out.append(ch)   // inside a word (`page_2`) an underscore is never emphasis
            case "\\", "`", "*", "_", "[", "]", "|", "#": out += "\\" + String(ch)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A table cell: inline-escaped (a cell is one line already).
    static func escapeCell(_ s: String) -> String { escapeInline(s) }

    /// A relative path for a Markdown link: spaces and parentheses percent-encoded.
    static func linkPath(_ p: String) -> String {
        p.replacingAll("%", with: "%25").replacingAll(" ", with: "%20").replacingAll("(", with: "%28").replacingAll(")", with: "%29")
    }
}

extension Character {
    /// A letter or a digit.
    var isLetterOrDigit: Bool { isLetter || isNumber }
}
