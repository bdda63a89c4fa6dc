// Marks up Sift source for a report: comments, strings, numbers, keywords, verbs and option names in HTML spans.
import SiftLang

/// Sift source as escaped HTML with `<span class="…">` around the parts a reader scans for.
///
/// It is a display aid, not a parser: one left-to-right pass that knows comments (`#` to the end
/// of the line), strings (`"…"`, `'…'` with backslash escapes), numbers (with `_`, a fraction,
/// an exponent or a duration unit), backtick names, the keywords, the verb after each `|` (and
/// at the start of a pipeline or of a binding's value) and option names (`name:`). Everything else is escaped text, so
/// the output shows exactly the source.
enum CodeHighlighter {
    /// The classes used: `c` comment, `s` string, `n` number, `k` keyword, `v` verb, `o` option.
    ///
    /// - Parameters:
    ///   - source: the code.
    ///   - verbs: the verb names; a word in verb position is marked only when it is one.
    static func html(_ source: String, verbs: Set<String>) -> String {
        let chars = Array(source)
        var out = ""
        var i = 0
        var expectVerb = true   // at the start of a line, after `|`, or after the `=` of a binding
        var bindingHead = false // between `let`/`param`/`fn` and its `=`
        func span(_ cls: String, _ text: String) { out += "<span class=\"\(cls)\">" + Markdown.escape(text) + "</span>" }
        while i < chars.count {
            let c = chars[i]
            if c == "#" {
                var j = i
                while j < chars.count && chars[j] != "\n" { j += 1 }
                span("c", String(chars[i..<j]))
                i = j
                continue
            }
            if c == "\"" || c == "'" {
                var j = i + 1
                while j < chars.count && chars[j] != c && chars[j] != "\n" { j += chars[j] == "\\" ? 2 : 1 }
                j = min(j + 1, chars.count)
                span("s", String(chars[i..<j]))
                i = j
                expectVerb = false
                continue
            }
            if c == "`" {
                var j = i + 1
                while j < chars.count && chars[j] != "`" && chars[j] != "\n" { j += 1 }
                j = min(j + 1, chars.count)
                out += Markdown.escape(String(chars[i..<j]))
                i = j
                expectVerb = false
                continue
            }
            if c.isASCII && c.isNumber {
                var j = i
                while j < chars.count && (chars[j].isASCII && (chars[j].isNumber || chars[j].isLetter) || chars[j] == "_" || chars[j] == ".") {
                    // An exponent sign belongs to the number.
                    if (chars[j] == "e" || chars[j] == "E") && j + 1 < chars.count && (chars[j + 1] == "-" || chars[j + 1] == "+") { j += 1 }
                    j += 1
                }
                span("n", String(chars[i..<j]))
                i = j
                expectVerb = false
                continue
            }
            if c.isLetter || c == "_" {
                var j = i
                while j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "_") { j += 1 }
                let word = String(chars[i..<j])
                let previous = i > 0 ? chars[i - 1] : " "
                if previous == "." {
                    out += Markdown.escape(word)
                } else if Token.Keyword(rawValue: word) != nil {
                    span("k", word)
                    if word == "let" || word == "param" || word == "fn" || word == "use" { expectVerb = false; bindingHead = word != "use" }
                } else if j < chars.count && chars[j] == ":" && !(j + 1 < chars.count && chars[j + 1] == ":") {
                    span("o", word)
                } else if expectVerb && verbs.contains(word) {
                    span("v", word)
                } else {
                    out += Markdown.escape(word)
                }
                if Token.Keyword(rawValue: word) == nil { expectVerb = false }
                i = j
                continue
            }
            if c == "|" { expectVerb = true }
            else if c == "=" && bindingHead { expectVerb = true; bindingHead = false }
            else if c == "\n" { expectVerb = true; bindingHead = false }
            else if c != " " && c != "\t" { expectVerb = false }
            out += Markdown.escape(String(c))
            i += 1
        }
        return out
    }
}
