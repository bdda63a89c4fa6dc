// Tests for join and union as verbs: kinds, keys, schema checks at bind time.
import XCTest
import SiftFrame
import SiftLang
@testable import SiftSession

final class CombineVerbsTests: XCTestCase {
    func testJoinKinds() {
        let c = shopSession()
        XCTAssertEqual(c.resultColumn("shop | join zones on:country", "zone"),
                       [.string("eu2"), .string("eu1"), .string("eu2"), .string("eu1"), .string("eu2"), .string("eu1")])
        XCTAssertEqual(c.resultColumn("shop | join zones on:country how:left", "zone").count, 8)
        XCTAssertEqual(c.resultColumn("shop | join zones on:country how:outer", "country").last, .string("es"))
        XCTAssertEqual(c.resultColumn("shop | join zones on:country how:anti", "country"), [.null, .string("it")])
        XCTAssertEqual(c.resultFrame("shop | join zones on:country how:anti")?.columnNames, ["country", "page", "price"])
        XCTAssertEqual(c.resultFrame("shop | join (zones | rename price = zone) on:[country] how:left")?.columnNames,
                       ["country", "page", "price", "price_right"])
        XCTAssertEqual(c.resultColumn("shop | join (shop | group country | count) on:country", "n").count, 7)
    }

    func testJoinOnSeveralKeysAndMixedNumbers() {
        let c = shopSession()
        _ = c.run("let prices = shop | distinct page | derive p = page * 1.0 | select p, country")
        XCTAssertEqual(c.resultColumn("shop | join (shop | tally country, page) on:[country, page] how:left", "n").count, 8)
        // The int key matches the double key numerically; the null page matches nothing.
        XCTAssertEqual(c.run("shop | derive p = page | join prices on:p | count"), "7\n")
    }

    func testJoinBindErrors() {
        let c = shopSession()
        XCTAssertEqual(c.firstError("shop | join zones"), "t.sift:1:8: error: 'join' needs on:key (the key column, or on:[a, b])")
        XCTAssertEqual(c.firstError("shop | join zones on:page"), "t.sift:1:22: error: unknown column 'page' in the other frame")
        XCTAssertEqual(c.firstError("shop | join zones on:contry"), "t.sift:1:22: error: unknown column 'contry' (did you mean 'country'?)")
        XCTAssertEqual(c.firstError("shop | join (zones | rename page = zone) on:page"), "t.sift:1:45: error: join key 'page' is int here but string in the other frame")
        XCTAssertEqual(c.firstError("shop | join zones on:country how:sideways"), "t.sift:1:34: error: 'sideways' is not one of inner, left, outer, anti")
        XCTAssertEqual(c.firstError("shop | join 3 on:country"), "t.sift:1:13: error: bad argument #1 to 'join' (frame expected, got int)")
        XCTAssertEqual(c.firstError("shop | join zones on:country hw:left"), "t.sift:1:30: error: unknown option 'hw' for 'join' (did you mean 'how'?)")
    }

    func testUnion() {
        let c = shopSession()
        XCTAssertEqual(c.run("shop | union shop | count"), "16\n")
        XCTAssertEqual(c.resultColumn("shop | head 1 | union (shop | tail 1 | select price, page, country)", "country"), [.string("fr"), .string("de")])
        XCTAssertEqual(c.resultColumn("shop | head 1 | union (shop | tail 1 | derive page = page * 0.5)", "page"), [.double(1), .double(1)])
        XCTAssertEqual(c.firstError("shop | union zones"), "t.sift:1:14: error: 'union' needs frames with the same columns; only here: 'page', 'price'; only in the other: 'zone'")
        XCTAssertEqual(c.resultColumn("shop | head 1 | derive price = null | union (shop | tail 1)", "price"), [.null, .double(20.5)])
    }
}
