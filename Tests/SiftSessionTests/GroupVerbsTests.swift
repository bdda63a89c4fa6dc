// Tests for group and tally as verbs.
import XCTest
import SiftFrame
import SiftLang
@testable import SiftSession

final class GroupVerbsTests: XCTestCase {
    func testGroupGivesAGroupedFrameInFirstSeenOrder() {
        let c = shopSession()
        guard case .grouped(let g)? = c.result("shop | group country, page") else { return XCTFail("grouped expected") }
        XCTAssertEqual(g.keys, ["country", "page"])
        XCTAssertEqual(g.grouping.groupIDs, [0, 1, 0, 2, 3, 4, 5, 1])
        XCTAssertEqual(c.resultColumn("shop | group country | count", "n"), [.int(3), .int(3), .int(1), .int(1)])
        // Regrouping replaces the grouping.
        guard case .grouped(let h)? = c.result("shop | group country | group page") else { return XCTFail("grouped expected") }
        XCTAssertEqual(h.keys, ["page"])
        XCTAssertEqual(c.firstError("shop | group"), "t.sift:1:8: error: 'group' needs an argument")
        XCTAssertEqual(c.firstError("shop | group contry"), "t.sift:1:14: error: unknown column 'contry' (did you mean 'country'?)")
    }

    func testTally() {
        let c = shopSession()
        XCTAssertEqual(c.resultColumn("shop | tally country", "country"), [.string("de"), .string("fr"), .string("it"), .null])
        XCTAssertEqual(c.resultColumn("shop | tally country", "share"), [.double(0.375), .double(0.375), .double(0.125), .double(0.125)])
        XCTAssertEqual(c.resultColumn("shop | tally country, page", "n"), [.int(2), .int(2), .int(1), .int(1), .int(1), .int(1)])
        XCTAssertEqual(c.firstError("shop | derive n = 1 | tally n"), "t.sift:1:29: error: 'tally' names its result columns n and share; rename 'n' first")
        // The output schema is known before running, so a later stage is checked against it.
        XCTAssertEqual(c.firstError("shop | tally country | sort -nn"), "t.sift:1:30: error: unknown column 'nn' (did you mean 'n'?)")
    }
}
