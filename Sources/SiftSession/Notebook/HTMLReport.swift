// Writes a replayed notebook as one self-contained HTML page: prose, highlighted code, tables, inline SVG plots, errors.
import SiftFrame
import SiftLang

/// The HTML form of a report.
///
/// One file with nothing outside it: the CSS is embedded (``HTMLReport/css``), plots are inline
/// SVG, and there is no script. Tables show what the terminal shows — the shape line, names and
/// types, the same number text (``NumberFormat``) and the same head/tail elision — but every
/// column up to ``maxColumns``, since a page scrolls sideways where a terminal cannot.
/// The output depends only on the notebook, its data and the date passed in.
struct HTMLReport {
    /// The replayed notebook.
    let notebook: ReplayedNotebook
    /// The header's facts: the run date and the generator.
    let date: String
    /// Display options (head/tail rows, the width of text displays such as models).
    let options: DisplayOptions
    /// Verb names, for highlighting.
    let verbs: Set<String>

    /// The most columns a table shows; the rest are listed by name and type, as in the terminal.
    /// Fifty is wider than any screen at the table's font size, so more would only be scrolled past.
    static let maxColumns = 50

    /// The whole page.
    func render() -> String {
        var md = Markdown()
        let title = notebook.title ?? fileName(notebook.path)
        var body = ""
        var headerDone = false
        for (index, cell) in notebook.cells.enumerated() {
            switch cell {
            case .prose(let text):
                if index == 0, !headerDone, let (heading, rest) = splitLeadingHeading(text) {
                    body += "<section class=\"prose\">\n" + md.render(heading) + header() + md.render(rest) + "</section>\n"
                    headerDone = true
                } else {
                    if !headerDone { body += header(); headerDone = true }
                    body += "<section class=\"prose\">\n" + md.render(text) + "</section>\n"
                }
            case .code(let chunks, let ran):
                if !headerDone { body += header(); headerDone = true }
                body += codeCell(chunks, ran: ran)
            }
        }
        if !headerDone { body += header() }
        if notebook.failure != nil {
            body += "<p class=\"stopped\">The notebook stopped at the error above; the cells after it did not run.</p>\n"
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content="sift \(Runner.version)" />
        <title>\(Markdown.escape(title))</title>
        <style>
        \(HTMLReport.css)</style>
        </head>
        <body>
        <main>
        \(body)<footer>Rendered by sift \(Runner.version) from <code>\(Markdown.escape(notebook.path))</code>.</footer>
        </main>
        </body>
        </html>

        """
    }

    /// The line under the title: notebook, data file, other parameters and the run date.
    func header() -> String {
        var items: [String] = []
        items.append("<span><b>Notebook</b> <code>\(Markdown.escape(notebook.path))</code></span>")
        for p in notebook.params {
            let label = p.name == "input" ? "Data" : p.name
            items.append("<span><b>\(Markdown.escape(label))</b> <code>\(Markdown.escape(plainValue(p.value)))</code></span>")
        }
        items.append("<span><b>Run</b> \(Markdown.escape(date))</span>")
        if notebook.failure != nil { items.append("<span class=\"failed\"><b>Stopped at an error</b></span>") }
        return "<p class=\"meta\">" + items.joined(separator: "\n") + "</p>\n"
    }

    /// A leading `#` heading line split from the rest of the prose, when the prose starts with one.
    func splitLeadingHeading(_ text: String) -> (String, String)? {
        var lines = text.splitLines()
        while let f = lines.first, Markdown.isBlank(f) { lines.removeFirst() }
        guard let first = lines.first, Markdown.atxHeading(first) != nil else { return nil }
        return (first, lines.dropFirst().joined(separator: "\n"))
    }

    // MARK: - Cells

    /// A code cell: each chunk's source, then what it showed.
    func codeCell(_ chunks: [ReplayedNotebook.Chunk], ran: Bool) -> String {
        var out = "<section class=\"cell\(ran ? "" : " not-run")\">\n"
        for c in chunks {
            out += "<pre class=\"code\" data-line=\"\(c.line)\"><code>" + CodeHighlighter.html(c.source, verbs: verbs) + "</code></pre>\n"
            for o in c.outputs { out += output(o) }
        }
        if !ran { out += "<p class=\"not-run-note\">not run</p>\n" }
        return out + "</section>\n"
    }

    /// One output.
    func output(_ o: ReplayedNotebook.Output) -> String {
        switch o {
        case .warning(let w): return "<p class=\"warning\"><b>warning</b> \(Markdown.escape(w))</p>\n"
        case .error(let e): return "<pre class=\"error\" role=\"alert\">" + Markdown.escape(e) + "</pre>\n"
        case .value(let v): return value(v)
        }
    }

    /// A displayed value.
    func value(_ v: Value) -> String {
        if let t = ReportRenderer.tabular(v) { return table(t.frame, caption: t.caption) }
        switch v {
        case .object(let o):
            if let bytes = try? o.savedContents(extension: "svg") {
                return "<figure class=\"plot\">\n" + HTMLReport.inlineSVG(String(decoding: bytes, as: UTF8.self)) + "</figure>\n"
            }
            return text(o.display(options))
        default:
            return text(ValueFormatter.format(v, options: options))
        }
    }

    /// Plain text output.
    func text(_ s: String) -> String { "<pre class=\"value\">" + Markdown.escape(s) + "</pre>\n" }

    /// An SVG document as an element for the page: the XML declaration dropped.
    static func inlineSVG(_ svg: String) -> String {
        var s = Substring(svg)
        if s.hasPrefix("<?xml"), let end = s.firstIndex(of: ">") { s = s[s.index(after: end)...] }
        while s.first == "\n" { s.removeFirst() }
        return String(s).hasSuffix("\n") ? String(s) : String(s) + "\n"
    }

    /// A frame as a table with its shape line.
    func table(_ frame: DataFrame, caption: String?) -> String {
        var out = "<div class=\"frame\">\n"
        if let caption { out += "<p class=\"shape\">\(Markdown.escape(caption))</p>\n" }
        out += "<p class=\"shape\">\(TableLayout.shapeLine(rows: frame.rowCount, columns: frame.columnCount))</p>\n"
        guard frame.columnCount > 0 else { return out + "</div>\n" }
        let layout = TableLayout(frame, options: options)
        let cols = Array(layout.columns.prefix(HTMLReport.maxColumns))
        out += "<div class=\"scroll\"><table>\n<thead>\n<tr>"
        for c in cols { out += "<th\(c.rightAligned ? " class=\"num\"" : "")>\(Markdown.escape(c.name))</th>" }
        out += "</tr>\n<tr class=\"types\">"
        for c in cols { out += "<th\(c.rightAligned ? " class=\"num\"" : "")>\(c.type.rawValue)</th>" }
        out += "</tr>\n</thead>\n<tbody>\n"
        if frame.rowCount == 0 { out += "<tr><td class=\"empty\" colspan=\"\(cols.count)\">(no rows)</td></tr>\n" }
        for r in 0..<layout.shownRows {
            if r == layout.elideBefore {
                let hiddenRows = layout.rowCount - layout.shownRows
                out += "<tr class=\"elided\"><td colspan=\"\(cols.count)\">… \(NumberFormat.grouped(hiddenRows)) more row\(hiddenRows == 1 ? "" : "s") …</td></tr>\n"
            }
            out += "<tr>"
            for c in cols {
                let cell = c.cells[r]
                var cls: [String] = []
                if c.rightAligned { cls.append("num") }
                if cell == "null" { cls.append("null") }
                out += "<td\(cls.isEmpty ? "" : " class=\"\(cls.joined(separator: " "))\"")>\(Markdown.escape(cell))</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table></div>\n"
        let hidden = layout.columns.dropFirst(HTMLReport.maxColumns)
        if !hidden.isEmpty {
            let rest = hidden.map { "\($0.name) \($0.type)" }.joined(separator: ", ")
            out += "<p class=\"hidden-columns\">… \(hidden.count) more column\(hidden.count == 1 ? "" : "s"): \(Markdown.escape(rest))</p>\n"
        }
        return out + "</div>\n"
    }

    /// A parameter's value as plain text (strings without quotes).
    func plainValue(_ v: Value) -> String {
        if case .scalar(let s) = v { return NumberFormat.scalar(s) }
        return ValueFormatter.literal(v)
    }

    /// The last path component.
    func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
