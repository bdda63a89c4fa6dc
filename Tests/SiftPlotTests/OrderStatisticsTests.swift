// Tests for selection-based quantiles: they equal the sorted-array quantiles on hard inputs.
import XCTest
import SiftFrame
@testable import SiftPlot

final class OrderStatisticsTests: XCTestCase {
    func sortedQuantiles(_ v: [Double], _ qs: [Double]) -> [Double] {
        let s = v.sorted()
        return s.withUnsafeBufferPointer { b in qs.map { Statistics.quantile(sorted: b, $0) ?? .nan } }
    }

    func testQuantilesEqualTheSortedKernelBitForBit() {
        var r = TestData(seed: 5)
        let qs = [0, 0.25, 0.5, 0.75, 1, 0.1, 0.999]
        let inputs: [[Double]] = [
            [7, 1, 5, 3], [42], [2, 2], (0..<1000).map(Double.init), (0..<1000).map { Double(999 - $0) },
            (0..<5000).map { Double($0 % 3) },                       // few distinct values
            [Double](repeating: 4, count: 300),                      // all equal
            (0..<2000).map { _ in r.uniform() * 100 - 50 },
            (0..<129).map { $0 % 2 == 0 ? Double($0) : -Double($0) }, // organ-pipe-like alternation
        ]
        for v in inputs {
            var scratch = v
            XCTAssertEqual(OrderStatistics.quantiles(&scratch, qs), sortedQuantiles(v, qs), "\(v.prefix(5))… (\(v.count))")
            XCTAssertEqual(scratch.sorted(), v.sorted(), "selection must only rearrange")
        }
        var empty: [Double] = []
        XCTAssertEqual(OrderStatistics.quantiles(&empty, [0.5]), [])
        var small: [Double] = [7, 1, 5, 3]
        XCTAssertEqual(OrderStatistics.quantiles(&small, [0.25, 0.5, 0.75]), [2.5, 4, 5.5])
    }

    func testSelectPartitionsAroundTheKthValue() {
        var v: [Double] = [9, 3, 7, 1, 8, 2, 6, 4, 5, 0]
        let k = v.withUnsafeMutableBufferPointer { OrderStatistics.select($0, 6, from: 0, to: 10) }
        XCTAssertEqual(k, 6)
        XCTAssertTrue(v[..<6].allSatisfy { $0 <= 6 } && v[7...].allSatisfy { $0 >= 6 })
    }
}
