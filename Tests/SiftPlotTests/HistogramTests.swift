// Tests for histogram binning against NumPy 2.4, and for the awkward inputs: empty, constant, NaN, groups.
import XCTest
@testable import SiftPlot

final class HistogramTests: XCTestCase {
    /// The bar layer of a histogram plot.
    func layer(_ p: Plot, file: StaticString = #filePath, line: UInt = #line) -> BarLayer? {
        guard case .cartesian(let c) = p.figure.body, let b = c.bars else { XCTFail("not a histogram", file: file, line: line); return nil }
        return b
    }

    func counts(_ p: Plot) -> [Int] { layer(p)?.values.map { $0.isNaN ? 0 : Int($0) } ?? [] }

    // Expected values from NumPy 2.4.6 (/tmp/sift-bench-venv):
    //   np.histogram(A, bins="auto") and friends, datasets written out below.

    func testAutoBinsMatchNumPyOnSmallIntegers() {
        let a: [Double] = [1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 10]
        // np.histogram(A, bins="auto") -> ([3, 3, 4, 0, 0, 0, 1], edges 1 … 10 in 7 bins)
        let p = Plot.histogram(a)
        XCTAssertEqual(counts(p), [3, 3, 4, 0, 0, 0, 1])
        XCTAssertEqual(layer(p)?.edges?.start, 1)
        XCTAssertEqual(layer(p)?.edges?.width ?? 0, 9.0 / 7, accuracy: 1e-12)
    }

    func testAutoBinsMatchNumPyOnDoubles() {
        let b = (0..<200).map { (i: Int) -> Double in Double(i * 37 % 101) / 7.0 + Double(i % 5) }
        // len(np.histogram_bin_edges(B, "auto")) - 1 == 9; np.histogram(B, bins=9)[0]:
        XCTAssertEqual(HistogramBins.numpyAutoCount(b, integral: false), 9)
        XCTAssertEqual(counts(Plot.histogram(b)), [8, 19, 28, 28, 27, 29, 28, 22, 11])
        // np.histogram(B, bins=7)[0]:
        XCTAssertEqual(counts(Plot.histogram(b, options: PlotOptions(bins: 7))), [14, 29, 36, 35, 37, 34, 15])
        let g = (0..<5000).map { (i: Int) -> Double in Double(i * i % 1009) }
        XCTAssertEqual(HistogramBins.numpyAutoCount(g, integral: true), 17)   // NumPy: 17
    }

    func testAutoBinsAreCappedForLargeData() {
        let h = (0..<100_000).map { (i: Int) -> Double in Double(i * 7919 % 10007) / 10007 }
        XCTAssertEqual(HistogramBins.numpyAutoCount(h, integral: false), 47)   // NumPy: 47
        let p = Plot.histogram(h)
        XCTAssertEqual(layer(p)?.bins, HistogramBins.maxAutoBins)
        // np.histogram(H, bins=30)[0][:5] and [-3:]:
        let c = counts(p)
        XCTAssertEqual(Array(c.prefix(5)), [3338, 3337, 3328, 3338, 3328])
        XCTAssertEqual(Array(c.suffix(3)), [3328, 3338, 3338])
        XCTAssertEqual(c.reduce(0, +), 100_000)
    }

    func testIntegerDataGetsBinsAtLeastOneWide() {
        let d = (0..<1000).map { (i: Int) -> Double in Double(i % 3) }
        XCTAssertEqual(counts(Plot.histogram(d)), [334, 666])   // NumPy: ([334, 666], [0, 1, 2])
    }

    func testConstantDataGetsOneBinAroundIt() {
        let p = Plot.histogram([5, 5, 5])
        XCTAssertEqual(counts(p), [3])   // NumPy: ([3], [4.5, 5.5])
        XCTAssertEqual(layer(p)?.edges?.start, 4.5)
        XCTAssertEqual(layer(p)?.edges?.width, 1)
    }

    func testValuesOnEdgesGoRightAndMaxGoesInTheLastBin() {
        XCTAssertEqual(counts(Plot.histogram([0, 1, 2, 3, 4], options: PlotOptions(bins: 4))), [1, 1, 1, 2])   // NumPy: [1, 1, 1, 2]
        let e = HistogramBins.edges(lo: 0, hi: 1, count: 3)
        XCTAssertEqual(e.last, 1)
        e.withUnsafeBufferPointer { b in
            XCTAssertEqual(HistogramBins.bin(of: 1.0 / 3, edges: b), 1)   // edge 1/3 computed as 0 + 1 × (1/3)
            XCTAssertEqual(HistogramBins.bin(of: 1, edges: b), 2)
            XCTAssertEqual(HistogramBins.bin(of: 0, edges: b), 0)
        }
    }

    func testMissingValuesAreSkippedAndNoted() {
        let p = Plot.histogram([1, .nan, 2, .infinity, 2])
        XCTAssertEqual(counts(p).reduce(0, +), 3)
        XCTAssertEqual(p.figure.notes, ["2 missing values not shown"])
    }

    func testEmptyAndAllMissingGiveAnEmptyFigure() {
        for values in [[], [Double.nan, .nan]] {
            guard case .empty(let message) = Plot.histogram(values).figure.body else { return XCTFail("expected empty") }
            XCTAssertEqual(message, "no values to plot")
        }
    }

    func testGroupsShareBinsSideBySide() {
        let values: [Double] = [1, 1, 2, 3, 3, 3, 4]
        let groups = PlotGroups(["a", "b", "a", "b", "b", "a", "a"])
        let p = Plot.histogram(values, groups: groups, options: PlotOptions(bins: 3))
        guard let b = layer(p) else { return }
        XCTAssertEqual(b.groups, 2)
        // Bins [1, 2), [2, 3), [3, 4]: a has 1, 2, 3, 4 -> 1, 1, 2; b has 1, 3, 3 -> 1, 0, 2.
        XCTAssertEqual(counts(p), [1, 1, 1, 0, 2, 2])
        XCTAssertEqual(p.figure.legend.map(\.label), ["a", "b"])
    }

    func testTooManyGroupsAreCountedTogetherWithANote() {
        // 13 groups of one value each (0…12): one series, bins over all values, no legend.
        let values = (0..<13).map(Double.init)
        let p = Plot.histogram(values, groups: PlotGroups(values.map { "g\(Int($0))" }), options: PlotOptions(bins: 13))
        guard let b = layer(p) else { return }
        XCTAssertEqual(b.groups, 1)
        XCTAssertEqual(counts(p), [Int](repeating: 1, count: 13))
        XCTAssertTrue(p.figure.legend.isEmpty)
        XCTAssertEqual(p.figure.notes, ["13 groups are too many to draw side by side (at most 12); the bars count them all"])
        // Twelve still go side by side.
        let twelve = Array(values.prefix(12))
        let names: [String] = twelve.map { "g\(Int($0))" }
        XCTAssertEqual(layer(Plot.histogram(twelve, groups: PlotGroups(names)))?.groups, 12)
    }

    func testMergedBarsAddNeighboursAndKeepTheBinWidth() {
        let b = BarLayer(bins: 5, groups: 1, values: [1, 2, .nan, 4, 5], gaps: false, edges: (0, 1))
        let m = b.merged(by: 2)
        XCTAssertEqual(m.bins, 3)
        XCTAssertEqual(m.values, [3, 4, 5])
        XCTAssertEqual(m.edges?.width, 2)
    }
}
