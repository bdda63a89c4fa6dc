// Tests for per-group quantiles and modes: selection against sorting, ties, and the parallel split of groups.
import XCTest
@testable import SiftFrame

final class GroupedOrderStatisticsTests: XCTestCase {
    func testSelectionMatchesSortingForEveryQuantile() {
        var rng = SeededGenerator(seed: 3)
        for n in [1, 2, 3, 16, 17, 100, 1001, 20_000] {
            // Few distinct values, so ties and equal pivots are common.
            let v = (0..<n).map { _ in Double(rng.next() % 13) }
            let sorted = v.sorted()
            for q in [0, 0.1, 0.25, 0.5, 0.9, 0.999, 1] {
                var copy = v
                let got = copy.withUnsafeMutableBufferPointer { GroupedOrderStatistics.selectQuantile($0, q) }
                let want = sorted.withUnsafeBufferPointer { Statistics.quantile(sorted: $0, q) }
                XCTAssertEqual(got, want, "n=\(n) q=\(q)")
            }
        }
    }

    func testSelectionSurvivesSortedAndConstantInput() {
        for v in [(0..<5000).map(Double.init), (0..<5000).reversed().map(Double.init), [Double](repeating: 2, count: 5000)] {
            var copy = v
            let got = copy.withUnsafeMutableBufferPointer { GroupedOrderStatistics.selectQuantile($0, 0.5) }
            XCTAssertEqual(got, v.sorted().withUnsafeBufferPointer { Statistics.quantile(sorted: $0, 0.5) })
        }
    }

    func testManyGroupsSplitAcrossCoresMatchPerGroupSorting() {
        let n = 200_000
        var rng = SeededGenerator(seed: 8)
        let v = (0..<n).map { _ in Int64(rng.next() % 50) }
        let valid = nullPattern(n, period: 11, seed: 4)
        let ids = (0..<n).map { Int32($0 % 1000) }
        let g = Grouping(groupIDs: ids, groupCount: 1000, firstRows: (0..<1000).map { Int32($0) })
        var members = [[Int64]](repeating: [], count: 1000)
        for i in 0..<n where valid[i] { members[i % 1000].append(v[i]) }
        let col = Column(values: v, validity: Bitmap(valid))
        let q = GroupedOrderStatistics.quantiles(col, g, 0.3)
        let m = GroupedOrderStatistics.modes(v, col.validity, g)
        for k in 0..<1000 {
            XCTAssertEqual(q[k], Statistics.quantile(members[k].map(Double.init), 0.3), "group \(k)")
            XCTAssertEqual(m[k], Statistics.mode(members[k]), "group \(k)")
        }
    }
}
