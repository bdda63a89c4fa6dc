// Tests that the byte parsers the CSV reader uses are exact: doubles correctly rounded, ints and timestamps strict.
import XCTest
@testable import SiftFrame

final class CSVNumberParsingTests: XCTestCase {
    func parseDouble(_ s: String) -> Double? {
        var s = s
        return s.withUTF8 { NumberParser.parseDouble($0) }
    }

    /// Swift's `Double(String)` is correctly rounded (it uses the C library's `strtod`), so it is
    /// the reference for every decimal form the reader accepts.
    func testDoublesAreCorrectlyRoundedOnRandomInputs() {
        var g = SeededGenerator(seed: 77)
        func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(g.below(10))) }) }
        var checked = 0
        for _ in 0..<60_000 {
            var s = g.below(4) == 0 ? "-" : ""
            let form = g.below(5)
            switch form {
            case 0: s += digits(1 + g.below(20))                                    // integers, some past 2^53
            case 1: s += digits(1 + g.below(8)) + "." + digits(1 + g.below(12))     // prices and measurements
            case 2: s += digits(1 + g.below(3)) + "." + digits(1 + g.below(25)) + "e" + String(g.below(700) - 350)
            case 3: s += "0." + String(repeating: "0", count: g.below(20)) + digits(1 + g.below(17))
            default:
                // Random bit patterns printed in shortest form, then perturbed in the last digit.
                let d = Double(bitPattern: g.next() & 0x7FEF_FFFF_FFFF_FFFF)
                var t = d.description
                if g.below(2) == 0, let last = t.last, let v = last.wholeNumberValue { t.removeLast(); t.append(Character(String((v + 1) % 10))) }
                s = t
            }
            guard let expected = Double(s) else { continue }
            XCTAssertEqual(parseDouble(s)?.bitPattern, expected.bitPattern, s)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 50_000)
    }

    func testDoubleEdgeCases() {
        XCTAssertEqual(parseDouble("0.1"), 0.1)
        XCTAssertEqual(parseDouble(".25"), 0.25)
        XCTAssertEqual(parseDouble("5."), 5)
        XCTAssertEqual(parseDouble("1e6"), 1e6)
        XCTAssertEqual(parseDouble("-0")?.sign, .minus)
        XCTAssertEqual(parseDouble("inf"), .infinity)
        XCTAssertEqual(parseDouble("-Infinity"), -.infinity)
        XCTAssertEqual(parseDouble("2.2250738585072011e-308"), 2.2250738585072011e-308)
        XCTAssertEqual(parseDouble("4.9e-324"), 4.9e-324)
        XCTAssertEqual(parseDouble("1.7976931348623157e308"), 1.7976931348623157e308)
        XCTAssertEqual(parseDouble("9007199254740993"), 9007199254740992)   // ties to even
        for bad in ["", "-", ".", "e5", "1e", "1.2.3", "0x10", "nan", "1,5", "1 000", "--1", "1e+"] {
            XCTAssertNil(parseDouble(bad), bad)
        }
    }

    func testIntsAreStrict() {
        func parse(_ s: String) -> Int64? { var s = s; return s.withUTF8 { NumberParser.parseInt($0) } }
        XCTAssertEqual(parse("+7"), 7)
        XCTAssertEqual(parse("-0042"), -42)
        XCTAssertEqual(parse("9223372036854775807"), Int64.max)
        XCTAssertNil(parse("9223372036854775808"))
        XCTAssertNil(parse("1.0"))
        XCTAssertNil(parse("1e3"))
        XCTAssertNil(parse("-"))
    }

    func testTimestampsCheckTheCalendar() {
        XCTAssertNil(TimestampParser.parse("2023-02-29"))
        XCTAssertNotNil(TimestampParser.parse("2024-02-29"))
        XCTAssertNil(TimestampParser.parse("2024-13-01"))
        XCTAssertNil(TimestampParser.parse("2024-01-01 24:00"))
        XCTAssertNil(TimestampParser.parse("2024-01-01T10:00:00+0"))
        XCTAssertEqual(TimestampParser.parse("2024-01-01T10:00:00.5+0100")?.description, "2024-01-01 09:00:00.500000")
    }
}
