// Tests for the window functions: row_number, lag, lead, cumsum and rank within groups in row order.
import XCTest
@testable import SiftFrame

final class WindowFunctionsTests: XCTestCase {
    // Groups: a = rows 0, 2, 3, 6; b = rows 1, 4; c = row 5.
    let df = frame([
        ("k", strings(["a", "b", "a", "a", "b", "c", "a"])),
        ("x", ints([5, 1, nil, 7, 2, 9, 5])),
        ("d", doubles([1.5, nil, 2, nil, 4, 0.25, -1])),
        ("s", strings(["q", "p", "r", nil, "p", "z", "p"])),
    ])

    func eval(_ name: String, _ args: [Expr], grouped: Bool = true) throws -> AnyColumn {
        let g = grouped ? Grouping(keys: [try df.column(named: "k")]) : nil
        let c = try ExpressionEvaluator(frame: df, grouping: g).column(.call(name, args))
        checkColumn(c)
        return c
    }

    func testRowNumberIsOneBasedWithinGroups() throws {
        XCTAssertEqual(try eval("row_number", []), ints([1, 1, 2, 3, 2, 1, 4]))
        XCTAssertEqual(try eval("row_number", [], grouped: false), ints([1, 2, 3, 4, 5, 6, 7]))
    }

    func testLagAndLeadAreNullAtTheEdges() throws {
        XCTAssertEqual(try eval("lag", [.column("x")]), ints([nil, nil, 5, nil, 1, nil, 7]))
        XCTAssertEqual(try eval("lead", [.column("x")]), ints([nil, 2, 7, 5, nil, nil, nil]))
        XCTAssertEqual(try eval("lag", [.column("x"), .literal(.int(2))]), ints([nil, nil, nil, 5, nil, nil, nil]))
        XCTAssertEqual(try eval("lead", [.column("s"), .literal(.int(2))]), strings([nil, nil, "p", nil, nil, nil, nil]))
        XCTAssertEqual(try eval("lag", [.column("x"), .literal(.int(0))]), ints([5, 1, nil, 7, 2, 9, 5]))
        XCTAssertEqual(try eval("lag", [.column("d")], grouped: false), doubles([nil, 1.5, nil, 2, nil, 4, 0.25]))
        XCTAssertEqual(try eval("lead", [.column("x"), .literal(.int(9))], grouped: false), ints([Int64?](repeating: nil, count: 7)))
    }

    func testShiftOffsetMustBeANonNegativeConstant() {
        XCTAssertThrowsError(try eval("lag", [.column("x"), .literal(.int(-1))])) { e in
            XCTAssertEqual(e as? FrameError, .invalidArgument("bad argument #2 to 'lag' (non-negative integer expected, got -1)"))
        }
        XCTAssertThrowsError(try eval("lead", [.column("x"), .column("x")])) { e in
            XCTAssertEqual(e as? FrameError, .typeMismatch("bad argument #2 to 'lead' (constant non-negative integer expected, got int)"))
        }
    }

    func testCumsumSkipsNullsAndCarriesOn() throws {
        // a: 5, null, 7, 5 -> 5, null, 12, 17; b: 1, 2 -> 1, 3; c: 9.
        XCTAssertEqual(try eval("cumsum", [.column("x")]), ints([5, 1, nil, 12, 3, 9, 17]))
        XCTAssertEqual(try eval("cumsum", [.column("d")]), doubles([1.5, nil, 3.5, nil, 4, 0.25, 2.5]))
        XCTAssertEqual(try eval("cumsum", [.column("x")], grouped: false), ints([5, 6, nil, 13, 15, 24, 29]))
        let b = frame([("p", bools([true, nil, false, true]))])
        XCTAssertEqual(try ExpressionEvaluator(frame: b).column(.call("cumsum", [.column("p")])), ints([1, nil, 1, 2]))
    }

    func testCumsumOverflowIsAnError() {
        let f = frame([("x", ints([Int64.max, 1]))])
        XCTAssertThrowsError(try ExpressionEvaluator(frame: f).column(.call("cumsum", [.column("x")]))) { e in
            XCTAssertEqual(e as? FrameError, .invalidArgument("integer overflow in 'cumsum'; cast to double with float(x) first"))
        }
    }

    func testRankIsMinRankWithGaps() throws {
        // a: 5, null, 7, 5 -> 1, null, 3, 1; b: 1, 2 -> 1, 2; c: 1.
        XCTAssertEqual(try eval("rank", [.column("x")]), ints([1, 1, nil, 3, 2, 1, 1]))
        // Whole frame: 5, 1, null, 7, 2, 9, 5 -> 3, 1, null, 5, 2, 6, 3.
        XCTAssertEqual(try eval("rank", [.column("x")], grouped: false), ints([3, 1, nil, 5, 2, 6, 3]))
        // Strings by code point: q, p, r, null, p, z, p -> 4, 1, 5, null, 1, 6, 1.
        XCTAssertEqual(try eval("rank", [.column("s")], grouped: false), ints([4, 1, 5, nil, 1, 6, 1]))
    }

    func testCountingAndSortingRanksAgree() throws {
        var rng = SeededGenerator(seed: 12)
        let n = 140_000   // enough rows to split the groups across cores
        let v = (0..<n).map { _ in Int64(rng.next() % 40) - 20 }
        let valid = nullPattern(n, period: 6, seed: 5)
        let g = Grouping(groupIDs: (0..<n).map { Int32($0 % 13) }, groupCount: 13, firstRows: (0..<13).map { Int32($0) })
        let c = Column(values: v, validity: Bitmap(valid))
        let counted = GroupedWindow.countingRanks(c.values, c.validity, g)
        XCTAssertNotNil(counted)
        XCTAssertEqual(counted.map { Column(values: $0, validity: c.validity) }, Column(values: GroupedWindow.ranks(v, c.validity, g), validity: c.validity))
        // Doubles take the sorting path: 1.5, null, 2, null, 4, 0.25, -1 ungrouped -> 3, null, 4, null, 5, 2, 1.
        XCTAssertEqual(try eval("rank", [.column("d")], grouped: false), ints([3, nil, 4, nil, 5, 2, 1]))
        // A span too wide for counting also sorts.
        XCTAssertNil(GroupedWindow.countingRanks([0, Int64.max], nil, .single(rowCount: 2)))
    }

    func testWindowFunctionsOnAColumnValueTreatItAsOneGroup() throws {
        let def = FunctionRegistry.shared["cumsum"]!
        let out = try def.evaluate!([.column(ints([1, 2, 3]))], EvaluationContext(rowCount: 3))
        guard case .column(let c) = out else { return XCTFail("expected a column") }
        XCTAssertEqual(c, ints([1, 3, 6]))
    }

    func testBoundarySizesAgainstDirectComputation() throws {
        try withEvery("n", in: boundarySizes) { n in
            let valid = nullPattern(n, period: 4, seed: 1)
            let xs: [Int64?] = (0..<n).map { valid[$0] ? Int64(($0 * 13) % 5) : nil }
            let keys: [Int64] = (0..<n).map { (i: Int) -> Int64 in i % 3 == 0 ? 0 : Int64((i / 7) % 2 + 1) }
            let f = frame([("k", ints(keys)), ("x", ints(xs))])
            let g = Grouping(keys: [ints(keys)])
            let ev = ExpressionEvaluator(frame: f, grouping: g)
            var seen = [[Int]](repeating: [], count: g.groupCount)
            var wantRow: [Int64?] = [], wantLag: [Int64?] = [], wantLead: [Int64?] = [], wantCum: [Int64?] = [], wantRank: [Int64?] = []
            for i in 0..<n { seen[g.group(ofRow: i)].append(i) }
            for i in 0..<n {
                let members = seen[g.group(ofRow: i)]
                let pos = members.firstIndex(of: i)!
                wantRow.append(Int64(pos + 1))
                wantLag.append(pos >= 1 ? xs[members[pos - 1]] : nil)
                wantLead.append(pos + 1 < members.count ? xs[members[pos + 1]] : nil)
                let before: [Int64] = members[...pos].compactMap { xs[$0] }
                let all: [Int64] = members.compactMap { xs[$0] }
                wantCum.append(xs[i] == nil ? nil : before.reduce(0, +))
                wantRank.append(xs[i].map { v in Int64(all.filter { $0 < v }.count + 1) })
            }
            XCTAssertEqual(try ev.column(.call("row_number", [])), ints(wantRow), "n=\(n)")
            XCTAssertEqual(try ev.column(.call("lag", [.column("x")])), ints(wantLag), "n=\(n)")
            XCTAssertEqual(try ev.column(.call("lead", [.column("x")])), ints(wantLead), "n=\(n)")
            XCTAssertEqual(try ev.column(.call("cumsum", [.column("x")])), ints(wantCum), "n=\(n)")
            XCTAssertEqual(try ev.column(.call("rank", [.column("x")])), ints(wantRank), "n=\(n)")
        }
    }
}
