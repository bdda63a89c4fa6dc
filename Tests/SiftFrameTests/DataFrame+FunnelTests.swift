// Tests for funnel: ordered step matching per session, rates, drop-off, time order and nulls.
import XCTest
@testable import SiftFrame

final class DataFrameFunnelTests: XCTestCase {
    /// Sessions (rows interleaved): 1 view cart purchase (3 steps); 2 cart view (1: the cart came
    /// first); 3 view view purchase (1); 4 login (0); 5 view login cart (2); 6 null view (1);
    /// the null session's view cart purchase is skipped.
    let events = frame([
        ("s", ints([1, 2, 3, 1, 4, 2, 5, nil, 3, 5, nil, 1, 3, 5, 6, 6, nil])),
        ("event", strings(["view", "cart", "view", "cart", "login", "view", "view", "view", "view", "login", "cart",
                           "purchase", "purchase", "cart", nil, "view", "purchase"])),
        ("minute", minutes([0, 9, 0, 1, 0, 1, 0, 0, 1, 1, 1, 2, 2, 2, 0, 1, 2])),
    ])
    let steps: [Scalar] = [.string("view"), .string("cart"), .string("purchase")]

    func testCountsSessionsThatReachEachStepInOrder() throws {
        // Hand-worked: at least 1 step: 1, 2, 3, 5, 6 = 5; 2 steps: 1, 5 = 2; 3 steps: 1.
        let f = try events.funnel(event: "event", steps: steps, by: "s")
        XCTAssertEqual(f.columnNames, ["step", "count", "rate_from_prev", "rate_from_first", "drop_off"])
        XCTAssertEqual(f.column(at: 0), strings(["view", "cart", "purchase"]))
        XCTAssertEqual(f.column(at: 1), ints([5, 2, 1]))
        XCTAssertEqual(f.column(at: 2), doubles([1, 0.4, 0.5]))
        XCTAssertEqual(f.column(at: 3), doubles([1, 0.4, 0.2]))
        XCTAssertEqual(f.column(at: 4), ints([0, 3, 1]))
    }

    func testTimeOrdersEachSession() throws {
        // By time, session 2 is view (minute 1) then cart (minute 9): it now reaches cart.
        let f = try events.funnel(event: "event", steps: steps, by: "s", time: "minute")
        XCTAssertEqual(f.column(at: 1), ints([5, 3, 1]))
        XCTAssertEqual(f.column(at: 4), ints([0, 2, 2]))
    }

    func testRepeatedAndMissingSteps() throws {
        // Two views: only session 3. A step no row has gives 0, and the rates after it are null.
        let twice = try events.funnel(event: "event", steps: [.string("view"), .string("view")], by: "s")
        XCTAssertEqual(twice.column(at: 1), ints([5, 1]))
        let missing = try events.funnel(event: "event", steps: [.string("refund"), .string("view")], by: "s")
        XCTAssertEqual(missing.column(at: 1), ints([0, 0]))
        XCTAssertEqual(missing.column(at: 2), doubles([nil, nil]))
        XCTAssertEqual(missing.column(at: 3), doubles([nil, nil]))
        let late = try events.funnel(event: "event", steps: [.string("view"), .string("refund")], by: "s")
        XCTAssertEqual(late.column(at: 2), doubles([1, 0]))
        XCTAssertEqual(late.column(at: 4), ints([0, 5]))
    }

    func testIntEventsAndEmptyInput() throws {
        let pages = frame([("session", strings(["a", "a", "b", "b", "c"])), ("page", ints([1, 2, 2, 1, 1]))])
        let f = try pages.funnel(event: "page", steps: [.int(1), .int(2)], by: "session")
        XCTAssertEqual(f.column(at: 0), ints([1, 2]))
        XCTAssertEqual(f.column(at: 1), ints([3, 1]))
        let none = try pages.head(0).funnel(event: "page", steps: [.int(1)], by: "session")
        XCTAssertEqual(none.column(at: 1), ints([0]))
        XCTAssertEqual(none.column(at: 2), doubles([nil]))
    }

    func testErrors() {
        XCTAssertThrowsError(try events.funnel(event: "event", steps: [], by: "s"))
        XCTAssertThrowsError(try events.funnel(event: "event", steps: [.int(1)], by: "s")) { e in
            guard case .typeMismatch? = e as? FrameError else { return XCTFail("\(e)") }
        }
        XCTAssertThrowsError(try events.funnel(event: "minute", steps: [.int(1)], by: "s"))
        XCTAssertThrowsError(try events.funnel(event: "event", steps: steps, by: "s", time: "event"))
        XCTAssertThrowsError(try events.funnel(event: "event", steps: steps, by: "sess")) { e in
            XCTAssertEqual(e as? FrameError, .columnNotFound(name: "sess", available: ["s", "event", "minute"]))
        }
    }
}
