// Tests for filtering and slicing: selections instead of copies, null conditions dropped, boundary sizes.
import XCTest
@testable import SiftFrame

final class DataFrameFilterTests: XCTestCase {
    func testFilterKeepsTrueRowsAndDropsNullConditions() throws {
        let df = frame([("x", ints([10, 20, 30, 40])), ("s", strings(["a", "b", "c", "d"]))])
        let kept = try df.filter(Column<Bool>([true, nil, false, true]))
        XCTAssertEqual(kept.rowCount, 2)
        XCTAssertEqual(kept.row(0), [.int(10), .string("a")])
        XCTAssertEqual(kept.row(1), [.int(40), .string("d")])
    }

    func testFilterCopiesNoColumn() throws {
        let base = ints([1, 2, 3])
        let df = frame([("x", base)])
        let kept = try df.filter(Column<Bool>([false, true, true]))
        XCTAssertEqual(kept.slots[0].base, base, "the stored column is the original one")
        XCTAssertEqual(kept.slots[0].rows?.indices, [1, 2])
        // All true: the frame itself, with no selection at all.
        XCTAssertNil(try df.filter(Column<Bool>([true, true, true])).slots[0].rows)
    }

    func testFilterOfAFilterComposesSelections() throws {
        let df = frame([("x", ints([0, 1, 2, 3, 4, 5]))])
        let once = try df.filter(Column<Bool>([true, false, true, true, false, true]))   // 0 2 3 5
        let twice = try once.filter(Column<Bool>([false, true, nil, true]))              // 2 5
        XCTAssertEqual(twice.slots[0].rows?.indices, [2, 5])
        XCTAssertEqual(twice.column(at: 0), ints([2, 5]))
    }

    func testFilterRejectsAMaskOfTheWrongLength() {
        let df = frame([("x", ints([1, 2]))])
        XCTAssertThrowsError(try df.filter(Column<Bool>([true]))) { e in
            XCTAssertEqual(e as? FrameError, .shapeMismatch("condition has 1 rows but the frame has 2"))
        }
    }

    func testTrueBitsAndCountsAtBoundarySizesWithNullsEverywhere() throws {
        try withEvery("n", in: boundarySizes) { n in
            for period in [2, 3, 64] {
                for seed in 0..<3 {
                    let valid = nullPattern(n, period: period, seed: seed)
                    let values = (0..<n).map { ($0 * 5 + seed) % 3 != 0 }
                    let mask = Column(values: values, validity: Bitmap(valid))
                    let expected = (0..<n).filter { valid[$0] && values[$0] }.map { Int32($0) }
                    XCTAssertEqual(mask.trueCount, expected.count)
                    XCTAssertEqual(RowSelection(setBitsOf: mask.trueBits()).indices, expected)
                    let df = frame([("i", .int(Column((0..<n).map { Int64($0) })))])
                    let kept = try df.filter(mask)
                    XCTAssertEqual(kept.column(at: 0), .int(Column(expected.map { Int64($0) })))
                    checkColumn(kept.column(at: 0))
                }
            }
        }
    }

    func testParallelSelectionOfALargeMaskMatchesASerialScan() {
        // Big enough to be split into chunks.
        let n = 300_007
        let values = (0..<n).map { ($0 * 2_654_435_761) % 7 < 3 }
        let mask = Column(values: values)
        let sel = RowSelection(setBitsOf: mask.trueBits())
        XCTAssertEqual(sel.indices, (0..<n).filter { values[$0] }.map { Int32($0) })
    }

    func testHeadAndTailClampAndKeepOrder() throws {
        let df = frame([("x", ints([1, 2, 3, 4, 5]))])
        XCTAssertEqual(try df.head(2).column(at: 0), ints([1, 2]))
        XCTAssertEqual(try df.tail(2).column(at: 0), ints([4, 5]))
        XCTAssertEqual(try df.head(0).rowCount, 0)
        XCTAssertEqual(try df.tail(0).rowCount, 0)
        XCTAssertEqual(try df.head(99).column(at: 0), ints([1, 2, 3, 4, 5]))
        XCTAssertEqual(try df.tail(99).column(at: 0), ints([1, 2, 3, 4, 5]))
        XCTAssertNil(try df.head(99).slots[0].rows, "the whole frame needs no selection")
        XCTAssertThrowsError(try df.head(-1)) { e in
            XCTAssertEqual(e as? FrameError, .invalidArgument("head needs a non-negative count, got -1"))
        }
        XCTAssertThrowsError(try df.tail(-2))
    }

    func testHeadOfASortedFrameTakesTheSortedRows() throws {
        let df = frame([("x", ints([3, 1, 2]))]).selecting(rows: RowSelection([1, 2, 0]))
        XCTAssertEqual(try df.head(2).column(at: 0), ints([1, 2]))
        XCTAssertEqual(try df.tail(1).slots[0].rows?.indices, [0])
    }

    func testHeadAndTailOfAnEmptyFrame() throws {
        let df = frame([("x", ints([]))])
        XCTAssertEqual(try df.head(3).rowCount, 0)
        XCTAssertEqual(try df.tail(3).rowCount, 0)
    }
}
