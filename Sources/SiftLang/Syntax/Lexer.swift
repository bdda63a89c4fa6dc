// The lexer: bytes to tokens, with newlines dropped inside brackets and before `|` continuation lines.
import SiftFrame

/// Turns source text into tokens.
///
/// Statement ends: a newline outside brackets becomes a `.newline` token, unless the line
/// ends in `|` or `,` or the next non-blank, non-comment line begins with `|` (a continued
/// pipeline). Inside `()`, `[]` and `{}` newlines are ignored. `#` starts a comment; `#'` at the start of a line is a prose
/// line. Lexical errors become `.invalid` tokens so the parser can report them in place and
/// recover at the next statement.
public struct Lexer {
    private let bytes: [UInt8]
    private let source: Int
    private var pos = 0
    private var depth = 0
    private var tokens: [Token] = []

    /// Tokenizes a whole source.
    public static func tokenize(_ file: SourceFile) -> [Token] {
        var lexer = Lexer(bytes: file.bytes, source: file.id)
        lexer.run()
        return lexer.tokens
    }

    private init(bytes: [UInt8], source: Int) {
        self.bytes = bytes
        self.source = source
    }

    private func peek(_ k: Int = 0) -> UInt8 { pos + k < bytes.count ? bytes[pos + k] : 0 }

    private func range(_ start: Int) -> SourceRange { SourceRange(source: source, start: start, end: pos) }

    private mutating func emit(_ kind: Token.Kind, from start: Int, space: Bool) {
        tokens.append(Token(kind, range(start), spaceBefore: space))
    }

    private mutating func run() {
        var space = true
        var lineStart = true
        while pos < bytes.count {
            let c = peek()
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") {
                pos += 1; space = true; continue
            }
            if c == UInt8(ascii: "#") {
                if lineStart && peek(1) == UInt8(ascii: "'") {
                    let start = pos
                    pos += 2
                    if peek() == UInt8(ascii: " ") { pos += 1 }
                    let textStart = pos
                    while pos < bytes.count && bytes[pos] != UInt8(ascii: "\n") { pos += 1 }
                    var text = String(decoding: bytes[textStart..<pos], as: UTF8.self)
                    if text.hasSuffix("\r") { text.removeLast() }
                    if depth == 0 { emit(.prose(text), from: start, space: true) }
                    continue
                }
                while pos < bytes.count && bytes[pos] != UInt8(ascii: "\n") { pos += 1 }
                continue
            }
            if c == UInt8(ascii: "\n") {
                let start = pos
                pos += 1
                space = true
                lineStart = true
                // A statement keyword cannot appear inside brackets: an unclosed bracket ends here,
                // so the parser reports it and goes on with the next statement.
                if depth > 0 && nextLineStartsStatement() { depth = 0 }
                // A line ending in `|` or `,` goes on (`agg a = …,` then the next aggregate),
                // unless the next line starts a statement, where the dangling comma is reported.
                let afterPipe = tokens.last?.kind == .symbol(.pipe)
                let afterComma = tokens.last?.kind == .symbol(.comma) && !nextLineStartsStatement()
                if depth == 0 && !afterPipe && !afterComma && !continuesWithPipe() && !(tokens.last.map { $0.kind == .newline } ?? true) {
                    emit(.newline, from: start, space: true)
                }
                continue
            }
            lineStart = false
            let start = pos
            if isIdentStart(c) {
                while isIdentPart(peek()) { pos += 1 }
                let word = String(decoding: bytes[start..<pos], as: UTF8.self)
                if let k = Token.Keyword(rawValue: word) { emit(.keyword(k), from: start, space: space) } else { emit(.identifier(word), from: start, space: space) }
            } else if isDigit(c) || (c == UInt8(ascii: ".") && isDigit(peek(1)) && (space || !(tokens.last.map(endsValue) ?? false))) {
                emit(lexNumber(), from: start, space: space)
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                emit(lexString(quote: c), from: start, space: space)
            } else if c == UInt8(ascii: "`") {
                pos += 1
                while pos < bytes.count && bytes[pos] != UInt8(ascii: "`") && bytes[pos] != UInt8(ascii: "\n") { pos += 1 }
                if peek() == UInt8(ascii: "`") {
                    let name = String(decoding: bytes[(start + 1)..<pos], as: UTF8.self)
                    pos += 1
                    emit(name.isEmpty ? .invalid("empty backticked name") : .identifier(name), from: start, space: space)
                } else {
                    emit(.invalid("unterminated backticked name"), from: start, space: space)
                }
            } else if let sym = lexSymbol() {
                switch sym {
                case .lparen, .lbracket, .lbrace: depth += 1
                case .rparen, .rbracket, .rbrace: depth = max(0, depth - 1)
                default: break
                }
                emit(.symbol(sym), from: start, space: space)
            } else {
                // One whole character (not byte) in the message.
                pos += 1
                while pos < bytes.count && bytes[pos] & 0xC0 == 0x80 { pos += 1 }
                let ch = String(decoding: bytes[start..<pos], as: UTF8.self)
                emit(.invalid("unexpected character '\(ch)'"), from: start, space: space)
            }
            space = false
        }
        if let last = tokens.last, last.kind != .newline {
            tokens.append(Token(.newline, SourceRange(source: source, start: pos, end: pos), spaceBefore: true))
        }
        tokens.append(Token(.eof, SourceRange(source: source, start: pos, end: pos), spaceBefore: true))
    }

    /// Whether the next line begins with `let`, `fn`, `use` or `param`.
    private func nextLineStartsStatement() -> Bool {
        var p = pos
        while p < bytes.count && (bytes[p] == UInt8(ascii: " ") || bytes[p] == UInt8(ascii: "\t")) { p += 1 }
        var q = p
        while q < bytes.count && isIdentPart(bytes[q]) { q += 1 }
        let word = String(decoding: bytes[p..<q], as: UTF8.self)
        return ["let", "fn", "use", "param"].contains(word)
    }

    /// Whether the next line that is not blank or a comment begins with `|`.
    private func continuesWithPipe() -> Bool {
        var p = pos
        while p < bytes.count {
            let c = bytes[p]
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") || c == UInt8(ascii: "\n") { p += 1; continue }
            if c == UInt8(ascii: "#") {
                if p + 1 < bytes.count && bytes[p + 1] == UInt8(ascii: "'") { return false }
                while p < bytes.count && bytes[p] != UInt8(ascii: "\n") { p += 1 }
                continue
            }
            return c == UInt8(ascii: "|")
        }
        return false
    }

    private func endsValue(_ t: Token) -> Bool {
        switch t.kind {
        case .identifier, .int, .double, .string, .duration: return true
        case .symbol(let s): return s == .rparen || s == .rbracket || s == .rbrace
        default: return false
        }
    }

    private func isIdentStart(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || c == UInt8(ascii: "_")
    }

    private func isIdentPart(_ c: UInt8) -> Bool { isIdentStart(c) || isDigit(c) }

    private func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    /// number -> digits [ "." digits ] [ ("e"|"E") ["+"|"-"] digits ] [ unit ]   (underscores between digits)
    private mutating func lexNumber() -> Token.Kind {
        let start = pos
        var text = ""
        var isDouble = false
        func digits() {
            while isDigit(peek()) || (peek() == UInt8(ascii: "_") && isDigit(peek(1))) {
                if peek() != UInt8(ascii: "_") { text.append(Character(Unicode.Scalar(peek()))) }
                pos += 1
            }
        }
        digits()
        if peek() == UInt8(ascii: ".") && isDigit(peek(1)) {
            isDouble = true
            text.append("."); pos += 1
            digits()
        }
        if (peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E"))
            && (isDigit(peek(1)) || ((peek(1) == UInt8(ascii: "+") || peek(1) == UInt8(ascii: "-")) && isDigit(peek(2)))) {
            isDouble = true
            text.append("e"); pos += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { text.append(Character(Unicode.Scalar(peek()))); pos += 1 }
            digits()
        }
        if isIdentStart(peek()) {
            let unitStart = pos
            while isIdentPart(peek()) { pos += 1 }
            let unit = String(decoding: bytes[unitStart..<pos], as: UTF8.self)
            guard let micros = NumberParser.unitMicros[unit] else {
                return .invalid("invalid number '\(String(decoding: bytes[start..<pos], as: UTF8.self))'")
            }
            guard let amount = Double(text), (amount * Double(micros)).magnitude < 9.2e18 else {
                return .invalid("duration '\(String(decoding: bytes[start..<pos], as: UTF8.self))' is too large")
            }
            return .duration(Duration(micros: Int64((amount * Double(micros)).rounded())))
        }
        if !isDouble, let v = Int64(text) { return .int(v) }
        guard let d = Double(text), d.isFinite else { return .invalid("number '\(text)' is too large") }
        return .double(d)
    }

    /// string -> '"' chars '"' | "'" chars "'"   with \n \t \\ \" \' escapes
    private mutating func lexString(quote: UInt8) -> Token.Kind {
        pos += 1
        var out: [UInt8] = []
        while pos < bytes.count {
            let c = bytes[pos]
            if c == quote { pos += 1; return .string(String(decoding: out, as: UTF8.self)) }
            if c == UInt8(ascii: "\n") { break }
            if c == UInt8(ascii: "\\") {
                let e = peek(1)
                switch e {
                case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "r"): out.append(UInt8(ascii: "\r"))
                case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): out.append(e)
                default:
                    pos += 2
                    return .invalid("unknown escape '\\\(String(decoding: [e], as: UTF8.self))' in string")
                }
                pos += 2
                continue
            }
            out.append(c)
            pos += 1
        }
        return .invalid("unterminated string")
    }

    private mutating func lexSymbol() -> Token.Symbol? {
        let two = pos + 1 < bytes.count ? String(decoding: bytes[pos...(pos + 1)], as: UTF8.self) : ""
        if let s = Token.Symbol(rawValue: two), two.count == 2 { pos += 2; return s }
        let one = String(decoding: [bytes[pos]], as: UTF8.self)
        if let s = Token.Symbol(rawValue: one) { pos += 1; return s }
        return nil
    }
}
