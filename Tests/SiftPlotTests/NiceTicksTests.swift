// Tests for NiceTicks: 1-2-5 steps, loose ranges and log decades.
import XCTest
@testable import SiftPlot

final class NiceTicksTests: XCTestCase {
    func testStepIsTheSmallestNiceNumberAtLeastTheRawStep() {
        XCTAssertEqual(NiceTicks.step(atLeast: 0.7).value, 1)
        XCTAssertEqual(NiceTicks.step(atLeast: 1).value, 1)
        XCTAssertEqual(NiceTicks.step(atLeast: 1.01).value, 2)
        XCTAssertEqual(NiceTicks.step(atLeast: 3).value, 5)
        XCTAssertEqual(NiceTicks.step(atLeast: 6).value, 10)
        XCTAssertEqual(NiceTicks.step(atLeast: 0.013).value, 0.02)
    }

    func testLinearTicksStayWithinTargetAndRange() {
        XCTAssertEqual(NiceTicks.linear(lo: 0, hi: 47, target: 6), [0, 10, 20, 30, 40])
        XCTAssertEqual(NiceTicks.linear(lo: 0, hi: 1, target: 6), [0, 0.2, 0.4, 0.6, 0.8, 1])
        XCTAssertEqual(NiceTicks.linear(lo: -1, hi: 1, target: 5), [-1, -0.5, 0, 0.5, 1])
        XCTAssertEqual(NiceTicks.linear(lo: 17.3, hi: 80.2, target: 8), [20, 30, 40, 50, 60, 70, 80])
        for (lo, hi, t) in [(0.0, 1e-7, 5), (-1234.5, 98765.0, 7), (1e9, 1e9 + 10, 4)] {
            let ticks = NiceTicks.linear(lo: lo, hi: hi, target: t)
            XCTAssertGreaterThanOrEqual(ticks.count, 2, "\(lo)…\(hi)")
            XCTAssertLessThanOrEqual(ticks.count, t)
            XCTAssertTrue(ticks.allSatisfy { $0 >= lo - 1e-9 * abs(hi - lo) && $0 <= hi + 1e-9 * abs(hi - lo) })
        }
    }

    func testTicksAreTheDecimalsTheyLookLike() {
        XCTAssertEqual(NiceTicks.linear(lo: 0, hi: 0.3, target: 4), [0, 0.1, 0.2, 0.3])
    }

    func testLooseWidensToTicksAllowingOneMoreThanTheTarget() {
        let a = NiceTicks.loose(lo: 0, hi: 118, target: 6)
        XCTAssertEqual(a.lo, 0); XCTAssertEqual(a.hi, 120); XCTAssertEqual(a.step.value, 20)
        let b = NiceTicks.loose(lo: 0, hi: 133, target: 6)
        XCTAssertEqual(b.hi, 150); XCTAssertEqual(b.step.value, 50)
        let c = NiceTicks.loose(lo: -3.2, hi: 7.9, target: 6)
        XCTAssertEqual(c.lo, -4); XCTAssertEqual(c.hi, 8)
    }

    func testLogTicksAddTwoAndFiveWhenFewDecades() {
        XCTAssertEqual(NiceTicks.log(lo: 1, hi: 100, target: 8), [1, 2, 5, 10, 20, 50, 100])
        XCTAssertEqual(NiceTicks.log(lo: 1, hi: 1e6, target: 4), [1, 100, 10_000, 1e6])
        // One decade more than the target is kept whole (thinning 1, 10, 100, 1000 to 1, 100
        // left a short log axis with two labels); two more are thinned.
        XCTAssertEqual(NiceTicks.log(lo: 1, hi: 1000, target: 3), [1, 10, 100, 1000])
        XCTAssertEqual(NiceTicks.log(lo: 1, hi: 10_000, target: 3), [1, 100, 10_000])
        let r = NiceTicks.logRange(lo: 3, hi: 420)
        XCTAssertEqual(r.lo, 1); XCTAssertEqual(r.hi, 1000)
        let one = NiceTicks.logRange(lo: 10, hi: 10)
        XCTAssertEqual(one.lo, 10); XCTAssertEqual(one.hi, 100)
    }
}
