// Tests for the HTML report: a small notebook's page parsed as XML — title, header, tables, plot, error, cells not run.
import Foundation
import XCTest
@testable import SiftSession

final class HTMLReportTests: XCTestCase {
    /// Renders `smallNotebook` and parses the page.
    private func renderSmall() -> (html: String, outline: XMLOutline?, ok: Bool, err: String) {
        let dir = TemporaryFolder()
        defer { dir.cleanUp() }
        let nb = dir.write("shop.sift", smallNotebook)
        var err = ""
        let ok = ReportRenderer(options: SessionOptions(), err: { err += $0 }, date: "2030-01-02 03:04 UTC")
            .render(input: nb, output: dir.path + "/out.html")
        let html = dir.read("out.html") ?? ""
        return (html, XMLOutline.parse(html), ok, err)
    }

    func testPageIsWellFormedWithTitleAndHeader() throws {
        let r = renderSmall()
        let page = try XCTUnwrap(r.outline)
        XCTAssertTrue(r.html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        XCTAssertEqual(page.all("title").first?.text, "Shop report & <test>")
        XCTAssertTrue(r.html.contains("<title>Shop report &amp; &lt;test&gt;</title>"))
        XCTAssertEqual(page.all("h1").first?.text, "Shop report & <test>")
        let meta = try XCTUnwrap(page.all("p", class: "meta").first?.text)
        XCTAssertTrue(meta.contains("Data \(packageRoot)/Tests/Transcripts/fixtures/shop.csv"), meta)
        XCTAssertTrue(meta.contains("Run 2030-01-02 03:04 UTC"), meta)
        XCTAssertTrue(meta.contains("Stopped at an error"), meta)
        // Self-contained: no scripts, no external style sheets or images.
        XCTAssertTrue(page.all("script").isEmpty)
        XCTAssertTrue(page.all("link").isEmpty)
        XCTAssertEqual(page.all("style").count, 1)
        XCTAssertTrue(r.html.contains("@media print"))
    }

    func testProseIsRenderedAsMarkdown() throws {
        let page = try XCTUnwrap(renderSmall().outline)
        XCTAssertEqual(page.all("strong").first?.text, "click")
        XCTAssertEqual(page.all("h2").map(\.text), ["Long", "A plot", "An error"])
        XCTAssertTrue(page.all("p").contains { $0.text == "After the error." })
    }

    func testTablesShowShapeTypesAndTerminalNumberText() throws {
        let page = try XCTUnwrap(renderSmall().outline)
        let tables = page.all("table")
        XCTAssertEqual(tables.count, 3)
        XCTAssertEqual(page.all("p", class: "shape").map(\.text), ["3 rows × 2 columns", "1 row × 2 columns", "300 rows × 1 column"])
        let th = page.all("th").map(\.text)
        XCTAssertEqual(Array(th.prefix(4)), ["page_2_clothing_model", "price", "string", "int"])
        let cells = page.all("td").map(\.text)
        // The first three rows of shop.csv, and mean(price) as the terminal prints it (44.8433).
        XCTAssertEqual(Array(cells.prefix(8)), ["A13", "28", "A16", "33", "B4", "52", "44.8433", "300"])
        XCTAssertEqual(page.all("td", class: "num").first?.text, "28")
        XCTAssertEqual(page.all("th", class: "num").first?.text, "price")
    }

    func testLongTablesShowHeadAndTailWithTheElision() throws {
        let page = try XCTUnwrap(renderSmall().outline)
        let elided = page.all("tr", class: "elided")
        XCTAssertEqual(elided.map(\.text), ["… 285 more rows …"])
        // 3 + 1 + 15 data rows, plus the elision row.
        XCTAssertEqual(page.all("tbody").last.map { _ in page.all("td").count }, 3 * 2 + 2 + 15 + 1)
    }

    func testPlotIsInlineSVG() throws {
        let r = renderSmall()
        let page = try XCTUnwrap(r.outline)
        XCTAssertEqual(page.all("figure", class: "plot").count, 1)
        XCTAssertEqual(page.all("svg").count, 1)
        XCTAssertEqual(page.all("svg").first?.attributes["viewBox"], "0 0 640 400")
        XCTAssertFalse(r.html.contains("<?xml"))
        XCTAssertGreaterThanOrEqual(page.all("rect").count, 5, "5 bins")
    }

    func testErrorIsStyledAndLaterCellsAreNotRun() throws {
        let r = renderSmall()
        XCTAssertFalse(r.ok)
        XCTAssertTrue(r.err.contains("shop.sift:14:15: error: unknown column 'prce'"), r.err)
        XCTAssertTrue(r.err.contains("the report"), r.err)
        let page = try XCTUnwrap(r.outline)
        let errors = page.all("pre", class: "error")
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors[0].text.hasPrefix("shop.sift:14:15: error: unknown column 'prce' (did you mean 'price'?)\nshop | select prce\n"), errors[0].text)
        let notRun = page.all("section", class: "not-run")
        XCTAssertEqual(notRun.count, 1)
        XCTAssertTrue(notRun[0].text.contains("1 + 1"))
        XCTAssertFalse(r.html.contains("<pre class=\"value\">2</pre>"))
    }

    func testEachResultFollowsItsOwnCode() throws {
        let page = try XCTUnwrap(renderSmall().outline)
        let codes = page.all("pre", class: "code").map(\.text)
        XCTAssertEqual(codes[0], "param input = \"\(packageRoot)/Tests/Transcripts/fixtures/shop.csv\"\nlet shop = load input clean:true\nshop | select page_2_clothing_model, price | head 3")
        XCTAssertEqual(codes[1], "shop | agg mean_price = mean(price), n = count()")
        XCTAssertEqual(page.all("pre", class: "code").first?.attributes["data-line"], "4")
    }

    func testCodeIsHighlightedAndEscaped() {
        let verbs: Set<String> = ["where", "load"]
        XCTAssertEqual(CodeHighlighter.html("let a = load \"x<y\" clean:true # n & m\na | where p > 1", verbs: verbs),
                       "<span class=\"k\">let</span> a = <span class=\"v\">load</span> <span class=\"s\">&quot;x&lt;y&quot;</span> "
                       + "<span class=\"o\">clean</span>:<span class=\"k\">true</span> <span class=\"c\"># n &amp; m</span>\n"
                       + "a | <span class=\"v\">where</span> p &gt; <span class=\"n\">1</span>")
    }
}
