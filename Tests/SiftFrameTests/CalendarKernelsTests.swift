// Tests for the calendar kernels: the unsigned civil-date conversions against Calendar's, flooring before 1970.
import XCTest
@testable import SiftFrame

final class CalendarKernelsTests: XCTestCase {
    func testCivilConversionsAgreeWithCalendarOverSevenCenturies() {
        // Every day from 1700-01-01 to 2400-01-01 (both sides of 1970, every leap rule), and
        // a sparse sweep out to ±200,000 years, and the ends of the timestamp range.
        let first = Calendar.daysFromCivil(year: 1700, month: 1, day: 1), last = Calendar.daysFromCivil(year: 2400, month: 1, day: 1)
        let days = Array(first...last) + Array(stride(from: -73_000_000, through: 73_000_000, by: 9_973)) + [-106_751_992, 106_751_991]
        for d in days {
            let (y, m, dd) = Calendar.civilFromDays(d)
            let got = CalendarKernels.civil(Int64(d))
            guard got == (Int64(y), Int64(m), Int64(dd)) else { return XCTFail("civil(\(d)) = \(got), want \((y, m, dd))") }
            guard CalendarKernels.days(year: Int64(y), month: Int64(m), day: Int64(dd)) == Int64(d) else {
                return XCTFail("days(\(y)-\(m)-\(dd)) != \(d)")
            }
        }
    }

    func testSplitFloorsBeforeTheEpoch() {
        XCTAssertTrue(CalendarKernels.split(-1) == (-1, 86_399_999_999))
        XCTAssertTrue(CalendarKernels.split(0) == (0, 0))
        XCTAssertTrue(CalendarKernels.split(-86_400_000_000) == (-1, 0))
        XCTAssertTrue(CalendarKernels.split(86_400_000_001) == (1, 1))
    }

    func testWeekdayAndTruncateAroundTheEpoch() {
        XCTAssertEqual(CalendarKernels.weekday(days: 0), 3)     // 1970-01-01, a Thursday
        XCTAssertEqual(CalendarKernels.weekday(days: -1), 2)
        XCTAssertEqual(CalendarKernels.weekday(days: -3), 0)    // 1969-12-29, a Monday
        XCTAssertEqual(CalendarKernels.truncate(-1, to: .second), -1_000_000)
        XCTAssertEqual(CalendarKernels.truncate(-1, to: .week), -3 * 86_400_000_000)
        XCTAssertEqual(CalendarKernels.truncate(-1, to: .year), Int64(Calendar.daysFromCivil(year: 1969, month: 1, day: 1)) * 86_400_000_000)
        XCTAssertEqual(CalendarKernels.truncate(-1, to: .quarter), Int64(Calendar.daysFromCivil(year: 1969, month: 10, day: 1)) * 86_400_000_000)
    }
}
