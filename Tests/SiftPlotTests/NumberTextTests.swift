// Tests for NumberText: tick labels, value labels, percentages and exact fixed-point text.
import XCTest
@testable import SiftPlot

final class NumberTextTests: XCTestCase {
    func testShortUsesSuffixesAndTrimsZeros() {
        XCTAssertEqual(NumberText.short(0), "0")
        XCTAssertEqual(NumberText.short(500), "500")
        XCTAssertEqual(NumberText.short(2500), "2.5k")
        XCTAssertEqual(NumberText.short(12_000), "12k")
        XCTAssertEqual(NumberText.short(1_000_000), "1M")
        XCTAssertEqual(NumberText.short(1_250_000), "1.25M")
        XCTAssertEqual(NumberText.short(-1_500), "-1.5k")
        XCTAssertEqual(NumberText.short(3e9), "3B")
        XCTAssertEqual(NumberText.short(0.15), "0.15")
        XCTAssertEqual(NumberText.short(0.1 + 0.2), "0.3")
        XCTAssertEqual(NumberText.short(2.5e-5), "2.5e-5")
    }

    func testShortShowsTheDecimalsItsStepNeeds() {
        XCTAssertEqual(NumberText.short(1.0001, step: 0.0001), "1.0001")
        XCTAssertEqual(NumberText.short(1.0002, step: 0.0001), "1.0002")
        XCTAssertEqual(NumberText.short(0.0005, step: 0.0001), "0.0005")
        // Ticks of a constant 2008 (a histogram's edges 2007.5…2008.5, a tenth apart) stay
        // apart: written out, not all "2.01k".
        XCTAssertEqual(NumberText.short(2007.5, step: 0.1), "2007.5")
        XCTAssertEqual(NumberText.short(2007.6, step: 0.1), "2007.6")
        XCTAssertEqual(NumberText.short(2008, step: 0.1), "2008")
        XCTAssertEqual(NumberText.short(2300, step: 100), "2.3k")
        XCTAssertEqual(NumberText.short(2350, step: 50), "2.35k")
        XCTAssertEqual(NumberText.short(1_001_000, step: 1000), "1.001M")
        XCTAssertEqual(NumberText.short(1_000_100, step: 100), "1000100")
    }

    func testCompactGroupsIntegersAndRoundsOthersToThreeDigits() {
        XCTAssertEqual(NumberText.compact(12345), "12,345")
        XCTAssertEqual(NumberText.compact(-1_000_000), "-1,000,000")
        XCTAssertEqual(NumberText.compact(0.23456), "0.235")
        XCTAssertEqual(NumberText.compact(12.345), "12.3")
        XCTAssertEqual(NumberText.compact(45678.9), "45.7k")
        XCTAssertEqual(NumberText.compact(0.5), "0.5")
        XCTAssertEqual(NumberText.compact(.nan), "NaN")
    }

    func testPercent() {
        XCTAssertEqual(NumberText.percent(1), "100%")
        XCTAssertEqual(NumberText.percent(0.552), "55.2%")
        XCTAssertEqual(NumberText.percent(0.045), "4.5%")
        XCTAssertEqual(NumberText.percent(0.0001), "<0.1%")
        XCTAssertEqual(NumberText.percent(0), "0%")
        XCTAssertEqual(NumberText.percent(.nan), "–")
    }

    func testFixedRoundsHalfAwayFromZeroWithoutExponent() {
        // The scaled double is rounded: 2.675 × 100 is exactly 267.5 in doubles, so it goes up
        // (Python's "%.2f" % 2.675 rounds the stored 2.67499… and gives "2.67"; labels accept either).
        XCTAssertEqual(NumberText.fixed(2.675, decimals: 2), "2.68")
        XCTAssertEqual(NumberText.fixed(-0.004, decimals: 2), "0.00")
        XCTAssertEqual(NumberText.fixed(1234.5, decimals: 0), "1235")
        XCTAssertEqual(NumberText.fixed(0.05, decimals: 3), "0.050")
        XCTAssertEqual(NumberText.fixed(-3.25, decimals: 1), "-3.3")
    }

    func testMagnitudeIsExactAtPowersOfTen() {
        XCTAssertEqual(NumberText.magnitude(1000), 3)
        XCTAssertEqual(NumberText.magnitude(999.999), 2)
        XCTAssertEqual(NumberText.magnitude(0.001), -3)
        XCTAssertEqual(NumberText.magnitude(-0.05), -2)
    }
}
