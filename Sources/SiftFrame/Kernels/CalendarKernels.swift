// Calendar fields and truncation over microsecond timestamp buffers (Hinnant's civil-date algorithms).

/// Kernels of the time functions. They work on the `Int64` microseconds of a timestamp column
/// with ``Calendar``'s day-number arithmetic: no Foundation dates, no allocation per row, and
/// instants before 1970 handled by floored division. Null slots are mapped too and may hold
/// any value, so the arithmetic wraps instead of trapping near Int64's ends.
enum CalendarKernels {
    /// A calendar field of an instant.
    enum Field: Sendable {
        /// The proleptic Gregorian year.
        case year
        /// 1 to 12.
        case month
        /// Day of the month, 1 to 31.
        case day
        /// 0 to 23.
        case hour
        /// 0 to 59.
        case minute
        /// 0 to 59.
        case second
        /// 0 = Monday ... 6 = Sunday (pandas' `dayofweek`).
        case weekday
    }

    /// The day number and the microseconds into that day, floored (instants before 1970 count
    /// back from the day before).
    @inline(__always)
    static func split(_ micros: Int64) -> (days: Int64, inDay: Int64) {
        let d = micros / 86_400_000_000
        let r = micros &- d &* 86_400_000_000
        return r < 0 ? (d &- 1, r &+ 86_400_000_000) : (d, r)
    }

    /// Days from 0000-03-01 to 1970-01-01 (719,468) plus 800 cycles of 400 years (146,097 days
    /// each), so that every day number a timestamp can hold (±1.07e8) shifts to a positive one.
    static let dayShift: UInt64 = 117_597_068
    /// The same shift in years (800 × 400).
    static let yearShift: Int64 = 320_000

    /// The civil date of a day number, by Neri and Schneider's "Euclidean affine functions and
    /// their application to calendar algorithms" (Software: Practice and Experience 53(4), 2023,
    /// algorithm `to_date`, in 64-bit arithmetic with the shift above): divisions by constants
    /// and multiplications only, about twice as fast as Hinnant's `civil_from_days`
    /// (``Calendar/civilFromDays(_:)``), which the tests check it against day by day.
    @inline(__always)
    static func civil(_ days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let n = UInt64(bitPattern: days) &+ dayShift
        let n1 = 4 &* n &+ 3
        let century = n1 / 146_097
        let dayOfCentury = n1 % 146_097 / 4
        let p2 = 2_939_745 &* (4 &* dayOfCentury &+ 3)
        let yearOfCentury = p2 >> 32
        let dayOfYear = (p2 & 0xFFFF_FFFF) / 2_939_745 / 4      // from March 1
        let n3 = 2141 &* dayOfYear &+ 197_913
        let m = n3 >> 16
        let d = (n3 & 0xFFFF) / 2141
        let january: UInt64 = dayOfYear >= 306 ? 1 : 0           // January or February: next year
        let y = Int64(bitPattern: 100 &* century &+ yearOfCentury &+ january) &- yearShift
        return (y, Int64(bitPattern: january == 1 ? m &- 12 : m), Int64(bitPattern: d) &+ 1)
    }

    /// The day number of a civil date (Neri and Schneider's `to_rata_die`, as above; the same
    /// result as ``Calendar/daysFromCivil(year:month:day:)``).
    @inline(__always)
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let january: UInt64 = month <= 2 ? 1 : 0
        let y = UInt64(bitPattern: year &+ yearShift) &- january
        let m = UInt64(bitPattern: month) &+ 12 &* january
        let century = y / 100
        let yearDays = 1461 &* y / 4 &- century &+ century / 4
        let monthDays = (979 &* m &- 2919) / 32
        return Int64(bitPattern: yearDays &+ monthDays &+ UInt64(bitPattern: day) &- 1 &- dayShift)
    }

    /// Weekday of a day number: 0 = Monday (1970-01-01 was a Thursday, index 3).
    @inline(__always)
    static func weekday(days: Int64) -> Int64 {
        let r = (days &+ 3) % 7
        return r < 0 ? r &+ 7 : r
    }

    /// One field of an instant given as microseconds.
    @inline(__always)
    static func field(_ f: Field, _ micros: Int64) -> Int64 {
        let (days, inDay) = split(micros)
        switch f {
        case .year: return civil(days).year
        case .month: return civil(days).month
        case .day: return civil(days).day
        case .hour: return inDay / 3_600_000_000
        case .minute: return inDay / 60_000_000 % 60
        case .second: return inDay / 1_000_000 % 60
        case .weekday: return weekday(days: days)
        }
    }

    /// A field of every row (one loop per field, so the choice is made once per column).
    ///
    /// - Complexity: O(rows), split over the cores.
    static func field(_ f: Field, _ c: Column<Timestamp>) -> Column<Int64> {
        switch f {
        case .year: return ParallelMap.map(c) { field(.year, $0.micros) }
        case .month: return ParallelMap.map(c) { field(.month, $0.micros) }
        case .day: return ParallelMap.map(c) { field(.day, $0.micros) }
        case .hour: return ParallelMap.map(c) { field(.hour, $0.micros) }
        case .minute: return ParallelMap.map(c) { field(.minute, $0.micros) }
        case .second: return ParallelMap.map(c) { field(.second, $0.micros) }
        case .weekday: return ParallelMap.map(c) { field(.weekday, $0.micros) }
        }
    }

    /// The units `trunc` accepts, smallest first.
    enum Unit: String, CaseIterable, Sendable {
        case second, minute, hour, day, week, month, quarter, year
    }

    /// The start of the unit an instant falls in: the second, minute, hour or day; the week
    /// starting Monday; the first day of the month, quarter or year. Floored, so instants before
    /// 1970 truncate down as well (`1969-12-31 23:59` to the hour is `1969-12-31 23:00`).
    @inline(__always)
    static func truncate(_ micros: Int64, to unit: Unit) -> Int64 {
        @inline(__always) func floorTo(_ step: Int64) -> Int64 {
            let r = micros % step
            return r < 0 ? micros &- r &- step : micros &- r
        }
        switch unit {
        case .second: return floorTo(1_000_000)
        case .minute: return floorTo(60_000_000)
        case .hour: return floorTo(3_600_000_000)
        case .day: return floorTo(86_400_000_000)
        case .week:
            let d = split(micros).days
            return (d &- weekday(days: d)) &* 86_400_000_000
        case .month, .quarter, .year:
            let (y, m, _) = civil(split(micros).days)
            let first = unit == .month ? m : (unit == .quarter ? (m &- 1) / 3 &* 3 &+ 1 : 1)
            return days(year: y, month: first, day: 1) &* 86_400_000_000
        }
    }

    /// Every row truncated to a unit.
    ///
    /// - Complexity: O(rows), split over the cores.
    static func truncate(_ c: Column<Timestamp>, to unit: Unit) -> Column<Timestamp> {
        switch unit {
        case .second: return ParallelMap.map(c) { Timestamp(micros: truncate($0.micros, to: .second)) }
        case .minute: return ParallelMap.map(c) { Timestamp(micros: truncate($0.micros, to: .minute)) }
        case .hour: return ParallelMap.map(c) { Timestamp(micros: truncate($0.micros, to: .hour)) }
        case .day: return ParallelMap.map(c) { Timestamp(micros: truncate($0.micros, to: .day)) }
        case .week: return ParallelMap.map(c) { Timestamp(micros: truncate($0.micros, to: .week)) }
        case .month: return ParallelMap.map(c) { Timestamp(micros: truncate($0.micros, to: .month)) }
        case .quarter: return ParallelMap.map(c) { Timestamp(micros: truncate($0.micros, to: .quarter)) }
        case .year: return ParallelMap.map(c) { Timestamp(micros: truncate($0.micros, to: .year)) }
        }
    }
}
