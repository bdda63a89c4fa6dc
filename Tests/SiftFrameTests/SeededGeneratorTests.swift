// Tests for SeededGenerator: reproducibility, ranges and rough uniformity.
import XCTest
@testable import SiftFrame

final class SeededGeneratorTests: XCTestCase {
    func testSameSeedGivesSameStreamAndDifferentSeedsDiffer() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let xs = (0..<5).map { _ in a.next() }
        XCTAssertEqual(xs, (0..<5).map { _ in b.next() })
        XCTAssertNotEqual(xs, (0..<5).map { _ in c.next() })
    }

    func testBelowStaysInRangeAndCoversItEvenly() {
        var g = SeededGenerator(seed: 7)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 { counts[g.below(6)] += 1 }
        // Each bucket expects 10,000; 5 standard deviations is about ±456.
        for c in counts { XCTAssertLessThan(abs(c - 10_000), 460) }
    }

    func testNextDoubleIsInUnitIntervalWithMeanNearHalf() {
        var g = SeededGenerator(seed: 1)
        var sum = 0.0
        for _ in 0..<100_000 {
            let x = g.nextDouble()
            XCTAssert(x >= 0 && x < 1)
            sum += x
        }
        // Standard error of the mean is 0.29 / sqrt(1e5) ≈ 0.0009.
        XCTAssertEqual(sum / 100_000, 0.5, accuracy: 0.005)
    }

    func testShuffleIsAPermutation() {
        var g = SeededGenerator(seed: 3)
        var a = Array(0..<100)
        g.shuffle(&a)
        XCTAssertEqual(a.sorted(), Array(0..<100))
        XCTAssertNotEqual(a, Array(0..<100))
    }
}
