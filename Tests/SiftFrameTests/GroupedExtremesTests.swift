// Tests for per-group min, max, any, all and first/last rows, including inputs large enough to split across cores.
import XCTest
@testable import SiftFrame

final class GroupedExtremesTests: XCTestCase {
    let n = 150_000

    func data(seed: UInt64) -> (values: [Int64], valid: [Bool], grouping: Grouping) {
        var rng = SeededGenerator(seed: seed)
        let v = (0..<n).map { _ in Int64(rng.next() % 1_000_001) - 500_000 }
        let valid = nullPattern(n, period: 5, seed: 2)
        let ids = (0..<n).map { i -> Int32 in !valid[i] && i % 2 == 0 ? 3 : Int32(i % 3) }
        return (v, valid, Grouping(groupIDs: ids, groupCount: 4, firstRows: [0, 1, 2, Int32(ids.firstIndex(of: 3)!)]))
    }

    func testMinMaxMatchDirectComputationAcrossChunks() {
        let (v, valid, g) = data(seed: 4)
        XCTAssertEqual(g.groupIDs.firstIndex(of: 3).map { valid[$0] }, false)
        var lo = [Int64?](repeating: nil, count: 4), hi = [Int64?](repeating: nil, count: 4)
        for i in 0..<n where valid[i] {
            let k = Int(g.groupIDs[i])
            lo[k] = min(lo[k] ?? .max, v[i]); hi[k] = max(hi[k] ?? .min, v[i])
        }
        XCTAssertNil(lo[3])
        let c = Column(values: v, validity: Bitmap(valid))
        XCTAssertEqual(c.values.withUnsafeBufferPointer { GroupedExtremes.extremes($0, c.validity, g, largest: false) }, Column(lo))
        XCTAssertEqual(c.values.withUnsafeBufferPointer { GroupedExtremes.extremes($0, c.validity, g, largest: true) }, Column(hi))
        let all = c.values.withUnsafeBufferPointer { GroupedExtremes.extremes($0, c.validity, .single(rowCount: n), largest: true) }
        XCTAssertEqual(all, Column([hi.compactMap { $0 }.max()]))
    }

    func testAnyAllAcrossChunks() {
        let (v, valid, g) = data(seed: 6)
        let b = Column(values: v.map { $0 > 499_000 }, validity: Bitmap(valid))
        var any = [Bool](repeating: false, count: 4), every = [Bool](repeating: true, count: 4)
        for i in 0..<n where valid[i] {
            let k = Int(g.groupIDs[i])
            any[k] = any[k] || b.values[i]; every[k] = every[k] && b.values[i]
        }
        XCTAssertEqual(GroupedExtremes.anyAll(b, g, all: false), any)
        XCTAssertEqual(GroupedExtremes.anyAll(b, g, all: true), every)
        XCTAssertEqual(any, [true, true, true, false])   // a few rows above the threshold in each real group
        let t = Column(values: [Bool](repeating: true, count: n), validity: Bitmap(valid))
        XCTAssertEqual(GroupedExtremes.anyAll(t, .single(rowCount: n), all: true), [true])
    }

    func testFirstAndLastRowsSkipNulls() {
        let g = Grouping(groupIDs: [0, 1, 0, 1, 0], groupCount: 2, firstRows: [0, 1])
        let valid = Bitmap([false, true, true, false, true])
        XCTAssertEqual(GroupedExtremes.firstRows(valid, g, last: false), [2, 1])
        XCTAssertEqual(GroupedExtremes.firstRows(valid, g, last: true), [4, 1])
        XCTAssertEqual(GroupedExtremes.firstRows(nil, g, last: true), [4, 3])
        XCTAssertEqual(GroupedExtremes.firstRows(Bitmap(repeating: false, count: 5), .single(rowCount: 5), last: false), [-1])
    }
}
