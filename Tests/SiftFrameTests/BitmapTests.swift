// Tests for Bitmap: construction, counts, boolean algebra and word-wise iteration at word boundaries.
import XCTest
@testable import SiftFrame

final class BitmapTests: XCTestCase {
    func testSetCountAndSubscriptAgreeAtBoundarySizes() {
        withEvery("n", in: boundarySizes) { n in
            let bits = nullPattern(n)
            let b = Bitmap(bits)
            XCTAssertEqual(b.count, n)
            XCTAssertEqual(b.setCount, bits.filter { $0 }.count)
            for i in 0..<n { XCTAssertEqual(b[i], bits[i]) }
        }
    }

    func testComplementKeepsBitsPastCountClear() {
        withEvery("n", in: boundarySizes) { n in
            let b = ~Bitmap(repeating: false, count: n)
            XCTAssertEqual(b.setCount, n)
            XCTAssertEqual((~b).setCount, 0)
        }
    }

    func testAndOrFollowTruthTables() {
        let a = Bitmap([true, true, false, false]), b = Bitmap([true, false, true, false])
        XCTAssertEqual(a & b, Bitmap([true, false, false, false]))
        XCTAssertEqual(a | b, Bitmap([true, true, true, false]))
        XCTAssertNil(Bitmap.intersect(nil, nil))
        XCTAssertEqual(Bitmap.intersect(a, nil), a)
    }

    func testForEachValidVisitsExactlyTheSetBitsInOrder() {
        withEvery("n", in: boundarySizes + [200]) { n in
            let bits = nullPattern(n, period: 3)
            var seen: [Int] = []
            Bitmap.forEachValid(Bitmap(bits), count: n) { seen.append($0) }
            XCTAssertEqual(seen, (0..<n).filter { bits[$0] })
            var all: [Int] = []
            Bitmap.forEachValid(nil, count: n) { all.append($0) }
            XCTAssertEqual(all, Array(0..<n))
            XCTAssertEqual(Bitmap(bits).setIndices().map(Int.init), (0..<n).filter { bits[$0] })
        }
    }
}
