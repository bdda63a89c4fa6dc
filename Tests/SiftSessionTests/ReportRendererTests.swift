// Tests for `sift render`: errors for missing notebooks and unwritable outputs, parse errors, the run date, determinism.
import Foundation
import XCTest
@testable import SiftSession

final class ReportRendererTests: XCTestCase {
    private func render(_ input: String, _ output: String, date: String? = "D") -> (ok: Bool, err: String) {
        var err = ""
        let ok = ReportRenderer(options: SessionOptions(), err: { err += $0 }, date: date).render(input: input, output: output)
        return (ok, err)
    }

    func testMissingNotebookIsAnError() {
        let dir = TemporaryFolder()
        defer { dir.cleanUp() }
        let r = render(dir.path + "/nope.sift", dir.path + "/out.html")
        XCTAssertFalse(r.ok)
        XCTAssertEqual(r.err, "error: cannot open '\(dir.path)/nope.sift': no such file\n")
        XCTAssertNil(dir.read("out.html"))
    }

    func testUnwritableOutputsAreErrorsBeforeTheReplay() throws {
        let dir = TemporaryFolder()
        defer { dir.cleanUp() }
        let nb = dir.write("n.sift", "1\n")
        var r = render(nb, dir.path + "/missing/out.html")
        XCTAssertFalse(r.ok)
        XCTAssertEqual(r.err, "error: cannot write '\(dir.path)/missing/out.html': the folder '\(dir.path)/missing' does not exist\n")
        try FileManager.default.createDirectory(atPath: dir.path + "/d.html", withIntermediateDirectories: true)
        r = render(nb, dir.path + "/d.html")
        XCTAssertEqual(r.err, "error: cannot write '\(dir.path)/d.html': it is a directory\n")
        r = render(nb, dir.path + "/out.pdf")
        XCTAssertEqual(r.err, "error: the report must be .html or .md, got '\(dir.path)/out.pdf'\n")
    }

    func testNotebookThatDoesNotParseWritesNothing() {
        let dir = TemporaryFolder()
        defer { dir.cleanUp() }
        let nb = dir.write("bad.sift", "#' # Title\n1 +* 2\n")
        let r = render(nb, dir.path + "/out.html")
        XCTAssertFalse(r.ok)
        XCTAssertTrue(r.err.hasPrefix("bad.sift:2:4: error: expected an expression, found '*'"), r.err)
        XCTAssertTrue(r.err.hasSuffix("error: '\(nb)' does not parse; no report written\n"), r.err)
        XCTAssertNil(dir.read("out.html"))
    }

    func testReportIsReplacedWholeAndDeterministic() throws {
        let dir = TemporaryFolder()
        defer { dir.cleanUp() }
        let nb = dir.write("n.sift", smallNotebook.replacingOccurrences(of: "shop | select prce\n", with: ""))
        dir.write("out.html", "old report")
        XCTAssertTrue(render(nb, dir.path + "/out.html").ok)
        let first = try XCTUnwrap(dir.read("out.html"))
        XCTAssertTrue(render(nb, dir.path + "/out.html").ok)
        XCTAssertEqual(dir.read("out.html"), first)
        XCTAssertFalse(first.contains("old report"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [])
    }

    func testRunDateComesFromSourceDateEpoch() {
        // python3: datetime.fromtimestamp(951782400, timezone.utc) == 2000-02-29 00:00:00
        XCTAssertEqual(ReportRenderer.runDate(environment: ["SOURCE_DATE_EPOCH": "951782400"]), "2000-02-29 00:00 UTC")
        XCTAssertEqual(ReportRenderer.formatDate(epochSeconds: 1_796_000_000), "2026-11-30 00:53 UTC")
        XCTAssertEqual(ReportRenderer.formatDate(epochSeconds: 0), "1970-01-01 00:00 UTC")
        XCTAssertTrue(ReportRenderer.runDate(environment: ["SOURCE_DATE_EPOCH": "soon"]).hasSuffix(" UTC"))
    }

    func testParamOverridesReachTheReportHeader() throws {
        let dir = TemporaryFolder()
        defer { dir.cleanUp() }
        let nb = dir.write("p.sift", "#' # P\nparam input = \"a.csv\"\nparam n = 3\nn * 2\n")
        var options = SessionOptions()
        options.params = [(name: "n", value: "5")]
        var err = ""
        XCTAssertTrue(ReportRenderer(options: options, err: { err += $0 }, date: "D").render(input: nb, output: dir.path + "/p.html"), err)
        let page = try XCTUnwrap(XMLOutline.parse(dir.read("p.html") ?? ""))
        XCTAssertEqual(page.all("p", class: "meta").first?.text, "Notebook \(nb)\nData a.csv\nn 5\nRun D")
        XCTAssertEqual(page.all("pre", class: "value").map(\.text), ["10"])
    }
}

final class RenderCommandTests: XCTestCase {
    func testRenderCommandWritesTheReportWithAFixedDate() throws {
        let dir = TemporaryFolder()
        defer { dir.cleanUp() }
        let out = dir.path + "/shop.html"
        let r = try runSift(["render", "Tests/Transcripts/render/shop-report.sift", "-o", out], environment: ["SOURCE_DATE_EPOCH": "1796000000"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out + r.err, "")
        let html = try XCTUnwrap(dir.read("shop.html"))
        XCTAssertTrue(html.contains("<b>Run</b> 2026-11-30 00:53 UTC"))
        XCTAssertTrue(html.contains("<title>Clicks in a small clothing shop</title>"))
        XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, 2)
        XCTAssertNotNil(XMLOutline.parse(html))
    }

    func testRenderCommandFailsClearlyOnAMissingNotebook() throws {
        let r = try runSift(["render", "nope.sift", "-o", "/tmp/never-written.html"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, "error: cannot open 'nope.sift': no such file\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/never-written.html"))
    }
}
