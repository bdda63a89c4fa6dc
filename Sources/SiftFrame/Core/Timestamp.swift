// Timestamps and durations as microsecond counts, with proleptic Gregorian calendar arithmetic.

/// An instant, stored as microseconds since 1970-01-01 00:00:00 UTC.
///
/// Sift has no time zones: timestamps read with an offset are converted to UTC.
///
/// ```swift
/// let t = Timestamp(year: 2008, month: 4, day: 1)!
/// t.description   // "2008-04-01 00:00:00"
/// ```
public struct Timestamp: ColumnElement, Comparable, CustomStringConvertible {
    /// Microseconds since the Unix epoch.
    public var micros: Int64

    /// `.timestamp`.
    public static var dataType: DataType { .timestamp }
    /// The epoch.
    public static var zero: Timestamp { Timestamp(micros: 0) }

    /// Creates a timestamp from microseconds since the epoch.
    @inlinable public init(micros: Int64) { self.micros = micros }

    /// Creates a timestamp from calendar fields, or nil when a field is out of range
    /// (including a day that does not exist in its month).
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, micro: Int = 0) {
        guard month >= 1, month <= 12, day >= 1, day <= Calendar.daysInMonth(year: year, month: month),
              hour >= 0, hour < 24, minute >= 0, minute < 60, second >= 0, second < 60,
              micro >= 0, micro < 1_000_000, year >= -290_000, year <= 290_000 else { return nil }
        let days = Calendar.daysFromCivil(year: year, month: month, day: day)
        micros = Int64(days) * Calendar.microsPerDay
            + Int64(hour * 3600 + minute * 60 + second) * 1_000_000 + Int64(micro)
    }

    /// Compares two instants.
    @inlinable public static func < (a: Timestamp, b: Timestamp) -> Bool { a.micros < b.micros }

    /// The calendar fields of this instant in UTC.
    public var fields: Calendar.Fields { Calendar.fields(micros: micros) }

    /// `YYYY-MM-DD HH:MM:SS`, with `.ffffff` only when there is a fraction (the CSV form).
    public var description: String {
        let f = fields
        var s = Calendar.pad(f.year, 4) + "-" + Calendar.pad(f.month, 2) + "-" + Calendar.pad(f.day, 2)
        s += " " + Calendar.pad(f.hour, 2) + ":" + Calendar.pad(f.minute, 2) + ":" + Calendar.pad(f.second, 2)
        if f.micro != 0 { s += "." + Calendar.pad(f.micro, 6) }
        return s
    }
}

/// A signed span of time in microseconds: the difference of two timestamps, or a literal like `30m`.
public struct Duration: ColumnElement, Comparable, CustomStringConvertible {
    /// Microseconds; negative for spans that go backwards.
    public var micros: Int64

    /// `.duration`.
    public static var dataType: DataType { .duration }
    /// The empty span.
    public static var zero: Duration { Duration(micros: 0) }

    /// Creates a duration from microseconds.
    @inlinable public init(micros: Int64) { self.micros = micros }

    /// Creates a duration from (possibly fractional) seconds, rounded to the microsecond.
    public init(seconds: Double) { micros = Int64((seconds * 1_000_000).rounded()) }

    /// The span in seconds.
    public var seconds: Double { Double(micros) / 1_000_000 }

    /// Compares two spans.
    @inlinable public static func < (a: Duration, b: Duration) -> Bool { a.micros < b.micros }

    /// A compact form built from the units of the language's literals: `1d 2h 3m 4s`, `45s`,
    /// `1.5s`, `-30m`; the zero span is `0s`.
    public var description: String {
        if micros == 0 { return "0s" }
        let negative = micros < 0
        var rest = micros.magnitude
        var parts: [String] = []
        let day: UInt64 = 86_400_000_000, hour: UInt64 = 3_600_000_000, minute: UInt64 = 60_000_000
        if rest >= day { parts.append("\(rest / day)d"); rest %= day }
        if rest >= hour { parts.append("\(rest / hour)h"); rest %= hour }
        if rest >= minute { parts.append("\(rest / minute)m"); rest %= minute }
        if rest > 0 {
            let whole = rest / 1_000_000, frac = rest % 1_000_000
            if frac == 0 {
                parts.append("\(whole)s")
            } else {
                var f = Calendar.pad(Int(frac), 6)
                while f.hasSuffix("0") { f.removeLast() }
                parts.append("\(whole).\(f)s")
            }
        }
        return (negative ? "-" : "") + parts.joined(separator: " ")
    }
}

/// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01).
///
/// The conversions are Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms
/// ("chrono-Compatible Low-Level Date Algorithms", 2013), exact for every representable year.
public enum Calendar {
    /// Microseconds in a day.
    public static let microsPerDay: Int64 = 86_400_000_000

    /// Calendar fields of an instant.
    public struct Fields: Sendable, Equatable {
        /// Year, month (1-12), day (1-31).
        public var year: Int, month: Int, day: Int
        /// Hour (0-23), minute, second, microsecond.
        public var hour: Int, minute: Int, second: Int, micro: Int
        /// Day of the week, 0 = Monday ... 6 = Sunday (ISO order, as pandas' `dayofweek`).
        public var weekday: Int
    }

    /// Whether `year` is a leap year.
    @inlinable public static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in a month (1-12) of a year.
    @inlinable public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a civil date (Hinnant's `days_from_civil`).
    @inlinable public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day number (Hinnant's `civil_from_days`).
    @inlinable public static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Splits microseconds since the epoch into whole days and the microseconds into that day.
    @inlinable public static func splitDays(_ micros: Int64) -> (days: Int, micros: Int64) {
        var d = micros / microsPerDay
        var r = micros % microsPerDay
        if r < 0 { d -= 1; r += microsPerDay }
        return (Int(d), r)
    }

    /// The calendar fields of an instant.
    public static func fields(micros: Int64) -> Fields {
        let (days, inDay) = splitDays(micros)
        let (y, m, d) = civilFromDays(days)
        let secs = Int(inDay / 1_000_000)
        // 1970-01-01 was a Thursday (ISO weekday index 3).
        let wd = ((days % 7) + 7 + 3) % 7
        return Fields(year: y, month: m, day: d, hour: secs / 3600, minute: secs / 60 % 60,
                      second: secs % 60, micro: Int(inDay % 1_000_000), weekday: wd)
    }

    /// Zero-pads a non-negative number to `width` digits (a sign is kept in front).
    public static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let padded = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        return value < 0 ? "-" + padded : padded
    }
}
