// Tests for crosstab: sorted rows and columns with nulls last, zero cells, column names from values.
import XCTest
@testable import SiftFrame

final class DataFrameCrosstabTests: XCTestCase {
    func testCountsForEveryPairWithNullsLast() throws {
        // pandas 3.1 pd.crosstab over the same data (nulls filled so pandas keeps them):
        // de: 0 2 0 1 | fr: 2 1 0 0 | it: 1 0 0 0 | null: 0 0 1 0   (page 1, 2, 3, null)
        let shop = frame([
            ("country", strings(["fr", "de", "fr", nil, "de", "fr", "it", "de"])),
            ("page", ints([1, 2, 1, 3, nil, 2, 1, 2])),
        ])
        let t = try shop.crosstab(rows: "country", columns: "page")
        XCTAssertEqual(t.columnNames, ["country", "1", "2", "3", "null"])
        XCTAssertEqual(t.column(at: 0), strings(["de", "fr", "it", nil]))
        XCTAssertEqual(t.column(at: 1), ints([0, 2, 1, 0]))
        XCTAssertEqual(t.column(at: 2), ints([2, 1, 0, 0]))
        XCTAssertEqual(t.column(at: 3), ints([0, 0, 0, 1]))
        XCTAssertEqual(t.column(at: 4), ints([1, 0, 0, 0]))
    }

    func testColumnNamesAreTheValuesText() throws {
        let df = frame([("a", bools([true, false])), ("b", doubles([2.5, -1]))])
        XCTAssertEqual(try df.crosstab(rows: "a", columns: "b").columnNames, ["a", "-1.0", "2.5"])
        XCTAssertEqual(try df.crosstab(rows: "b", columns: "a").column(at: 0), doubles([-1, 2.5]))
    }

    func testLimitsAndEmptyFrames() throws {
        let wide = frame([("a", ints(Array(repeating: 1, count: 1001))), ("b", .int(Column((0..<1001).map { Int64($0) })))])
        XCTAssertThrowsError(try wide.crosstab(rows: "a", columns: "b")) { e in
            XCTAssertEqual(e as? FrameError, .invalidArgument("'b' has 1001 distinct values; a table has at most 1000 columns"))
        }
        let empty = try frame([("a", ints([])), ("b", ints([]))]).crosstab(rows: "a", columns: "b")
        XCTAssertEqual(empty.columnNames, ["a"])
        XCTAssertEqual(empty.rowCount, 0)
    }
}
