// Tests for display formatting of numbers and scalars.
import XCTest
import SiftFrame
@testable import SiftLang

final class NumberFormatTests: XCTestCase {
    func testDoublesShowSixSignificantDigitsAndAlwaysAPoint() {
        XCTAssertEqual(NumberFormat.double(3), "3.0")
        XCTAssertEqual(NumberFormat.double(3.14159265), "3.14159")
        XCTAssertEqual(NumberFormat.double(1234.5678), "1234.57")
        XCTAssertEqual(NumberFormat.double(0.1 + 0.2), "0.3")
        XCTAssertEqual(NumberFormat.double(-0.5), "-0.5")
        XCTAssertEqual(NumberFormat.double(999_999.4), "999999.0")
        XCTAssertEqual(NumberFormat.double(0.000123456), "0.000123456")
    }

    func testLargeAndTinyUseScientificNotation() {
        XCTAssertEqual(NumberFormat.double(1_234_567), "1.23457e+06")
        XCTAssertEqual(NumberFormat.double(2.5e-5), "2.5e-05")
        XCTAssertEqual(NumberFormat.double(-1e20), "-1e+20")
        XCTAssertEqual(NumberFormat.double(999_999.7), "1e+06")
    }

    func testSpecialValues() {
        XCTAssertEqual(NumberFormat.double(0), "0.0")
        XCTAssertEqual(NumberFormat.double(.infinity), "inf")
        XCTAssertEqual(NumberFormat.double(-.infinity), "-inf")
        XCTAssertEqual(NumberFormat.double(-0.00000001 * 0), "0.0")
    }

    func testScalarsAndLiterals() {
        XCTAssertEqual(NumberFormat.scalar(.int(-42)), "-42")
        XCTAssertEqual(NumberFormat.scalar(.string("a b")), "a b")
        XCTAssertEqual(NumberFormat.literal(.string("a\"b\n")), #""a\"b\n""#)
        XCTAssertEqual(NumberFormat.scalar(.timestamp(Timestamp(year: 2008, month: 4, day: 1, hour: 9)!)), "2008-04-01 09:00:00")
        XCTAssertEqual(NumberFormat.scalar(.timestamp(Timestamp(year: 2008, month: 4, day: 1)!), dateOnly: true), "2008-04-01")
        XCTAssertEqual(NumberFormat.scalar(.duration(Duration(micros: 5_400_000_000))), "1h 30m")
        XCTAssertEqual(NumberFormat.grouped(165_474), "165,474")
        XCTAssertEqual(NumberFormat.grouped(999), "999")
    }
}
