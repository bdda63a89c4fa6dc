// Tests for the lexer: literals, durations, names, continuation lines, prose, and lexical errors.
import XCTest
import SiftFrame
@testable import SiftLang

final class LexerTests: XCTestCase {
    func kinds(_ text: String) -> [Token.Kind] {
        Lexer.tokenize(SourceFile(id: 0, name: "t", text: text)).map(\.kind)
    }

    func testNumbersDurationsAndUnderscores() {
        XCTAssertEqual(kinds("42 -3.5 1e6 1_000_000 .5"), [
            .int(42), .symbol(.minus), .double(3.5), .double(1e6), .int(1_000_000), .double(0.5), .newline, .eof,
        ])
        XCTAssertEqual(kinds("45s 30m 2h 7d 1w 1.5h 250ms"), [
            .duration(Duration(micros: 45_000_000)), .duration(Duration(micros: 1_800_000_000)),
            .duration(Duration(micros: 7_200_000_000)), .duration(Duration(micros: 604_800_000_000)),
            .duration(Duration(micros: 604_800_000_000)), .duration(Duration(micros: 5_400_000_000)),
            .duration(Duration(micros: 250_000)), .newline, .eof,
        ])
    }

    func testStringsWithEscapesInBothQuotes() {
        XCTAssertEqual(kinds(#""a\"b\n" 'it\'s\t\\'"#), [.string("a\"b\n"), .string("it's\t\\"), .newline, .eof])
    }

    func testBacktickedNamesAndKeywords() {
        XCTAssertEqual(kinds("`page 1 (main category)` let x in"), [
            .identifier("page 1 (main category)"), .keyword(.let), .identifier("x"), .keyword(.in), .newline, .eof,
        ])
    }

    func testNewlinesInsideBracketsAndBeforePipeAreNotStatementEnds() {
        XCTAssertEqual(kinds("f(1,\n2)\nx\n  # note\n  | head 3\ny"), [
            .identifier("f"), .symbol(.lparen), .int(1), .symbol(.comma), .int(2), .symbol(.rparen), .newline,
            .identifier("x"), .symbol(.pipe), .identifier("head"), .int(3), .newline, .identifier("y"), .newline, .eof,
        ])
        XCTAssertEqual(kinds("x |\nhead 2"), [.identifier("x"), .symbol(.pipe), .identifier("head"), .int(2), .newline, .eof])
    }

    func testATrailingCommaContinuesUnlessAStatementFollows() {
        XCTAssertEqual(kinds("a,\n  b"), [.identifier("a"), .symbol(.comma), .identifier("b"), .newline, .eof])
        XCTAssertEqual(kinds("a,\nlet b = 1"), [
            .identifier("a"), .symbol(.comma), .newline, .keyword(.let), .identifier("b"), .symbol(.assign), .int(1), .newline, .eof,
        ])
    }

    func testProseLinesOnlyAtLineStart() {
        XCTAssertEqual(kinds("#' # Title\nx # not prose #' here"), [.prose("# Title"), .newline, .identifier("x"), .newline, .eof])
    }

    func testLexicalErrorsBecomeInvalidTokens() {
        XCTAssertEqual(kinds("\"open")[0], .invalid("unterminated string"))
        XCTAssertEqual(kinds("5x")[0], .invalid("invalid number '5x'"))
        XCTAssertEqual(kinds("a @ b")[1], .invalid("unexpected character '@'"))
        XCTAssertEqual(kinds("\"\\q\"")[0], .invalid("unknown escape '\\q' in string"))
    }

    func testSpaceBeforeIsRecorded() {
        let t = Lexer.tokenize(SourceFile(id: 0, name: "t", text: "a -b"))
        XCTAssertTrue(t[1].spaceBefore)
        XCTAssertFalse(t[2].spaceBefore)
    }
}
