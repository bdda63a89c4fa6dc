// Tests for the time functions: fields, weekday and trunc against pandas, parsing, make_date, seconds, errors.
import XCTest
@testable import SiftFrame

final class TimeFunctionsTests: XCTestCase {
    /// Instants across leap days, centuries and the epoch (1600 and 2000 are leap years, 1900 is not).
    let instants = ["1969-12-31 23:59:59.999999", "2000-02-29 13:45:10", "2008-04-06 00:00:00", "1900-03-01 08:00",
                    "2024-12-31 23:00", "1970-01-01", "1600-02-29 12:00", "2016-01-03 05:06:07"]

    func testFieldsMatchPandas() throws {
        // pandas 3.1: s = pd.Series(pd.to_datetime(instants, format="ISO8601")); s.dt.year, .month, ...,
        // .dayofweek (0 = Monday).
        let expected: [(String, [Int64])] = [
            ("year", [1969, 2000, 2008, 1900, 2024, 1970, 1600, 2016]),
            ("month", [12, 2, 4, 3, 12, 1, 2, 1]),
            ("day", [31, 29, 6, 1, 31, 1, 29, 3]),
            ("hour", [23, 13, 0, 8, 23, 0, 12, 5]),
            ("minute", [59, 45, 0, 0, 0, 0, 0, 6]),
            ("second", [59, 10, 0, 0, 0, 0, 0, 7]),
            ("weekday", [2, 1, 6, 3, 1, 3, 1, 6]),
        ]
        let t = timestamps(instants)
        for (name, want) in expected {
            XCTAssertEqual(try apply(name, t), ints(want), name)
        }
    }

    func testWeekdayOfKnownDates() throws {
        // pandas: pd.to_datetime([...]).dayofweek -> [2, 1, 1, 0, 1, 3].
        let t = timestamps(["1969-12-31", "2000-02-29", "2008-04-01", "1900-01-01", "2024-12-31", "1970-01-01"])
        XCTAssertEqual(try apply("weekday", t), ints([2, 1, 1, 0, 1, 3]))
    }

    func testTruncMatchesPandasPeriodsAndFloor() throws {
        // pandas: s.dt.to_period("W"/"M"/"Q").dt.start_time and s.dt.floor("h").
        let t = timestamps(instants)
        XCTAssertEqual(try apply("trunc", t, [.literal(.string("week"))]),
                       timestamps(["1969-12-29", "2000-02-28", "2008-03-31", "1900-02-26", "2024-12-30", "1969-12-29", "1600-02-28", "2015-12-28"]))
        XCTAssertEqual(try apply("trunc", t, [.literal(.string("month"))]),
                       timestamps(["1969-12-01", "2000-02-01", "2008-04-01", "1900-03-01", "2024-12-01", "1970-01-01", "1600-02-01", "2016-01-01"]))
        XCTAssertEqual(try apply("trunc", t, [.literal(.string("quarter"))]),
                       timestamps(["1969-10-01", "2000-01-01", "2008-04-01", "1900-01-01", "2024-10-01", "1970-01-01", "1600-01-01", "2016-01-01"]))
        XCTAssertEqual(try apply("trunc", t, [.literal(.string("hour"))]),
                       timestamps(["1969-12-31 23:00", "2000-02-29 13:00", "2008-04-06 00:00", "1900-03-01 08:00",
                                   "2024-12-31 23:00", "1970-01-01 00:00", "1600-02-29 12:00", "2016-01-03 05:00"]))
        XCTAssertEqual(try apply("trunc", t, [.literal(.string("minute"))])[0], .timestamp(ts("1969-12-31 23:59")))
        XCTAssertEqual(try apply("trunc", t, [.literal(.string("second"))])[0], .timestamp(ts("1969-12-31 23:59:59")))
        XCTAssertEqual(try apply("trunc", t, [.literal(.string("year"))])[0], .timestamp(ts("1969-01-01")))
        XCTAssertEqual(try apply("trunc", t, [.literal(.string("day"))])[6], .timestamp(ts("1600-02-29")))
    }

    func testTruncUnitIsCheckedAtBindTime() {
        XCTAssertEqual(errorMessage { try resolve("trunc", [ArgumentInfo(type: .timestamp), ArgumentInfo(constant: .string("mnth"))]) },
                       "unknown unit 'mnth' for 'trunc' (did you mean 'month'?); expected one of second, minute, hour, day, week, month, quarter, year")
        XCTAssertEqual(errorMessage { try resolve("trunc", [ArgumentInfo(type: .timestamp), ArgumentInfo(type: .string)]) },
                       "bad argument #2 to 'trunc' (constant string unit expected, got string)")
        XCTAssertEqual(try resolve("trunc", [ArgumentInfo(type: .timestamp), ArgumentInfo(constant: .string("Days"))]), .timestamp)
    }

    func testFieldsOverBoundarySizesWithNulls() throws {
        try withEvery("n", in: boundarySizes) { n in
            let valid = nullPattern(n, seed: 1)
            // Every 37 hours from 1969-06-01, crossing the epoch and month ends.
            let base = ts("1969-06-01").micros
            let t: [Timestamp?] = (0..<n).map { valid[$0] ? Timestamp(micros: base + Int64($0) * 37 * 3_600_000_000) : nil }
            let col = AnyColumn.timestamp(Column(t))
            XCTAssertEqual(try apply("day", col), ints(t.map { $0.map { Int64($0.fields.day) } }))
            XCTAssertEqual(try apply("weekday", col), ints(t.map { $0.map { Int64($0.fields.weekday) } }))
            XCTAssertEqual(try apply("hour", col), ints(t.map { $0.map { Int64($0.fields.hour) } }))
            let days = try apply("trunc", col, [.literal(.string("day"))])
            XCTAssertEqual(days, .timestamp(Column(t.map { $0.map { x in
                let f = x.fields
                return Timestamp(year: f.year, month: f.month, day: f.day)!
            } })))
        }
    }

    func testTimestampReadsISOAndUnpaddedDates() throws {
        let values: [String?] = ["2008-04-01", "2008-4-1", " 2008-04-01 10:30 ", nil, "2008-04-01T10:30:00Z", "2008-4-1 9:05:03.25", "2008-04-01 12:00:00+02:00"]
        for (label, s) in stringLayouts(values) {
            XCTAssertEqual(try apply("timestamp", s),
                           timestamps(["2008-04-01", "2008-04-01", "2008-04-01 10:30", nil, "2008-04-01 10:30", "2008-04-01 09:05:03.25", "2008-04-01 10:00"]), label)
        }
    }

    func testDateTruncatesToMidnight() throws {
        XCTAssertEqual(try apply("date", strings(["2008-04-01 23:59:59", "1969-12-31 10:00", nil])), timestamps(["2008-04-01", "1969-12-31", nil]))
        XCTAssertEqual(try apply("date", timestamps(["2008-04-01 23:59:59"])), timestamps(["2008-04-01"]))
        XCTAssertEqual(try fold("date", [.string("01.04.2008"), .string("%d.%m.%Y")]), .timestamp(ts("2008-04-01")))
    }

    func testTimestampWithAFormat() throws {
        let got = try apply("timestamp", strings(["01/04/2008 9:30 PM", "29/02/2024 12:00 am", nil]), [.literal(.string("%d/%m/%Y %I:%M %p"))])
        XCTAssertEqual(got, timestamps(["2008-04-01 21:30", "2024-02-29 00:00", nil]))
    }

    func testTimestampOfNumbersIsUnixSeconds() throws {
        XCTAssertEqual(try apply("timestamp", ints([0, 86_400, -1])), timestamps(["1970-01-01", "1970-01-02", "1969-12-31 23:59:59"]))
        XCTAssertEqual(try apply("timestamp", timestamps(["2008-04-01"])), timestamps(["2008-04-01"]))
    }

    func testUnparseableTextIsAnErrorNamingValueAndRow() {
        for (label, s) in stringLayouts(["2008-04-01", "not a date", "2008-02-30"]) {
            XCTAssertEqual(errorMessage { try apply("timestamp", s) },
                           "'timestamp' cannot read 'not a date' (row 2) as a timestamp (expected ISO 8601 such as 2008-04-01 or 2008-04-01 10:30:00, or give a format)", label)
        }
        XCTAssertEqual(errorMessage { try apply("date", strings(["2008-02-30"]), [.literal(.string("%Y-%m-%d"))]) },
                       "'date' cannot read '2008-02-30' with format '%Y-%m-%d'")
        // A bad value hidden behind a null is not read.
        let hidden = AnyColumn.string(StringColumn(storage: .plain(StringArray(["2008-04-01", "junk"])), validity: Bitmap([true, false])))
        XCTAssertEqual(try apply("timestamp", hidden), timestamps(["2008-04-01", nil]))
    }

    func testFormatArgumentIsCheckedAtBindTime() {
        XCTAssertEqual(errorMessage { try resolve("timestamp", [ArgumentInfo(type: .string), ArgumentInfo(constant: .string("%Q"))]) },
                       "unknown directive '%Q' in format '%Q' (known: %Y %y %m %d %e %H %I %M %S %f %p %b %B %a %A %j %z %Z %T %F %%)")
        XCTAssertEqual(errorMessage { try resolve("timestamp", [ArgumentInfo(type: .string), ArgumentInfo(type: .string)]) },
                       "bad argument #2 to 'timestamp' (constant string format expected, got string)")
        XCTAssertEqual(errorMessage { try resolve("year", [ArgumentInfo(type: .string)]) },
                       "bad argument #1 to 'year' (timestamp expected, got string)")
        XCTAssertEqual(errorMessage { try resolve("timestamp", [ArgumentInfo(type: .bool)]) },
                       "bad argument #1 to 'timestamp' (string or timestamp expected, got bool)")
    }

    func testMakeDateBuildsDatesAndRejectsImpossibleOnes() throws {
        let cols: [(String, AnyColumn)] = [("y", ints([2008, 2024, nil, 1969])), ("m", ints([4, 2, 1, 12])), ("d", ints([1, 29, 1, 31]))]
        XCTAssertEqual(try apply("make_date", [.column("y"), .column("m"), .column("d")], cols),
                       timestamps(["2008-04-01", "2024-02-29", nil, "1969-12-31"]))
        let bad: [(String, AnyColumn)] = [("y", ints([2024, 2023])), ("m", ints([2, 2])), ("d", ints([29, 29]))]
        XCTAssertEqual(errorMessage { try apply("make_date", [.column("y"), .column("m"), .column("d")], bad) },
                       "make_date(2023, 2, 29) (row 2) is not a date")
        XCTAssertEqual(errorMessage { try fold("make_date", [.int(2008), .int(13), .int(1)]) }, "make_date(2008, 13, 1) is not a date")
        XCTAssertEqual(try fold("make_date", [.int(2008), .null, .int(1)]), .null)
    }

    func testSecondsOfDurations() throws {
        let d = AnyColumn.duration(Column([Duration(micros: 1_500_000), nil, Duration(micros: -86_400_000_000)]))
        XCTAssertEqual(try apply("seconds", d), doubles([1.5, nil, -86_400]))
        XCTAssertEqual(errorMessage { try resolve("seconds", [ArgumentInfo(type: .int)]) }, "bad argument #1 to 'seconds' (duration expected, got int)")
    }

    func testEmptyColumns() throws {
        XCTAssertEqual(try apply("year", timestamps([])), ints([]))
        XCTAssertEqual(try apply("trunc", timestamps([]), [.literal(.string("week"))]), timestamps([]))
        XCTAssertEqual(try apply("timestamp", strings([])), timestamps([]))
    }

    func testNullSlotsHoldingExtremeValuesNeverTrap() throws {
        // Kernels map null slots too; whatever a null slot holds must not crash them.
        let extreme = Column<Timestamp>(values: [Timestamp(micros: .min), Timestamp(micros: .max), ts("2008-04-01")],
                                        validity: Bitmap([false, false, true]))
        for name in ["year", "month", "day", "hour", "minute", "second", "weekday"] {
            XCTAssertEqual(try apply(name, .timestamp(extreme)).nullCount, 2, name)
        }
        for unit in CalendarKernels.Unit.allCases {
            XCTAssertEqual(try apply("trunc", .timestamp(extreme), [.literal(.string(unit.rawValue))])[2], .timestamp(try unitStart(unit)), unit.rawValue)
        }
        func parts(_ v: Int64) -> AnyColumn { .int(Column<Int64>(values: [.min, .max, v], validity: Bitmap([false, false, true]))) }
        XCTAssertEqual(try apply("make_date", [.column("y"), .column("m"), .column("d")], [("y", parts(2008)), ("m", parts(4)), ("d", parts(1))]),
                       timestamps([nil, nil, "2008-04-01"]))
    }

    private func unitStart(_ u: CalendarKernels.Unit) throws -> Timestamp {
        switch u {
        case .week: return ts("2008-03-31")
        case .quarter, .month: return ts("2008-04-01")
        case .year: return ts("2008-01-01")
        default: return ts("2008-04-01")
        }
    }
}
