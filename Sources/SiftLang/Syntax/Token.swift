// Tokens of the Sift language, each with its source range and whether whitespace came before it.
import SiftFrame

/// A lexical token.
public struct Token: Sendable, Equatable {
    /// What the token is.
    public enum Kind: Sendable, Equatable {
        /// A name; backticked names arrive without their backticks.
        case identifier(String)
        /// An integer literal (`42`, `1_000_000`).
        case int(Int64)
        /// A double literal (`3.5`, `1e6`).
        case double(Double)
        /// A duration literal (`45s`, `30m`, `2h`, `7d`, `1w`).
        case duration(Duration)
        /// A string literal with escapes resolved.
        case string(String)
        /// A reserved word.
        case keyword(Keyword)
        /// Punctuation or an operator.
        case symbol(Symbol)
        /// The end of a statement (a newline outside brackets).
        case newline
        /// A notebook prose line (`#' text`), with the text after `#'`.
        case prose(String)
        /// A character sequence the lexer could not read, with the reason.
        case invalid(String)
        /// The end of the input.
        case eof
    }

    /// Reserved words.
    public enum Keyword: String, Sendable, CaseIterable {
        case `let`, fn, use, param, `true`, `false`, null, and, or, not, `in`
    }

    /// Operators and punctuation.
    public enum Symbol: String, Sendable, CaseIterable {
        case lparen = "(", rparen = ")", lbracket = "[", rbracket = "]", lbrace = "{", rbrace = "}"
        case comma = ",", semicolon = ";", colon = ":", dot = ".", pipe = "|", tilde = "~"
        case assign = "=", eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
        case plus = "+", minus = "-", star = "*", slash = "/", percent = "%"
    }

    /// The token's kind.
    public var kind: Kind
    /// Where it is.
    public var range: SourceRange
    /// Whether whitespace (or a line break) came right before it: `sort a -b` reads `-b` as a new
    /// argument because of this.
    public var spaceBefore: Bool

    /// Creates a token.
    public init(_ kind: Kind, _ range: SourceRange, spaceBefore: Bool) {
        self.kind = kind
        self.range = range
        self.spaceBefore = spaceBefore
    }

    /// Whether the token is the given symbol.
    public func isSymbol(_ s: Symbol) -> Bool { kind == .symbol(s) }

    /// Whether the token is the given keyword.
    public func isKeyword(_ k: Keyword) -> Bool { kind == .keyword(k) }

    /// The identifier's name, if it is one.
    public var identifier: String? { if case .identifier(let n) = kind { return n } else { return nil } }

    /// How the token reads in a message: `'where'`, `'|'`, `end of input`, `newline`.
    public var quoted: String {
        switch kind {
        case .identifier(let n): return "'\(n)'"
        case .int(let v): return "'\(v)'"
        case .double(let v): return "'\(v)'"
        case .duration(let d): return "'\(d)'"
        case .string(let s): return "'\"\(s)\"'"
        case .keyword(let k): return "'\(k.rawValue)'"
        case .symbol(let s): return "'\(s.rawValue)'"
        case .newline: return "end of line"
        case .prose: return "prose line"
        case .invalid(let m): return m
        case .eof: return "end of input"
        }
    }
}
