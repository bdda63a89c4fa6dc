// The parser: a Pratt parser for expressions inside a recursive-descent parser for statements and pipelines.
import SiftFrame

/// Parses tokens into a ``Program``.
///
/// Each statement that fails to parse gives one diagnostic, after which the parser skips to
/// the next statement boundary (clox's panic mode, jlox's `synchronize()`), so one bad line
/// never hides the lines after it. Running out of input is its own diagnostic id,
/// `parse.unexpectedEndOfInput`, which the REPL answers with a continuation prompt.
///
/// The grammar (also in README.md) is written above each parse function.
public struct Parser {
    private var tokens: [Token]
    private var pos = 0
    /// Depth of stage-argument parsing, where `a -b` splits into two arguments.
    private var argumentContext = false

    /// Parses a source file.
    public static func parse(_ file: SourceFile) -> Program {
        var p = Parser(tokens: Lexer.tokenize(file))
        return p.program()
    }

    private init(tokens: [Token]) { self.tokens = tokens }

    // MARK: - Token access

    private var current: Token { tokens[min(pos, tokens.count - 1)] }
    private func peek(_ k: Int = 1) -> Token { tokens[min(pos + k, tokens.count - 1)] }
    private var previousRange: SourceRange { tokens[max(0, min(pos - 1, tokens.count - 1))].range }

    @discardableResult
    private mutating func advance() -> Token {
        let t = current
        if pos < tokens.count - 1 { pos += 1 }
        return t
    }

    private mutating func match(_ s: Token.Symbol) -> Bool {
        if current.isSymbol(s) { advance(); return true }
        return false
    }

    private func error(_ message: String, at token: Token? = nil) -> Diagnostic {
        let t = token ?? current
        let atLastNewline = t.kind == .newline && tokens.last?.kind == .eof && t.range.start >= tokens[tokens.count - 2].range.start
        if t.kind == .eof || atLastNewline {
            return .error("parse.unexpectedEndOfInput", "unexpected end of input: \(message)", at: t.range)
        }
        if case .invalid(let why) = t.kind { return .error("lex.invalidToken", why, at: t.range) }
        return .error("parse.unexpectedToken", "\(message), found \(t.quoted)", at: t.range)
    }

    private mutating func expect(_ s: Token.Symbol, _ what: String) throws -> Token {
        guard current.isSymbol(s) else { throw error("expected '\(s.rawValue)' \(what)") }
        return advance()
    }

    private mutating func expectIdentifier(_ what: String) throws -> Token {
        guard current.identifier != nil else { throw error("expected \(what)") }
        return advance()
    }

    private var atStatementEnd: Bool {
        switch current.kind {
        case .newline, .eof: return true
        case .symbol(let s): return s == .semicolon
        default: return false
        }
    }

    // MARK: - Statements

    /// program -> { statement ( NEWLINE | ";" ) } EOF
    private mutating func program() -> Program {
        var statements: [Statement] = []
        var diagnostics: [Diagnostic] = []
        while current.kind != .eof {
            if current.kind == .newline || current.isSymbol(.semicolon) { advance(); continue }
            do {
                var st = try statement()
                if current.isSymbol(.semicolon) {
                    st.display = false
                    advance()
                } else if current.kind == .newline {
                    advance()
                } else if current.kind != .eof {
                    throw error("expected end of statement")
                }
                statements.append(st)
            } catch let d as Diagnostic {
                diagnostics.append(d)
                synchronize()
            } catch {
                diagnostics.append(.error("parse.internal", "\(error)", at: current.range))
                synchronize()
            }
        }
        return Program(statements: statements, diagnostics: diagnostics)
    }

    /// Skips to just past the next statement boundary.
    private mutating func synchronize() {
        argumentContext = false
        while current.kind != .eof {
            let t = advance()
            if t.kind == .newline || t.isSymbol(.semicolon) { return }
        }
    }

    /// statement -> "let" IDENT { "," IDENT } "=" pipeline
    ///            | "fn" IDENT "(" [ IDENT { "," IDENT } ] ")" "=" pipeline
    ///            | "use" ( STRING | IDENT )
    ///            | "param" IDENT "=" pipeline
    ///            | PROSE
    ///            | pipeline
    private mutating func statement() throws -> Statement {
        let start = current.range
        switch current.kind {
        case .prose(let text):
            advance()
            return Statement(kind: .prose(text), range: start, display: false)
        case .keyword(.let):
            advance()
            var names: [String] = [], ranges: [SourceRange] = []
            repeat {
                let t = try expectIdentifier("a name after 'let'")
                names.append(t.identifier!)
                ranges.append(t.range)
            } while match(.comma)
            _ = try expect(.assign, "after the name in 'let'")
            let value = try pipeline()
            return Statement(kind: .letBinding(names, ranges, value), range: start.union(value.range), display: true)
        case .keyword(.fn):
            advance()
            let name = try expectIdentifier("a function name after 'fn'")
            _ = try expect(.lparen, "after the function name")
            var params: [String] = []
            if !current.isSymbol(.rparen) {
                repeat { params.append(try expectIdentifier("a parameter name").identifier!) } while match(.comma)
            }
            _ = try expect(.rparen, "after the parameters")
            _ = try expect(.assign, "before the function body")
            let body = try pipeline()
            return Statement(kind: .function(name.identifier!, params, body), range: start.union(body.range), display: true)
        case .keyword(.use):
            advance()
            let t = advance()
            switch t.kind {
            case .string(let s), .identifier(let s):
                return Statement(kind: .use(s), range: start.union(t.range), display: true)
            default:
                throw error("expected a library name or path after 'use'", at: t)
            }
        case .keyword(.param):
            advance()
            let name = try expectIdentifier("a parameter name after 'param'")
            _ = try expect(.assign, "after the parameter name")
            let value = try pipeline()
            return Statement(kind: .param(name.identifier!, value), range: start.union(value.range), display: true)
        default:
            let e = try pipeline()
            return Statement(kind: .expression(e), range: e.range, display: true)
        }
    }

    // MARK: - Pipelines

    /// pipeline -> ( stage | expr ) { "|" stage }
    ///
    /// The first element is a stage when it is a name followed by an argument (`load "x.csv"`,
    /// `generate clickstream rows:100`); otherwise an expression.
    private mutating func pipeline() throws -> ExprNode {
        let saved = argumentContext
        argumentContext = false
        defer { argumentContext = saved }
        var source: ExprNode? = nil
        var stages: [Stage] = []
        if startsSourceStage() {
            stages.append(try stage())
        } else {
            source = try expression()
        }
        while current.isSymbol(.pipe) {
            advance()
            if current.kind == .newline || current.kind == .eof {
                throw error("expected a verb after '|'")
            }
            stages.append(try stage())
        }
        guard !stages.isEmpty else { return source! }
        let start = source?.range ?? stages[0].range
        return ExprNode(.pipeline(source, stages), start.union(stages.last!.range))
    }

    /// Whether the current name begins a stage rather than an expression.
    private func startsSourceStage() -> Bool {
        guard current.identifier != nil else { return false }
        let next = peek()
        guard next.spaceBefore else { return false }
        switch next.kind {
        case .identifier, .int, .double, .string, .duration: return true
        case .keyword(let k): return k == .true || k == .false || k == .null
        case .symbol(let s): return s == .lbracket || s == .lbrace || s == .lparen
        default: return false
        }
    }

    /// stage -> IDENT "(" [ argument { "," argument } ] ")"     (no space before "(")
    ///        | IDENT { [ "," ] argument }
    private mutating func stage() throws -> Stage {
        let name = try expectIdentifier("a verb name")
        var args: [Argument] = []
        if current.isSymbol(.lparen) && !current.spaceBefore {
            advance()
            if !current.isSymbol(.rparen) {
                repeat { args.append(try argument()) } while match(.comma)
            }
            let close = try expect(.rparen, "to close the arguments of '\(name.identifier!)'")
            return Stage(verb: name.identifier!, verbRange: name.range, arguments: args, isCall: true, range: name.range.union(close.range))
        }
        let saved = argumentContext
        argumentContext = true
        defer { argumentContext = saved }
        while !atStatementEnd && !current.isSymbol(.pipe) && !current.isSymbol(.rparen)
                && !current.isSymbol(.rbracket) && !current.isSymbol(.rbrace) {
            if current.isSymbol(.comma) {
                advance()
                if atStatementEnd { throw error("expected an argument after ','") }
                continue
            }
            args.append(try argument())
        }
        let end = args.last?.range ?? name.range
        return Stage(verb: name.identifier!, verbRange: name.range, arguments: args, isCall: false, range: name.range.union(end))
    }

    /// argument -> IDENT ":" expr | IDENT "=" expr | expr
    private mutating func argument() throws -> Argument {
        if let n = current.identifier {
            if peek().isSymbol(.colon) {
                let r = advance().range
                advance()
                return .option(n, r, try expression())
            }
            if peek().isSymbol(.assign) {
                let r = advance().range
                advance()
                return .assignment(n, r, try expression())
            }
        }
        return .positional(try expression())
    }

    // MARK: - Expressions (Pratt)

    /// expr -> [ disjunction ] "~" disjunction | disjunction
    private mutating func expression() throws -> ExprNode {
        if current.isSymbol(.tilde) {
            let t = advance()
            let rhs = try binary(minPrecedence: 2)
            return ExprNode(.unary(.formula, rhs), t.range.union(rhs.range))
        }
        return try binary(minPrecedence: 1)
    }

    /// The infix operator at the current token, if any.
    private func infixOperator() -> BinaryOp? {
        switch current.kind {
        case .keyword(.or): return .or
        case .keyword(.and): return .and
        case .keyword(.in): return .in
        case .symbol(let s):
            switch s {
            case .eq: return .eq
            case .ne: return .ne
            case .lt: return .lt
            case .le: return .le
            case .gt: return .gt
            case .ge: return .ge
            case .plus: return .add
            case .minus:
                // In stage arguments, `a -b` is two arguments (space before '-', none after).
                if argumentContext && current.spaceBefore && !peek().spaceBefore { return nil }
                return .sub
            case .star: return .mul
            case .slash: return .div
            case .percent: return .mod
            case .tilde: return .formula
            default: return nil
            }
        default: return nil
        }
    }

    /// disjunction -> conjunction { "or" conjunction }; conjunction -> negation { "and" negation };
    /// comparison -> additive [ cmp additive ]; additive -> term { ("+"|"-") term };
    /// term -> unary { ("*"|"/"|"%") unary }      (one loop, driven by BinaryOp.precedence)
    private mutating func binary(minPrecedence: Int) throws -> ExprNode {
        var left = try prefix(minPrecedence: minPrecedence)
        while let op = infixOperator(), op.precedence >= minPrecedence {
            advance()
            let right: ExprNode
            let isComparison = op.precedence == 5
            if op == .formula {
                right = try binary(minPrecedence: 2)
            } else {
                right = try binary(minPrecedence: op.precedence + 1)
            }
            left = ExprNode(.binary(op, left, right), left.range.union(right.range))
            if isComparison, let next = infixOperator(), next.precedence == 5 {
                throw error("comparisons cannot be chained; combine them with 'and'", at: current)
            }
        }
        return left
    }

    /// negation -> "not" negation | comparison      (below comparison, above and)
    /// unary -> "-" unary | postfix
    private mutating func prefix(minPrecedence: Int) throws -> ExprNode {
        if current.isKeyword(.not) && minPrecedence <= 4 {
            let t = advance()
            let operand = try binary(minPrecedence: 4)
            return ExprNode(.unary(.not, operand), t.range.union(operand.range))
        }
        if current.isSymbol(.minus) {
            let t = advance()
            let operand = try prefix(minPrecedence: 8)
            // Fold negative literals so `-3.5` is one constant.
            switch operand.kind {
            case .literal(.int(let v)) where v != Int64.min: return ExprNode(.literal(.int(-v)), t.range.union(operand.range))
            case .literal(.double(let v)): return ExprNode(.literal(.double(-v)), t.range.union(operand.range))
            case .literal(.duration(let d)): return ExprNode(.literal(.duration(Duration(micros: -d.micros))), t.range.union(operand.range))
            default: return ExprNode(.unary(.negate, operand), t.range.union(operand.range))
            }
        }
        if current.isKeyword(.not) {
            throw error("'not' must start a condition; put the comparison in parentheses")
        }
        return try postfix()
    }

    /// postfix -> primary { "." IDENT | "[" expr "]" }
    private mutating func postfix() throws -> ExprNode {
        var e = try primary()
        while true {
            if current.isSymbol(.dot) && !current.spaceBefore {
                advance()
                let n = try expectIdentifier("a column name after '.'")
                e = ExprNode(.member(e, n.identifier!, n.range), e.range.union(n.range))
            } else if current.isSymbol(.lbracket) && !current.spaceBefore {
                advance()
                let i = try pipelineInBrackets()
                let close = try expect(.rbracket, "to close the index")
                e = ExprNode(.index(e, i), e.range.union(close.range))
            } else {
                return e
            }
        }
    }

    /// An expression inside brackets, where pipelines are allowed again.
    private mutating func pipelineInBrackets() throws -> ExprNode {
        let saved = argumentContext
        argumentContext = false
        defer { argumentContext = saved }
        return try pipeline()
    }

    /// primary -> NUMBER | DURATION | STRING | "true" | "false" | "null" | "."
    ///          | IDENT [ "(" [ pipeline { "," pipeline } ] ")" ]
    ///          | "[" [ pipeline { "," pipeline } ] "]" | "{" [ field { "," field } ] "}"
    ///          | "(" pipeline ")"
    /// field -> ( IDENT | STRING ) ":" pipeline
    private mutating func primary() throws -> ExprNode {
        let t = current
        switch t.kind {
        case .int(let v): advance(); return ExprNode(.literal(.int(v)), t.range)
        case .double(let v): advance(); return ExprNode(.literal(.double(v)), t.range)
        case .duration(let d): advance(); return ExprNode(.literal(.duration(d)), t.range)
        case .string(let s): advance(); return ExprNode(.literal(.string(s)), t.range)
        case .keyword(.true): advance(); return ExprNode(.literal(.bool(true)), t.range)
        case .keyword(.false): advance(); return ExprNode(.literal(.bool(false)), t.range)
        case .keyword(.null): advance(); return ExprNode(.literal(.null), t.range)
        case .symbol(.dot): advance(); return ExprNode(.allColumns, t.range)
        case .identifier(let name):
            advance()
            if current.isSymbol(.lparen) && !current.spaceBefore {
                advance()
                var args: [ExprNode] = []
                if !current.isSymbol(.rparen) {
                    repeat { args.append(try pipelineInBrackets()) } while match(.comma)
                }
                let close = try expect(.rparen, "to close the call of '\(name)'")
                return ExprNode(.call(name, t.range, args), t.range.union(close.range))
            }
            return ExprNode(.name(name), t.range)
        case .symbol(.lbracket):
            advance()
            var items: [ExprNode] = []
            if !current.isSymbol(.rbracket) {
                repeat {
                    if current.isSymbol(.rbracket) { break }   // trailing comma
                    items.append(try pipelineInBrackets())
                } while match(.comma)
            }
            let close = try expect(.rbracket, "to close the list")
            return ExprNode(.list(items), t.range.union(close.range))
        case .symbol(.lbrace):
            advance()
            var fields: [RecordField] = []
            if !current.isSymbol(.rbrace) {
                repeat {
                    if current.isSymbol(.rbrace) { break }
                    let key = advance()
                    let name: String
                    switch key.kind {
                    case .identifier(let n), .string(let n): name = n
                    default: throw error("expected a field name in the record", at: key)
                    }
                    _ = try expect(.colon, "after the field name '\(name)'")
                    if fields.contains(where: { $0.name == name }) {
                        throw Diagnostic.error("parse.duplicateField", "duplicate field '\(name)' in record", at: key.range)
                    }
                    fields.append(RecordField(name: name, value: try pipelineInBrackets()))
                } while match(.comma)
            }
            let close = try expect(.rbrace, "to close the record")
            return ExprNode(.record(fields), t.range.union(close.range))
        case .symbol(.lparen):
            advance()
            let inner = try pipelineInBrackets()
            let close = try expect(.rparen, "to close the parenthesis")
            return ExprNode(inner.kind, t.range.union(close.range))
        default:
            throw error("expected an expression")
        }
    }
}
