// Tests for sorting: stability, directions, nulls last, every type, packed and multi-word keys, pandas cross-checks.
import XCTest
@testable import SiftFrame

final class DataFrameSortTests: XCTestCase {
    func perm(_ keys: [(AnyColumn, SortDirection)]) -> [Int32] { Sorting.permutation(keys) }

    func testIntsAscendingAndDescendingWithNullsLastBothWays() {
        let c = ints([3, nil, 1, 3, -2, nil])
        XCTAssertEqual(perm([(c, .ascending)]), [4, 2, 0, 3, 1, 5])
        XCTAssertEqual(perm([(c, .descending)]), [0, 3, 2, 4, 1, 5])
    }

    func testDoublesOrderNegativesZerosAndHugeValues() {
        let c = doubles([1e300, -0.0, -1e-300, 0.0, nil, -1e300, 2.5])
        // -0.0 and 0.0 tie, so they keep their order.
        XCTAssertEqual(perm([(c, .ascending)]), [5, 2, 1, 3, 6, 0, 4])
        XCTAssertEqual(perm([(c, .descending)]), [0, 6, 1, 3, 2, 5, 4])
    }

    func testStringsSortByBytesInEitherLayout() {
        let values: [String?] = ["b", "B", nil, "é", "a", "ab", "", "Zoë"]
        // UTF-8 byte order: "" < "B" < "Zoë" < "a" < "ab" < "b" < "é"
        let expected: [Int32] = [6, 1, 7, 4, 5, 0, 3, 2]
        XCTAssertEqual(perm([(strings(values), .ascending)]), expected)
        XCTAssertEqual(perm([(.string(StringColumn(values).dictionaryEncoded()), .ascending)]), expected)
        XCTAssertEqual(perm([(strings(values), .descending)]), [3, 0, 5, 4, 7, 1, 6, 2])
    }

    func testBoolsTimestampsAndDurations() {
        XCTAssertEqual(perm([(bools([true, nil, false, true]), .ascending)]), [2, 0, 3, 1])
        let t = AnyColumn.timestamp(Column([Timestamp(micros: 5), nil, Timestamp(micros: -5), Timestamp(micros: 0)]))
        XCTAssertEqual(perm([(t, .descending)]), [0, 3, 2, 1])
        let d = AnyColumn.duration(Column([Duration(micros: 9), Duration(micros: -9)]))
        XCTAssertEqual(perm([(d, .ascending)]), [1, 0])
    }

    func testSeveralKeysWithMixedDirections() {
        // Cross-checked with pandas 3.1:
        // pd.DataFrame({"a": ["x","y","x",None,"y","x"], "b": [1,2,None,4,2,3]})
        //   .sort_values(["a","b"], ascending=[True,False], na_position="last", kind="stable").index
        //   -> [5, 0, 2, 1, 4, 3]
        let a = strings(["x", "y", "x", nil, "y", "x"]), b = ints([1, 2, nil, 4, 2, 3])
        XCTAssertEqual(perm([(a, .ascending), (b, .descending)]), [5, 0, 2, 1, 4, 3])
    }

    func testSortIsStable() {
        let c = ints(Array(repeating: 1, count: 70) + [0])
        XCTAssertEqual(perm([(c, .ascending)]), [70] + (0..<70).map { Int32($0) })
        XCTAssertEqual(perm([(c, .descending)]), (0..<70).map { Int32($0) } + [70])
    }

    func testConstantAndAllNullKeysLeaveTheOrderAlone() {
        XCTAssertEqual(perm([(ints([nil, nil, nil]), .ascending)]), [0, 1, 2])
        XCTAssertEqual(perm([(ints([4, 4, 4]), .descending)]), [0, 1, 2])
        XCTAssertEqual(perm([(ints([]), .ascending)]), [])
    }

    func testFullRangeKeyWithNullsSplitsIntoAFlagAndAValue() {
        let c = ints([Int64.max, nil, Int64.min, 0, nil, Int64.max])
        XCTAssertEqual(perm([(c, .ascending)]), [2, 3, 0, 5, 1, 4])
        XCTAssertEqual(perm([(c, .descending)]), [0, 5, 3, 2, 1, 4])
    }

    func testWideKeysSortOneWordAtATime() {
        // Two full-width int keys need three words (flag+value, value); compare with the reference.
        let n = 200
        let a = AnyColumn.int(Column((0..<n).map { (i: Int) -> Int64? in i % 9 == 0 ? nil : Int64((i * 7919) % 5) &* (Int64.max / 3) }))
        let b = AnyColumn.int(Column((0..<n).map { (i: Int) -> Int64? in Int64((i * 104_729) % 13) &* (Int64.min / 7) }))
        let keys: [(AnyColumn, SortDirection)] = [(a, .descending), (b, .ascending)]
        XCTAssertEqual(perm(keys), Reference.sortPermutation(keys))
    }

    func testEveryTypeAgreesWithTheReferenceAtBoundarySizes() {
        withEvery("n", in: boundarySizes) { n in
            for seed in 0..<2 {
                let cols = Sample.allTypes(n, seed: seed)
                for (name, c) in cols {
                    for dir in [SortDirection.ascending, .descending] {
                        XCTAssertEqual(perm([(c, dir)]), Reference.sortPermutation([(c, dir)]), "\(name) \(dir) n=\(n)")
                    }
                }
                let combos: [[(AnyColumn, SortDirection)]] = [
                    [(cols[3].1, .ascending), (cols[0].1, .descending)],
                    [(cols[5].1, .descending), (cols[2].1, .ascending), (cols[6].1, .descending)],
                    [(cols[1].1, .ascending), (cols[4].1, .descending)],
                ]
                for keys in combos { XCTAssertEqual(perm(keys), Reference.sortPermutation(keys), "n=\(n)") }
            }
        }
    }

    func testLargeSortMatchesTheReferenceOnParallelPaths() {
        // Large enough for chunked radix passes (2 × the parallel grain); keys repeat, so stability shows.
        let n = 140_000
        let av: [Int64?] = (0..<n).map { (i: Int) -> Int64? in i % 97 == 0 ? nil : Int64((i * 7919) % 65) }
        let bv: [Int64] = (0..<n).map { (i: Int) -> Int64 in Int64((i * 31) % 100_003) }
        let p = perm([(.int(Column(av)), .descending), (.int(Column(values: bv)), .ascending)])
        // Check the order pairwise instead of against the quadratic reference.
        XCTAssertEqual(Set(p).count, n)
        for k in 1..<n {
            let i = Int(p[k - 1]), j = Int(p[k])
            let x0 = av[i] ?? Int64.min, x1 = av[j] ?? Int64.min
            let ordered = x0 > x1 || (x0 == x1 && (bv[i] < bv[j] || (bv[i] == bv[j] && i < j)))
            if !ordered { XCTFail("rows \(i) and \(j) out of order"); break }
        }
    }

    func testFrameSortIsASelectionAndChecksNames() throws {
        let base = ints([2, 1, 3])
        let df = frame([("x", base), ("s", strings(["b", "a", "c"]))])
        let s = try df.sorted(by: [SortKey("x", .descending)])
        XCTAssertEqual(s.slots[0].base, base)
        XCTAssertEqual(s.slots[0].rows?.indices, [2, 0, 1])
        XCTAssertEqual(s.column(at: 1), strings(["c", "b", "a"]))
        XCTAssertEqual(try df.sorted(by: []).slots[0].rows, nil)
        XCTAssertThrowsError(try df.sorted(by: [SortKey("y")])) { e in
            XCTAssertEqual(e as? FrameError, .columnNotFound(name: "y", available: ["x", "s"]))
        }
    }

    /// Radix-sorts packed words `key << 32 | row` by `bits` key bits and checks the rows come
    /// out in key order, ties in row order.
    func checkRadix(_ keys: [UInt64], bits: Int, file: StaticString = #filePath, line: UInt = #line) {
        let n = keys.count
        var a = (0..<n).map { keys[$0] << 32 | UInt64($0) }
        var scratch = [UInt64](repeating: 0, count: n)
        let rows = a.withUnsafeMutableBufferPointer { ab in
            scratch.withUnsafeMutableBufferPointer { sb in
                RadixSort.sortedRows(ab.baseAddress!, scratch: sb.baseAddress!, count: n, lowBit: 32, bits: bits)
            }
        }
        let order: [Int] = (0..<n).sorted { (i: Int, j: Int) -> Bool in keys[i] != keys[j] ? keys[i] < keys[j] : i < j }
        let expected: [Int32] = order.map { Int32($0) }
        XCTAssertEqual(rows, expected, file: file, line: line)
    }

    func testRadixSortOrdersByTheKeyBitsOnlyAndStably() {
        checkRadix((0..<1000).map { (i: Int) -> UInt64 in UInt64((i * 37) % 256) }, bits: 8)
        checkRadix((0..<20).map { (i: Int) -> UInt64 in UInt64((i * 7) % 5) }, bits: 3)                  // insertion sort
        checkRadix([UInt64](repeating: 9, count: 500), bits: 4)                      // every digit trivial
        checkRadix((0..<3000).map { (i: Int) -> UInt64 in UInt64(i % 7) << 16 | UInt64(i % 3) }, bits: 19) // middle digit trivial
    }
}
