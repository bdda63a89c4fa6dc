// Tests for decimal rounding: the half-away tie rule, exactness on printed decimals, negative places, extremes.
import XCTest
@testable import SiftFrame

final class DecimalRoundingTests: XCTestCase {
    /// Expected values from Python: `float(Decimal(repr(x)).quantize(Decimal(1).scaleb(-n), ROUND_HALF_UP))`,
    /// i.e. the printed decimal rounded half away from zero. (numpy/pandas round half to even
    /// and give 0.12 for 0.125; DuckDB's DOUBLE round gives 1.0 for 1.005.)
    func testRoundsThePrintedDecimalHalfAwayFromZero() {
        let cases: [(Double, Int, Double)] = [
            (2.675, 2, 2.68), (1.005, 2, 1.01), (0.285, 2, 0.29), (-2.675, 2, -2.68), (1.115, 2, 1.12),
            (0.125, 2, 0.13), (8.325, 2, 8.33), (2.5, 0, 3), (-0.5, 0, -1), (0.5, 0, 1), (1.5, 0, 2),
            (123.456, -1, 120), (125, -1, 130), (-125, -1, -130), (1234.5678, 3, 1234.568),
            (0.1 + 0.2, 1, 0.3), (5.55, 1, 5.6), (1e-7, 7, 1e-7), (9.995, 2, 10),
        ]
        for (x, n, want) in cases {
            XCTAssertEqual(DecimalRounding.round(x, places: n), want, "round(\(x), \(n))")
        }
    }

    /// An independent reference: round the shortest decimal text of `x` half away from zero by
    /// string arithmetic, then read it back.
    private func reference(_ x: Double, _ n: Int) -> Double {
        precondition(n >= 0)
        let neg = x < 0
        var s = abs(x).description
        precondition(!s.contains("e"), "reference handles plain decimals only")
        if !s.contains(".") { s += ".0" }
        let parts = s.split(separator: ".")
        let intPart = String(parts[0])
        var frac = String(parts[1])
        while frac.count < n + 1 { frac += "0" }
        var digits = Array(intPart + frac.prefix(n)).map { Int(String($0))! }
        let next = Int(String(frac[frac.index(frac.startIndex, offsetBy: n)]))!
        if next >= 5 {
            var i = digits.count - 1
            while i >= 0 { digits[i] += 1; if digits[i] < 10 { break }; digits[i] = 0; i -= 1 }
            if i < 0 { digits.insert(1, at: 0) }
        }
        let text = digits.map(String.init).joined()
        let split = text.count - n
        let result = Double(String(text.prefix(split)) + "." + String(text.suffix(n)))!
        return neg ? -result : result
    }

    func testAgreesWithStringReferenceOnSeededDecimals() {
        var g = SeededGenerator(seed: 20)
        for _ in 0..<3_000 {
            let places = g.below(4) + 1          // values with 1 to 4 decimals
            let scale = pow(10.0, Double(places))
            let x = Double(Int(g.below(2_000_000)) - 1_000_000) / scale
            for n in 0..<places {
                XCTAssertEqual(DecimalRounding.round(x, places: n), reference(x, n), "round(\(x), \(n))")
            }
        }
    }

    func testNegativeZeroNeverComesOut() {
        let r = DecimalRounding.round(-0.4, places: 0)
        XCTAssertEqual(r, 0)
        XCTAssertEqual(r.sign, .plus)
        XCTAssertEqual(DecimalRounding.round(-0.001, places: 2).sign, .plus)
    }

    func testHugeAndTinyAndExtremePlaces() {
        XCTAssertEqual(DecimalRounding.round(1e300, places: 2), 1e300)        // no digits at that place
        XCTAssertEqual(DecimalRounding.round(4503599627370497, places: 0), 4503599627370497)
        assertClose(DecimalRounding.round(1.26e-30, places: 31), 1.3e-30, rel: 1e-15)   // beyond 22 places: plain scaling, not exact
        XCTAssertEqual(DecimalRounding.round(5e25, places: -26), 1e26)
        XCTAssertEqual(DecimalRounding.round(4e25, places: -26), 0)
        XCTAssertEqual(DecimalRounding.round(3.7, places: 400), 3.7)
        XCTAssertEqual(DecimalRounding.round(3.7, places: -400), 0)
        XCTAssertEqual(DecimalRounding.round(.infinity, places: 2), .infinity)
    }

    func testIntegersRoundToTensHalfAwayAndReportOverflow() {
        XCTAssertEqual(DecimalRounding.round(1234, places: 2).value, 1234)
        XCTAssertEqual(DecimalRounding.round(1250, places: -2).value, 1300)
        XCTAssertEqual(DecimalRounding.round(-1250, places: -2).value, -1300)
        XCTAssertEqual(DecimalRounding.round(1249, places: -2).value, 1200)
        XCTAssertEqual(DecimalRounding.round(-1249, places: -2).value, -1200)
        XCTAssertEqual(DecimalRounding.round(4_999_999_999_999_999_999, places: -19).value, 0)
        XCTAssertTrue(DecimalRounding.round(Int64.max, places: -1).overflow)
        XCTAssertTrue(DecimalRounding.round(Int64.min, places: -19).overflow)
        XCTAssertTrue(DecimalRounding.round(Int64.max, places: -19).overflow)
    }

    func testVectorisedKernelAgreesWithTheScalarOne() {
        var g = SeededGenerator(seed: 7)
        var xs: [Double] = [0, -0.0, 0.5, -0.5, 2.675, -2.675, 1e300, -1e300, 4503599627370497, 5e-324, .infinity, -.infinity]
        for _ in 0..<5_000 {
            let scale = pow(10.0, Double(g.below(12)) - 4)
            xs.append((g.nextDouble() * 2 - 1) * scale)
            xs.append(Double(Int(g.below(200_000)) - 100_000) / 1000)   // exact thousandths: ties at 2 places
        }
        var out = [Double](repeating: 0, count: xs.count)
        for n in 0...22 {
            xs.withUnsafeBufferPointer { src in out.withUnsafeMutableBufferPointer { DecimalRounding.round(src, places: n, into: $0.baseAddress!) } }
            for (x, got) in zip(xs, out) {
                let want = DecimalRounding.round(x, places: n)
                XCTAssertTrue(got == want && got.sign == want.sign, "round(\(x), \(n)): \(got) vs \(want)")
            }
        }
    }
}
