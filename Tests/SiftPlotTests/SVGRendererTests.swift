// Tests for SVG output: well-formed XML of the stated size, axes, ticks, marks and legend as elements, no external resources.
import XCTest
@testable import SiftPlot

final class SVGRendererTests: XCTestCase {
    /// Parses a plot's SVG and checks what every document must have.
    func document(_ p: Plot, width: Int = 640, height: Int = 400, file: StaticString = #filePath, line: UInt = #line) -> SVGDocument {
        let text = p.svg(width: width, height: height)
        let doc = SVGDocument(text)
        XCTAssertNil(doc.error, "not well-formed XML:\n\(text)", file: file, line: line)
        XCTAssertTrue(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\""), file: file, line: line)
        let root = doc.all("svg").first
        XCTAssertEqual(root?.attributes["width"], String(width), file: file, line: line)
        XCTAssertEqual(root?.attributes["height"], String(height), file: file, line: line)
        XCTAssertEqual(root?.attributes["viewBox"], "0 0 \(width) \(height)", file: file, line: line)
        for banned in ["<script", "<style", "href", "<image", "url("] {
            XCTAssertFalse(text.contains(banned), "external or active content: \(banned)", file: file, line: line)
        }
        XCTAssertEqual(p.svg(width: width, height: height), text, "not deterministic", file: file, line: line)
        return doc
    }

    func testHistogramHasAxesTicksLabelsAndOneBarPerNonEmptyBin() {
        let p = Plot.histogram([0.5, 2.5, 3, 4, 4.5, 5, 8, 8.5, 9, 10], options: PlotOptions(title: "prices & more", xLabel: "price", bins: 5))
        let d = document(p)
        XCTAssertEqual(d.all("rect", class: "bar").count, 5)
        XCTAssertEqual(d.all("line", inGroup: "axis x").filter { $0.cls != "tick" }.count, 1)
        XCTAssertEqual(d.all("line", inGroup: "axis y").filter { $0.cls != "tick" }.count, 1)
        XCTAssertGreaterThanOrEqual(d.all("line", class: "tick", inGroup: "axis x").count, 3)
        XCTAssertTrue(d.texts.contains("prices & more"))   // escaped on the way out, unescaped by the parser
        XCTAssertTrue(d.texts.contains("price"))
        XCTAssertTrue(d.texts.contains("count"))
        XCTAssertEqual(d.all("title").first?.text, "prices & more")
        // Bar heights are proportional to counts 1, 3, 2, 1, 3.
        let heights = d.all("rect", class: "bar").compactMap { Double($0.attributes["height"] ?? "") }
        XCTAssertEqual(heights.count, 5)
        let unit = heights[0]
        for (h, c) in zip(heights, [1.0, 3, 2, 1, 3]) { XCTAssertEqual(h, unit * c, accuracy: 0.02 * c) }
    }

    func testGroupsGetALegendWithEveryName() {
        let p = Plot.histogram([1, 2, 3, 4], groups: PlotGroups(["a", "b", "a", "<b>"]), options: PlotOptions(xLabel: "x", groupLabel: "g"))
        let d = document(p)
        let legend = d.all("text", inGroup: "legend").map(\.text)
        XCTAssertEqual(legend, ["g", "a", "b", "<b>"])
        XCTAssertEqual(Set(d.all("rect", class: "bar").compactMap { $0.attributes["fill"] }).count, 3)
    }

    func testALongLegendStopsAtTheBottomAndCountsTheRest() {
        // 40 series at 400 px: the legend title "g" at y 24, entries from y 40 every 16 px;
        // 23 rows fit (the last at 392, one more would pass 396): 22 entries and "… 18 more".
        let n = 40
        let p = Plot.scatter(x: (0..<n).map(Double.init), y: (0..<n).map(Double.init),
                             groups: PlotGroups((0..<n).map { "s\($0)" }), options: PlotOptions(groupLabel: "g"))
        let legend = document(p).all("text", inGroup: "legend")
        XCTAssertEqual(legend.count, 1 + 22 + 1)
        XCTAssertEqual(legend.last?.text, "… 18 more")
        XCTAssertEqual(legend.last?.attributes["y"], "392")
        XCTAssertTrue(legend.allSatisfy { Double($0.attributes["y"] ?? "") ?? 0 <= 400 })
    }

    func testScatterDrawsCirclesOrADensityGrid() {
        let few = document(Plot.scatter(x: [1, 2, 3, .nan], y: [3, 1, 2, 4], options: PlotOptions(xLabel: "x", yLabel: "y")))
        XCTAssertEqual(few.all("circle", class: "point").count, 3)
        let n = SVGRenderer.maxPointMarks + 1
        let many = document(Plot.scatter(x: (0..<n).map { Double($0 % 100) }, y: (0..<n).map { Double($0 / 100) }))
        XCTAssertEqual(many.all("circle", class: "point").count, 0)
        XCTAssertGreaterThan(many.all("rect", class: "density").count, 100)
    }

    func testLinesBreakAtMissingValues() {
        let d = document(Plot.line(x: [0, 1, 2, 3, 4, 5], y: [1, 2, .nan, 3, 4, 5], options: PlotOptions(xLabel: "x", yLabel: "y")))
        XCTAssertEqual(d.all("polyline", class: "line").count, 2)
    }

    func testTimeAxisLabelsAreCalendarTicks() {
        let t0 = 1_207_008_000_000_000.0
        let d = document(Plot.line(x: (0..<10).map { t0 + Double($0) * 86_400_000_000 }, y: (0..<10).map(Double.init),
                                   options: PlotOptions(xLabel: "day", yLabel: "n", xIsTime: true)))
        let labels = d.all("text", inGroup: "axis x").map(\.text)
        XCTAssertTrue(labels.contains("Apr 01") && labels.contains("Apr 03"), "\(labels)")
        XCTAssertTrue(labels.contains("day (2008)"), "\(labels)")
    }

    func testRowChartsBoxesHeatmapsAndFunnels() {
        let box = document(Plot.box([1, 2, 3, 4, 100], options: PlotOptions(yLabel: "v")))
        XCTAssertEqual(box.all("rect", class: "iqr").count, 1)
        XCTAssertEqual(box.all("line", class: "median").count, 1)
        XCTAssertEqual(box.all("circle", class: "outlier").count, 1)
        let heat = document(Plot.heatmap(rowLabels: ["a", "b"], columnLabels: ["a", "b"], values: [1, -0.5, -0.5, 1]))
        XCTAssertEqual(heat.all("rect", class: "cell").count, 4)
        XCTAssertEqual(heat.all("text", class: "value").map(\.text), ["1.00", "-0.50", "-0.50", "1.00"])
        let funnel = document(Plot.funnel(steps: ["view", "buy"], counts: [10, 4]))
        XCTAssertEqual(funnel.all("rect", class: "bar").count, 2)
        XCTAssertTrue(funnel.texts.contains("40%"))
        let imp = document(Plot.importance(features: ["a", "b"], importances: [0.2, 0.7]))
        XCTAssertEqual(imp.all("text", class: "category").map(\.text), ["b", "a"])
        let bars = document(Plot.bar(labels: (0..<40).map { "c\($0)" }, values: (0..<40).map(Double.init)))
        XCTAssertTrue(bars.texts.contains { $0.hasPrefix("… ") && $0.hasSuffix("more categories") })
    }

    func testROCShowsTheDiagonalAndTheAUC() {
        let d = document(Plot.roc([ROCCurve(label: "m", fpr: [0, 0.5, 1], tpr: [0, 1, 1])]))
        XCTAssertEqual(d.all("polyline").filter { $0.attributes["stroke-dasharray"] != nil }.count, 1)
        XCTAssertTrue(d.texts.contains("m (AUC 0.750)"))
    }

    func testEmptyPlotsAndOddSizesStayValid() {
        let d = document(Plot.histogram([]), width: 160, height: 100)
        XCTAssertEqual(d.all("text", class: "message").first?.text, "(no values to plot)")
        _ = document(Plot.bar(labels: ["x"], values: [1]), width: 2000, height: 1200)
        XCTAssertTrue(Plot.histogram([1]).svg(width: 10, height: 10).contains("width=\"160\" height=\"100\""))
    }

    func testControlCharactersInLabelsAreDropped() {
        let d = document(Plot.bar(labels: ["a\u{1}b", "c\"d'e"], values: [1, 2], options: PlotOptions(xLabel: "x")))
        XCTAssertTrue(d.texts.contains("ab"))
        XCTAssertTrue(d.texts.contains("c\"d'e"))
    }

    func testSVGWriterNumbers() {
        XCTAssertEqual(SVGWriter.num(1), "1")
        XCTAssertEqual(SVGWriter.num(1.006), "1.01")
        XCTAssertEqual(SVGWriter.num(-0.001), "0")
        XCTAssertEqual(SVGWriter.num(.nan), "0")
        XCTAssertEqual(SVGWriter.escape("<&>\"'"), "&lt;&amp;&gt;&quot;&apos;")
    }
}

final class SVGDecimationTests: XCTestCase {
    func testM4KeepsFirstMinMaxLastPerPixelColumn() {
        // 100 points in pixel column 0, 100 in column 1: y is a zigzag with its extremes in the middle.
        let pts = (0..<200).map { (i: Int) -> (Double, Double) in (Double(i / 100) + Double(i % 100) / 100, i % 100 == 50 ? 9 : i % 100 == 60 ? -9 : Double(i % 7)) }
        let d = SVGRenderer.decimated(pts)
        XCTAssertEqual(d.count, 8)
        XCTAssertEqual(d.map(\.1), [0, 9, -9, pts[99].1, pts[100].1, 9, -9, pts[199].1])
        let few = [(0.0, 1.0), (5.0, 2.0)]
        XCTAssertEqual(SVGRenderer.decimated(few).map(\.0), [0, 5])
    }

    func testALongLineIsThinnedToThePixels() {
        let n = 200_000
        let svg = Plot.line(x: (0..<n).map(Double.init), y: (0..<n).map { Double($0 % 97) }).svg()
        XCTAssertLessThan(svg.utf8.count, 200_000)
        XCTAssertNil(SVGDocument(svg).error)
    }
}
