// Tests for per-group counts and sums: the fixed summation order, exact int sums, and the parallel split.
import XCTest
@testable import SiftFrame

final class GroupedSumTests: XCTestCase {
    /// Rows large enough that `Parallel` splits them (several blocks and chunks).
    let large = 3 * GroupedSum.blockSize + 123

    func randomDoubles(_ n: Int, seed: UInt64) -> [Double] {
        var rng = SeededGenerator(seed: seed)
        return (0..<n).map { _ in Double(rng.next() >> 11) / Double(1 << 53) * 200 - 100 }
    }

    /// The documented order of the single-group sum, written out plainly.
    func referenceSingleSum(_ v: [Double], _ valid: [Bool]?) -> Double {
        var total = 0.0
        var start = 0
        while start < v.count {
            let end = min(v.count, start + GroupedSum.blockSize)
            var lanes = [Double](repeating: 0, count: 8)
            for i in start..<end where valid?[i] ?? true { lanes[i & 7] += v[i] }
            total += ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]))
            start = end
        }
        return total
    }

    func testSingleGroupSumFollowsTheDocumentedOrderExactly() {
        for n in boundarySizes + [large] {
            let v = randomDoubles(n, seed: UInt64(n))
            let valid = nullPattern(n, period: 7, seed: 3)
            XCTAssertEqual(GroupedSum.sums(Column(values: v), .single(rowCount: n)), [referenceSingleSum(v, nil)], "n=\(n)")
            let withNulls = Column(values: v, validity: Bitmap(valid))
            XCTAssertEqual(GroupedSum.sums(withNulls, .single(rowCount: n)), [referenceSingleSum(v, valid)], "n=\(n) with nulls")
        }
    }

    func testGroupedSumAddsEachGroupInRowOrder() {
        let n = large
        let v = randomDoubles(n, seed: 9)
        let ids = (0..<n).map { Int32(($0 * 31) % 5) }
        let g = Grouping(groupIDs: ids, groupCount: 5, firstRows: [0, 1, 2, 3, 4].map { Int32(($0 * 21) % 5) }.sorted { ids[Int($0)] < ids[Int($1)] })
        var want = [Double](repeating: 0, count: 5)
        for i in 0..<n { want[Int(ids[i])] += v[i] }
        XCTAssertEqual(GroupedSum.sums(Column(values: v), g), want)
    }

    func testCountsAndIntTotalsAgreeWithDirectComputationWhenSplitAcrossCores() {
        let n = large
        var rng = SeededGenerator(seed: 5)
        let v = (0..<n).map { _ in Int64(rng.next() % 2001) - 1000 }
        let valid = nullPattern(n, period: 9, seed: 2)
        let ids = (0..<n).map { Int32($0 % 7) }
        let g = Grouping(groupIDs: ids, groupCount: 7, firstRows: (0..<7).map { Int32($0) })
        var sums = [Int64](repeating: 0, count: 7), counts = [Int](repeating: 0, count: 7)
        for i in 0..<n where valid[i] { sums[i % 7] += v[i]; counts[i % 7] += 1 }
        let c = Column(values: v, validity: Bitmap(valid))
        let t = GroupedSum.totals(c, g)
        XCTAssertEqual(t.sums.map(\.value), sums)
        XCTAssertEqual(t.counts, counts)
        XCTAssertEqual(GroupedSum.validCounts(c.validity, g), counts)
        let single = GroupedSum.totals(c, .single(rowCount: n))
        XCTAssertEqual(single.sums.map(\.value), [sums.reduce(0, +)])
        XCTAssertEqual(single.counts, [counts.reduce(0, +)])
    }

    func testExactSumCountsWrapArounds() {
        var s = GroupedSum.ExactSum()
        s.add(Int64.max); s.add(Int64.max); s.add(2)
        XCTAssertNil(s.value)
        XCTAssertEqual(s.doubleValue, 2 * Double(Int64.max) + 2)
        s.add(Int64.min); s.add(Int64.min)
        XCTAssertEqual(s.value, 0)
        // A wrap in one chunk undone in another: the totals fall back to the exact scan.
        let n = large
        var v = [Int64](repeating: 0, count: n)
        v[0] = Int64.max; v[1] = 10; v[n - 1] = -20
        let t = GroupedSum.totals(Column(values: v), .single(rowCount: n))
        XCTAssertEqual(t.sums[0].value, Int64.max - 10)
        // The same through the grouped path with interleaved accumulator sets: rows 0 and 1
        // land in different sets, whose merge wraps.
        let one = Grouping(groupIDs: [Int32](repeating: 0, count: n), groupCount: 1, firstRows: [0])
        let grouped = GroupedSum.totals(Column(values: v), one)
        XCTAssertEqual(grouped.sums[0].value, Int64.max - 10)
        XCTAssertEqual(grouped.counts, [n])
        let over = GroupedSum.totals(Column<Int64>([Int64.max, 0, 0, 0, 1]), Grouping(groupIDs: [0, 0, 0, 0, 0], groupCount: 1, firstRows: [0]))
        XCTAssertNil(over.sums[0].value)
    }
}
