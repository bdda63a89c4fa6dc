// Tests for the Markdown report: prose as written, code fences, pipe tables, plots saved as SVG files beside the report.
import Foundation
import XCTest
@testable import SiftSession

final class MarkdownReportTests: XCTestCase {
    func testMarkdownReportWithPlotFilesBesideIt() throws {
        let dir = TemporaryFolder()
        defer { dir.cleanUp() }
        let nb = dir.write("shop.sift", smallNotebook)
        // A plot left from an earlier render with more plots is removed; other files are kept.
        try FileManager.default.createDirectory(atPath: dir.path + "/out_files", withIntermediateDirectories: true)
        dir.write("out_files/plot-7.svg", "old")
        dir.write("out_files/notes.txt", "mine")
        var err = ""
        let ok = ReportRenderer(options: SessionOptions(), err: { err += $0 }, date: "2030-01-02 03:04 UTC")
            .render(input: nb, output: dir.path + "/out.md")
        XCTAssertFalse(ok, "the notebook stops at its error")
        let md = try XCTUnwrap(dir.read("out.md"))
        XCTAssertTrue(md.hasPrefix("# Shop *report* & <test>\n\n**Notebook** `\(nb)` · **Data** `\(packageRoot)/Tests/Transcripts/fixtures/shop.csv` · **Run** 2030-01-02 03:04 UTC · **Stopped at an error**\n\n"), md)
        XCTAssertTrue(md.contains("One row is a **click**; see `shop.csv`.\n\n```sift\nparam input"), md)
        XCTAssertTrue(md.contains("""
        ```sift
        shop | agg mean_price = mean(price), n = count()
        ```

        *1 row × 2 columns*

        | mean_price<br>*double* | n<br>*int* |
        | ---: | ---: |
        | 44.8433 | 300 |

        """), md)
        XCTAssertTrue(md.contains("| page_2_clothing_model<br>*string* | price<br>*int* |\n| :--- | ---: |\n| A13 | 28 |\n| A16 | 33 |\n| B4 | 52 |\n"), md)
        XCTAssertTrue(md.contains("| … |\n| 48 |\n"), "head, elision, tail")
        XCTAssertTrue(md.contains("![hist plot 1](out_files/plot-1.svg)\n"), md)
        XCTAssertTrue(md.contains("> **Error**\n>\n> ```text\n> shop.sift:14:15: error: unknown column 'prce' (did you mean 'price'?)\n"), md)
        XCTAssertTrue(md.contains("```sift\n1 + 1\n```\n\n*(not run)*\n"), md)
        let svg = try XCTUnwrap(dir.read("out_files/plot-1.svg"))
        XCTAssertTrue(svg.hasPrefix("<?xml"))
        XCTAssertTrue(svg.contains("<title>Prices</title>"))
        XCTAssertNil(dir.read("out_files/plot-7.svg"))
        XCTAssertEqual(dir.read("out_files/notes.txt"), "mine")
    }

    func testCellsThatNeedEscapingStayLiteral() {
        XCTAssertEqual(MarkdownReport.escapeCell("a|b *c* <d> & `e`"), "a\\|b \\*c\\* &lt;d&gt; &amp; \\`e\\`")
        XCTAssertEqual(MarkdownReport.fence("x ``` y", info: "text"), "````text\nx ``` y\n````\n\n")
        XCTAssertEqual(MarkdownReport.code("a`b"), "``a`b``")
    }

    func testNotebookWithoutPlotsMakesNoFolder() throws {
        let dir = TemporaryFolder()
        defer { dir.cleanUp() }
        let nb = dir.write("n.sift", "#' Just prose, no heading.\n[1, 2]\n")
        var err = ""
        XCTAssertTrue(ReportRenderer(options: SessionOptions(), err: { err += $0 }, date: "D").render(input: nb, output: dir.path + "/n.md"), err)
        XCTAssertEqual(dir.read("n.md"), "**Notebook** `\(nb)` · **Run** D\n\nJust prose, no heading.\n\n```sift\n[1, 2]\n```\n\n```text\n[1, 2]\n```\n\n---\n\n*Rendered by sift \(Runner.version) from `\(nb)`.*\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path + "/n_files"))
    }
}
