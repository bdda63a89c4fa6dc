// Tests for resolving axes: degenerate extents, zero, log and time axes never divide by a zero range.
import XCTest
@testable import SiftPlot

final class AxisTests: XCTestCase {
    func testConstantExtentIsWidened() {
        let a = ResolvedAxis.resolve(AxisSpec(label: "y", lo: 5, hi: 5), target: 5)
        XCTAssertLessThan(a.lo, 5); XCTAssertGreaterThan(a.hi, 5)
        XCTAssertEqual(a.fraction(5), 0.5, accuracy: 1e-12)
        let z = ResolvedAxis.resolve(AxisSpec(label: "y", lo: 0, hi: 0, includeZero: true), target: 5)
        XCTAssertEqual(z.lo, 0); XCTAssertEqual(z.hi, 1)
        let t = ResolvedAxis.resolve(AxisSpec(label: "t", lo: 0, hi: 0, time: true), target: 5)
        XCTAssertEqual(t.hi - t.lo, 86_400_000_000)
        XCTAssertEqual(t.ticks.map(\.label), ["12:00", "18:00", "Jan 01", "06:00", "12:00"])
    }

    func testIncludeZeroAndLooseRange() {
        let a = ResolvedAxis.resolve(AxisSpec(label: "", lo: 12, hi: 47, includeZero: true), target: 6)
        XCTAssertEqual(a.lo, 0); XCTAssertEqual(a.hi, 50)
        XCTAssertEqual(a.ticks.map(\.label), ["0", "10", "20", "30", "40", "50"])
        let f = ResolvedAxis.resolve(AxisSpec(label: "", lo: 12, hi: 47, loose: false, fixed: true), target: 6)
        XCTAssertEqual(f.lo, 12); XCTAssertEqual(f.hi, 47)
    }

    func testLogAxisRejectsNonPositiveValues() {
        let a = ResolvedAxis.resolve(AxisSpec(label: "", lo: 3, hi: 420, log: true), target: 8)
        XCTAssertEqual(a.lo, 1); XCTAssertEqual(a.hi, 1000)
        XCTAssertTrue(a.fraction(0).isNaN)
        XCTAssertTrue(a.fraction(-1).isNaN)
        XCTAssertEqual(a.fraction(10), 1.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(a.ticks.map(\.label), ["1", "10", "100", "1k"])
    }

    func testNonFiniteExtentFallsBackToUnitRange() {
        let a = ResolvedAxis.resolve(AxisSpec(label: "", lo: .infinity, hi: .nan), target: 5)
        XCTAssertTrue(a.lo.isFinite && a.hi.isFinite && a.hi > a.lo)
    }
}
