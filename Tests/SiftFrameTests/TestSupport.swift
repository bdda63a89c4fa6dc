// Shared test helpers: boundary sizes, column conformance checks and small frame builders.
import XCTest
@testable import SiftFrame

/// The sizes every bitmap-backed kernel is run at: around the 64-bit word boundaries.
let boundarySizes = [0, 1, 2, 63, 64, 65, 127, 128, 129]

/// Runs `body` once per value; a thrown error fails the test with the value named (swift-collections' `withEvery`).
func withEvery<T>(_ label: String, in values: [T], file: StaticString = #filePath, line: UInt = #line,
                  _ body: (T) throws -> Void) rethrows {
    for v in values {
        do { try body(v) } catch {
            XCTFail("\(label) = \(v): \(error)", file: file, line: line)
        }
    }
}

/// Checks the invariants every column must keep: value count, cached null count, a mask only
/// when there are nulls, and agreement between `isValid` and subscripts.
func checkColumn(_ c: AnyColumn, file: StaticString = #filePath, line: UInt = #line) {
    let n = c.count
    if let v = c.validity {
        XCTAssertEqual(v.count, n, "validity length", file: file, line: line)
        XCTAssertGreaterThan(v.unsetCount, 0, "a mask without nulls should be dropped", file: file, line: line)
        var nulls = 0
        for i in 0..<n where !v[i] { nulls += 1 }
        XCTAssertEqual(nulls, c.nullCount, "cached null count", file: file, line: line)
    }
    for i in 0..<n {
        XCTAssertEqual(c.isValid(i), !c[i].isNull, "row \(i) validity vs value", file: file, line: line)
    }
    if case .string(let s) = c, case .dictionary(let codes, let entries) = s.storage {
        for i in 0..<n where s.isValid(i) {
            XCTAssertLessThan(Int(codes[i]), entries.count, "dictionary code in range", file: file, line: line)
        }
        XCTAssertEqual(Set((0..<entries.count).map { entries[$0] }).count, entries.count, "unique entries", file: file, line: line)
    }
}

/// A deterministic pattern of nulls: row `i` is null when `(i * 7 + seed) % period == 0`.
func nullPattern(_ n: Int, period: Int = 5, seed: Int = 0) -> [Bool] {
    (0..<n).map { ($0 * 7 + seed) % period != 0 }
}

/// Builds a frame from name/column pairs, failing the test on error.
func frame(_ columns: [(String, AnyColumn)], file: StaticString = #filePath, line: UInt = #line) -> DataFrame {
    do { return try DataFrame(columns: columns) } catch {
        XCTFail("could not build frame: \(error)", file: file, line: line)
        return .empty
    }
}

/// Shorthands for test columns.
func ints(_ v: [Int64?]) -> AnyColumn { .int(Column(v)) }
func doubles(_ v: [Double?]) -> AnyColumn { .double(Column(v)) }
func bools(_ v: [Bool?]) -> AnyColumn { .bool(Column(v)) }
func strings(_ v: [String?]) -> AnyColumn { .string(StringColumn(v)) }

/// Asserts two doubles agree within a relative tolerance (default 1e-12, for results whose
/// summation order may differ from the hand computation).
func assertClose(_ a: Double?, _ b: Double?, rel: Double = 1e-12, file: StaticString = #filePath, line: UInt = #line) {
    guard let a, let b else { XCTAssertEqual(a == nil, b == nil, "one side is nil", file: file, line: line); return }
    XCTAssertLessThanOrEqual(abs(a - b), rel * max(1, abs(a), abs(b)), "\(a) vs \(b)", file: file, line: line)
}
