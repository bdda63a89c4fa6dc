// Tests for distinct: first occurrences in order, all columns kept, nulls as keys.
import XCTest
@testable import SiftFrame

final class DataFrameDistinctTests: XCTestCase {
    let shop = frame([
        ("country", strings(["fr", "de", "fr", nil, "de", "fr", "it", "de"])),
        ("page", ints([1, 2, 1, 3, nil, 2, 1, 2])),
        ("price", doubles([10, 20.5, nil, 7, 3, 12, 8, 20.5])),
    ])

    func testFirstOccurrenceOfEachKeyKeepsAllColumns() throws {
        // pandas 3.1: shop.drop_duplicates(subset=["country"]).index -> [0, 1, 3, 6]
        let d = try shop.distinct(["country"])
        XCTAssertEqual(d.columnNames, ["country", "page", "price"])
        XCTAssertEqual(d.slots[0].rows?.indices, [0, 1, 3, 6])
        // pandas 3.1: shop.drop_duplicates(subset=["page", "price"]).index -> [0, 1, 2, 3, 4, 5, 6]
        XCTAssertEqual(try shop.distinct(["page", "price"]).slots[0].rows?.indices, [0, 1, 2, 3, 4, 5, 6])
    }

    func testAllColumnsWhenNoneAreNamed() throws {
        let df = frame([("a", ints([1, 1, nil, nil, 1])), ("b", strings(["x", "x", nil, nil, "y"]))])
        XCTAssertEqual(try df.distinct().slots[0].rows?.indices, [0, 2, 4])
        let unique = frame([("a", ints([1, 2]))])
        XCTAssertNil(try unique.distinct().slots[0].rows, "nothing removed: the frame itself")
        XCTAssertEqual(try frame([("a", ints([]))]).distinct().rowCount, 0)
    }

    func testUnknownColumn() {
        XCTAssertThrowsError(try shop.distinct(["cuntry"])) { e in
            XCTAssertEqual((e as? FrameError)?.description, "unknown column 'cuntry' (did you mean 'country'?)")
        }
    }
}
