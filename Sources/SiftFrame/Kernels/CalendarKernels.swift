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

    /// Weekday of a day number: 0 = Monday (1970-01-01 was a Thursday, index 3).
    @inline(__always)
    static func weekday(days: Int) -> Int {
        let r = (days + 3) % 7
        return r < 0 ? r + 7 : r
    }

    /// One field of an instant given as microseconds.
    @inline(__always)
    static func field(_ f: Field, _ micros: Int64) -> Int64 {
        let (days, inDay) = Calendar.splitDays(micros)
        switch f {
        case .year: return Int64(Calendar.civilFromDays(days).year)
        case .month: return Int64(Calendar.civilFromDays(days).month)
        case .day: return Int64(Calendar.civilFromDays(days).day)
        case .hour: return inDay / 3_600_000_000
        case .minute: return inDay / 60_000_000 % 60
        case .second: return inDay / 1_000_000 % 60
        case .weekday: return Int64(weekday(days: days))
        }
    }

    /// A field of every row.
    ///
    /// - Complexity: O(rows), split over the cores.
    static func field(_ f: Field, _ c: Column<Timestamp>) -> Column<Int64> {
        ParallelMap.map(c) { field(f, $0.micros) }
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
        func floorTo(_ step: Int64) -> Int64 {
            let r = micros % step
            return r < 0 ? micros &- r &- step : micros &- r
        }
        switch unit {
        case .second: return floorTo(1_000_000)
        case .minute: return floorTo(60_000_000)
        case .hour: return floorTo(3_600_000_000)
        case .day: return floorTo(Calendar.microsPerDay)
        case .week:
            let days = Calendar.splitDays(micros).days
            return Int64(days - weekday(days: days)) &* Calendar.microsPerDay
        case .month, .quarter, .year:
            let (y, m, _) = Calendar.civilFromDays(Calendar.splitDays(micros).days)
            let first = unit == .month ? m : (unit == .quarter ? (m - 1) / 3 * 3 + 1 : 1)
            return Int64(Calendar.daysFromCivil(year: y, month: first, day: 1)) &* Calendar.microsPerDay
        }
    }

    /// Every row truncated to a unit.
    ///
    /// - Complexity: O(rows), split over the cores.
    static func truncate(_ c: Column<Timestamp>, to unit: Unit) -> Column<Timestamp> {
        ParallelMap.map(c) { Timestamp(micros: truncate($0.micros, to: unit)) }
    }
}
