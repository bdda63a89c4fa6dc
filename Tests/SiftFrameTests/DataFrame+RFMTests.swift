// Tests for rfm: per-customer recency, frequency and monetary values, their quintile scores, segments and nulls.
import XCTest
@testable import SiftFrame

final class DataFrameRFMTests: XCTestCase {
    /// Days after 2024-01-01 as timestamps.
    func days(_ d: [Int64?]) -> AnyColumn { minutes(d.map { $0.map { $0 * 1440 } }) }

    /// Five customers whose recency (0-4 days), frequency (1-5) and monetary (50-10) values are
    /// evenly spaced, so their quintile scores are their ranks: with Q(.2, .4, .6, .8) of
    /// 1...5 = 1.8, 2.6, 3.4, 4.2, the values 1...5 score 1...5.
    lazy var orders = frame([
        ("customer", strings(["c1", "c2", "c2", "c3", "c3", "c3", "c4", "c4", "c4", "c4", "c5", "c5", "c5", "c5", "c5"])),
        ("day", days([10, 5, 9, 1, 2, 8, 1, 2, 3, 7, 1, 2, 3, 4, 6])),
        ("amount", ints([50, 15, 25, 10, 10, 10, 5, 5, 5, 5, 2, 2, 2, 2, 2])),
    ])

    func testValuesScoresAndSegments() throws {
        let t = try orders.rfm(customer: "customer", time: "day", amount: "amount")
        XCTAssertEqual(t.columnNames, ["customer", "recency_days", "frequency", "monetary", "r", "f", "m", "segment"])
        XCTAssertEqual(t.column(at: 0), strings(["c1", "c2", "c3", "c4", "c5"]))
        XCTAssertEqual(t.column(at: 1), doubles([0, 1, 2, 3, 4]))
        XCTAssertEqual(t.column(at: 2), ints([1, 2, 3, 4, 5]))
        XCTAssertEqual(t.column(at: 3), ints([50, 40, 30, 20, 10]))
        XCTAssertEqual(t.column(at: 4), ints([5, 4, 3, 2, 1]))
        XCTAssertEqual(t.column(at: 5), ints([1, 2, 3, 4, 5]))
        XCTAssertEqual(t.column(at: 6), ints([5, 4, 3, 2, 1]))
        // r5 f1 and r4 f2: Potential; r3 f3: Loyal; r2 f4 and r1 f5: At-Risk.
        XCTAssertEqual(t.column(at: 7), strings(["Potential", "Potential", "Loyal", "At-Risk", "At-Risk"]))
    }

    func testNowShiftsRecencyButNotScores() throws {
        let now = Timestamp(micros: 1_704_067_200_000_000 + 14 * 86_400_000_000 + 43_200_000_000)   // day 14.5
        let t = try orders.rfm(customer: "customer", time: "day", amount: "amount", now: now)
        XCTAssertEqual(t.column(at: 1), doubles([4.5, 5.5, 6.5, 7.5, 8.5]))
        XCTAssertEqual(t.column(at: 4), ints([5, 4, 3, 2, 1]))
        XCTAssertThrowsError(try orders.rfm(customer: "customer", time: "day", amount: "amount",
                                            now: Timestamp(micros: 1_704_067_200_000_000))) { e in
            guard case .invalidArgument? = e as? FrameError else { return XCTFail("\(e)") }
        }
    }

    func testNullsAndTies() throws {
        // Null customer and null time rows are skipped; 8's null amount still counts as a
        // transaction, but 8 and 9 have only null amounts, so their monetary and m are null.
        // Frequencies 2, 1, 1: Q = 1, 1, 1.2, 1.6, so 2 scores 5 and the tied 1s score 1;
        // the one monetary value is every quantile, so it scores 1.
        let f = frame([
            ("cust", ints([7, 8, nil, 8, 9, 7])),
            ("day", days([1, 2, 3, nil, 2, 3])),
            ("amount", doubles([1.5, nil, 4, 8, nil, 2.5])),
        ])
        let t = try f.rfm(customer: "cust", time: "day", amount: "amount")
        XCTAssertEqual(t.column(at: 0), ints([7, 8, 9]))
        XCTAssertEqual(t.column(at: 2), ints([2, 1, 1]))
        XCTAssertEqual(t.column(at: 3), doubles([4, nil, nil]))
        XCTAssertEqual(t.column(at: 5), ints([5, 1, 1]))
        XCTAssertEqual(t.column(at: 6), ints([1, nil, nil]))
        checkColumn(t.column(at: 3))
    }

    func testErrorsAndClashingNames() throws {
        XCTAssertThrowsError(try orders.rfm(customer: "customer", time: "amount", amount: "amount"))
        XCTAssertThrowsError(try orders.rfm(customer: "customer", time: "day", amount: "customer")) { e in
            guard case .typeMismatch? = e as? FrameError else { return XCTFail("\(e)") }
        }
        let renamed = try orders.renaming([(old: "customer", new: "segment")]).rfm(customer: "segment", time: "day", amount: "amount")
        XCTAssertEqual(renamed.columnNames.first, "customer")
        let none = try orders.head(0).rfm(customer: "customer", time: "day", amount: "amount")
        XCTAssertEqual(none.rowCount, 0)
    }
}
