// Tests for the boosting binner: one bin per value when few, quantile bins when many, the missing slot.
import XCTest
import SiftFrame
@testable import SiftLearn

final class FeatureBinnerTests: XCTestCase {
    private func bin(_ column: [Double], maxBins: Int = 255) -> FeatureCodes<UInt8> {
        column.withUnsafeBufferPointer { FeatureBinner.bin($0, rowCount: column.count, featureCount: 1, maxBins: maxBins) }
    }

    private func codes(_ c: FeatureCodes<UInt8>) -> [Int] { (0..<c.rowCount).map { Int(c.codes(0)[$0]) } }

    func testFewDistinctValuesGetOneBinEachWithMidpointEdges() {
        let c = bin([3, 1, 2, 3, 1, -0.0, 0])
        XCTAssertEqual(c.splitValues[0], [0.5, 1.5, 2.5], "−0 and 0 are one value")
        XCTAssertEqual(codes(c), [3, 1, 2, 3, 1, 0, 0])
        XCTAssertEqual(c.binCounts, [4])
    }

    func testManyValuesGetQuantileBinsOfSimilarSize() {
        let values = (0..<1000).map { Double(($0 * 7919) % 1000) }
        let c = bin(values, maxBins: 10)
        XCTAssertEqual(c.binCounts, [10])
        var sizes = [Int](repeating: 0, count: 10)
        for k in codes(c) { sizes[k] += 1 }
        XCTAssertEqual(sizes, [Int](repeating: 100, count: 10))
        // "bin ≤ b" is exactly "value ≤ edges[b]".
        for (v, k) in zip(values, codes(c)) {
            for b in 0..<9 { XCTAssertEqual(k <= b, v <= c.splitValues[0][b]) }
        }
    }

    func testHeavyTiesGiveFewerBins() {
        let values = [Double](repeating: 5, count: 900) + (0..<300).map(Double.init)
        let c = bin(values, maxBins: 4)
        XCTAssertLessThanOrEqual(c.binCounts[0], 4)
        XCTAssertEqual(Set(codes(c).prefix(900)).count, 1, "equal values share a bin")
    }

    func testMissingValuesGoToTheLastSlot() {
        let c = bin([.nan, 1, 2, .nan])
        XCTAssertEqual(codes(c), [255, 0, 1, 255])
        XCTAssertEqual(c.missingSlot, 255)
        XCTAssertEqual(bin([.nan, .nan]).binCounts, [1], "an all-missing feature has one empty bin")
    }

    func testBoundarySizes() {
        for n in [0, 1, 2, 63, 64, 65, 127, 128, 129] {
            let c = bin((0..<n).map { Double($0 % 50) })
            XCTAssertEqual(c.rowCount, n)
            XCTAssertEqual(c.binCounts[0], max(1, min(n, 50)), "n = \(n)")
        }
    }
}
