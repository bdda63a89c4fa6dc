// Tests for the parser: precedence, pipelines, stage arguments, statements, and error recovery with positions.
import XCTest
import SiftFrame
@testable import SiftLang

final class ParserTests: XCTestCase {
    func parse(_ text: String) -> Program { Parser.parse(SourceFile(id: 0, name: "t.sift", text: text)) }

    /// A compact rendering of an expression for structural assertions.
    func shape(_ e: ExprNode) -> String {
        switch e.kind {
        case .literal(let s): return NumberFormat.literal(s)
        case .name(let n): return n
        case .list(let items): return "[" + items.map(shape).joined(separator: ",") + "]"
        case .record(let f): return "{" + f.map { "\($0.name):\(shape($0.value))" }.joined(separator: ",") + "}"
        case .unary(let op, let x): return "(\(op.rawValue) \(shape(x)))"
        case .binary(let op, let l, let r): return "(\(shape(l)) \(op.rawValue) \(shape(r)))"
        case .member(let b, let n, _): return "\(shape(b)).\(n)"
        case .index(let b, let i): return "\(shape(b))[\(shape(i))]"
        case .call(let n, _, let args): return "\(n)(" + args.map(shape).joined(separator: ",") + ")"
        case .allColumns: return "."
        case .pipeline(let src, let stages):
            return (src.map(shape) ?? "") + stages.map { st in
                " | " + st.verb + (st.isCall ? "()" : "") + st.arguments.map { a -> String in
                    switch a {
                    case .positional(let e): return " " + shape(e)
                    case .option(let n, _, let e): return " \(n):" + shape(e)
                    case .assignment(let n, _, let e): return " \(n)=" + shape(e)
                    }
                }.joined()
            }.joined()
        }
    }

    func expr(_ text: String) -> String {
        let p = parse(text)
        XCTAssertEqual(p.diagnostics, [], "parse errors in \(text)")
        guard case .expression(let e)? = p.statements.first?.kind else { return "<no expression>" }
        return shape(e)
    }

    func testPrecedenceFollowsTheLanguageTable() {
        XCTAssertEqual(expr("a or b and not c == d + e * -f"), "(a or (b and (not (c == (d + (e * (- f)))))))")
        XCTAssertEqual(expr("a - b - c"), "((a - b) - c)")
        XCTAssertEqual(expr("x in [1, 2] and y"), "((x in [1,2]) and y)")
        XCTAssertEqual(expr("-3.5 * 2"), "(-3.5 * 2)")
        XCTAssertEqual(expr("clicks.price[0] + f(x, y)"), "(clicks.price[0] + f(x,y))")
    }

    func testPipelinesStagesAndArguments() {
        XCTAssertEqual(expr("clicks | where price > 50 | count"), "clicks | where (price > 50) | count")
        XCTAssertEqual(expr("df | sort a, -b"), "df | sort a (- b)")
        XCTAssertEqual(expr("df | sort a -b"), "df | sort a (- b)")
        XCTAssertEqual(expr("df | derive d = a - b"), "df | derive d=(a - b)")
        XCTAssertEqual(expr("df | split 0.8 seed:7"), "df | split 0.8 seed:7")
        XCTAssertEqual(expr("df | plot hist price bins:20"), "df | plot hist price bins:20")
        XCTAssertEqual(expr("df | bounce()"), "df | bounce()")
        XCTAssertEqual(expr("load \"x.csv\" clean:true | head 3"), " | load \"x.csv\" clean:true | head 3")
    }

    func testFormulas() {
        XCTAssertEqual(expr("df | train logistic y ~ a + b split:0.8"), "df | train logistic (y ~ (a + b)) split:0.8")
        // `kmeans ~ a + b` reads as a formula with target 'kmeans'; the train verb takes it apart.
        XCTAssertEqual(expr("df | train kmeans ~ a + b k:3"), "df | train (kmeans ~ (a + b)) k:3")
        XCTAssertEqual(expr("df | train kmeans (~ a + b) k:3"), "df | train kmeans (~ (a + b)) k:3")
        XCTAssertEqual(expr("df | train tree y ~ . - id"), "df | train tree (y ~ (. - id))")
    }

    func testStatementsAndDisplayFlag() {
        let p = parse("let a = 1; a + 1\nlet train, test = df | split 0.8\nfn f(x, y) = x + y\nuse \"rfm\"\nparam n = 60\n#' prose")
        XCTAssertEqual(p.diagnostics, [])
        XCTAssertEqual(p.statements.count, 7)
        XCTAssertFalse(p.statements[0].display)
        XCTAssertTrue(p.statements[1].display)
        guard case .letBinding(let names, _, _) = p.statements[2].kind else { return XCTFail("not a let") }
        XCTAssertEqual(names, ["train", "test"])
        guard case .function(let n, let params, _) = p.statements[3].kind else { return XCTFail("not a fn") }
        XCTAssertEqual(n, "f"); XCTAssertEqual(params, ["x", "y"])
        XCTAssertEqual(p.statements[4].kind, .use("rfm"))
        guard case .param("n", _) = p.statements[5].kind else { return XCTFail("not a param") }
        XCTAssertEqual(p.statements[6].kind, .prose("prose"))
    }

    func testFnBodyContinuesOnPipeLines() {
        let p = parse("fn bounce(df) = df\n  | where clicks == 1\n  | count\nx")
        XCTAssertEqual(p.diagnostics, [])
        XCTAssertEqual(p.statements.count, 2)
    }

    func testRecoveryReportsOneErrorPerBadStatementWithPosition() {
        let text = "let a = (1 +\nlet b = 2\nc = 3\nd + * 4\ne"
        let p = parse(text)
        let file = SourceFile(id: 0, name: "t.sift", text: text)
        let lines = p.diagnostics.map { file.location(of: $0.range!.start).line }
        // The unclosed '(' ends at the next 'let'; lines 3 and 4 are bad; 'let b' and 'e' parse.
        XCTAssertEqual(lines, [1, 3, 4])
        XCTAssertEqual(p.diagnostics.map(\.message), [
            "expected an expression, found end of line",
            "expected end of statement, found '='",
            "expected an expression, found '*'",
        ])
        XCTAssertEqual(p.statements.count, 2)
    }

    func testUnexpectedEndIsItsOwnCase() {
        XCTAssertEqual(parse("f(1, 2").diagnostics.first?.id, "parse.unexpectedEndOfInput")
        XCTAssertEqual(parse("clicks |").diagnostics.first?.id, "parse.unexpectedEndOfInput")
        XCTAssertEqual(parse("[1, 2").diagnostics.first?.id, "parse.unexpectedEndOfInput")
        XCTAssertEqual(parse("1 +").diagnostics.first?.id, "parse.unexpectedEndOfInput")
    }

    func testChainedComparisonsAreRejected() {
        XCTAssertEqual(parse("1 < x < 3").diagnostics.first?.message, "comparisons cannot be chained; combine them with 'and', found '<'")
    }
}
