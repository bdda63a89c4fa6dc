// Tests for union: name matching, widening, untyped nulls, schema errors.
import XCTest
@testable import SiftFrame

final class DataFrameUnionTests: XCTestCase {
    func testRowsAppendWithColumnsMatchedByName() throws {
        let a = frame([("x", ints([1, nil])), ("s", strings(["a", "b"]))])
        let b = frame([("s", strings([nil, "d"])), ("x", ints([3, 4]))])
        let u = try a.union(b)
        XCTAssertEqual(u.columnNames, ["x", "s"])
        XCTAssertEqual(u.column(at: 0), ints([1, nil, 3, 4]))
        XCTAssertEqual(u.column(at: 1), strings(["a", "b", nil, "d"]))
        checkColumn(u.column(at: 0))
        checkColumn(u.column(at: 1))
    }

    func testIntAndDoubleWidenAndUntypedNullsTakeTheOtherType() throws {
        let a = frame([("x", ints([1, 2])), ("t", .nulls(of: .untypedNull, count: 2))])
        let b = frame([("x", doubles([2.5])), ("t", strings(["late"]))])
        let u = try a.union(b)
        XCTAssertEqual(u.column(at: 0), doubles([1, 2, 2.5]))
        XCTAssertEqual(u.column(at: 1), strings([nil, nil, "late"]))
        XCTAssertEqual(try b.union(a).column(at: 1), strings(["late", nil, nil]))
    }

    func testMismatchedColumnsAndTypesAreSchemaErrors() {
        let a = frame([("x", ints([1])), ("y", ints([1]))])
        XCTAssertThrowsError(try a.union(frame([("x", ints([1])), ("z", ints([1]))]))) { e in
            XCTAssertEqual(e as? FrameError, .schemaMismatch("union needs frames with the same columns; only in the first frame: 'y'; only in the other: 'z'"))
        }
        XCTAssertThrowsError(try a.union(frame([("x", ints([1])), ("y", strings(["1"]))]))) { e in
            XCTAssertEqual(e as? FrameError, .schemaMismatch("union: column 'y' is int in the first frame but string in the other"))
        }
    }

    func testUnionOfSelectedFramesMaterialisesTheSelectedRows() throws {
        let a = frame([("x", ints([1, 2, 3]))]).selecting(rows: RowSelection([2, 0]))
        XCTAssertEqual(try a.union(a).column(at: 0), ints([3, 1, 3, 1]))
    }

    func testConcatenationAtBoundarySizesKeepsEveryNull() throws {
        try withEvery("n", in: boundarySizes) { n in
            for m in [0, 1, 63, 64, 65] {
                for (name, a) in Sample.allTypes(n, seed: 1) {
                    let b = Sample.allTypes(m, seed: 2).first { $0.0 == name }!.1
                    let c = try AnyColumn.concatenated([a, b])
                    checkColumn(c)
                    XCTAssertEqual((0..<c.count).map { c[$0] }, (0..<n).map { a[$0] } + (0..<m).map { b[$0] }, "\(name) \(n)+\(m)")
                }
            }
        }
    }

    func testDictionariesAreSharedOrMergedAndPlainWins() throws {
        let d1 = StringColumn(["x", "y", nil]).dictionaryEncoded(), d2 = StringColumn(["y", "z"]).dictionaryEncoded()
        let merged = try AnyColumn.concatenated([.string(d1), .string(d2)])
        guard case .string(let s) = merged, case .dictionary(_, let entries) = s.storage else { return XCTFail("dictionary expected") }
        XCTAssertEqual(entries, StringArray(["x", "y", "z"]))
        XCTAssertEqual(merged, strings(["x", "y", nil, "y", "z"]))
        let shared = try AnyColumn.concatenated([.string(d1), .string(d1)])
        guard case .string(let t) = shared, case .dictionary(_, let e2) = t.storage else { return XCTFail("dictionary expected") }
        XCTAssertEqual(e2.count, 2)
        let mixed = try AnyColumn.concatenated([.string(d1), strings(["w"])])
        guard case .string(let p) = mixed, case .plain = p.storage else { return XCTFail("plain expected") }
        XCTAssertThrowsError(try AnyColumn.concatenated([ints([1]), strings(["a"])]))
    }
}
