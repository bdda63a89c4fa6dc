// Tests for cooccur and recommend: pair counts per basket, support, confidence, lift, order, nulls and both count tables.
import XCTest
@testable import SiftFrame

final class DataFrameCooccurrenceTests: XCTestCase {
    /// Baskets s1: A B A C; s2: A B; s3: B and a null item; s4: C A; the null basket's A B is skipped.
    let clicks = frame([
        ("item", strings(["A", "B", "A", "C", "A", "B", "B", nil, "C", "A", "A", "B"])),
        ("session", ints([1, 1, 1, 1, 2, 2, 3, 3, 4, 4, nil, nil])),
    ])

    func testPairsWithSupportConfidenceAndLift() throws {
        // Hand-worked: 4 baskets; A in 3, B in 3, C in 2; AB in 2, AC in 2, BC in 1.
        // (A,B): support 2/4, confidence 2/3, lift 2·4/(3·3) = 8/9; (C,A): confidence 2/2, lift 2·4/(2·3) = 4/3.
        let p = try clicks.cooccurrence(item: "item", by: "session")
        XCTAssertEqual(p.columnNames, ["item", "other", "count", "support", "confidence", "lift"])
        XCTAssertEqual(p.column(at: 0), strings(["A", "A", "B", "C", "B", "C"]))
        XCTAssertEqual(p.column(at: 1), strings(["B", "C", "A", "A", "C", "B"]))
        XCTAssertEqual(p.column(at: 2), ints([2, 2, 2, 2, 1, 1]))
        XCTAssertEqual(p.column(at: 3), doubles([0.5, 0.5, 0.5, 0.5, 0.25, 0.25]))
        let third: Double = 1 / 3, ninth: Double = 1 / 9
        let confidence: [Double] = [2 * third, 2 * third, 2 * third, 1, third, 0.5]
        let lift: [Double] = [8 * ninth, 4 * third, 8 * ninth, 4 * third, 2 * third, 2 * third]
        for i in 0..<6 {
            assertClose(p.column(at: 4)[i].numericValue, confidence[i])
            assertClose(p.column(at: 5)[i].numericValue, lift[i])
        }
        XCTAssertEqual(try clicks.cooccurrence(item: "item", by: "session", minCount: 2).rowCount, 4)
        XCTAssertThrowsError(try clicks.cooccurrence(item: "item", by: "session", minCount: 0))
    }

    func testRecommendationsByConfidenceThenLift() throws {
        let p = try clicks.cooccurrence(item: "item", by: "session")
        let r = try p.recommendations(for: .string("A"), top: 10)
        XCTAssertEqual(r.column(at: 1), strings(["C", "B"]))   // equal confidence 2/3; C has the higher lift
        XCTAssertEqual(try p.recommendations(for: .string("C"), top: 1).column(at: 1), strings(["A"]))
        XCTAssertEqual(try p.recommendations(for: .string("Z"), top: 3).rowCount, 0)
        XCTAssertEqual(try p.recommendations(for: .int(1), top: 3).rowCount, 0)
        XCTAssertThrowsError(try p.recommendations(for: .string("A"), top: -1))
        XCTAssertThrowsError(try p.selectingColumns(["item", "other"]).recommendations(for: .string("A"), top: 1))
    }

    func testManyItemsUseTheHashedCounts() throws {
        // 3,000 items (past the dense limit): basket i holds items i and i + 1, so every
        // neighbouring pair shares one basket and each inner item is in two.
        let n = 3000
        let items = (0..<n).flatMap { [Int64($0), Int64($0 + 1)] }
        let baskets = (0..<n).flatMap { [Int64($0), Int64($0)] }
        let p = try frame([("item", ints(items)), ("basket", ints(baskets))]).cooccurrence(item: "item", by: "basket")
        XCTAssertGreaterThan(n + 1, PairCounter.denseLimit)
        XCTAssertEqual(p.rowCount, 2 * n)
        XCTAssertEqual(Array(p.row(0).prefix(3)), [.int(0), .int(1), .int(1)])
        XCTAssertEqual(Array(p.row(1).prefix(3)), [.int(1), .int(0), .int(1)])
        assertClose(p.row(0)[4].numericValue, 1)          // item 0 is only in basket 0
        assertClose(p.row(1)[4].numericValue, 0.5)        // item 1 is in baskets 0 and 1
        assertClose(p.row(1)[5].numericValue, 0.5 * Double(n) / 1)
    }
}
