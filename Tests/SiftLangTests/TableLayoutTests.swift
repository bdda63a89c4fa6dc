// Tests for the shared table layout: rows kept, elision, cell text, alignment and clipping.
import XCTest
import SiftFrame
@testable import SiftLang

final class TableLayoutTests: XCTestCase {
    func testLongFramesKeepHeadAndTailRows() throws {
        let f = try DataFrame(columns: [("i", .int(Column<Int64>(values: (0..<100).map { Int64($0) })))])
        let l = TableLayout(f, options: DisplayOptions())
        XCTAssertEqual(l.rowCount, 100)
        XCTAssertEqual(l.shownRows, 15)
        XCTAssertEqual(l.elideBefore, 10)
        XCTAssertEqual(l.columns[0].cells, (0..<10).map(String.init) + (95..<100).map(String.init))
        let all = TableLayout(f, options: DisplayOptions(untruncated: true))
        XCTAssertEqual(all.shownRows, 100)
        XCTAssertNil(all.elideBefore)
    }

    func testCellsUseTheDisplayNumberTextAndAlignment() throws {
        let f = try DataFrame(columns: [
            ("name", .string(StringColumn(["a\tb", nil, String(repeating: "x", count: 40)]))),
            ("rate", .double(Column<Double>([0.5, 1234567.0, nil]))),
        ])
        let l = TableLayout(f, options: DisplayOptions())
        XCTAssertEqual(l.columns.map(\.rightAligned), [false, true])
        XCTAssertEqual(l.columns[0].cells, ["a\\tb", "null", String(repeating: "x", count: 31) + "…"])
        XCTAssertEqual(l.columns[1].cells, ["0.5", "1.23457e+06", "null"])
        XCTAssertNil(l.elideBefore)
        XCTAssertEqual(TableLayout.shapeLine(rows: 1, columns: 1), "1 row × 1 column")
        XCTAssertEqual(TableLayout.shapeLine(rows: 165_474, columns: 14), "165,474 rows × 14 columns")
    }
}
