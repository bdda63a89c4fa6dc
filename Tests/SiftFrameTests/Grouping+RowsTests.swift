// Tests for carrying a grouping through filters and sorts.
import XCTest
@testable import SiftFrame

final class GroupingRowsTests: XCTestCase {
    func testSelectedRowsAreRenumberedInTheirNewOrder() {
        let g = Grouping(groupIDs: [0, 1, 0, 2], groupCount: 3, firstRows: [0, 1, 3])
        let s = g.selecting(rows: RowSelection([3, 2, 0]))
        XCTAssertEqual(s.groupIDs, [0, 1, 1])
        XCTAssertEqual(s.firstRows, [0, 1])
        XCTAssertEqual(s.groupCount, 2, "group 1 lost all its rows")
    }

    func testMatchesRegroupingTheSelectedKeys() {
        withEvery("n", in: boundarySizes) { n in
            let key = Sample.strings(n, dictionary: true, seed: 1)
            let g = Grouping(keys: [key])
            let picks = RowSelection((0..<n).filter { $0 % 3 != 1 }.reversed().map { Int32($0) })
            XCTAssertEqual(g.selecting(rows: picks), Grouping(keys: [key.gathered(picks)]))
        }
    }

    func testSingleGroupsAndEmptySelections() {
        XCTAssertTrue(Grouping.single(rowCount: 5).selecting(rows: RowSelection([1, 2])).isSingle)
        XCTAssertEqual(Grouping.single(rowCount: 5).selecting(rows: RowSelection([1, 2])).rowCount, 2)
        let g = Grouping(keys: [ints([1, 2])]).selecting(rows: RowSelection([]))
        XCTAssertEqual(g.groupCount, 0)
    }
}
