// Tests for fill, dropnull and cast as verbs: results, output schemas, groups, and errors at the right place.
import XCTest
import SiftFrame
import SiftLang
@testable import SiftSession

final class CleaningVerbsTests: XCTestCase {
    func testFillWithEachStrategy() throws {
        let c = CapturedSession.withFrames()
        c.run("let f = t | fill price = mean, n = forward, user = \"?\"")
        XCTAssertEqual(c.errors, "")
        let f = try XCTUnwrap(c.frame("f"))
        // mean of 1.5, 3, 4.5, 6 = 3.75
        XCTAssertEqual(f.column(at: 2), .double(Column<Double>([1.5, 3.75, 3, 4.5, 3.75, 6])))
        XCTAssertEqual(f.column(at: 3), .int(Column<Int64>([nil, 2, 2, 4, 5, 5])))
        XCTAssertEqual(f.column(at: 1), .string(StringColumn(["a", "b", "a", "?", "c", "b"])))
        // The schema after fill is known before running: n becomes double with a mean.
        XCTAssertEqual(c.run("t | fill n = median | schema | select column, type"),
                       CapturedSession.withFrames().run("t | cast n = \"double\" | schema | select column, type"))
    }

    func testGroupedFillIsPerGroupAndKeepsTheGrouping() throws {
        let c = CapturedSession.withFrames()
        let g = try MiscFixtures.t.grouping(by: ["user"])
        c.session.interpreter.globals.bind("g", .grouped(GroupedValue(frame: MiscFixtures.t, keys: ["user"], grouping: g)))
        c.run("let f = g | fill price = mean")
        guard case .grouped(let f)? = c.session.interpreter.globals.lookup("f") else { return XCTFail(c.errors) }
        // a: 1.5, 3 → 2.25; b: null, 6 → 6; null group: 4.5; c: only null → stays null.
        XCTAssertEqual(f.frame.column(at: 2), .double(Column<Double>([1.5, 6, 3, 4.5, nil, 6])))
        XCTAssertEqual(f.grouping, g)
        XCTAssertTrue(c.run("g | fill user = \"x\"").contains("error: cannot fill grouping key 'user'; ungroup first"))
    }

    func testFillErrors() {
        func error(_ code: String) -> String { CapturedSession.withFrames().run(code) }
        let typed = error("t | fill price = \"x\"")
        XCTAssertTrue(typed.hasPrefix("t.sift:1:18: error: cannot fill double column 'price' with string value 'x'"), typed)
        XCTAssertTrue(error("t | fill user = mean").contains("error: cannot fill string column 'user' with its mean; mean needs an int or double column (use mode or a value)"))
        XCTAssertTrue(error("t | fill prce = 0").contains("error: unknown column 'prce' (did you mean 'price'?)"))
        XCTAssertTrue(error("t | fill price = n").contains("not a column; to take values from 'n' use derive price = coalesce(price, n)"))
        XCTAssertTrue(error("t | fill price = null").contains("error: cannot fill column 'price' with null"))
        XCTAssertTrue(error("t | fill").contains("error: 'fill' needs col = value|mean|median|mode|forward"))
        XCTAssertTrue(error("t | fill price = 1, price = 2").contains("error: column 'price' is filled twice"))
        XCTAssertTrue(error("t | fill price").contains("error: 'fill' takes no plain arguments, got an extra one"))
    }

    func testDropnullAllOrNamedColumns() {
        XCTAssertEqual(CapturedSession.withFrames().run("t | dropnull | count"), "0\n")       // every row has a null
        XCTAssertEqual(CapturedSession.withFrames().run("t | dropnull price | count"), "4\n")
        XCTAssertEqual(CapturedSession.withFrames().run("t | dropnull [price, user] | count"), "3\n")
        XCTAssertEqual(CapturedSession.withFrames().run("t | dropnull id | count"), "6\n")
        XCTAssertTrue(CapturedSession.withFrames().run("t | dropnull prices").contains("error: unknown column 'prices' (did you mean 'price'?)"))
        XCTAssertTrue(CapturedSession.withFrames().run("t | dropnull price, price").contains("error: column 'price' named twice"))
    }

    func testCastConvertsAndReportsBadValues() throws {
        let c = CapturedSession.withFrames()
        c.run("let a = t | cast price = \"int\", id = str, n = \"float\"")
        XCTAssertEqual(c.errors, "")
        let a = try XCTUnwrap(c.frame("a"))
        XCTAssertEqual(a.schema.map(\.type), [.string, .string, .int, .double])
        XCTAssertEqual(a.column(at: 2), .int(Column<Int64>([1, nil, 3, 4, nil, 6])))
        let bad = CapturedSession.withFrames().run("t | cast user = \"int\"")
        XCTAssertTrue(bad.hasPrefix("t.sift:1:5: error: column 'user': cannot cast 'a' (row 1) to int"), bad)
        XCTAssertTrue(bad.contains("note: in stage 'cast'"), bad)
    }

    func testCastBindErrors() {
        func error(_ code: String) -> String { CapturedSession.withFrames().run(code) }
        XCTAssertTrue(error("t | cast price = \"nt\"").contains("error: unknown type 'nt' (did you mean 'int'?); types are int, double, bool, string, timestamp, duration"))
        XCTAssertTrue(error("t | cast price = 3").contains("error: expected a type name such as \"int\""))
        XCTAssertTrue(error("t | cast pric = \"int\"").contains("error: unknown column 'pric' (did you mean 'price'?)"))
        XCTAssertTrue(error("t | derive b = id > 2 | cast b = \"timestamp\"").contains("error: cannot cast bool column 'b' to timestamp"))
        XCTAssertTrue(error("t | cast id = \"int\", id = \"string\"").contains("error: column 'id' is cast twice"))
    }
}
