// Tests for TimeTicks: calendar-aligned intervals from seconds to years, and their labels.
import XCTest
import SiftFrame
@testable import SiftPlot

final class TimeTicksTests: XCTestCase {
    func micros(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0) -> Double {
        Double(Timestamp(year: y, month: m, day: d, hour: h, minute: mi)!.micros)
    }

    func testHoursAcrossTwoDaysLabelMidnightWithTheDate() {
        let t = TimeTicks.ticks(lo: micros(2008, 4, 1, 3), hi: micros(2008, 4, 3, 1), target: 8)
        // 46 hours: every 6 hours gives 8 ticks, the most that fit.
        XCTAssertEqual(t.interval, .init(unit: .hour, count: 6))
        XCTAssertEqual(t.values.map { TimeTicks.label($0, unit: t.interval.unit) },
                       ["06:00", "12:00", "18:00", "Apr 02", "06:00", "12:00", "18:00", "Apr 03"])
        let fewer = TimeTicks.ticks(lo: micros(2008, 4, 1, 3), hi: micros(2008, 4, 3, 1), target: 4)
        XCTAssertEqual(fewer.values.map { TimeTicks.label($0, unit: fewer.interval.unit) }, ["12:00", "Apr 02", "12:00", "Apr 03"])
        XCTAssertEqual(TimeTicks.context(lo: micros(2008, 4, 1, 3), hi: micros(2008, 4, 3, 1), unit: .hour), "2008-04-01 – 2008-04-03")
    }

    func testWeeksStartOnMondays() {
        let t = TimeTicks.ticks(lo: micros(2008, 4, 1), hi: micros(2008, 5, 20), target: 8)
        XCTAssertEqual(t.interval.unit, .week)
        // 2008-04-07 was a Monday.
        XCTAssertEqual(t.values.first, micros(2008, 4, 7))
        XCTAssertTrue(t.values.allSatisfy { Calendar.fields(micros: Int64($0)).weekday == 0 })
        XCTAssertEqual(TimeTicks.label(t.values[0], unit: .week), "Apr 07")
    }

    func testMonthsAlignToTheirStepAndYearsToTheirMultiple() {
        let m = TimeTicks.ticks(lo: micros(2007, 11, 15), hi: micros(2009, 2, 1), target: 6)
        XCTAssertEqual(m.interval, .init(unit: .month, count: 3))
        XCTAssertEqual(m.values.map { TimeTicks.label($0, unit: .month) }, ["2008", "Apr", "Jul", "Oct", "2009"])
        XCTAssertEqual(TimeTicks.context(lo: micros(2007, 11, 15), hi: micros(2009, 2, 1), unit: .month), "2007–2009")
        XCTAssertEqual(TimeTicks.context(lo: micros(2008, 1, 15), hi: micros(2008, 12, 1), unit: .month), "2008")
        let y = TimeTicks.ticks(lo: micros(1901, 6, 1), hi: micros(2024, 1, 1), target: 6)
        XCTAssertEqual(y.interval, .init(unit: .year, count: 50))
        XCTAssertEqual(y.values.map { TimeTicks.label($0, unit: .year) }, ["1950", "2000"])
    }

    func testSecondsAndMinutes() {
        let s = TimeTicks.ticks(lo: micros(2008, 4, 1, 12), hi: micros(2008, 4, 1, 12) + 50_000_000, target: 6)
        XCTAssertEqual(s.interval, .init(unit: .second, count: 10))
        XCTAssertEqual(TimeTicks.label(s.values[1], unit: .second), "12:00:10")
        let mi = TimeTicks.ticks(lo: micros(2008, 4, 1, 12), hi: micros(2008, 4, 1, 13), target: 5)
        XCTAssertEqual(mi.interval, .init(unit: .minute, count: 15))
    }

    func testBeforeTheEpoch() {
        let t = TimeTicks.ticks(lo: micros(1969, 12, 31, 18), hi: micros(1970, 1, 1, 6), target: 4)
        XCTAssertEqual(t.values.map { TimeTicks.label($0, unit: t.interval.unit) }, ["18:00", "Jan 01", "06:00"])
        XCTAssertEqual(t.interval, .init(unit: .hour, count: 6))
        XCTAssertEqual(TimeTicks.context(lo: micros(1969, 12, 31, 18), hi: micros(1970, 1, 1, 6), unit: .hour), "1969-12-31 – 1970-01-01")
    }
}
