// A small Markdown renderer for notebook prose: headings, paragraphs, lists, quotes, rules and code fences, as HTML.
import Foundation

/// Renders the Markdown of `#'` prose lines as HTML.
///
/// It covers what notebook prose uses, after CommonMark's rules where they matter: ATX headings
/// (`#` to `######`, with an `id` from the text) and setext headings (`===`, `---` under a line),
/// paragraphs, bullet lists (`-`, `*`, `+`) and numbered lists (`1.` or `1)`, with a `start`
/// other than 1 kept), nested by indenting, tight or loose; block quotes (`>`), thematic breaks
/// (`---`, `***`, `___`) and fenced code (three or more backticks or tildes, with an info word
/// that becomes `class="language-…"`). Inline syntax is in `Markdown+Inline.swift`. Raw HTML is
/// not passed through: every `<`, `>`, `&` and `"` in the text is escaped, so prose cannot break
/// the page it is rendered into.
///
/// ```swift
/// Markdown.html("# Sales\n\nMost clicks come from *Poland*.")
/// // <h1 id="sales">Sales</h1>\n<p>Most clicks come from <em>Poland</em>.</p>\n
/// ```
public struct Markdown {
    /// Heading ids already given, so a second "Results" heading gets `results-2`.
    var usedIDs: [String: Int] = [:]

    /// Creates a renderer; one renderer per document keeps heading ids unique across calls.
    public init() {}

    /// A Markdown text as HTML.
    ///
    /// - Complexity: O(n) in the text's length for the blocks; inline parsing is O(n × d) for d
    ///   emphasis delimiters in a paragraph.
    public static func html(_ text: String) -> String {
        var m = Markdown()
        return m.render(text)
    }

    /// A Markdown text as HTML, heading ids unique across every text this renderer rendered.
    public mutating func render(_ text: String) -> String {
        let lines = text.splitLines().map(Markdown.expandTabs)
        return blocks(lines[...])
    }

    /// The text of the first heading (ATX or setext) outside code fences, without inline markup.
    public static func firstHeading(_ text: String) -> String? {
        let lines = text.splitLines()
        var fence: Fence? = nil
        for (i, line) in lines.enumerated() {
            if let f = fence {
                if f.closes(line) { fence = nil }
                continue
            }
            if let f = Fence(opening: line) { fence = f; continue }
            if let h = atxHeading(line) { return plainText(h.text) }
            if i + 1 < lines.count, !isBlank(line), setextLevel(lines[i + 1]) != nil,
               !startsBlock(line), (i == 0 || isBlank(lines[i - 1])) {
                return plainText(line.trimmingSpaces())
            }
        }
        return nil
    }

    // MARK: - Blocks

    /// block -> fence | atx-heading | thematic-break | quote | list | paragraph
    mutating func blocks(_ lines: ArraySlice<String>) -> String {
        var out = ""
        var i = lines.startIndex
        while i < lines.endIndex {
            let line = lines[i]
            if Markdown.isBlank(line) { i += 1; continue }
            if let f = Fence(opening: line) {
                var body: [String] = []
                i += 1
                while i < lines.endIndex && !f.closes(lines[i]) {
                    body.append(Markdown.removeIndent(lines[i], upTo: f.indent))
                    i += 1
                }
                i += 1   // the closing fence (or the end: an unclosed fence runs to the end, as in CommonMark)
                let cls = f.info.isEmpty ? "" : " class=\"language-\(Markdown.escape(f.info))\""
                out += "<pre><code\(cls)>" + body.map { Markdown.escape($0) + "\n" }.joined() + "</code></pre>\n"
                continue
            }
            if let h = Markdown.atxHeading(line) {
                out += heading(h.level, h.text)
                i += 1
                continue
            }
            if Markdown.isThematicBreak(line) {
                out += "<hr />\n"
                i += 1
                continue
            }
            if Markdown.quoteContent(line) != nil {
                var inner: [String] = []
                while i < lines.endIndex, let c = Markdown.quoteContent(lines[i]) {
                    inner.append(c)
                    i += 1
                }
                out += "<blockquote>\n" + blocks(inner[...]) + "</blockquote>\n"
                continue
            }
            if Markdown.listMarker(line) != nil {
                let (html, next) = list(lines, from: i)
                out += html
                i = next
                continue
            }
            // A paragraph: lines up to a blank line or the start of another block.
            var para: [String] = [Markdown.trimLeading(line)]
            i += 1
            while i < lines.endIndex {
                let l = lines[i]
                if Markdown.isBlank(l) { break }
                if let level = Markdown.setextLevel(l) {
                    out += heading(level, para.joined(separator: "\n"))
                    para = []
                    i += 1
                    break
                }
                if Markdown.interruptsParagraph(l) { break }
                para.append(Markdown.trimLeading(l))
                i += 1
            }
            if !para.isEmpty { out += "<p>" + Markdown.inline(para.joined(separator: "\n").trimmingSpaces()) + "</p>\n" }
        }
        return out
    }

    /// A heading with an id made from its text.
    mutating func heading(_ level: Int, _ text: String) -> String {
        var id = Markdown.slug(Markdown.plainText(text))
        if id.isEmpty { id = "section" }
        if let n = usedIDs[id] {
            usedIDs[id] = n + 1
            id += "-\(n + 1)"
        } else {
            usedIDs[id] = 1
        }
        return "<h\(level) id=\"\(id)\">" + Markdown.inline(text) + "</h\(level)>\n"
    }

    /// A list starting at `start`: items of the same kind of marker, each item's lines those
    /// indented to its content column (blank lines inside allowed when more of the item follows).
    ///
    /// - Returns: the HTML and the index of the first line after the list.
    mutating func list(_ lines: ArraySlice<String>, from start: Int) -> (String, Int) {
        guard let first = Markdown.listMarker(lines[start]) else { return ("", start + 1) }
        var items: [[String]] = []
        var loose = false
        var i = start
        var sawBlank = false
        while i < lines.endIndex {
            guard let m = Markdown.listMarker(lines[i]), m.ordered == first.ordered, m.delimiter == first.delimiter,
                  m.indent < first.contentIndent else { break }
            if sawBlank { loose = true }
            var item = [String(lines[i].dropFirst(m.contentIndent))]
            if Markdown.isBlank(item[0]) { item[0] = "" }
            i += 1
            sawBlank = false
            while i < lines.endIndex {
                let l = lines[i]
                if Markdown.isBlank(l) {
                    // A blank line stays in the item only if the item (or the list) goes on after it.
                    var j = i
                    while j < lines.endIndex && Markdown.isBlank(lines[j]) { j += 1 }
                    guard j < lines.endIndex else { break }
                    if Markdown.indentation(lines[j]) >= m.contentIndent {
                        item.append("")
                        i += 1
                        loose = true   // a blank line between two blocks of one item
                        continue
                    }
                    sawBlank = true
                    i = j
                    break
                }
                if Markdown.indentation(l) >= m.contentIndent {
                    item.append(Markdown.removeIndent(l, upTo: m.contentIndent))
                    i += 1
                    continue
                }
                // A lazy continuation line of the item's paragraph (not a new block).
                if Markdown.listMarker(l) == nil && !Markdown.interruptsParagraph(l) && !(item.last?.isEmpty ?? true) {
                    item.append(l.trimmingSpaces())
                    i += 1
                    continue
                }
                break
            }
            items.append(item)
            if sawBlank {
                // The list goes on only if the next non-blank line is another item of it.
                guard i < lines.endIndex, let n = Markdown.listMarker(lines[i]), n.ordered == first.ordered,
                      n.delimiter == first.delimiter, n.indent < first.contentIndent else { break }
            }
        }
        let tag = first.ordered ? "ol" : "ul"
        let startAttr = first.ordered && first.number != 1 ? " start=\"\(first.number)\"" : ""
        var out = "<\(tag)\(startAttr)>\n"
        for item in items {
            var html = blocks(item[...])
            if !loose { html = Markdown.unwrapParagraphs(html) }
            if html.hasSuffix("\n") { html.removeLast() }
            out += "<li>" + html + "</li>\n"
        }
        return (out + "</\(tag)>\n", i)
    }

    /// Tight list items show paragraphs without `<p>`.
    static func unwrapParagraphs(_ html: String) -> String {
        var s = html
        if s.hasPrefix("<p>") { s.removeFirst(3) }
        s = s.replacingAll("\n<p>", with: "\n").replacingAll("</p>\n", with: "\n")
        return s
    }

    // MARK: - Line classification

    /// A code fence line.
    struct Fence {
        /// The fence character (backtick or tilde) and its count.
        var char: Character, count: Int
        /// Spaces before the fence, removed from the body lines.
        var indent: Int
        /// The first word of the info string.
        var info: String

        /// An opening fence, or nil.
        init?(opening line: String) {
            let indent = Markdown.indentation(line)
            guard indent <= 3 else { return nil }
            let rest = line.dropFirst(indent)
            guard let c = rest.first, c == "`" || c == "~" else { return nil }
            let n = rest.prefix(while: { $0 == c }).count
            guard n >= 3 else { return nil }
            let infoText = rest.dropFirst(n).trimmingSpaces()
            if c == "`" && infoText.contains("`") { return nil }
            self.char = c
            self.count = n
            self.indent = indent
            self.info = String(infoText.prefix(while: { $0 != " " }))
        }

        /// Whether a line closes this fence.
        func closes(_ line: String) -> Bool {
            let indent = Markdown.indentation(line)
            guard indent <= 3 else { return false }
            let rest = line.dropFirst(indent)
            let n = rest.prefix(while: { $0 == char }).count
            return n >= count && rest.dropFirst(n).allSatisfy { $0 == " " }
        }
    }

    /// `## Text ##` → (2, "Text").
    static func atxHeading(_ line: String) -> (level: Int, text: String)? {
        let indent = indentation(line)
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        let level = rest.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(level) else { return nil }
        let after = rest.dropFirst(level)
        guard after.isEmpty || after.first == " " else { return nil }
        var text = after.trimmingSpaces()
        // A closing sequence of #s, if separated by a space (or the whole text).
        let trailing = text.reversed().prefix(while: { $0 == "#" }).count
        if trailing > 0 {
            let before = text.dropLast(trailing)
            if before.isEmpty || before.hasSuffix(" ") { text = before.trimmingSpaces() }
        }
        return (level, text)
    }

    /// `===` under a line is level 1, `---` level 2.
    static func setextLevel(_ line: String) -> Int? {
        guard indentation(line) <= 3 else { return nil }
        let t = line.trimmingSpaces()
        guard let c = t.first, c == "=" || c == "-", t.allSatisfy({ $0 == c }) else { return nil }
        return c == "=" ? 1 : 2
    }

    /// `---`, `* * *`, `___` (three or more of one character, spaces allowed).
    static func isThematicBreak(_ line: String) -> Bool {
        guard indentation(line) <= 3 else { return false }
        let chars = line.filter { $0 != " " }
        guard let c = chars.first, c == "-" || c == "*" || c == "_" else { return false }
        return chars.count >= 3 && chars.allSatisfy { $0 == c }
    }

    /// The text after `>` (and one space), or nil when the line is not quoted.
    static func quoteContent(_ line: String) -> String? {
        let indent = indentation(line)
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard rest.first == ">" else { return nil }
        let after = rest.dropFirst()
        return String(after.first == " " ? after.dropFirst() : after)
    }

    /// A list item's marker.
    struct ListMarker {
        /// Numbered (`1.`) or bullet (`-`).
        var ordered: Bool
        /// The bullet character, or `.`/`)` after a number.
        var delimiter: Character
        /// The number of a numbered item.
        var number: Int
        /// Spaces before the marker.
        var indent: Int
        /// The column where the item's content starts.
        var contentIndent: Int
    }

    /// The marker of a list item line, or nil.
    static func listMarker(_ line: String) -> ListMarker? {
        let indent = indentation(line)
        let rest = Array(line.dropFirst(indent))
        guard let c = rest.first else { return nil }
        var markerWidth = 0
        var ordered = false, number = 1, delimiter = c
        if c == "-" || c == "*" || c == "+" {
            markerWidth = 1
        } else if c.isASCII && c.isNumber {
            let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
            guard digits.count <= 9, digits.count < rest.count else { return nil }
            let d = rest[digits.count]
            guard d == "." || d == ")" else { return nil }
            ordered = true
            number = Int(String(digits)) ?? 1
            delimiter = d
            markerWidth = digits.count + 1
        } else {
            return nil
        }
        let after = rest.dropFirst(markerWidth)
        if after.isEmpty { return ListMarker(ordered: ordered, delimiter: delimiter, number: number, indent: indent, contentIndent: indent + markerWidth + 1) }
        guard after.first == " " else { return nil }
        let spaces = after.prefix(while: { $0 == " " }).count
        // Five or more spaces after the marker: the content starts after one (CommonMark).
        let gap = spaces > 4 || spaces == after.count ? 1 : spaces
        if !ordered && isThematicBreak(line) { return nil }
        return ListMarker(ordered: ordered, delimiter: delimiter, number: number, indent: indent, contentIndent: indent + markerWidth + gap)
    }

    /// Whether a line starts a block that ends a paragraph above it.
    static func interruptsParagraph(_ line: String) -> Bool {
        if Fence(opening: line) != nil || atxHeading(line) != nil || isThematicBreak(line) || quoteContent(line) != nil { return true }
        // A list interrupts a paragraph only with a non-empty item, and a numbered one only from 1.
        if let m = listMarker(line), !isBlank(String(line.dropFirst(m.contentIndent))) { return !m.ordered || m.number == 1 }
        return false
    }

    /// Whether a line starts a block other than a paragraph.
    static func startsBlock(_ line: String) -> Bool { interruptsParagraph(line) || listMarker(line) != nil }

    /// Whether a line has only spaces.
    static func isBlank(_ line: String) -> Bool { line.allSatisfy { $0 == " " } }

    /// The line without its leading spaces (trailing ones may be a hard break).
    static func trimLeading(_ line: String) -> String { String(line.drop(while: { $0 == " " })) }

    /// Leading spaces.
    static func indentation(_ line: String) -> Int { line.prefix(while: { $0 == " " }).count }

    /// The line with up to `n` leading spaces removed.
    static func removeIndent(_ line: String, upTo n: Int) -> String {
        String(line.dropFirst(min(n, indentation(line))))
    }

    /// Tabs expanded to the next multiple of four columns.
    static func expandTabs(_ s: String) -> String {
        guard s.contains("\t") else { return s }
        var out = ""
        var col = 0
        for ch in s {
            if ch == "\t" {
                let n = 4 - col % 4
                out += String(repeating: " ", count: n)
                col += n
            } else {
                out.append(ch)
                col += 1
            }
        }
        return out
    }

    /// A heading id: lowercase letters and digits, other runs turned into one `-`.
    static func slug(_ text: String) -> String {
        var out = ""
        var dash = false
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber {
                if dash && !out.isEmpty { out.append("-") }
                out.append(ch)
                dash = false
            } else {
                dash = true
            }
        }
        return out
    }

    /// Text with `&`, `<`, `>` and `"` escaped for HTML content and attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

extension String {
    /// The lines of the text, split at `\n` and `\r\n` (Swift counts `\r\n` as one
    /// character, so splitting at `"\n"` alone would miss it), without their terminators.
    func splitLines() -> [String] {
        split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
    }

    /// Every occurrence of `target` replaced by `new`.
    func replacingAll(_ target: String, with new: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound]
            out += new
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
