// Tests for crosstab and pivot as verbs.
import XCTest
import SiftFrame
import SiftLang
@testable import SiftSession

final class ReshapeVerbsTests: XCTestCase {
    func testCrosstab() {
        let c = shopSession()
        let t = c.resultFrame("shop | crosstab country page")
        XCTAssertEqual(t?.columnNames, ["country", "1", "2", "3", "null"])
        XCTAssertEqual(c.resultColumn("shop | crosstab country page", "2"), [.int(2), .int(1), .int(0), .int(0)])
        XCTAssertEqual(c.firstError("shop | crosstab country"), "t.sift:1:8: error: 'crosstab' needs 2 arguments")
        // The output depends on the data, so later stages bind once it exists.
        XCTAssertEqual(c.resultColumn("shop | crosstab page country | sort -fr", "page"), [.int(1), .int(2), .int(3), .null])
    }

    func testPivotNeedsItsThreeOptionsAndAnAggregate() {
        let c = shopSession()
        XCTAssertEqual(c.firstError("shop | pivot rows:country cols:page"), "t.sift:1:8: error: 'pivot' needs value:aggregate")
        XCTAssertEqual(c.firstError("shop | pivot rows:country cols:page value:price"),
                       "t.sift:1:43: error: value: needs an aggregate of the rows of each cell, such as mean(x) or count()")
        XCTAssertEqual(c.firstError("shop | pivot rows:cuntry cols:page value:price"), "t.sift:1:19: error: unknown column 'cuntry' (did you mean 'country'?)")
    }
}
