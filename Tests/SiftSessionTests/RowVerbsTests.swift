// Tests for where, head, tail, sort and distinct as verbs: results, grouping kept or dropped, bind errors.
import XCTest
import SiftFrame
import SiftLang
@testable import SiftSession

final class RowVerbsTests: XCTestCase {
    func testWhereKeepsTrueRowsAndDropsNulls() {
        let c = shopSession()
        XCTAssertEqual(c.resultColumn("shop | where price > 10", "price"), [.double(20.5), .double(12), .double(20.5)])
        XCTAssertEqual(c.run("shop | where price > 10 | count"), "3\n")
        // Several conditions all hold; a null condition drops the row.
        XCTAssertEqual(c.resultColumn("shop | where price > 5, page == 1", "price"), [.double(10), .double(8)])
        XCTAssertEqual(c.run("shop | where true | count"), "8\n")
        XCTAssertEqual(c.run("shop | where false | count"), "0\n")
    }

    func testWhereThenCountCountsWithoutBuildingTheFrameAndAgreesWithTheFrame() {
        let c = shopSession()
        // `where | count` is fused (the condition's true rows are counted); `head` in between
        // forces the filtered frame to be built. Both must agree, and a grouped count is a frame.
        XCTAssertEqual(c.run("shop | where price > 10 | count"), c.run("shop | where price > 10 | head 100 | count"))
        XCTAssertEqual(c.run("shop | where price > 5, page == 1 | count"), "2\n")
        XCTAssertEqual(c.run("shop | group country | where page >= 2 | count | head 1"), c.run("shop | where page >= 2 | group country | count | head 1"))
    }

    func testWhereOnAGroupedFrameComparesWithinEachGroupAndKeepsTheGrouping() throws {
        let c = shopSession()
        // Rows 1 (de), 3 (null), 5 (fr), 7 (de) have page >= 2 (row 4's null page is dropped);
        // the kept groups are renumbered in their new first-seen order de, null, fr.
        guard case .grouped(let g)? = c.result("shop | group country | where page >= 2") else { return XCTFail("grouped expected") }
        XCTAssertEqual(g.keys, ["country"])
        XCTAssertEqual(g.frame.rowCount, 4)
        XCTAssertEqual(g.grouping.groupIDs, [0, 1, 2, 0])
        XCTAssertEqual(c.run("shop | group country | where page >= 2 | count | head 1"), c.run("shop | where page >= 2 | group country | count | head 1"))
    }

    func testAggregatesInsideWhereArePerGroup() {
        let c = shopSession()
        // Means by country: fr (10, null, 12) 11; de (20.5, 3, 20.5) 14.67; null 7; it 8.
        XCTAssertEqual(c.resultColumn("shop | group country | where price > mean(price)", "price"), [.double(20.5), .double(12), .double(20.5)])
        // Ungrouped, the mean is over all rows: (10 + 20.5 + 7 + 3 + 12 + 8 + 20.5) / 7 = 11.57.
        XCTAssertEqual(c.resultColumn("shop | where price > mean(price)", "price"), [.double(20.5), .double(12), .double(20.5)])
        // Each group's maximum: de 20.5 (twice), null 7, fr 12, it 8; rows in order.
        XCTAssertEqual(c.resultColumn("shop | group country | where price >= max(price)", "price"),
                       [.double(20.5), .double(7), .double(12), .double(8), .double(20.5)])
    }

    func testWhereConditionMustBeBool() {
        let c = shopSession()
        XCTAssertEqual(c.firstError("shop | where price"), "t.sift:1:14: error: the condition of 'where' must be true or false, got double")
        XCTAssertEqual(c.firstError("shop | where price + 1, page == 1"), "t.sift:1:14: error: the condition of 'where' must be true or false, got double")
        XCTAssertEqual(c.firstError("shop | where"), "t.sift:1:8: error: 'where' needs an argument")
        XCTAssertEqual(c.firstError("shop | where prices | head 2"), "t.sift:1:14: error: unknown column 'prices' (did you mean 'price'?)")
    }

    func testHeadAndTail() {
        let c = shopSession()
        XCTAssertEqual(c.resultColumn("shop | head 2", "country"), [.string("fr"), .string("de")])
        XCTAssertEqual(c.resultColumn("shop | tail 2", "country"), [.string("it"), .string("de")])
        XCTAssertEqual(c.run("shop | head 0 | count"), "0\n")
        XCTAssertEqual(c.run("shop | tail 100 | count"), "8\n")
        XCTAssertEqual(c.firstError("shop | head -1"), "t.sift:1:13: error: bad argument #1 to 'head' (non-negative integer expected, got -1)")
        XCTAssertEqual(c.firstError("shop | tail \"x\""), "t.sift:1:13: error: bad argument #1 to 'tail' (non-negative integer expected, got string)")
        XCTAssertEqual(c.firstError("shop | head 1 2"), "t.sift:1:15: error: 'head' takes 1 argument, got an extra one")
        // A grouped input is ungrouped.
        guard case .frame? = c.result("shop | group country | head 2") else { return XCTFail("frame expected") }
    }

    func testSortWithDirectionsAndNullsLast() {
        let c = shopSession()
        XCTAssertEqual(c.resultColumn("shop | sort -price", "price"),
                       [.double(20.5), .double(20.5), .double(12), .double(10), .double(8), .double(7), .double(3), .null])
        // Ties keep their order (stable): the two 20.5s are rows 1 and 7, both de/2.
        XCTAssertEqual(c.resultColumn("shop | sort country, -page", "page"), [.int(2), .int(2), .null, .int(2), .int(1), .int(1), .int(1), .int(3)])
        XCTAssertEqual(c.firstError("shop | sort -prise"), "t.sift:1:14: error: unknown column 'prise' (did you mean 'price'?)")
        XCTAssertEqual(c.firstError("shop | sort page, -page"), "t.sift:1:19: error: column 'page' sorted on twice")
    }

    func testSortKeepsTheGroupingRenumbered() {
        let c = shopSession()
        guard case .grouped(let g)? = c.result("shop | group country | sort -price") else { return XCTFail("grouped expected") }
        // Sorted countries: de de fr fr it null de fr -> groups de 0, fr 1, it 2, null 3.
        XCTAssertEqual(g.grouping.groupIDs, [0, 0, 1, 1, 2, 3, 0, 1])
        XCTAssertEqual(c.resultColumn("shop | group country | sort -price | count", "country"), [.string("de"), .string("fr"), .string("it"), .null])
    }

    func testDistinct() {
        let c = shopSession()
        XCTAssertEqual(c.resultColumn("shop | distinct country", "page"), [.int(1), .int(2), .int(3), .int(1)])
        // Row 7 (de, 2, 20.5) repeats row 1 in every column.
        XCTAssertEqual(c.run("shop | distinct | count"), "7\n")
        XCTAssertEqual(c.run("shop | distinct page, price | count"), "7\n")
        XCTAssertEqual(c.firstError("shop | distinct page, page"), "t.sift:1:23: error: column 'page' named twice")
    }
}
