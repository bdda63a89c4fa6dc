// Inline Markdown: code spans, emphasis and strong emphasis (nested), links, autolinks, escapes and line breaks.

extension Markdown {
    /// One piece of a paragraph while emphasis is being matched.
    enum InlineNode {
        /// Finished HTML.
        case html(String)
        /// A run of `*` or `_` that may open or close emphasis (CommonMark's delimiter run).
        case delimiter(Character, count: Int, canOpen: Bool, canClose: Bool)
    }

    /// Inline Markdown as HTML.
    ///
    /// Code spans (any number of backticks), `*em*`/`_em_`, `**strong**`/`__strong__` nested in
    /// either order (matched with CommonMark's delimiter-run rules, so `snake_case_names` and
    /// `2 * 3 * 4` stay as written), `[text](url "title")`, `![alt](src)`, `<https://…>`,
    /// backslash escapes, and hard breaks (two spaces or `\` before a line end). Links whose
    /// scheme could run code (`javascript:`, `vbscript:`, `data:`) are shown as text.
    static func inline(_ text: String) -> String {
        let chars = Array(text)
        var nodes: [InlineNode] = []
        var buffer = ""
        func flush() {
            if !buffer.isEmpty { nodes.append(.html(buffer)); buffer = "" }
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\\":
                if i + 1 < chars.count, chars[i + 1] == "\n" {
                    buffer += "<br />\n"
                    i += 2
                } else if i + 1 < chars.count, isASCIIPunctuation(chars[i + 1]) {
                    buffer += escape(String(chars[i + 1]))
                    i += 2
                } else {
                    buffer += "\\"
                    i += 1
                }
            case "\n":
                let spaces = buffer.reversed().prefix(while: { $0 == " " }).count
                buffer.removeLast(spaces)
                buffer += spaces >= 2 ? "<br />\n" : "\n"
                i += 1
                while i < chars.count && chars[i] == " " { i += 1 }
            case "`":
                let n = run(chars, from: i, of: "`")
                if let end = closingBackticks(chars, from: i + n, count: n) {
                    var code = String(chars[(i + n)..<end]).replacingAll("\n", with: " ")
                    if code.count >= 2, code.first == " ", code.last == " ", !code.allSatisfy({ $0 == " " }) {
                        code = String(code.dropFirst().dropLast())
                    }
                    buffer += "<code>" + escape(code) + "</code>"
                    i = end + n
                } else {
                    buffer += String(repeating: "`", count: n)
                    i += n
                }
            case "!" where i + 1 < chars.count && chars[i + 1] == "[":
                if let link = parseLink(chars, from: i + 1) {
                    let alt = plainText(String(chars[link.label]))
                    if let url = safeURL(link.destination) {
                        let title = link.title.map { " title=\"\(escape($0))\"" } ?? ""
                        buffer += "<img src=\"\(escape(url))\" alt=\"\(escape(alt))\"\(title) />"
                    } else {
                        buffer += escape(alt)
                    }
                    i = link.end
                } else {
                    buffer += "!"
                    i += 1
                }
            case "[":
                if let link = parseLink(chars, from: i) {
                    let label = inline(String(chars[link.label]))
                    if let url = safeURL(link.destination) {
                        let title = link.title.map { " title=\"\(escape($0))\"" } ?? ""
                        buffer += "<a href=\"\(escape(url))\"\(title)>" + label + "</a>"
                    } else {
                        buffer += label
                    }
                    i = link.end
                } else {
                    buffer += "["
                    i += 1
                }
            case "<":
                if let (url, end) = autolink(chars, from: i), let safe = safeURL(url) {
                    buffer += "<a href=\"\(escape(safe))\">" + escape(url) + "</a>"
                    i = end
                } else {
                    buffer += "&lt;"
                    i += 1
                }
            case "*", "_":
                let n = run(chars, from: i, of: c)
                let before: Character? = i > 0 ? chars[i - 1] : nil
                let after: Character? = i + n < chars.count ? chars[i + n] : nil
                let left = isLeftFlanking(before: before, after: after)
                let right = isLeftFlanking(before: after, after: before)
                let canOpen: Bool, canClose: Bool
                if c == "*" {
                    canOpen = left
                    canClose = right
                } else {
                    // `_` never opens or closes inside a word (snake_case).
                    canOpen = left && (!right || before.map(isPunctuation) == true)
                    canClose = right && (!left || after.map(isPunctuation) == true)
                }
                flush()
                nodes.append(.delimiter(c, count: n, canOpen: canOpen, canClose: canClose))
                i += n
            default:
                buffer += escape(String(c))
                i += 1
            }
        }
        flush()
        return renderEmphasis(nodes)
    }

    /// Matches emphasis delimiters (CommonMark's "process emphasis", without the rule of three)
    /// and joins everything into HTML; unmatched delimiters stay as literal characters.
    static func renderEmphasis(_ input: [InlineNode]) -> String {
        var nodes = input
        var i = 0
        while i < nodes.count {
            guard case .delimiter(let ch, let n, _, let canClose) = nodes[i], canClose, n > 0 else { i += 1; continue }
            // The nearest opener of the same character before it.
            var j = i - 1
            var opener: Int? = nil
            while j >= 0 {
                if case .delimiter(let ch2, let n2, let canOpen2, _) = nodes[j], ch2 == ch, canOpen2, n2 > 0 { opener = j; break }
                j -= 1
            }
            guard let o = opener, case .delimiter(_, let on, let oOpen, let oClose) = nodes[o] else { i += 1; continue }
            let use = n >= 2 && on >= 2 ? 2 : 1
            let tag = use == 2 ? "strong" : "em"
            let inner = join(nodes[(o + 1)..<i])
            nodes[o] = .delimiter(ch, count: on - use, canOpen: oOpen, canClose: oClose)
            nodes[i] = .delimiter(ch, count: n - use, canOpen: false, canClose: canClose)
            nodes.replaceSubrange((o + 1)..<i, with: [.html("<\(tag)>" + inner + "</\(tag)>")])
            i = o + 2   // the closer, which may close again with what it has left
        }
        return join(nodes[...])
    }

    /// Nodes as HTML, delimiters as their characters.
    static func join(_ nodes: ArraySlice<InlineNode>) -> String {
        var out = ""
        for n in nodes {
            switch n {
            case .html(let h): out += h
            case .delimiter(let c, let count, _, _): out += String(repeating: c, count: count)
            }
        }
        return out
    }

    /// Left-flanking after CommonMark: not followed by whitespace, and not followed by
    /// punctuation unless preceded by whitespace or punctuation. (Right-flanking is the mirror:
    /// call with `before` and `after` swapped.)
    static func isLeftFlanking(before: Character?, after: Character?) -> Bool {
        guard let a = after, !a.isWhitespace else { return false }
        if isPunctuation(a) {
            guard let b = before else { return true }
            return b.isWhitespace || isPunctuation(b)
        }
        return true
    }

    /// ASCII punctuation (what a backslash can escape).
    static func isASCIIPunctuation(_ c: Character) -> Bool {
        c.isASCII && (c.isPunctuation || c.isSymbol)
    }

    /// Unicode punctuation or symbol.
    static func isPunctuation(_ c: Character) -> Bool { c.isPunctuation || c.isSymbol }

    /// The length of the run of `c` at `i`.
    static func run(_ chars: [Character], from i: Int, of c: Character) -> Int {
        var n = 0
        while i + n < chars.count && chars[i + n] == c { n += 1 }
        return n
    }

    /// The start of the next run of exactly `count` backticks at or after `from`.
    static func closingBackticks(_ chars: [Character], from: Int, count: Int) -> Int? {
        var i = from
        while i < chars.count {
            if chars[i] == "`" {
                let n = run(chars, from: i, of: "`")
                if n == count { return i }
                i += n
            } else {
                i += 1
            }
        }
        return nil
    }

    /// A parsed `[label](destination "title")`.
    struct Link {
        /// The label's characters.
        var label: Range<Int>
        /// The destination.
        var destination: String
        /// The title, if any.
        var title: String?
        /// The index after the closing `)`.
        var end: Int
    }

    /// Parses an inline link at the `[` at `start`, or nil when it is not one.
    static func parseLink(_ chars: [Character], from start: Int) -> Link? {
        var depth = 0
        var i = start
        var close: Int? = nil
        while i < chars.count {
            let c = chars[i]
            if c == "\\" { i += 2; continue }
            if c == "`" {
                let n = run(chars, from: i, of: "`")
                if let e = closingBackticks(chars, from: i + n, count: n) { i = e + n; continue }
                i += n
                continue
            }
            if c == "[" { depth += 1 }
            if c == "]" {
                depth -= 1
                if depth == 0 { close = i; break }
            }
            i += 1
        }
        guard let close, close + 1 < chars.count, chars[close + 1] == "(" else { return nil }
        i = close + 2
        func skipSpaces() { while i < chars.count && (chars[i] == " " || chars[i] == "\n") { i += 1 } }
        skipSpaces()
        var dest = ""
        if i < chars.count && chars[i] == "<" {
            i += 1
            while i < chars.count && chars[i] != ">" && chars[i] != "\n" { dest.append(chars[i]); i += 1 }
            guard i < chars.count, chars[i] == ">" else { return nil }
            i += 1
        } else {
            var parens = 0
            while i < chars.count {
                let c = chars[i]
                if c == " " || c == "\n" { break }
                if c == "\\", i + 1 < chars.count, isASCIIPunctuation(chars[i + 1]) { dest.append(chars[i + 1]); i += 2; continue }
                if c == "(" { parens += 1 }
                if c == ")" {
                    if parens == 0 { break }
                    parens -= 1
                }
                dest.append(c)
                i += 1
            }
        }
        skipSpaces()
        var title: String? = nil
        if i < chars.count, let q = chars[i] == "\"" ? Character("\"") : chars[i] == "'" ? Character("'") : nil {
            i += 1
            var t = ""
            while i < chars.count && chars[i] != q {
                if chars[i] == "\\", i + 1 < chars.count { t.append(chars[i + 1]); i += 2; continue }
                t.append(chars[i])
                i += 1
            }
            guard i < chars.count else { return nil }
            i += 1
            title = t
            skipSpaces()
        }
        guard i < chars.count, chars[i] == ")" else { return nil }
        return Link(label: (start + 1)..<close, destination: dest, title: title, end: i + 1)
    }

    /// `<scheme:…>` (a URI with no spaces) or `<name@host>`: the address and the index after `>`.
    static func autolink(_ chars: [Character], from start: Int) -> (String, Int)? {
        var i = start + 1
        var s = ""
        while i < chars.count && chars[i] != ">" {
            let c = chars[i]
            if c == " " || c == "<" || c == "\n" { return nil }
            s.append(c)
            i += 1
        }
        guard i < chars.count else { return nil }
        if let colon = s.firstIndex(of: ":") {
            let scheme = s[..<colon]
            guard (2...32).contains(scheme.count), scheme.first?.isLetter == true,
                  scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "." || $0 == "-") }) else { return nil }
            return (s, i + 1)
        }
        if s.contains("@"), !s.hasPrefix("@"), !s.hasSuffix("@") { return ("mailto:" + s, i + 1) }
        return nil
    }

    /// The URL, or nil when its scheme could run code in the page.
    static func safeURL(_ url: String) -> String? {
        let lower = String(url.lowercased().filter { !$0.isWhitespace })
        for bad in ["javascript:", "vbscript:", "data:"] where lower.hasPrefix(bad) { return nil }
        return url
    }

    /// Inline Markdown as plain text: the rendered HTML without tags, entities decoded.
    static func plainText(_ markdown: String) -> String {
        let html = inline(markdown)
        var out = ""
        var inTag = false
        for ch in html {
            if ch == "<" { inTag = true; continue }
            if ch == ">" && inTag { inTag = false; continue }
            if !inTag { out.append(ch) }
        }
        return out.replacingAll("&lt;", with: "<").replacingAll("&gt;", with: ">")
            .replacingAll("&quot;", with: "\"").replacingAll("&amp;", with: "&")
    }
}
