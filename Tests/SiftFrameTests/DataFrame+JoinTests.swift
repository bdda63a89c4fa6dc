// Tests for joins: every kind, null keys, key types, several keys, column naming, no-copy outputs, boundary sizes.
import XCTest
@testable import SiftFrame

final class DataFrameJoinTests: XCTestCase {
    let shop = frame([
        ("country", strings(["fr", "de", "fr", nil, "de", "fr", "it", "de"])),
        ("page", ints([1, 2, 1, 3, nil, 2, 1, 2])),
        ("price", doubles([10, 20.5, nil, 7, 3, 12, 8, 20.5])),
    ])
    let zones = frame([("country", strings(["de", "fr", "fr", "es", nil])), ("zone", strings(["eu1", "eu2", "eu3", "eu4", "none"]))])

    func rows(_ df: DataFrame) -> [[Scalar]] { (0..<df.rowCount).map { df.row($0) } }

    func testLeftJoinKeepsLeftOrderWithMatchesInRightOrder() throws {
        // Cross-checked with pandas 3.1 `shop.merge(zones, on="country", how="left")`, except
        // row 3: pandas matches its NaN key to the right's NaN ("none"); SQL, and Sift, never
        // match null keys, so it gets null.
        let j = try shop.joined(with: zones, on: ["country"], how: .left)
        XCTAssertEqual(j.columnNames, ["country", "page", "price", "zone"])
        XCTAssertEqual(try j.column(named: "zone"), strings(["eu2", "eu3", "eu1", "eu2", "eu3", nil, "eu1", "eu2", "eu3", nil, "eu1"]))
        XCTAssertEqual(try j.column(named: "price"), doubles([10, 10, 20.5, nil, nil, 7, 3, 12, 12, 8, 20.5]))
        XCTAssertEqual(try j.column(named: "country"), strings(["fr", "fr", "de", "fr", "fr", nil, "de", "fr", "fr", "it", "de"]))
    }

    func testInnerOuterAndAntiJoins() throws {
        let inner = try shop.joined(with: zones, on: ["country"], how: .inner)
        XCTAssertEqual(try inner.column(named: "zone"), strings(["eu2", "eu3", "eu1", "eu2", "eu3", "eu1", "eu2", "eu3", "eu1"]))
        let outer = try shop.joined(with: zones, on: ["country"], how: .outer)
        // The left join's 11 rows, then the right rows nobody matched: "es" and the null key, keys from the right.
        XCTAssertEqual(outer.rowCount, 13)
        XCTAssertEqual(outer.row(11), [.string("es"), .null, .null, .string("eu4")])
        XCTAssertEqual(outer.row(12), [.null, .null, .null, .string("none")])
        checkColumn(try outer.column(named: "country"))
        let anti = try shop.joined(with: zones, on: ["country"], how: .anti)
        XCTAssertEqual(anti.columnNames, ["country", "page", "price"])
        XCTAssertEqual(rows(anti), [[.null, .int(3), .double(7)], [.string("it"), .int(1), .double(8)]])
    }

    func testClashingNamesGetTheRightSuffixAndKeysAppearOnce() throws {
        let l = frame([("k", ints([1, 2])), ("v", ints([10, 20]))])
        let r = frame([("v", strings(["a", "b"])), ("k", ints([2, 1]))])
        let j = try l.joined(with: r, on: ["k"])
        XCTAssertEqual(j.columnNames, ["k", "v", "v_right"])
        XCTAssertEqual(rows(j), [[.int(1), .int(10), .string("b")], [.int(2), .int(20), .string("a")]])
    }

    func testSeveralKeys() throws {
        let l = frame([("a", ints([1, 1, 2, nil])), ("b", strings(["x", "y", "x", "x"])), ("v", ints([1, 2, 3, 4]))])
        let r = frame([("b", strings(["x", "x", "y"])), ("a", ints([1, 2, 2])), ("w", ints([10, 20, 30]))])
        let j = try l.joined(with: r, on: ["a", "b"], how: .left)
        XCTAssertEqual(try j.column(named: "w"), ints([10, nil, 20, nil]))
        let o = try l.joined(with: r, on: ["a", "b"], how: .outer)
        XCTAssertEqual(o.row(4), [.int(2), .string("y"), .null, .int(30)])
    }

    func testIntAndDoubleKeysCompareNumerically() throws {
        let l = frame([("k", ints([3, 4, 5]))])
        let r = frame([("k", doubles([3.0, 4.5, 5.0, -0.0])), ("v", strings(["three", "four and a half", "five", "zero"]))])
        XCTAssertEqual(try l.joined(with: r, on: ["k"], how: .left).column(named: "v"), strings(["three", nil, "five"]))
        let o = try l.joined(with: r, on: ["k"], how: .outer)
        XCTAssertEqual(try o.column(named: "k"), doubles([3, 4, 5, 4.5, 0]), "outer keys become doubles")
        // And the other way round, with the zeros equal.
        let z = try frame([("k", doubles([0.0, 2]))]).joined(with: frame([("k", ints([0])), ("v", ints([7]))]), on: ["k"], how: .left)
        XCTAssertEqual(try z.column(named: "v"), ints([7, nil]))
        let negZero = try frame([("k", doubles([-0.0]))]).joined(with: frame([("k", doubles([0.0])), ("v", ints([1]))]), on: ["k"])
        XCTAssertEqual(negZero.rowCount, 1)
    }

    func testMismatchedKeyTypesAndMissingKeysAreErrors() {
        let l = frame([("k", ints([1]))]), r = frame([("k", strings(["1"]))])
        XCTAssertThrowsError(try l.joined(with: r, on: ["k"])) { e in
            XCTAssertEqual(e as? FrameError, .schemaMismatch("join key 'k' is int on the left but string on the right"))
        }
        XCTAssertThrowsError(try l.joined(with: frame([("j", ints([1]))]), on: ["k"])) { e in
            XCTAssertEqual((e as? FrameError)?.root, .columnNotFound(name: "k", available: ["j"]))
        }
        XCTAssertThrowsError(try l.joined(with: l, on: []))
        XCTAssertThrowsError(try l.joined(with: l, on: ["k", "k"]))
    }

    func testLookupJoinLeavesLeftColumnsUncopiedAndRightAsASelection() throws {
        let ids = ints([3, 1, 2, 1, 9])
        let events = frame([("s", ids), ("x", ints([0, 1, 2, 3, 4]))])
        let sessions = frame([("s", ints([1, 2, 3])), ("n", ints([2, 1, 1]))])
        let j = try events.joined(with: sessions, on: ["s"], how: .left)
        XCTAssertNil(j.slots[0].rows, "left key column not copied or selected")
        XCTAssertEqual(j.slots[0].base, ids)
        XCTAssertNil(j.slots[1].rows)
        XCTAssertEqual(j.slots[2].rows?.indices, [2, 0, 1, 0, -1])
        XCTAssertEqual(j.column(at: 2), ints([1, 2, 1, 2, nil]))
        // An inner join that drops a row is a selection on the left.
        let i = try events.joined(with: sessions, on: ["s"])
        XCTAssertEqual(i.slots[0].rows?.indices, [0, 1, 2, 3])
    }

    func testLookupPathAgreesWithTheReferenceWithNullsAndMisses() throws {
        try withEvery("n", in: boundarySizes) { n in
            // Unique right keys 0, 2, 4, ... with a null key; left keys in -3 ..< 2n with nulls.
            let rn = n / 2 + 1
            let rk = AnyColumn.int(Column((0..<rn).map { (j: Int) -> Int64? in j == rn / 2 ? nil : Int64(j * 2) }))
            let lvalid = nullPattern(n, period: 4, seed: 1)
            let lk = AnyColumn.int(Column((0..<n).map { (i: Int) -> Int64? in lvalid[i] ? Int64((i * 7) % (2 * n + 1) - 3) : nil }))
            let l = try DataFrame(columns: [("k", lk)])
            let r = try DataFrame(columns: [("k", rk), ("j", .int(Column((0..<rn).map { Int64($0) })))])
            XCTAssertNotNil(LookupJoin.rightRows(left: Column(values: [], validity: nil), right: Column((0..<rn).map { Int64($0) })))
            let j = try l.joined(with: r, on: ["k"], how: .left)
            let expected = Reference.join(Reference.matchingRows([lk], [rk]), rightCount: rn, how: .left)
            XCTAssertEqual(j.column(at: 1), .int(Column(expected.map { $0.1 < 0 ? nil : Int64($0.1) })), "n=\(n)")
            checkColumn(j.column(at: 1))
        }
        // Repeated right keys leave the lookup path.
        XCTAssertNil(LookupJoin.rightRows(left: Column([1]), right: Column([1, 1])))
    }

    func testEmptyFrames() throws {
        let empty = frame([("k", ints([])), ("v", ints([]))])
        let some = frame([("k", ints([1, nil])), ("w", ints([5, 6]))])
        XCTAssertEqual(try empty.joined(with: some, on: ["k"], how: .left).rowCount, 0)
        XCTAssertEqual(try some.joined(with: empty, on: ["k"], how: .left).column(named: "v"), ints([nil, nil]))
        XCTAssertEqual(try empty.joined(with: some, on: ["k"], how: .outer).column(named: "k"), ints([1, nil]))
        XCTAssertEqual(try some.joined(with: empty, on: ["k"], how: .anti).rowCount, 2)
    }

    func testEveryKeyTypeAndKindAgreesWithANestedLoopJoinAtBoundarySizes() throws {
        try withEvery("n", in: boundarySizes) { n in
            let left = Sample.allTypes(n, seed: 1)
            let rn = max(0, n / 2 + 1)
            let right = Sample.allTypes(rn, seed: 2)
            for k in 0..<left.count {
                let l = try DataFrame(columns: [("key", left[k].1), ("i", .int(Column((0..<n).map { Int64($0) })))])
                let r = try DataFrame(columns: [("key", right[k].1.sliced(0..<rn)), ("j", .int(Column((0..<rn).map { Int64($0) })))])
                let hits = Reference.matchingRows([l.column(at: 0)], [r.column(at: 0)])
                for how in JoinKind.allCases {
                    let j = try l.joined(with: r, on: ["key"], how: how)
                    let expected = Reference.join(hits, rightCount: rn, how: how)
                    let li = try j.column(named: "i"), ri = how == .anti ? nil : try j.column(named: "j")
                    let got = (0..<j.rowCount).map { row -> (Int32, Int32) in
                        (Int32(li[row].numericValue.map { Int($0) } ?? -1), Int32(ri?[row].numericValue.map { Int($0) } ?? -1))
                    }
                    XCTAssertEqual(got.map(\.0), expected.map(\.0), "\(left[k].0) \(how) n=\(n)")
                    XCTAssertEqual(got.map(\.1), expected.map(\.1), "\(left[k].0) \(how) n=\(n)")
                    if n == 65 { for c in 0..<j.columnCount { checkColumn(j.column(at: c)) } }
                }
            }
        }
    }

    func testJoinKeyPairsUnderTheHashedPath() throws {
        // Sparse int keys and plain strings against dictionary strings, both directions.
        let l = frame([("k", ints([1 << 50, 7, 1 << 50, nil])), ("s", strings(["a", "b", "c", "a"]))])
        let r = frame([("k", ints([7, 1 << 50, 1 << 51])), ("s", .string(StringColumn(["b", "c", "a"]).dictionaryEncoded()))])
        XCTAssertEqual(try l.joined(with: r.selectingColumns(["k"]), on: ["k"], how: .left).rowCount, 4)
        let byString = try l.selectingColumns(["s"]).joined(with: r, on: ["s"], how: .left)
        XCTAssertEqual(try byString.column(named: "k"), ints([1 << 51, 7, 1 << 50, 1 << 51]))
    }
}
