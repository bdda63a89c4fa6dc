// Tests for strftime-style timestamp formats, checked against Python's datetime.strptime.
import XCTest
@testable import SiftFrame

final class TimestampFormatTests: XCTestCase {
    func parse(_ s: String, _ f: String) throws -> String? { try TimestampFormat(f).parse(s)?.description }

    func testDirectivesAgreeWithPythonStrptime() throws {
        // Python 3.11: datetime.strptime(text, format), converted to UTC for %z.
        XCTAssertEqual(try parse("01/04/2008 12:30 AM", "%d/%m/%Y %I:%M %p"), "2008-04-01 00:30:00")
        XCTAssertEqual(try parse("01/04/2008 12:30 pm", "%d/%m/%Y %I:%M %p"), "2008-04-01 12:30:00")
        XCTAssertEqual(try parse("Tue, 1 Apr 2008 10:00:00", "%a, %d %b %Y %H:%M:%S"), "2008-04-01 10:00:00")
        XCTAssertEqual(try parse("2008-092", "%Y-%j"), "2008-04-01 00:00:00")
        XCTAssertEqual(try parse("69-1-1", "%y-%m-%d"), "1969-01-01 00:00:00")
        XCTAssertEqual(try parse("68-1-1", "%y-%m-%d"), "2068-01-01 00:00:00")
        XCTAssertEqual(try parse("12:05", "%H:%M"), "1900-01-01 12:05:00")
        XCTAssertEqual(try parse("2008-04-01T10:00:00+0200", "%Y-%m-%dT%H:%M:%S%z"), "2008-04-01 08:00:00")
    }

    func testNamesFractionsZonesAndShorthands() throws {
        XCTAssertEqual(try parse("april 1 2008", "%B %d %Y"), "2008-04-01 00:00:00")
        XCTAssertEqual(try parse("SEPTEMBER 30 1999", "%B %d %Y"), "1999-09-30 00:00:00")
        XCTAssertEqual(try parse("Wednesday 2 Jan 2008", "%A %d %b %Y"), "2008-01-02 00:00:00")
        XCTAssertEqual(try parse("10:00:00.5", "%H:%M:%S.%f"), "1900-01-01 10:00:00.500000")
        XCTAssertEqual(try parse("10:00:00.123456789", "%H:%M:%S.%f"), "1900-01-01 10:00:00.123456")
        XCTAssertEqual(try parse("2008-04-01 10:00 UTC", "%Y-%m-%d %H:%M %Z"), "2008-04-01 10:00:00")
        XCTAssertEqual(try parse("2008-04-01 10:00 -05:30", "%Y-%m-%d %H:%M %z"), "2008-04-01 15:30:00")
        XCTAssertEqual(try parse("2008-04-01 10:00Z", "%Y-%m-%d %H:%M%z"), "2008-04-01 10:00:00")
        XCTAssertEqual(try parse("2008-04-01 07:08:09", "%F %T"), "2008-04-01 07:08:09")
        XCTAssertEqual(try parse("100% 2008", "100%% %Y"), "2008-01-01 00:00:00")
        XCTAssertEqual(try parse("20080401", "%Y%m%d"), "2008-04-01 00:00:00")
    }

    func testWhitespaceMatchesAnyRunAndOuterSpacesAreIgnored() throws {
        XCTAssertEqual(try parse("  1   Apr\t2008 ", "%d %b %Y"), "2008-04-01 00:00:00")
        XCTAssertEqual(try parse("1Apr2008", "%d %b %Y"), "2008-04-01 00:00:00")
    }

    func testTextThatDoesNotMatchGivesNil() throws {
        XCTAssertNil(try parse("2008-04-01 junk", "%Y-%m-%d"))             // unconverted text remains
        XCTAssertNil(try parse("2023-02-29", "%Y-%m-%d"))                  // not a leap year
        XCTAssertNil(try parse("2023-366", "%Y-%j"))
        XCTAssertNotNil(try parse("2024-366", "%Y-%j"))
        XCTAssertNil(try parse("13/01/2008", "%m/%d/%Y"))
        XCTAssertNil(try parse("24:00", "%H:%M"))
        XCTAssertNil(try parse("13:00 PM", "%I:%M %p"))
        XCTAssertNil(try parse("Foo 1 2008", "%b %d %Y"))
        XCTAssertNil(try parse("", "%Y"))
        XCTAssertNil(try parse("2008/04/01", "%Y-%m-%d"))
    }

    func testUnknownDirectivesAreErrors() {
        XCTAssertEqual(errorMessage { try TimestampFormat("%Y-%q") },
                       "unknown directive '%q' in format '%Y-%q' (known: %Y %y %m %d %e %H %I %M %S %f %p %b %B %a %A %j %z %Z %T %F %%)")
        XCTAssertEqual(errorMessage { try TimestampFormat("%Y %") }, "format '%Y %' ends with a lone '%'")
    }

    func testDefaultFormIsISOThenUnpadded() {
        func parseDefault(_ s: String) -> String? {
            var s = s
            return s.withUTF8 { TimestampFormat.parseDefault(bytes: $0)?.description }
        }
        XCTAssertEqual(parseDefault("2008-04-01"), "2008-04-01 00:00:00")
        XCTAssertEqual(parseDefault("2008-4-1"), "2008-04-01 00:00:00")
        XCTAssertEqual(parseDefault("2008-12-31T9:05"), "2008-12-31 09:05:00")
        XCTAssertEqual(parseDefault("2008-04-01T10:00:00.25+01:00"), "2008-04-01 09:00:00.250000")
        XCTAssertEqual(parseDefault(" 1969-7-20 20:17:40 "), "1969-07-20 20:17:40")
        XCTAssertNil(parseDefault("1/4/2008"))
        XCTAssertNil(parseDefault("2008-4-31"))
    }
}
