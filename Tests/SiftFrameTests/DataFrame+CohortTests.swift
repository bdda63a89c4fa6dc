// Tests for cohort retention: cohorts by first period, offsets, unobservable cells, weeks, days and nulls.
import XCTest
@testable import SiftFrame

final class DataFrameCohortTests: XCTestCase {
    func ts(_ y: Int, _ m: Int, _ d: Int) -> Timestamp? { Timestamp(year: y, month: m, day: d, hour: 12) }

    func testMonthlyRetention() throws {
        // Hand-worked. u1: Jan, Feb, Apr (offsets 0, 1, 3); u2: Jan twice (0); u3: Feb, Mar, Mar
        // (0, 1); u4: Apr (0); the null user and the null time are skipped. Jan has 2 users:
        // 1, 1/2, 0, 1/2. Feb has 1: 1, 1, 0, then null (May is past the data). No one starts
        // in March, so it has no row. Apr: 1, then nulls.
        let f = frame([
            ("user", ints([1, 2, 1, 3, 2, 3, 3, 1, 4, nil, 4])),
            ("ts", .timestamp(Column([ts(2024, 1, 5), ts(2024, 1, 20), ts(2024, 2, 10), ts(2024, 2, 3), ts(2024, 1, 25),
                                      ts(2024, 3, 3), ts(2024, 3, 4), ts(2024, 4, 1), ts(2024, 4, 30), ts(2024, 1, 1), nil]))),
        ])
        let c = try f.cohortRetention(user: "user", time: "ts", period: .month)
        XCTAssertEqual(c.columnNames, ["cohort", "users", "p0", "p1", "p2", "p3"])
        XCTAssertEqual(c.column(at: 0), .timestamp(Column([Timestamp(year: 2024, month: 1, day: 1), Timestamp(year: 2024, month: 2, day: 1),
                                                            Timestamp(year: 2024, month: 4, day: 1)])))
        XCTAssertEqual(c.column(at: 1), ints([2, 1, 1]))
        XCTAssertEqual(c.column(at: 2), doubles([1, 1, 1]))
        XCTAssertEqual(c.column(at: 3), doubles([0.5, 1, nil]))
        XCTAssertEqual(c.column(at: 4), doubles([0, 0, nil]))
        XCTAssertEqual(c.column(at: 5), doubles([0.5, nil, nil]))
    }

    func testWeeksStartOnMondayAlsoBefore1970() throws {
        // 1969-12-31 (a Wednesday) is in the week of Monday 1969-12-29; 1970-01-04 (Sunday) too;
        // 1970-01-05 is the next Monday. 2024-01-07 is a Sunday, 2024-01-08 a Monday.
        let f = frame([
            ("u", strings(["a", "a", "a", "b", "b"])),
            ("ts", .timestamp(Column([ts(1969, 12, 31), ts(1970, 1, 4), ts(1970, 1, 5), ts(2024, 1, 7), ts(2024, 1, 8)]))),
        ])
        let c = try f.head(3).cohortRetention(user: "u", time: "ts", period: .week)
        XCTAssertEqual(c.column(at: 0), .timestamp(Column([Timestamp(year: 1969, month: 12, day: 29)])))
        XCTAssertEqual(c.columnNames, ["cohort", "users", "p0", "p1"])
        XCTAssertEqual(c.column(at: 3), doubles([1]))
        let later = try f.slice(3..<5).cohortRetention(user: "u", time: "ts", period: .week)
        XCTAssertEqual(later.column(at: 0), .timestamp(Column([Timestamp(year: 2024, month: 1, day: 1)])))
        XCTAssertEqual(later.column(at: 3), doubles([1]))
        let days = try f.slice(3..<5).cohortRetention(user: "u", time: "ts", period: .day)
        XCTAssertEqual(days.column(at: 0), .timestamp(Column([Timestamp(year: 2024, month: 1, day: 7)])))
    }

    func testEmptyAndTooWide() throws {
        let f = frame([("u", ints([1, 2])), ("ts", .timestamp(Column([ts(2000, 1, 1), ts(2024, 1, 1)])))])
        let none = try f.head(0).cohortRetention(user: "u", time: "ts", period: .month)
        XCTAssertEqual(none.rowCount, 0)
        XCTAssertEqual(none.columnNames, ["cohort", "users", "p0"])
        XCTAssertThrowsError(try f.cohortRetention(user: "u", time: "ts", period: .day)) { e in
            guard case .invalidArgument? = e as? FrameError else { return XCTFail("\(e)") }
        }
        XCTAssertEqual(try f.cohortRetention(user: "u", time: "ts", period: .month).columnCount, 2 + 24 * 12 + 1)
    }
}
