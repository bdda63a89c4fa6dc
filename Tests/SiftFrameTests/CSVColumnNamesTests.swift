// Tests for ColumnNames: janitor-style snake_case cleaning, default names and de-duplication.
import XCTest
@testable import SiftFrame

final class CSVColumnNamesTests: XCTestCase {
    func testCleanGivesSnakeCaseIdentifiers() {
        let cases: [(String, String)] = [
            ("session ID", "session_id"), ("page 1 (main category)", "page_1_main_category"), ("price 2", "price_2"),
            ("userId", "user_id"), ("HTTPServer", "http_server"), ("  Total   Sales  ", "total_sales"),
            ("Größe %", "grosse_percent"), ("Łódź", "lodz"), ("café", "cafe"), ("cafe\u{301}", "cafe"),
            ("1st place", "x1st_place"), ("already_snake", "already_snake"), ("a-b.c/d", "a_b_c_d"),
            ("# of items", "number_of_items"), ("???", ""), ("日本", ""),
        ]
        for (raw, clean) in cases { XCTAssertEqual(ColumnNames.clean(raw), clean, raw) }
    }

    func testUniqueNamesSuffixesAndFillsEmpty() {
        XCTAssertEqual(ColumnNames.unique(["a", "a", "a"]), ["a", "a_2", "a_3"])
        XCTAssertEqual(ColumnNames.unique(["a", "a", "a_2"]), ["a", "a_3", "a_2"])
        XCTAssertEqual(ColumnNames.unique(["", "b", ""]), ["column_1", "b", "column_3"])
        XCTAssertEqual(ColumnNames.defaults(3), ["column_1", "column_2", "column_3"])
        XCTAssertEqual(ColumnNames.defaults(0), [])
    }
}
