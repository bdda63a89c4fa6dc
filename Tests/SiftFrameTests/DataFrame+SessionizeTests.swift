// Tests for sessionize: inactivity gaps, the exact-gap boundary, ties, nulls and numbering.
import XCTest
@testable import SiftFrame

/// Minutes after 2024-01-01 00:00 as a timestamp (nil stays nil).
func minutes(_ m: [Int64?]) -> AnyColumn {
    .timestamp(Column(m.map { $0.map { Timestamp(micros: 1_704_067_200_000_000 + $0 * 60_000_000) } }))
}

final class DataFrameSessionizeTests: XCTestCase {
    let thirtyMinutes = Duration(micros: 30 * 60_000_000)

    func testSplitsAtPausesLongerThanTheGap() throws {
        // Hand-worked, gap 30m. User 1 at 0, 10 | 50 (pause 40) | 81 (pause 31): sessions 1, 2, 3.
        // User 2 at 5 | 40 (pause 35): sessions 4, 5; its null-time row gets nulls.
        // User 3 at 0, 30 (a pause of exactly 30 stays): session 6, rows out of time order.
        // The null user gets nulls. Session ids go by user, then start; rows keep their order.
        let f = frame([
            ("user", ints([1, 2, 1, 1, nil, 2, 1, 2, 3, 3])),
            ("ts", minutes([0, 5, 10, 50, 3, 40, 81, nil, 30, 0])),
        ])
        let s = try f.sessionized(user: "user", time: "ts", gap: thirtyMinutes)
        XCTAssertEqual(s.columnNames, ["user", "ts", "session", "step"])
        XCTAssertEqual(try s.column(named: "session"), ints([1, 4, 1, 2, nil, 5, 3, nil, 6, 6]))
        XCTAssertEqual(try s.column(named: "step"), ints([1, 1, 2, 1, nil, 1, 1, nil, 2, 1]))
        checkColumn(try s.column(named: "session"))
    }

    func testTiesKeepRowOrderAndStringUsersSortByValue() throws {
        // "b" sorts before "c" whatever the row order, so its session is 1; ties at one instant
        // number their steps in row order.
        let f = frame([("user", strings(["c", "b", "b", "c"])), ("ts", minutes([7, 2, 2, 7]))])
        let s = try f.sessionized(user: "user", time: "ts", gap: thirtyMinutes)
        XCTAssertEqual(try s.column(named: "session"), ints([2, 1, 1, 2]))
        XCTAssertEqual(try s.column(named: "step"), ints([1, 1, 2, 2]))
    }

    func testZeroGapSplitsEveryPauseAndReplacesExistingColumns() throws {
        let f = frame([("u", ints([1, 1, 1])), ("ts", minutes([0, 0, 1])), ("session", strings(["x", "y", "z"]))])
        let s = try f.sessionized(user: "u", time: "ts", gap: Duration(micros: 0))
        XCTAssertEqual(s.columnNames, ["u", "ts", "session", "step"])
        XCTAssertEqual(try s.column(named: "session"), ints([1, 1, 2]))
        XCTAssertEqual(try s.column(named: "step"), ints([1, 2, 1]))
    }

    func testEmptyFrameAndErrors() throws {
        let empty = try frame([("u", ints([])), ("ts", minutes([]))]).sessionized(user: "u", time: "ts", gap: thirtyMinutes)
        XCTAssertEqual(empty.rowCount, 0)
        XCTAssertEqual(empty.columnNames, ["u", "ts", "session", "step"])
        let f = frame([("u", ints([1])), ("ts", ints([3]))])
        XCTAssertThrowsError(try f.sessionized(user: "u", time: "ts", gap: thirtyMinutes)) { e in
            guard case .typeMismatch? = e as? FrameError else { return XCTFail("\(e)") }
        }
        XCTAssertThrowsError(try f.sessionized(user: "usr", time: "ts", gap: thirtyMinutes)) { e in
            XCTAssertEqual(e as? FrameError, .columnNotFound(name: "usr", available: ["u", "ts"]))
        }
        XCTAssertThrowsError(try frame([("u", ints([1])), ("ts", minutes([3]))]).sessionized(user: "u", time: "ts", gap: Duration(micros: -1)))
    }
}
