// Tests for box statistics: interpolated quartiles, Tukey whiskers and outliers, checked against NumPy.
import XCTest
@testable import SiftPlot

final class BoxPlotTests: XCTestCase {
    // Expected values: np.percentile(x, [25, 50, 75]) and the extremes of x within
    // [q1 - 1.5 IQR, q3 + 1.5 IQR], NumPy 2.4.6.

    func testOneOutlierAboveTheFence() {
        let b = BoxStats([1, 2, 3, 4, 5, 6, 7, 8, 100])
        XCTAssertEqual(b.q1, 3); XCTAssertEqual(b.median, 5); XCTAssertEqual(b.q3, 7)
        XCTAssertEqual(b.whiskerLow, 1); XCTAssertEqual(b.whiskerHigh, 8)
        XCTAssertEqual(b.outliers, [100])
        XCTAssertEqual(b.count, 9)
    }

    func testOutliersOnBothSides() {
        let x = (0..<50).map { (i: Int) -> Double in Double(i * 37 % 101) / 7.0 } + [-40, 60]
        let b = BoxStats(x)
        XCTAssertEqual(b.q1, 3.25, accuracy: 1e-12)
        XCTAssertEqual(b.median, 7.071428571428571, accuracy: 1e-12)
        XCTAssertEqual(b.q3, 10.892857142857142, accuracy: 1e-12)
        XCTAssertEqual(b.whiskerLow, 0); XCTAssertEqual(b.whiskerHigh, 14.285714285714286, accuracy: 1e-12)
        XCTAssertEqual(b.outliers, [-40, 60])
    }

    func testOneValueAndConstantValues() {
        let one = BoxStats([7])
        XCTAssertEqual([one.q1, one.median, one.q3, one.whiskerLow, one.whiskerHigh], [7, 7, 7, 7, 7])
        let c = BoxStats([2, 2, 2, 2])
        XCTAssertEqual(c.outliers, [])
        XCTAssertEqual(c.whiskerHigh, 2)
    }

    func testManyOutliersAreThinnedKeepingTheExtremes() {
        // 8000 zeros put both quartiles at 0 (IQR 0), so each of 1…1500 is an outlier.
        let x = (1...1500).map { Double($0) } + [Double](repeating: 0, count: 8000)
        let b = BoxStats(x)
        XCTAssertEqual(b.count, 9500)
        XCTAssertEqual([b.q1, b.median, b.q3, b.whiskerLow, b.whiskerHigh], [0, 0, 0, 0, 0])
        XCTAssertEqual(b.outliers.count, BoxStats.maxOutliers)
        XCTAssertEqual(b.outliers.first, 1)
        XCTAssertEqual(b.outliers.last, 1500)
        XCTAssertEqual(b.outliers, b.outliers.sorted())
    }

    func testGroupsWithoutValuesGetEmptyRows() {
        let p = Plot.box([1, 2, 3, .nan], groups: PlotGroups(["a", "a", "a", "b"]), options: PlotOptions(yLabel: "v"))
        guard case .rows(let r) = p.figure.body else { return XCTFail() }
        XCTAssertEqual(r.labels, ["a", "b"])
        if case .none = r.items[1] {} else { XCTFail("b has no values") }
        XCTAssertEqual(r.annotations.map(\.first), ["n=3", "n=0"])
        XCTAssertEqual(p.figure.notes, ["1 missing value not shown"])
    }
}
