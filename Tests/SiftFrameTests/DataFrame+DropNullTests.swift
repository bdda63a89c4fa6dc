// Tests for dropnull: all columns or a subset, word-boundary null patterns, selections and groupings.
import XCTest
@testable import SiftFrame

final class DataFrameDropNullTests: XCTestCase {
    func testDropsRowsWithANullInAnyColumn() throws {
        let f = frame([("a", ints([1, nil, 3, 4])), ("b", strings(["x", "y", nil, "z"])), ("c", doubles([1, 2, 3, 4]))])
        let all = try f.droppingNulls()
        XCTAssertEqual(all.column(at: 0), ints([1, 4]))
        XCTAssertEqual(all.column(at: 1), strings(["x", "z"]))
        XCTAssertEqual(try f.droppingNulls(in: ["a"]).column(at: 1), strings(["x", nil, "z"]))
        XCTAssertEqual(try f.droppingNulls(in: ["c"]), f, "no nulls there: unchanged")
        XCTAssertEqual(try f.droppingNulls(in: []), all, "an empty list means every column")
        XCTAssertThrowsError(try f.droppingNulls(in: ["d"]))
    }

    func testMatchesANaiveFilterAtBoundarySizes() throws {
        try withEvery("n", in: boundarySizes) { n in
            let va = nullPattern(n, period: 3, seed: 0), vb = nullPattern(n, period: 5, seed: 2)
            let f = frame([("a", ints((0..<n).map { va[$0] ? Int64($0) : nil })), ("b", bools((0..<n).map { vb[$0] ? true : nil }))])
            let keep = (0..<n).filter { va[$0] && vb[$0] }.map { Int64($0) }
            let out = try f.droppingNulls()
            XCTAssertEqual(out.column(at: 0), ints(keep))
            checkColumn(out.column(at: 0))
            checkColumn(out.column(at: 1))
        }
    }

    func testNullsAreReadThroughRowSelections() throws {
        // The base has nulls at rows 1 and 3; the selection reverses and repeats rows.
        let base = frame([("a", ints([0, nil, 2, nil, 4]))])
        let f = base.selecting(rows: RowSelection([4, 3, 1, 0, 2, -1]))
        XCTAssertEqual(try f.droppingNulls().column(at: 0), ints([4, 0, 2]))
    }

    func testGroupingFollowsTheKeptRows() throws {
        let f = frame([("k", strings(["a", "b", "a", "c"])), ("x", ints([nil, nil, 1, 2]))])
        let (out, g) = try f.droppingNulls(in: ["x"], grouping: try f.grouping(by: ["k"]))
        XCTAssertEqual(out.column(at: 0), strings(["a", "c"]))
        XCTAssertEqual(g, try out.grouping(by: ["k"]), "group b is gone, a and c renumbered")
        XCTAssertEqual(g.groupCount, 2)
    }
}
