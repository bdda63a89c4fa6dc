// Tests for tally: counts, shares, order by descending n then keys with nulls last.
import XCTest
@testable import SiftFrame

final class DataFrameTallyTests: XCTestCase {
    let shop = frame([
        ("country", strings(["fr", "de", "fr", nil, "de", "fr", "it", "de"])),
        ("page", ints([1, 2, 1, 3, nil, 2, 1, 2])),
    ])

    func testCountsAndSharesSortedByCountThenKey() throws {
        // pandas 3.1: shop.groupby("country", dropna=False).size(), share = n / 8, sorted by
        // (n desc, country asc, NaN last): de 3 0.375, fr 3 0.375, it 1 0.125, NaN 1 0.125
        let t = try shop.tally(["country"])
        XCTAssertEqual(t.columnNames, ["country", "n", "share"])
        XCTAssertEqual(t.column(at: 0), strings(["de", "fr", "it", nil]))
        XCTAssertEqual(t.column(at: 1), ints([3, 3, 1, 1]))
        XCTAssertEqual(t.column(at: 2), doubles([0.375, 0.375, 0.125, 0.125]))
    }

    func testSeveralKeys() throws {
        // Hand-worked: (fr,1) 2, (de,2) 2, then singles by country (de < fr < it < null), page ascending, null last.
        let t = try shop.tally(["country", "page"])
        XCTAssertEqual(t.column(at: 0), strings(["de", "fr", "de", "fr", "it", nil]))
        XCTAssertEqual(t.column(at: 1), ints([2, 1, nil, 2, 1, 3]))
        XCTAssertEqual(t.column(at: 2), ints([2, 2, 1, 1, 1, 1]))
    }

    func testEmptyFrameAndErrors() throws {
        let t = try frame([("a", ints([]))]).tally(["a"])
        XCTAssertEqual(t.rowCount, 0)
        XCTAssertEqual(t.columnNames, ["a", "n", "share"])
        XCTAssertThrowsError(try shop.tally([]))
        XCTAssertThrowsError(try frame([("n", ints([1]))]).tally(["n"])) { e in
            XCTAssertEqual(e as? FrameError, .duplicateColumn("n"))
        }
    }
}
