// Tests for frame display: shape line, alignment, nulls, elision of rows and of columns that do not fit.
import XCTest
import SiftFrame
@testable import SiftLang

final class TableFormatterTests: XCTestCase {
    func testSmallFrameAlignsNumbersRightAndTextLeft() throws {
        let f = try DataFrame(columns: [
            ("country", .string(StringColumn(["Poland", "France", nil]))),
            ("clicks", .int(Column<Int64>([120, 31, 4]))),
            ("rate", .double(Column<Double>([0.5, nil, 0.125]))),
        ])
        XCTAssertEqual(TableFormatter.format(f, options: DisplayOptions()), """
        3 rows × 3 columns
        country  clicks    rate
        string      int  double
        ───────  ──────  ──────
        Poland      120     0.5
        France       31    null
        null          4   0.125
        """)
    }

    func testLongFrameShowsTenHeadAndFiveTailRows() throws {
        let f = try DataFrame(columns: [("i", .int(Column<Int64>(values: (0..<100).map { Int64($0) })))])
        let lines = TableFormatter.format(f, options: DisplayOptions()).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "100 rows × 1 column")
        XCTAssertEqual(Array(lines[4...6]), ["  0", "  1", "  2"])
        XCTAssertEqual(lines[14], "  …")
        XCTAssertEqual(lines.last, " 99")
        XCTAssertEqual(lines.count, 4 + 10 + 1 + 5)
    }

    func testColumnsThatDoNotFitAreListed() throws {
        let cols: [(String, AnyColumn)] = (0..<30).map { ("column_\($0)", .int(Column<Int64>([1]))) }
        let text = TableFormatter.format(try DataFrame(columns: cols), options: DisplayOptions(width: 40))
        let lines = text.split(separator: "\n")
        XCTAssertTrue(lines.dropLast().allSatisfy { $0.count <= 40 }, text)
        XCTAssertTrue(lines.last!.hasPrefix("… 26 more columns: column_4 int, column_5 int"), text)
    }

    func testEmptyFrameSaysNoRows() throws {
        let f = try DataFrame(columns: [("a", .int(Column<Int64>(values: [])))])
        XCTAssertEqual(TableFormatter.format(f, options: DisplayOptions()), "0 rows × 1 column\n  a\nint\n───\n(no rows)")
    }

    func testLongCellsAreClippedAndNewlinesEscaped() throws {
        let f = try DataFrame(columns: [("s", .string(StringColumn([String(repeating: "x", count: 40), "a\nb"])))])
        let lines = TableFormatter.format(f, options: DisplayOptions()).split(separator: "\n")
        XCTAssertEqual(lines[4], Substring(String(repeating: "x", count: 31) + "…"))
        XCTAssertEqual(lines[5], "a\\nb")
    }
}
