// Tests for n_unique's two strategies (dense bitmap, hashed pairs), which must agree with a set and with each other.
import XCTest
@testable import SiftFrame

final class GroupedDistinctTests: XCTestCase {
    func expected(_ keys: [Int64], _ valid: [Bool], _ ids: [Int32], groups: Int) -> [Int] {
        var sets = [Set<Int64>](repeating: [], count: groups)
        for i in 0..<keys.count where valid[i] { sets[Int(ids[i])].insert(keys[i]) }
        return sets.map(\.count)
    }

    func grouping(_ ids: [Int32], _ groups: Int) -> Grouping {
        var firsts = [Int32](repeating: -1, count: groups)
        for (i, g) in ids.enumerated() where firsts[Int(g)] < 0 { firsts[Int(g)] = Int32(i) }
        // Renumber in first-seen order.
        let order = (0..<groups).sorted { firsts[$0] < firsts[$1] }
        var rank = [Int32](repeating: 0, count: groups)
        for (r, g) in order.enumerated() { rank[g] = Int32(r) }
        return Grouping(groupIDs: ids.map { rank[Int($0)] }, groupCount: groups, firstRows: order.map { firsts[$0] })
    }

    func testDenseAndHashedStrategiesAgreeWithASet() {
        var rng = SeededGenerator(seed: 11)
        for (n, spread) in [(0, 5), (1, 5), (65, 3), (129, 1000), (140_000, 50_000), (140_000, 1 << 40)] {
            let keys = (0..<n).map { _ in Int64(rng.next() % UInt64(spread)) - Int64(spread / 2) }
            let valid = nullPattern(n, period: 6, seed: 1)
            let ids = (0..<n).map { Int32(($0 / 3) % 4) }
            let groups = Set(ids).count
            let g = grouping(ids, groups)
            let want = expected(keys, valid, g.groupIDs, groups: groups)
            let col = AnyColumn.int(Column(values: keys, validity: n == 0 ? nil : Bitmap(valid)))
            XCTAssertEqual(GroupedDistinct.counts(col, g), want, "n=\(n) spread=\(spread)")
            if n > 0 {
                let words = col.validity?.words ?? []
                let hashed = keys.withUnsafeBufferPointer { k in
                    words.withUnsafeBufferPointer { w in
                        g.groupIDs.withUnsafeBufferPointer {
                            GroupedDistinct.hashed(k.baseAddress!, col.validity == nil ? nil : w.baseAddress, n, $0.baseAddress, groups: groups)
                        }
                    }
                }
                XCTAssertEqual(hashed, want, "hashed n=\(n)")
            }
            let single = GroupedDistinct.counts(col, .single(rowCount: n))
            XCTAssertEqual(single, [Set((0..<n).filter { valid[$0] }.map { keys[$0] }).count], "single n=\(n)")
        }
    }

    func testExtremeKeysDoNotOverflowTheSpan() {
        let col = AnyColumn.int(Column<Int64>([Int64.min, Int64.max, Int64.min, 0]))
        XCTAssertEqual(GroupedDistinct.counts(col, .single(rowCount: 4)), [3])
    }
}
