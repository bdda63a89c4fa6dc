// Tests for sample: sizes, original order, determinism, uniformity, groups and invalid sizes.
import XCTest
@testable import SiftFrame

final class DataFrameSampleTests: XCTestCase {
    /// A frame whose column `i` holds the row number, so a sample shows which rows it took.
    func numbered(_ n: Int) -> DataFrame {
        frame([("i", .int(Column(values: (0..<n).map { Int64($0) }))),
               ("s", strings((0..<n).map { $0 % 3 == 0 ? nil : "r\($0)" }))])
    }

    func rows(_ f: DataFrame) -> [Int64] {
        guard case .int(let c) = f.column(at: 0) else { return [] }
        return c.values
    }

    func testCountsTakeThatManyDistinctRowsInOrder() throws {
        for n in boundarySizes {
            for k in [0, 1, 2, 5, 63, 64, 65, 200] {
                let s = try numbered(n).sample(.count(k), seed: 42)
                let r = rows(s)
                XCTAssertEqual(r.count, min(k, n), "n \(n) k \(k)")
                XCTAssertEqual(r, r.sorted(), "original order kept")
                XCTAssertEqual(Set(r).count, r.count, "no row twice")
                XCTAssertTrue(r.allSatisfy { $0 >= 0 && $0 < n })
                // The other columns come from the same rows.
                let strs = s.column(at: 1)
                checkColumn(strs)
                for (j, row) in r.enumerated() {
                    XCTAssertEqual(strs[j], row % 3 == 0 ? .null : .string("r\(row)"))
                }
            }
        }
    }

    func testCountLargerThanTheFrameGivesEveryRow() throws {
        XCTAssertEqual(rows(try numbered(7).sample(.count(100), seed: 3)), [0, 1, 2, 3, 4, 5, 6])
        XCTAssertEqual(rows(try numbered(7).sample(.fraction(1), seed: 3)), [0, 1, 2, 3, 4, 5, 6])
    }

    func testFractionsRoundHalfToEven() throws {
        // 10 × 0.25 = 2.5 → 2; 10 × 0.35 = 3.5 → 4; 10 × 0.05 = 0.5 → 0; 10 × 0.15 = 1.5 → 2.
        XCTAssertEqual(SampleSize.fraction(0.25).rows(outOf: 10), 2)
        XCTAssertEqual(SampleSize.fraction(0.35).rows(outOf: 10), 4)
        XCTAssertEqual(SampleSize.fraction(0.05).rows(outOf: 10), 0)
        XCTAssertEqual(SampleSize.fraction(0.15).rows(outOf: 10), 2)
        XCTAssertEqual(try numbered(1000).sample(.fraction(0.1), seed: 1).rowCount, 100)
        XCTAssertEqual(try numbered(0).sample(.fraction(0.5), seed: 1).rowCount, 0)
    }

    func testSameSeedSameRowsOtherSeedOtherRows() throws {
        let f = numbered(1000)
        XCTAssertEqual(rows(try f.sample(.count(20), seed: 9)), rows(try f.sample(.count(20), seed: 9)))
        XCTAssertNotEqual(rows(try f.sample(.count(20), seed: 9)), rows(try f.sample(.count(20), seed: 10)))
    }

    func testEverySubsetIsEquallyLikely() throws {
        // 2 of 5 rows: 10 subsets, each expected 1000 times in 10,000 seeds (binomial sd 30;
        // the bounds are 5 sd, and the seeds are fixed, so this cannot flake).
        var counts: [[Int64]: Int] = [:]
        let f = numbered(5)
        for seed in 0..<10_000 { counts[rows(try f.sample(.count(2), seed: seed)), default: 0] += 1 }
        XCTAssertEqual(counts.count, 10)
        for (subset, c) in counts { XCTAssertTrue((850...1150).contains(c), "\(subset): \(c)") }
    }

    func testSampleOfASelectionComposes() throws {
        let base = numbered(100)
        let evens = base.selecting(rows: RowSelection((0..<50).map { Int32($0 * 2) }))
        let r = rows(try evens.sample(.count(10), seed: 5))
        XCTAssertEqual(r.count, 10)
        XCTAssertTrue(r.allSatisfy { $0 % 2 == 0 })
    }

    func testGroupedSampleTakesPerGroupAndRenumbersGroups() throws {
        // Groups by row: a b a c a b a (sizes 4, 2, 1).
        let keys: [String?] = ["a", "b", "a", "c", "a", "b", "a"]
        let f = frame([("i", .int(Column(values: (0..<7).map { Int64($0) }))), ("k", strings(keys))])
        let g = try f.grouping(by: ["k"])
        let (s, sg) = try f.sample(.count(2), seed: 11, grouping: g)
        let r = rows(s)
        XCTAssertEqual(r.count, 5)   // 2 + 2 + 1
        XCTAssertEqual(r, r.sorted())
        XCTAssertEqual(r.filter { keys[Int($0)] == "a" }.count, 2)
        XCTAssertEqual(r.filter { keys[Int($0)] == "b" }.count, 2)
        XCTAssertEqual(r.filter { keys[Int($0)] == "c" }.count, 1)
        XCTAssertEqual(sg, try s.grouping(by: ["k"]), "the grouping is that of the sampled rows")
        // A fraction per group can empty a group, which then disappears.
        let (t, tg) = try f.sample(.fraction(0.25), seed: 11, grouping: g)   // 4 → 1, 2 → 0 (0.5 to even), 1 → 0
        XCTAssertEqual(t.rowCount, 1)
        XCTAssertEqual(tg.groupCount, 1)
    }

    func testOneGroupIsTheUngroupedSample() throws {
        let f = numbered(300)
        let ones = Grouping(groupIDs: [Int32](repeating: 0, count: 300), groupCount: 1, firstRows: [0])
        XCTAssertEqual(rows(try f.sample(.count(17), seed: 4, grouping: ones).frame), rows(try f.sample(.count(17), seed: 4)))
    }

    func testInvalidSizesAreErrors() {
        XCTAssertThrowsError(try numbered(3).sample(.count(-1), seed: 1)) {
            XCTAssertEqual($0 as? FrameError, .invalidArgument("a sample size must be 0 or more, got -1"))
        }
        XCTAssertThrowsError(try numbered(3).sample(.fraction(1.5), seed: 1)) {
            XCTAssertEqual($0 as? FrameError, .invalidArgument("a sample fraction must be between 0 and 1, got 1.5"))
        }
        XCTAssertThrowsError(try numbered(3).sample(.fraction(.nan), seed: 1))
    }

    func testRestrictedGroupingNumbersByFirstRemainingRow() {
        // Groups 0 1 0 2 1; keep rows 1, 2, 3 → groups 1, 0, 2 renumbered 0, 1, 2.
        let g = Grouping(groupIDs: [0, 1, 0, 2, 1], groupCount: 3, firstRows: [0, 1, 3])
        let r = g.restricted(toRows: [1, 2, 3])
        XCTAssertEqual(r.groupIDs, [0, 1, 2])
        XCTAssertEqual(r.firstRows, [0, 1, 2])
        XCTAssertEqual(g.restricted(toRows: [4]).groupIDs, [0])
        XCTAssertEqual(g.restricted(toRows: []).groupCount, 0)
    }
}
