// Golden references: every chart kind drawn at 80×20 without colour, awkward inputs included, compared byte for byte.
import XCTest
import SiftFrame
@testable import SiftPlot

/// Each test draws charts and compares them with `References/NAME.txt` (see ``Reference``).
/// Every reference was checked by hand when written: tick values, bar lengths against the
/// counts, box positions against the quartiles; the comments say what to look for.
final class TerminalReferenceTests: XCTestCase {
    func check(_ p: Plot, _ name: String, width: Int = 80, height: Int = 20, file: StaticString = #filePath, line: UInt = #line) {
        let text = p.text(width: width, height: height, color: false)
        assertFits(text, width: width, height: height, file: file, line: line)
        Reference.check(text, name, file: file, line: line)
    }

    static let t0 = 1_207_008_000_000_000.0   // 2008-04-01 00:00:00 UTC in microseconds
    static let hour = 3_600_000_000.0, day = 86_400_000_000.0

    // MARK: - hist

    func testHistograms() {
        var r = TestData(seed: 7)
        let bell = (0..<500).map { _ in r.bell(mean: 50, spread: 20) }
        check(Plot.histogram(bell, options: PlotOptions(title: "price", xLabel: "price")), "hist-auto")
        // Ten values, bins:5 over [0.5, 10] (edges 0.5, 2.4, 4.3, 6.2, 8.1, 10): counts 1, 3, 2, 1, 3.
        check(Plot.histogram([0.5, 2.5, 3, 4, 4.5, 5, 8, 8.5, 9, 10], options: PlotOptions(xLabel: "x", bins: 5)), "hist-bins")
        let groups = PlotGroups((0..<500).map { $0 % 3 == 0 ? "mobile" : "desktop" })
        check(Plot.histogram(bell, groups: groups, options: PlotOptions(xLabel: "price", bins: 12, groupLabel: "device")), "hist-groups")
        // Counts 1000, 100, 10, 1: equal steps on the log axis.
        let skew = [Double](repeating: 1, count: 1000) + [Double](repeating: 2, count: 100) + [Double](repeating: 3, count: 10) + [4]
        check(Plot.histogram(skew, options: PlotOptions(xLabel: "x", log: true, bins: 4)), "hist-log")
        let times = (0..<300).map { Self.t0 + Double($0 % 72) * Self.hour + Double($0) * 1_000_000 }
        check(Plot.histogram(times, options: PlotOptions(xLabel: "time", xIsTime: true)), "hist-time")
    }

    func testHistogramAwkwardInputs() {
        check(Plot.histogram([42], options: PlotOptions(xLabel: "x")), "hist-one-value")
        check(Plot.histogram([5, 5, 5, 5], options: PlotOptions(xLabel: "x")), "hist-constant")
        check(Plot.histogram([], options: PlotOptions(title: "nothing", xLabel: "x")), "hist-empty")
        check(Plot.histogram([.nan, .nan], options: PlotOptions(xLabel: "x")), "hist-all-null")
        check(Plot.histogram([1, .nan, 2, 2, .nan, 3, 3, 3], options: PlotOptions(xLabel: "x", bins: 3)), "hist-nulls")
        // 200 bins of 10 values cannot each get a column at 80 wide: merged by threes into 67 bars
        // of 30 (the y axis refitted), the axis running on to 200.5.
        check(Plot.histogram((0..<2000).map { Double($0 % 200) + 0.5 }, options: PlotOptions(xLabel: "x", bins: 200)), "hist-merged")
    }

    // MARK: - bar

    func testBars() {
        // 8 : 4 : 2 : 1.
        check(Plot.bar(labels: ["view", "cart", "checkout", "buy"], values: [8, 4, 2, 1], options: PlotOptions(xLabel: "event")), "bar-vertical")
        let many = (1...25).map { "category \($0)" }
        check(Plot.bar(labels: many, values: many.indices.map { Double(($0 + 1) * 10) }, options: PlotOptions(xLabel: "category")), "bar-many")
        check(Plot.bar(labels: ["Scotland and the northern isles", "Wales", "England"], values: [5.3, 3.1, 56.5],
                       options: PlotOptions(xLabel: "country", yLabel: "population (M)")), "bar-long-labels")
        check(Plot.bar(labels: ["q1", "q2", "q3", "q4"], values: [12, -8, 4, -2], options: PlotOptions(xLabel: "quarter", yLabel: "profit")), "bar-negative")
        check(Plot.bar(labels: ["a", "b", "c"], values: [1, 100, 10_000], options: PlotOptions(xLabel: "x", log: true)), "bar-log")
        check(Plot.bar(labels: ["a", "b"], values: [.nan, .nan], options: PlotOptions(xLabel: "x")), "bar-empty")
    }

    // MARK: - line

    func testLines() {
        let x = (0..<60).map(Double.init)
        let up = x.map { $0 * 2 }, wave = x.map { 60 + 40 * sin($0 / 6) }
        check(Plot.line(x: x + x, y: up + wave, groups: PlotGroups(x.map { _ in "trend" } + x.map { _ in "wave" }),
                        options: PlotOptions(xLabel: "t", yLabel: "value", groupLabel: "series")), "line-series")
        let months = (0..<24).map { m -> Double in
            let y = 2008 + m / 12, mo = m % 12 + 1
            return Double(Int64(Calendar.daysFromCivil(year: y, month: mo, day: 1)) * 86_400_000_000)
        }
        check(Plot.line(x: months, y: months.indices.map { Double(100 + $0 * $0) }, options: PlotOptions(xLabel: "month", yLabel: "orders", xIsTime: true)),
              "line-months")
        check(Plot.line(x: x, y: x.map { _ in 7 }, options: PlotOptions(xLabel: "t", yLabel: "constant")), "line-constant")
        // Nulls break the line: two segments.
        check(Plot.line(x: x, y: x.map { $0 >= 20 && $0 < 30 ? .nan : $0 }, options: PlotOptions(xLabel: "t", yLabel: "y")), "line-nulls")
        check(Plot.line(x: [3], y: [4], options: PlotOptions(xLabel: "x", yLabel: "y")), "line-one-point")
        let hours = (0..<48).map { Self.t0 + Double($0) * Self.hour }
        check(Plot.line(x: hours, y: hours.indices.map { Double($0 % 24) }, options: PlotOptions(xLabel: "time", yLabel: "hour", xIsTime: true)), "line-hours")
    }

    // MARK: - scatter

    func testScatter() {
        // A 5×5 grid of points at 0, 2.5, …, 10: evenly spaced dots.
        let grid = (0..<25).map { (i: Int) -> Double in Double(i % 5) * 2.5 }, gy = (0..<25).map { (i: Int) -> Double in Double(i / 5) * 2.5 }
        check(Plot.scatter(x: grid, y: gy, options: PlotOptions(xLabel: "x", yLabel: "y")), "scatter-grid")
        var r = TestData(seed: 3)
        var xs: [Double] = [], ys: [Double] = [], gs: [String] = []
        for (k, name) in ["a", "b", "c"].enumerated() {
            for _ in 0..<40 { xs.append(r.bell(mean: Double(k) * 3, spread: 1)); ys.append(r.bell(mean: Double(k) * 2, spread: 1)); gs.append(name) }
        }
        check(Plot.scatter(x: xs, y: ys, groups: PlotGroups(gs), options: PlotOptions(xLabel: "x", yLabel: "y", groupLabel: "cluster")), "scatter-groups")
        let dx = (0..<20_000).map { _ in r.bell(spread: 2) }
        let dy = dx.map { $0 + r.bell() }
        check(Plot.scatter(x: dx, y: dy, options: PlotOptions(xLabel: "x", yLabel: "y")), "scatter-density")
        check(Plot.scatter(x: [1, .nan, 2], y: [1, 5, .nan], options: PlotOptions(xLabel: "x", yLabel: "y")), "scatter-one-point")
        check(Plot.scatter(x: [1, 2, 3, 4], y: [10, 0, 1000, -5], options: PlotOptions(xLabel: "x", yLabel: "y", log: true)), "scatter-log")
    }

    // MARK: - box

    func testBoxes() {
        // a: 1…9 and 30 (q1 3.25, median 5.5, q3 7.75, whiskers 1–9, outlier 30);
        // b: 10…20 (q1 12.5, median 15, q3 17.5, whiskers 10–20).
        let a = (1...9).map(Double.init) + [30], b = (10...20).map(Double.init)
        let groups = PlotGroups(a.map { _ in "a" } + b.map { _ in "b" })
        check(Plot.box(a + b, groups: groups, options: PlotOptions(yLabel: "value", groupLabel: "group")), "box-groups")
        let many = (0..<8).flatMap { (g: Int) -> [Double] in (0..<20).map { (i: Int) -> Double in Double(g * 2 + i % 7) } }
        check(Plot.box(many, groups: PlotGroups(many.indices.map { "group \($0 / 20)" }), options: PlotOptions(yLabel: "value", groupLabel: "g")),
              "box-many")
        check(Plot.box([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5], options: PlotOptions(yLabel: "digits")), "box-single")
        check(Plot.box([2, 2, 2], options: PlotOptions(yLabel: "constant")), "box-constant")
        // q1 = median = 1 and q3 = 2 (pandas: [1, 1, 1, 2, 4]): the median is a heavy line on
        // the box's left edge, the corners stay; the whisker reaches 2 + 1.5 = 3.5, so 4 is an
        // outlier.
        check(Plot.box([1, 1, 1, 2, 4], groups: PlotGroups(["a", "a", "a", "a", "a"]), options: PlotOptions(yLabel: "v")), "box-median-edge",
              height: 8)
    }

    // MARK: - heatmap, funnel, roc, importance

    func testHeatmaps() {
        let names = ["price", "clicks", "page", "order"]
        let corr: [Double] = [1, 0.82, -0.35, 0.05, 0.82, 1, -0.21, 0.12, -0.35, -0.21, 1, -0.9, 0.05, 0.12, -0.9, 1]
        check(Plot.heatmap(rowLabels: names, columnLabels: names, values: corr), "heatmap-corr")
        let wide = (0..<12).map { "v\($0)" }
        let wideValues = (0..<144).map { (i: Int) -> Double in Double((i * 17) % 23) / 22 * 2 - 1 }
        check(Plot.heatmap(rowLabels: wide, columnLabels: wide, values: wideValues), "heatmap-wide")
        // A retention matrix: rates fall with the period, later cohorts have fewer periods.
        let cohorts = ["2008-04", "2008-05", "2008-06", "2008-07"]
        var ret: [Double] = []
        for c in 0..<4 { for p in 0..<4 { ret.append(p < 4 - c ? pow(0.5, Double(p)) : .nan) } }
        check(Plot.heatmap(rowLabels: cohorts, columnLabels: ["0", "1", "2", "3"], values: ret, options: PlotOptions(title: "retention")), "heatmap-retention")
        let tall = (0..<30).map { "row \($0)" }
        check(Plot.heatmap(rowLabels: tall, columnLabels: ["a", "b"], values: (0..<60).map(Double.init)), "heatmap-tall")
    }

    func testFunnels() {
        check(Plot.funnel(steps: ["view", "cart", "checkout", "purchase"], counts: [10_000, 3_000, 1_200, 450],
                          options: PlotOptions(title: "checkout funnel", xLabel: "step")), "funnel")
        check(Plot.funnel(steps: ["a", "b"], counts: [0, 0], options: PlotOptions(xLabel: "step")), "funnel-zero")
        check(Plot.funnel(steps: ["view", "cart"], counts: [200, 50], rateFromPrevious: [1, 0.25], rateFromFirst: [1, 0.25],
                          options: PlotOptions(xLabel: "step")), "funnel-given-rates")
    }

    func testROC() {
        check(Plot.roc([ROCCurve(label: "forest", fpr: [0, 0, 0, 0.5, 0.5, 1], tpr: [0, 1.0 / 6, 4.0 / 6, 4.0 / 6, 1, 1])]), "roc")
        check(Plot.roc([ROCCurve(label: "tree", fpr: [0, 0.2, 0.6, 1], tpr: [0, 0.5, 0.8, 1]),
                        ROCCurve(label: "boost", fpr: [0, 0.1, 0.3, 1], tpr: [0, 0.7, 0.95, 1])]), "roc-two")
        check(Plot.roc([ROCCurve(fpr: [], tpr: [])]), "roc-empty")
    }

    func testImportance() {
        check(Plot.importance(features: ["page", "price", "colour", "country", "session_length", "month"],
                              importances: [0.12, 0.41, 0.2, 0.05, 0.18, 0.04]), "importance")
        check(Plot.importance(features: ["a", "b", "c"], importances: [0.3, -0.1, .nan], options: PlotOptions(title: "permutation importance")),
              "importance-negative")
    }

    // MARK: - Sizes

    func testSmallAndLargeSizesFit() {
        let p = Plot.histogram([1, 2, 2, 3, 3, 3], options: PlotOptions(xLabel: "x"))
        check(p, "hist-small", width: 30, height: 8)
        for (w, h) in [(24, 6), (120, 40), (200, 10)] {
            for q in [p, Plot.box([1, 2, 3], options: PlotOptions(yLabel: "v")), Plot.heatmap(rowLabels: ["a"], columnLabels: ["b"], values: [1])] {
                assertFits(q.text(width: w, height: h, color: false), width: w, height: h)
            }
        }
    }
}
