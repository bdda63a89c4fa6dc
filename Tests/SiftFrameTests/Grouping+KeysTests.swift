// Tests for the hash group-by: every key type and path, several keys, nulls in every position, boundary sizes.
import XCTest
@testable import SiftFrame

final class GroupingKeysTests: XCTestCase {
    func testIntKeysNumberGroupsInFirstSeenOrderWithNullAsAKey() {
        let g = Grouping(keys: [ints([7, nil, 7, 3, nil, 3, 9])])
        XCTAssertEqual(g.groupIDs, [0, 1, 0, 2, 1, 2, 3])
        XCTAssertEqual(g.firstRows, [0, 1, 3, 6])
        XCTAssertEqual(g.groupCount, 4)
        XCTAssertEqual(g.sizes(), [2, 2, 2, 1])
    }

    func testWideIntKeysTakeTheHashedPathWithTheSameNumbering() {
        // A range of 2^62 cannot be indexed directly; the null group is numbered where it first appears.
        let g = Grouping(keys: [ints([1 << 62, nil, -(1 << 62), 1 << 62, 5, nil])])
        XCTAssertEqual(g.groupIDs, [0, 1, 2, 0, 3, 1])
        XCTAssertEqual(g.firstRows, [0, 1, 2, 4])
    }

    func testExtremeIntsDoNotOverflowTheRange() {
        let g = Grouping(keys: [ints([Int64.max, Int64.min, Int64.max, 0])])
        XCTAssertEqual(g.groupIDs, [0, 1, 0, 2])
    }

    func testDoublesGroupByValueWithTheTwoZerosTogether() {
        let g = Grouping(keys: [doubles([0.0, -0.0, 1.5, nil, 1.5, -2])])
        XCTAssertEqual(g.groupIDs, [0, 0, 1, 2, 1, 3])
    }

    func testStringsGroupTheSameInEitherLayout() {
        let values: [String?] = ["b", nil, "a", "b", "", nil, "Zoë", ""]
        let plain = Grouping(keys: [strings(values)])
        let dict = Grouping(keys: [.string(StringColumn(values).dictionaryEncoded())])
        XCTAssertEqual(plain.groupIDs, [0, 1, 2, 0, 3, 1, 4, 3])
        XCTAssertEqual(dict, plain)
    }

    func testDictionaryWithUnusedEntriesAfterAFilter() {
        // Entries "x" and "y" are used by no row; codes of null rows point anywhere.
        let entries = StringArray(["x", "y", "cart", "view"])
        let col = StringColumn(storage: .dictionary(codes: [3, 2, 99, 3], entries: entries), validity: Bitmap([true, true, false, true]))
        let g = Grouping(keys: [.string(col)])
        XCTAssertEqual(g.groupIDs, [0, 1, 2, 0])
    }

    func testBoolsAndTimestamps() {
        XCTAssertEqual(Grouping(keys: [bools([true, false, nil, true, nil])]).groupIDs, [0, 1, 2, 0, 2])
        let t = AnyColumn.timestamp(Column([Timestamp(micros: 5), nil, Timestamp(micros: -5), Timestamp(micros: 5)]))
        XCTAssertEqual(Grouping(keys: [t]).groupIDs, [0, 1, 2, 0])
    }

    func testSeveralKeysGroupTuplesInFirstSeenOrder() {
        let g = Grouping(keys: [ints([1, 1, 2, 2, 1, nil, nil]), strings(["x", "y", "x", "x", "x", "y", "y"])])
        XCTAssertEqual(g.groupIDs, [0, 1, 2, 2, 0, 3, 3])
        XCTAssertEqual(g.firstRows, [0, 1, 2, 5])
        // A constant key changes nothing; the order of keys does not change the partition.
        let withConstant = Grouping(keys: [ints([4, 4, 4, 4, 4, 4, 4]), ints([1, 1, 2, 2, 1, nil, nil]), strings(["x", "y", "x", "x", "x", "y", "y"])])
        XCTAssertEqual(withConstant, g)
    }

    func testManyWideKeysRepackWhenTheirProductPassesSixtyTwoBitsAndMatchTheReference() {
        // Five keys of up to 40,000 distinct values each: the product of the group counts passes
        // 2^62 after four keys, so the packed ids are grouped and packing starts again; keys
        // with one group (the constant column) are skipped. The numbering must equal the
        // tuple-by-tuple reference in first-seen order.
        let n = 60_000
        let keys: [AnyColumn] = [
            Sample.ints(n, spread: 40_000, seed: 1),
            Sample.ints(n, spread: 40_000, seed: 2),
            ints([Int64?](repeating: 7, count: n)),
            Sample.ints(n, spread: 40_000, seed: 3),
            Sample.ints(n, spread: 40_000, seed: 4),
            Sample.doubles(n, seed: 5),
        ]
        let g = Grouping(keys: keys)
        let reference = Reference.groupIDs(keys)
        XCTAssertEqual(g.groupIDs, reference.ids)
        XCTAssertEqual(g.firstRows, reference.firsts)
        XCTAssertEqual(g.groupCount, reference.firsts.count)
        // A constant first key is skipped too.
        let h = Grouping(keys: [ints([Int64?](repeating: 1, count: 4)), ints([3, 1, 3, nil])])
        XCTAssertEqual(h.groupIDs, [0, 1, 0, 2])
    }

    func testZeroRowsGiveNoGroups() {
        for key in Sample.allTypes(0) {
            let g = Grouping(keys: [key.1])
            XCTAssertEqual(g.groupCount, 0, key.0)
            XCTAssertEqual(g.groupIDs, [], key.0)
            XCTAssertEqual(g.firstRows, [], key.0)
        }
        XCTAssertEqual(Grouping(keys: [ints([]), strings([])]).groupCount, 0)
    }

    func testAllNullColumnIsOneGroup() {
        let g = Grouping(keys: [ints([nil, nil, nil])])
        XCTAssertEqual(g.groupIDs, [0, 0, 0])
        XCTAssertEqual(g.firstRows, [0])
    }

    func testEveryTypeAgreesWithTheReferenceAtBoundarySizes() {
        withEvery("n", in: boundarySizes) { n in
            for seed in 0..<3 {
                let cols = Sample.allTypes(n, seed: seed)
                for (name, c) in cols {
                    let g = Grouping(keys: [c])
                    let ref = Reference.groupIDs([c])
                    XCTAssertEqual(g.groupIDs, ref.ids, "\(name) n=\(n) seed=\(seed)")
                    XCTAssertEqual(g.firstRows, ref.firsts, "\(name) n=\(n) seed=\(seed)")
                    XCTAssertEqual(g.groupCount, ref.firsts.count)
                }
                // Pairs and a triple, mixing paths.
                for keys in [[cols[0].1, cols[3].1], [cols[1].1, cols[2].1], [cols[4].1, cols[5].1, cols[6].1]] {
                    let g = Grouping(keys: keys)
                    let ref = Reference.groupIDs(keys)
                    XCTAssertEqual(g.groupIDs, ref.ids, "n=\(n) seed=\(seed)")
                    XCTAssertEqual(g.firstRows, ref.firsts)
                }
            }
        }
    }

    func testManyGroupsGrowTheHashTable() {
        // 5,000 distinct sparse keys (the table starts smaller and must rehash), each twice.
        let n = 10_000
        let c = AnyColumn.int(Column((0..<n).map { Int64(($0 % 5000) * 1_000_003) << 20 }))
        let g = Grouping(keys: [c])
        XCTAssertEqual(g.groupCount, 5000)
        XCTAssertEqual(g.groupIDs[7], 7)
        XCTAssertEqual(g.groupIDs[5007], 7)
        XCTAssertEqual(g.firstRows.last, 4999)
    }

    func testTwoManyValuedKeysCombineThroughTheHashTable() {
        // 300 × 301 possible pairs exceed both the row count and the direct-index limit.
        let n = 70_000
        let a = AnyColumn.int(Column((0..<n).map { Int64($0 % 300) }))
        let b = AnyColumn.int(Column((0..<n).map { (i: Int) -> Int64? in i % 11 == 0 ? nil : Int64((i * 7) % 301) }))
        let g = Grouping(keys: [a, b])
        let ref = Reference.groupIDs([a, b])
        XCTAssertEqual(g.groupIDs, ref.ids)
        XCTAssertEqual(g.firstRows, ref.firsts)
    }

    func testFrameGroupingByNames() throws {
        let df = frame([("a", ints([1, 2, 1])), ("b", strings(["x", "x", "y"]))])
        XCTAssertEqual(try df.grouping(by: ["a"]).groupIDs, [0, 1, 0])
        XCTAssertEqual(try df.grouping(by: ["a", "b"]).groupCount, 3)
        XCTAssertTrue(try df.grouping(by: []).isSingle)
        XCTAssertThrowsError(try df.grouping(by: ["c"])) { e in
            XCTAssertEqual(e as? FrameError, .columnNotFound(name: "c", available: ["a", "b"]))
        }
    }

    func testGroupingASelectedFrameUsesTheSelectedRows() throws {
        let df = frame([("a", ints([1, 2, 3, 2]))]).selecting(rows: RowSelection([3, 0, 1]))
        XCTAssertEqual(try df.grouping(by: ["a"]).groupIDs, [0, 1, 0])
    }
}
