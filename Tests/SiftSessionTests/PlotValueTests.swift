// Tests for PlotValue and PlotColumns: sizes for each form, what save writes, and typed extraction from columns.
import XCTest
import SiftFrame
import SiftLang
import SiftPlot
@testable import SiftSession

final class PlotValueTests: XCTestCase {
    let plot = Plot.histogram([1, 2, 2, 3], options: PlotOptions(xLabel: "x"))

    func testSizesAreCharactersForTheTerminalAndPixelsForSVG() {
        let plain = PlotValue(plot: plot)
        XCTAssertTrue(plain.textSize(displayWidth: 100, plotHeight: 20) == (100, 20))
        XCTAssertTrue(plain.textSize(displayWidth: 200, plotHeight: 20) == (PlotValue.maxDefaultWidth, 20))
        XCTAssertTrue(plain.svgSize == (640, 400))
        let small = PlotValue(plot: plot, width: 60, height: 15)
        XCTAssertTrue(small.textSize(displayWidth: 100, plotHeight: 20) == (60, 15))
        XCTAssertTrue(small.svgSize == (640, 400))   // 60 × 15 pixels would be unreadable
        let big = PlotValue(plot: plot, width: 1000, height: 600)
        XCTAssertTrue(big.textSize(displayWidth: 100, plotHeight: 20) == (100, 20))   // wider than the display
        XCTAssertTrue(big.svgSize == (1000, 600))
    }

    func testDisplayUsesTheOptionsWidthHeightAndColour() {
        let v = PlotValue(plot: plot)
        XCTAssertEqual(v.display(DisplayOptions(width: 80, plotHeight: 12)), plot.text(width: 80, height: 12, color: false))
        XCTAssertTrue(v.display(DisplayOptions(width: 80, color: true)).contains("\u{1B}["))
        XCTAssertEqual(v.typeName, "plot")
    }

    func testSavedContentsAreSVGOrColourlessText() throws {
        let v = PlotValue(plot: plot)
        XCTAssertEqual(v.savableExtensions, ["svg", "txt"])
        XCTAssertEqual(try v.savedContents(extension: "svg").map { String(decoding: $0, as: UTF8.self) }, plot.svg(width: 640, height: 400))
        XCTAssertEqual(try v.savedContents(extension: "txt").map { String(decoding: $0, as: UTF8.self) }, plot.text(width: 100, height: 20, color: false) + "\n")
        XCTAssertNil(try v.savedContents(extension: "json"))
        let sized = PlotValue(plot: plot, width: 150, height: 30)
        XCTAssertEqual(try sized.savedContents(extension: "txt").map { String(decoding: $0, as: UTF8.self) }, plot.text(width: 150, height: 30, color: false) + "\n")
    }

    func testDoublesFromEveryColumnType() {
        XCTAssertEqual(PlotColumns.doubles(.int(Column<Int64>([1, nil, 3]))).map { $0.isNaN ? -1 : $0 }, [1, -1, 3])
        XCTAssertEqual(PlotColumns.doubles(.bool(Column<Bool>([true, false]))), [1, 0])
        XCTAssertEqual(PlotColumns.doubles(.timestamp(Column([Timestamp(micros: 5)]))), [5])
        XCTAssertEqual(PlotColumns.doubles(.duration(Column([Duration(micros: 1_500_000)]))), [1.5])
        XCTAssertTrue(PlotColumns.doubles(.string(StringColumn(["a"]))).allSatisfy(\.isNaN))
        // Nulls at every position across word boundaries.
        for n in [0, 1, 63, 64, 65, 129] {
            let values: [Double?] = (0..<n).map { $0 % 3 == 1 ? nil : Double($0) }
            let out = PlotColumns.doubles(.double(Column(values)))
            XCTAssertEqual(out.count, n)
            for i in 0..<n { XCTAssertEqual(out[i].isNaN, values[i] == nil, "row \(i) of \(n)") }
        }
    }

    func testCategoriesNumberFirstSeenWithNullItsOwn() {
        // A dictionary with entries in another order and one no row uses.
        let entries = StringArray(["unused", "b", "a"])
        let col = StringColumn(storage: .dictionary(codes: [2, 1, 2, 0, 1], entries: entries), validity: Bitmap([true, true, true, false, true]))
        let (g, nullCode) = PlotColumns.categories(.string(col))
        XCTAssertEqual(g.labels, ["a", "b", "null"])
        XCTAssertEqual(g.codes, [0, 1, 0, 2, 1])
        XCTAssertEqual(nullCode, 2)
        let ints = PlotColumns.categories(.int(Column<Int64>([7, nil, 3, 7])))
        XCTAssertEqual(ints.groups.labels, ["7", "null", "3"])
        XCTAssertEqual(ints.nullCode, 1)
        let days = PlotColumns.categories(.timestamp(Column([Timestamp(year: 2008, month: 4, day: 1)!, Timestamp(year: 2008, month: 4, day: 2)!])))
        XCTAssertEqual(days.groups.labels, ["2008-04-01", "2008-04-02"])
        XCTAssertEqual(PlotColumns.categories(.string(StringColumn([]))).groups.labels, [])
    }
}
