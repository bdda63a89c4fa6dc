// Tests for splitting a replayed notebook into prose and code cells, and code into chunks under their results.
import XCTest
import SiftLang
@testable import SiftSession

final class ReplayedNotebookTests: XCTestCase {
    private func replay(_ text: String) throws -> ReplayedNotebook {
        switch ReplayedNotebook.replay(text, path: "n.sift", options: SessionOptions()) {
        case .success(let n): return n
        case .failure(let f):
            XCTFail("did not parse: \(f.text)")
            throw f
        }
    }

    /// The cells in a compact form: `P:text` for prose, `C:source=>outputs|source=>outputs` for code.
    private func outline(_ n: ReplayedNotebook) -> [String] {
        n.cells.map { cell in
            switch cell {
            case .prose(let t): return "P:" + t
            case .code(let chunks, let ran):
                return (ran ? "C:" : "X:") + chunks.map { c in
                    c.source + "=>" + c.outputs.map { o in
                        switch o {
                        case .value(let v): return ValueFormatter.format(v, options: DisplayOptions())
                        case .warning(let w): return "W(" + w + ")"
                        case .error(let e): return "E(" + (e.split(separator: "\n").first.map(String.init) ?? "") + ")"
                        }
                    }.joined(separator: ",")
                }.joined(separator: "|")
            }
        }
    }

    func testProseLinesSeparatedByBlankLinesStayOneCell() throws {
        let n = try replay("#' # T\n\n#' para\n\n\n1 + 1\n")
        XCTAssertEqual(outline(n), ["P:# T\n\npara", "C:1 + 1=>2"])
        XCTAssertEqual(n.title, "T")
    }

    func testWindowsLineEndingsSplitCellsAsUnixOnesDo() throws {
        let n = try replay("#' # T\r\n#' text\r\nlet a = 1\r\na + 1\r\n")
        XCTAssertEqual(outline(n), ["P:# T\ntext", "C:let a = 1\na + 1=>2"])
    }

    func testCodeIsCutAfterEachStatementThatShowsSomething() throws {
        let n = try replay("let a = 1\n# a comment\na + 1\n\nlet b = 2;\nb\n# trailing\n")
        XCTAssertEqual(outline(n), ["C:let a = 1\n# a comment\na + 1=>2|let b = 2;\nb=>2|# trailing=>"])
    }

    func testStatementsOnOneLineAndOverSeveralLinesKeepTheirLines() throws {
        let n = try replay("1; 2\n[3,\n  4]\n")
        XCTAssertEqual(outline(n), ["C:1; 2=>2|[3,\n  4]=>[3, 4]"])
    }

    func testWarningsGoWithTheirStatement() throws {
        let path = "\(packageRoot)/Tests/Transcripts/fixtures/bad_rows.csv"
        let n = try replay("let t = load \"\(path)\" bad_rows:\"skip\"; t | count\n")
        XCTAssertEqual(outline(n), ["C:let t = load \"\(path)\" bad_rows:\"skip\"; t | count=>W(skipped 2 rows with the wrong number of fields in '\(path)'),4"])
        let html = HTMLReport(notebook: n, date: "D", options: DisplayOptions(), verbs: []).render()
        XCTAssertTrue(html.contains("<p class=\"warning\"><b>warning</b> skipped 2 rows with the wrong number of fields in '"), html)
    }

    func testRunStopsAtTheErrorAndLaterCellsAreNotRun() throws {
        let n = try replay("1\nnope\n2\n#' after\n3\n")
        XCTAssertEqual(outline(n), ["C:1=>1|nope=>E(n.sift:2:1: error: unknown variable 'nope')|2=>", "P:after", "X:3=>"])
        XCTAssertEqual(n.failure?.hasPrefix("n.sift:2:1: error: unknown variable 'nope'"), true)
    }

    func testParamsAreRecordedWithTheirValues() throws {
        let n = try replay("param input = \"x.csv\"\nparam k = 3\n")
        XCTAssertEqual(n.params.map { "\($0.name)=\(ValueFormatter.literal($0.value))" }, ["input=\"x.csv\"", "k=3"])
        XCTAssertEqual(outline(n), ["C:param input = \"x.csv\"\nparam k = 3=>"])
    }
}
