// Tests for diagnostics rendering: location, source line and caret under the offending token.
import XCTest
@testable import SiftLang

final class DiagnosticTests: XCTestCase {
    func testRenderShowsLocationLineAndCaret() {
        let sources = SourceManager()
        let f = sources.add(name: "notebook.sift", text: "let a = 1\nclicks | where prce > 50\n")
        let start = 10 + "clicks | where ".utf8.count
        let d = Diagnostic.error("bind.unknownColumn", "unknown column 'prce' (did you mean 'price'?)",
                                 at: SourceRange(source: f.id, start: start, end: start + 4), notes: ["available columns: price, page"])
        XCTAssertEqual(DiagnosticRenderer(sources: sources).render(d), """
        notebook.sift:2:16: error: unknown column 'prce' (did you mean 'price'?)
        clicks | where prce > 50
                       ^^^^
        note: available columns: price, page

        """)
    }

    func testColumnsCountCharactersNotBytes() {
        let f = SourceFile(id: 0, name: "x", text: "\"é\" + y")
        XCTAssertEqual(f.location(of: "\"é\" + ".utf8.count).column, 7)
    }

    func testDiagnosticWithoutRangeHasNoCaret() {
        let d = Diagnostic.error("io", "cannot open 'x.csv': no such file", at: nil)
        XCTAssertEqual(DiagnosticRenderer(sources: SourceManager()).render(d), "error: cannot open 'x.csv': no such file\n")
    }
}
