// Tests for the plot verb: bind errors before any row is read, typed extraction into SiftPlot, and every kind from a frame.
import Foundation
import XCTest
import SiftFrame
import SiftLang
import SiftPlot
@testable import SiftSession

final class PlotVerbsTests: XCTestCase {
    static let prices: [Double?] = [10, 12.5, 20, nil, 35, 40, 41, 60, 12, 15]
    static let base = Timestamp(year: 2008, month: 4, day: 1)!.micros

    /// A session with `clicks`: price (double, one null), device (string, one null), event
    /// (dictionary strings), hour (int), time (timestamp every 7 hours).
    func session() -> CapturedSession {
        let c = CapturedSession()
        let devices: [String?] = ["mobile", "desktop", "mobile", "tablet", nil, "desktop", "mobile", "mobile", "desktop", "mobile"]
        let events: [String?] = ["view", "view", "cart", "view", "purchase", "view", "cart", "view", "view", "cart"]
        let hours: [Int64?] = [9, 10, 9, 23, 0, 10, 9, 11, 23, 9]
        let times: [Timestamp?] = (0..<10).map { Timestamp(micros: Self.base + Int64($0) * 7 * 3_600_000_000) }
        let f = try! DataFrame(columns: [
            ("price", .double(Column(Self.prices))), ("device", .string(StringColumn(devices))),
            ("event", .string(StringColumn(events).dictionaryEncoded())), ("hour", .int(Column(hours))),
            ("time", .timestamp(Column(times))),
        ])
        c.session.interpreter.globals.bind("clicks", .frame(f))
        return c
    }

    /// What the session shows for a multi-line value.
    func shown(_ p: Plot, width: Int = 100, height: Int = 20) -> String { p.text(width: width, height: height, color: false) + "\n\n" }

    var priceValues: [Double] { Self.prices.map { $0 ?? .nan } }

    // MARK: - Kinds from a frame

    func testHistDisplaysTheChartAtTheDisplaySize() {
        let c = session()
        XCTAssertEqual(c.run("clicks | plot hist price"), shown(Plot.histogram(priceValues, options: PlotOptions(xLabel: "price"))))
        let byDevice = Plot.histogram(priceValues, groups: PlotGroups(codes: [0, 1, 0, 2, 3, 1, 0, 0, 1, 0], labels: ["mobile", "desktop", "tablet", "null"]),
                                      options: PlotOptions(title: "prices", xLabel: "price", bins: 4, groupLabel: "device"))
        XCTAssertEqual(c.run("clicks | plot hist price by:device bins:4 title:\"prices\""), shown(byDevice))
        XCTAssertTrue(c.run("clicks | plot hist price").contains("1 missing value not shown"))
    }

    func testHistOfTimestampsUsesATimeAxis() {
        let micros = (0..<10).map { Double(Self.base + Int64($0) * 7 * 3_600_000_000) }
        XCTAssertEqual(session().run("clicks | plot hist time"), shown(Plot.histogram(micros, options: PlotOptions(xLabel: "time", xIsTime: true))))
    }

    func testBarCountsStringsByFrequencyAndNumbersByValue() {
        let c = session()
        XCTAssertEqual(c.run("clicks | plot bar event"),
                       shown(Plot.bar(labels: ["view", "cart", "purchase"], values: [6, 3, 1], options: PlotOptions(xLabel: "event", yLabel: "count"))))
        XCTAssertEqual(c.run("clicks | plot bar hour"),
                       shown(Plot.bar(labels: ["0", "9", "10", "11", "23"], values: [1, 4, 2, 1, 2], options: PlotOptions(xLabel: "hour", yLabel: "count"))))
        // Sums of y in first-seen order, null last: mobile 10+20+41+60+15, desktop 12.5+40+12, tablet's price is null.
        XCTAssertEqual(c.run("clicks | plot bar device price"),
                       shown(Plot.bar(labels: ["mobile", "desktop", "tablet", "null"], values: [146, 64.5, .nan, 35],
                                      options: PlotOptions(xLabel: "device", yLabel: "price"))))
    }

    func testBarValuesOrdering() {
        let g = PlotGroups(codes: [0, 1, 2, 1, 2, 3, 2], labels: ["b", "null", "a", "c"])
        let counted = PlotBinding.barValues(g, nullCode: 1, y: nil, order: nil)
        XCTAssertEqual(counted.0, ["a", "b", "c", "null"])   // a 3; b and c 1, tie by first seen; null last
        XCTAssertEqual(counted.1, [3, 1, 1, 2])
        let summed = PlotBinding.barValues(g, nullCode: 1, y: [1, 2, 3, .nan, 4, .nan, 5], order: nil)
        XCTAssertEqual(summed.0, ["b", "a", "c", "null"])
        XCTAssertEqual(summed.1[0], 1); XCTAssertEqual(summed.1[1], 12); XCTAssertTrue(summed.1[2].isNaN); XCTAssertEqual(summed.1[3], 2)
        let numeric = PlotBinding.barValues(PlotGroups(codes: [0, 1, 2], labels: ["10", "9", "null"]), nullCode: 2, y: nil, order: [10, 9, .nan])
        XCTAssertEqual(numeric.0, ["9", "10", "null"])
    }

    func testLineScatterAndBox() {
        let c = session()
        let micros = (0..<10).map { Double(Self.base + Int64($0) * 7 * 3_600_000_000) }
        XCTAssertEqual(c.run("clicks | plot line time price log:true"),
                       shown(Plot.line(x: micros, y: priceValues, options: PlotOptions(xLabel: "time", yLabel: "price", log: true, xIsTime: true))))
        let hours = [9.0, 10, 9, 23, 0, 10, 9, 11, 23, 9]
        XCTAssertEqual(c.run("clicks | plot scatter hour price by:event width:60 height:15"),
                       shown(Plot.scatter(x: hours, y: priceValues, groups: PlotGroups(codes: [0, 0, 1, 0, 2, 0, 1, 0, 0, 1], labels: ["view", "cart", "purchase"]),
                                          options: PlotOptions(xLabel: "hour", yLabel: "price", groupLabel: "event")), width: 60, height: 15))
        XCTAssertEqual(c.run("clicks | plot box price"), shown(Plot.box(priceValues, options: PlotOptions(yLabel: "price"))))
    }

    func testHeatmapOfAMatrixFrame() {
        let c = CapturedSession()
        let m = try! DataFrame(columns: [("column", .string(StringColumn(["a", "b"]))), ("a", .double(Column<Double>([1, -0.5]))),
                                         ("b", .double(Column<Double>([-0.5, 1])))])
        c.session.interpreter.globals.bind("m", .frame(m))
        XCTAssertEqual(c.run("m | plot heatmap"), shown(Plot.heatmap(rowLabels: ["a", "b"], columnLabels: ["a", "b"], values: [1, -0.5, -0.5, 1])))
        let bad = try! DataFrame(columns: [("column", .string(StringColumn(["a"]))), ("a", .double(Column<Double>([1]))), ("n", .string(StringColumn(["x"])))])
        c.session.interpreter.globals.bind("bad", .frame(bad))
        XCTAssertTrue(c.run("bad | plot heatmap").contains("error: 'plot heatmap' needs numeric matrix columns after the row labels, 'n' is string"))
    }

    func testHeatmapTakesAnIntKeyColumnAsRowLabels() {
        // `crosstab page colour` starts with the page key (distinct ints): row labels, not a column.
        let c = CapturedSession()
        let m = try! DataFrame(columns: [("page", .int(Column<Int64>([1, 2]))), ("1", .int(Column<Int64>([8, 4]))), ("2", .int(Column<Int64>([17, 0])))])
        c.session.interpreter.globals.bind("m", .frame(m))
        XCTAssertEqual(c.run("m | plot heatmap"), shown(Plot.heatmap(rowLabels: ["1", "2"], columnLabels: ["1", "2"], values: [8, 17, 4, 0])))
        // An int first column with a repeated value is data.
        let d = try! DataFrame(columns: [("a", .int(Column<Int64>([1, 1]))), ("b", .int(Column<Int64>([2, 3])))])
        c.session.interpreter.globals.bind("d", .frame(d))
        XCTAssertEqual(c.run("d | plot heatmap"), shown(Plot.heatmap(rowLabels: ["0", "1"], columnLabels: ["a", "b"], values: [1, 2, 1, 3])))
    }

    func testNumericByColumnsAreInAscendingOrder() {
        // hour's first appearances are 9, 10, 23, 0, 11; the series are 0, 9, 10, 11, 23.
        let hours: [Int32] = [1, 2, 1, 4, 0, 2, 1, 3, 4, 1]
        let expected = Plot.box(priceValues, groups: PlotGroups(codes: hours, labels: ["0", "9", "10", "11", "23"]),
                                options: PlotOptions(yLabel: "price", groupLabel: "hour"))
        XCTAssertEqual(session().run("clicks | plot box price by:hour"), shown(expected))
    }

    func testSaveWritesSVGAndColourlessText() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sift-plot-save-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let svgPath = dir.appendingPathComponent("x.svg").path, txtPath = dir.appendingPathComponent("x.txt").path
        let c = session()
        let shownText = c.run("clicks | plot hist price bins:4 | save \"\(svgPath)\" | save \"\(txtPath)\"")
        let expected = Plot.histogram(priceValues, options: PlotOptions(xLabel: "price", bins: 4))
        XCTAssertEqual(shownText, shown(expected))
        let txt = try String(contentsOfFile: txtPath, encoding: .utf8)
        XCTAssertEqual(txt, expected.text(width: 100, height: 20, color: false) + "\n")
        XCTAssertFalse(txt.contains("\u{1B}"))
        let svg = try String(contentsOfFile: svgPath, encoding: .utf8)
        XCTAssertEqual(svg, expected.svg(width: 640, height: 400))
        // Well-formed XML with both axes, tick labels, and one bar per non-empty bin: the nine
        // prices 10…60 in bins of 12.5 ([10, 22.5), [22.5, 35), [35, 47.5), [47.5, 60]) hold
        // 5, 0, 3 and 1, so three bars.
        let parsed = XMLSummary(svg)
        XCTAssertNil(parsed.error)
        XCTAssertEqual(parsed.groups.filter { $0 == "axis x" }.count, 1)
        XCTAssertEqual(parsed.groups.filter { $0 == "axis y" }.count, 1)
        XCTAssertEqual(parsed.rects.filter { $0 == "bar" }.count, 3)
        XCTAssertTrue(parsed.texts.contains("price") && parsed.texts.contains("count"))
    }

    func testFunnelROCAndImportanceFrames() {
        let c = CapturedSession()
        let f = try! DataFrame(columns: [("step", .string(StringColumn(["view", "cart"]))), ("count", .int(Column<Int64>([200, 50]))),
                                         ("rate_from_prev", .double(Column<Double>([1, 0.25]))), ("rate_from_first", .double(Column<Double>([1, 0.25])))])
        c.session.interpreter.globals.bind("f", .frame(f))
        XCTAssertEqual(c.run("f | plot funnel"), shown(Plot.funnel(steps: ["view", "cart"], counts: [200, 50], rateFromPrevious: [1, 0.25],
                                                                   rateFromFirst: [1, 0.25], options: PlotOptions(xLabel: "step"))))
        let r = try! DataFrame(columns: [("model", .string(StringColumn(["a", "a", "b", "b", "b"]))), ("fpr", .double(Column<Double>([0, 1, 0, 0, 1]))),
                                         ("tpr", .double(Column<Double>([0, 1, 0, 1, 1])))])
        c.session.interpreter.globals.bind("r", .frame(r))
        XCTAssertEqual(c.run("r | plot roc by:model"),
                       shown(Plot.roc([ROCCurve(label: "a", fpr: [0, 1], tpr: [0, 1]), ROCCurve(label: "b", fpr: [0, 0, 1], tpr: [0, 1, 1])],
                                      options: PlotOptions(groupLabel: "model"))))
        let i = try! DataFrame(columns: [("feature", .string(StringColumn(["x", "y"]))), ("importance", .double(Column<Double>([0.2, 0.8])))])
        c.session.interpreter.globals.bind("i", .frame(i))
        XCTAssertEqual(c.run("i | plot importance"), shown(Plot.importance(features: ["x", "y"], importances: [0.2, 0.8])))
    }

    func testGroupedInputIsPlottedUngrouped() {
        let c = session()
        guard case .frame(let f)? = c.session.interpreter.globals.lookup("clicks") else { return XCTFail() }
        let g = GroupedValue(frame: f, keys: ["device"], grouping: try! f.grouping(by: ["device"]))
        c.session.interpreter.globals.bind("g", .grouped(g))
        XCTAssertEqual(c.run("g | plot hist price"), c.run("clicks | plot hist price"))
    }

    // MARK: - Bind errors

    func testBindErrorsNameTheProblemAndPlace() {
        let c = session()
        let cases: [(String, String)] = [
            ("clicks | plot hist prce", "t.sift:1:20: error: unknown column 'prce' (did you mean 'price'?)"),
            ("clicks | plot hist device", "t.sift:1:20: error: 'plot hist' needs a numeric or timestamp column, 'device' is string (to count its values use 'plot bar device')"),
            ("clicks | plot line time device", "t.sift:1:25: error: 'plot line' needs a numeric column, 'device' is string"),
            ("clicks | plot pie price", "t.sift:1:15: error: 'pie' is not one of hist, bar, line, scatter, box, heatmap, funnel, roc, importance"),
            ("clicks | plot hisst price", "(did you mean 'hist'?)"),
            ("clicks | plot scatter price", "t.sift:1:10: error: 'plot scatter' needs 2 columns: plot scatter x y [by:g]"),
            ("clicks | plot hist price hour", "t.sift:1:26: error: 'plot hist' takes one column, got an extra one"),
            ("clicks | plot", "error: 'plot' needs an argument"),
            ("clicks | plot bar event bins:3", "t.sift:1:25: error: option 'bins:' does not apply to 'plot bar'; it is for 'plot hist'"),
            ("clicks | plot bar event by:device", "error: option 'by:' does not apply to 'plot bar'"),
            ("clicks | plot hist price colour:true", "unknown option 'colour' for 'plot'"),
            ("clicks | plot hist price width:-3", "bad argument #2 to 'plot' (positive integer for width: expected, got -3)"),
            ("clicks | plot hist price bins:\"ten\"", "bad argument #2 to 'plot' (positive integer for bins: expected, got string)"),
            ("clicks | plot hist price bins:20000", "error: bins:20000 is more than 10000 bins"),
            ("clicks | plot hist price log:1", "bad argument #2 to 'plot' (true or false expected, got int)"),
            ("clicks | plot hist price by:devise", "unknown column 'devise' (did you mean 'device'?)"),
            ("clicks | plot funnel", "t.sift:1:10: error: 'plot funnel' needs a column 'step'"),
            ("clicks | plot roc", "error: 'plot roc' needs a column 'fpr'"),
            ("1 | plot hist x", "error: 'plot' needs a frame as input, got an int"),
            ("clicks | select price | plot hist device", "unknown column 'device'"),
        ]
        for (code, message) in cases {
            let out = c.run(code)
            XCTAssertTrue(out.contains(message), "\(code)\n\(out)")
            XCTAssertFalse(out.contains("count\n"), "\(code) drew a chart")
        }
    }

    // MARK: - Models and other host objects

    struct FakeModel: HostObject, PlotDataSource {
        var curve: ROCCurve?
        var pairs: [(feature: String, importance: Double)]?
        var typeName: String { "model" }
        func display(_ options: DisplayOptions) -> String { "<model>" }
        func rocCurve() -> ROCCurve? { curve }
        func importances() -> [(feature: String, importance: Double)]? { pairs }
    }

    struct Thing: HostObject {
        var typeName: String { "thing" }
        func display(_ options: DisplayOptions) -> String { "<thing>" }
    }

    func testModelsPlotTheirROCCurveAndImportances() {
        let c = CapturedSession()
        let curve = ROCCurve(label: "forest", fpr: [0, 0.2, 1], tpr: [0, 0.8, 1])
        c.session.interpreter.globals.bind("m", .object(FakeModel(curve: curve, pairs: [("a", 0.3), ("b", 0.7)])))
        c.session.interpreter.globals.bind("regression", .object(FakeModel(curve: nil, pairs: nil)))
        c.session.interpreter.globals.bind("t", .object(Thing()))
        XCTAssertEqual(c.run("m | plot roc"), shown(Plot.roc([curve])))
        XCTAssertEqual(c.run("m | plot importance title:\"why\""),
                       shown(Plot.importance(features: ["a", "b"], importances: [0.3, 0.7], options: PlotOptions(title: "why"))))
        XCTAssertTrue(c.run("regression | plot roc").contains("error: this model has no ROC curve (it is not a binary classifier)"))
        XCTAssertTrue(c.run("regression | plot importance").contains("error: this model has no feature importances"))
        XCTAssertTrue(c.run("t | plot roc").contains("error: a thing cannot be plotted with 'plot roc'"))
        XCTAssertTrue(c.run("m | plot hist x").contains("error: 'plot hist' needs a frame as input, got a model"))
        XCTAssertTrue(c.run("m | plot roc by:x").contains("error: 'by:' needs a frame of curves, not a model"))
    }

    // MARK: - The plot value

    func testPlotValueIsAPlotWithAKindAndSVG() {
        let c = session()
        XCTAssertEqual(c.run("let p = clicks | plot box price; p.kind"), "box\n")
        XCTAssertTrue(c.run("p.svg").hasPrefix("<?xml"))
        XCTAssertEqual(c.run("p"), shown(Plot.box(priceValues, options: PlotOptions(yLabel: "price"))))
        XCTAssertTrue(c.run("p.nope").contains("error: plot has no field 'nope'"))
        XCTAssertEqual(ValueFormatter.literal(.object(PlotValue(plot: Plot.histogram([1])))), "<plot>")
    }
}
