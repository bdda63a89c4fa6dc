// Tests for Plot's rendering contract: colour only when asked, same data gives the same bytes, sizes are honoured.
import XCTest
@testable import SiftPlot

final class PlotTests: XCTestCase {
    var samples: [Plot] {
        var r = TestData(seed: 11)
        let v = (0..<300).map { _ in r.bell(mean: 10, spread: 3) }
        let g = PlotGroups((0..<300).map { $0 % 2 == 0 ? "x" : "y" })
        return [
            Plot.histogram(v, options: PlotOptions(xLabel: "v")), Plot.histogram(v, groups: g, options: PlotOptions(xLabel: "v")),
            Plot.bar(labels: ["a", "b"], values: [3, 5]), Plot.line(x: v.indices.map(Double.init), y: v, groups: g),
            Plot.scatter(x: v, y: v.reversed(), groups: g), Plot.box(v, groups: g),
            Plot.heatmap(rowLabels: ["a", "b"], columnLabels: ["c", "d"], values: [0.1, -0.4, 0.9, 0.3]),
            Plot.funnel(steps: ["a", "b"], counts: [5, 2]), Plot.roc([ROCCurve(fpr: [0, 1], tpr: [0, 1])]),
            Plot.importance(features: ["a", "b"], importances: [1, 2]),
        ]
    }

    func testColourCodesAppearOnlyWhenColourIsOn() {
        for p in samples {
            XCTAssertFalse(p.text(width: 80, height: 20, color: false).contains("\u{1B}"), p.kind)
            XCTAssertTrue(p.text(width: 80, height: 20, color: true).contains("\u{1B}["), p.kind)
        }
    }

    func testOneSeriesLooksTheSameWithColourStripped() {
        let single = Plot.histogram([1, 2, 2, 3, 3, 3], options: PlotOptions(xLabel: "x"))
        XCTAssertEqual(strippingANSI(single.text(width: 80, height: 20, color: true)), single.text(width: 80, height: 20, color: false))
        let bars = Plot.bar(labels: ["a", "b"], values: [3, 5])
        XCTAssertEqual(strippingANSI(bars.text(width: 80, height: 20, color: true)), bars.text(width: 80, height: 20, color: false))
    }

    func testWithoutColourSeriesDifferByGlyph() {
        let g = PlotGroups(["a", "b", "a", "b"])
        let text = Plot.scatter(x: [1, 2, 3, 4], y: [1, 2, 3, 4], groups: g).text(width: 60, height: 15, color: false)
        XCTAssertTrue(text.contains("•") && text.contains("+"))
        let hist = Plot.histogram([1, 2, 3, 4], groups: g, options: PlotOptions(bins: 2)).text(width: 60, height: 15, color: false)
        XCTAssertTrue(hist.contains("█") && hist.contains("▓"))
    }

    func testMoreSeriesThanColoursAlsoDifferByGlyph() {
        // Eight series, six ANSI colours: series 6 and 7 repeat blue and red, so their bars
        // take the second fill (▓) and points take marks, in colour as without it.
        let labels = (0..<8).map { "g\($0)" }
        let g = PlotGroups(labels)
        let hist = Plot.histogram((0..<8).map(Double.init), groups: g, options: PlotOptions(bins: 1)).text(width: 60, height: 12, color: true)
        XCTAssertTrue(hist.contains("\u{1B}[34m▓"), hist)
        XCTAssertTrue(hist.contains("\u{1B}[31m▓"), hist)
        XCTAssertFalse(hist.contains("\u{1B}[32m▓"), hist)
        let few = Plot.histogram([1, 2], groups: PlotGroups(["a", "b"]), options: PlotOptions(bins: 1)).text(width: 60, height: 12, color: true)
        XCTAssertFalse(few.contains("▓"), few)
        let scatter = Plot.scatter(x: (0..<8).map(Double.init), y: (0..<8).map(Double.init), groups: g).text(width: 60, height: 12, color: true)
        XCTAssertTrue(scatter.contains("\u{1B}[34m@"), scatter)
        XCTAssertTrue(scatter.contains("\u{1B}[31m%"), scatter)
    }

    func testSameDataGivesTheSameBytes() {
        let a = samples, b = samples
        for (p, q) in zip(a, b) {
            XCTAssertEqual(p.text(width: 100, height: 20, color: true), q.text(width: 100, height: 20, color: true))
            XCTAssertEqual(p.svg(), q.svg())
        }
    }

    func testEveryKindFitsEverySize() {
        for p in samples {
            for (w, h) in [(24, 6), (80, 20), (100, 20), (120, 40), (300, 8)] {
                assertFits(p.text(width: w, height: h, color: false), width: w, height: h)
            }
            assertFits(p.text(width: 1, height: 1, color: false), width: Plot.minimumTextSize.width, height: Plot.minimumTextSize.height)
        }
    }

    func testGroupsFromLabelsNumberInFirstSeenOrder() {
        let g = PlotGroups(["b", "a", "b", "c"])
        XCTAssertEqual(g.codes, [0, 1, 0, 2])
        XCTAssertEqual(g.labels, ["b", "a", "c"])
    }
}
