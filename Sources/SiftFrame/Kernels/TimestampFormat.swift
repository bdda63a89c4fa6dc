// Parses timestamps by strftime-style formats (`%d/%m/%Y %H:%M`), compiled once, read from bytes.

/// A compiled strftime-style format that reads timestamps, as Python's `strptime` does.
///
/// | directive | reads |
/// |---|---|
/// | `%Y` | year, 1 to 4 digits |
/// | `%y` | two-digit year: 69–99 are 1969–1999, 00–68 are 2000–2068 (POSIX) |
/// | `%m`, `%d`, `%e` | month, day of month, 1 or 2 digits |
/// | `%H`, `%I` | hour 0–23, or 1–12 with `%p` |
/// | `%M`, `%S` | minute, second, 1 or 2 digits |
/// | `%f` | fraction of a second, 1 to 9 digits (kept to the microsecond) |
/// | `%p` | `AM` or `PM`, any case |
/// | `%b`, `%h`, `%B` | English month name, full or three letters, any case |
/// | `%a`, `%A` | English weekday name, full or three letters (read and ignored) |
/// | `%j` | day of the year, 1 to 3 digits (used when there is no month or day) |
/// | `%z` | `Z`, `+HH`, `+HHMM` or `+HH:MM` (converted to UTC) |
/// | `%Z` | `UTC`, `GMT` or `Z` |
/// | `%T`, `%F` | `%H:%M:%S`, `%Y-%m-%d` |
/// | `%%` | a percent sign |
///
/// Whitespace in the format matches any run of whitespace (none included); every other
/// character must match itself. The whole text must be used, apart from leading and trailing
/// spaces. Missing fields default to 1900-01-01 00:00:00, as in Python. Days are checked
/// against their month, so `30/02/2024` does not parse.
///
/// ```swift
/// let f = try TimestampFormat("%d/%m/%Y %H:%M")
/// f.parse("01/04/2008 9:30")?.description   // "2008-04-01 09:30:00"
/// ```
public struct TimestampFormat: Sendable, Equatable {
    /// One step of a compiled format.
    enum Item: Sendable, Equatable {
        case literal(UInt8), space
        case year, shortYear, month, monthName, day, dayOfYear, hour, hour12, minute, second, fraction
        case meridiem, weekdayName, offset, zoneName
    }

    /// The format as written.
    public let pattern: String
    let items: [Item]

    /// Compiles a format.
    ///
    /// - Throws: ``FrameError/invalidArgument(_:)`` for a directive not in the table, or a
    ///   `%` at the end.
    public init(_ pattern: String) throws {
        self.pattern = pattern
        var items: [Item] = []
        var it = Array(pattern.utf8).makeIterator()
        while let c = it.next() {
            if c == UInt8(ascii: "%") {
                guard let d = it.next() else { throw FrameError.invalidArgument("format '\(pattern)' ends with a lone '%'") }
                switch d {
                case UInt8(ascii: "Y"): items.append(.year)
                case UInt8(ascii: "y"): items.append(.shortYear)
                case UInt8(ascii: "m"): items.append(.month)
                case UInt8(ascii: "d"), UInt8(ascii: "e"): items.append(.day)
                case UInt8(ascii: "H"): items.append(.hour)
                case UInt8(ascii: "I"): items.append(.hour12)
                case UInt8(ascii: "M"): items.append(.minute)
                case UInt8(ascii: "S"): items.append(.second)
                case UInt8(ascii: "f"): items.append(.fraction)
                case UInt8(ascii: "p"): items.append(.meridiem)
                case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "h"): items.append(.monthName)
                case UInt8(ascii: "a"), UInt8(ascii: "A"): items.append(.weekdayName)
                case UInt8(ascii: "j"): items.append(.dayOfYear)
                case UInt8(ascii: "z"): items.append(.offset)
                case UInt8(ascii: "Z"): items.append(.zoneName)
                case UInt8(ascii: "T"): items += [.hour, .literal(58), .minute, .literal(58), .second]
                case UInt8(ascii: "F"): items += [.year, .literal(45), .month, .literal(45), .day]
                case UInt8(ascii: "%"): items.append(.literal(37))
                default:
                    let shown = String(decoding: [d], as: UTF8.self)
                    throw FrameError.invalidArgument("unknown directive '%\(shown)' in format '\(pattern)' (known: %Y %y %m %d %e %H %I %M %S %f %p %b %B %a %A %j %z %Z %T %F %%)")
                }
            } else if c == 32 || c == 9 {
                if items.last != .space { items.append(.space) }
            } else {
                items.append(.literal(c))
            }
        }
        self.items = items
    }

    /// Parses a string; nil when it does not match.
    public func parse(_ s: String) -> Timestamp? {
        var s = s
        return s.withUTF8 { parse(bytes: $0) }
    }

    /// The three-letter English month and weekday names, lower case, and the rest of each full name.
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map { Array($0.utf8) }
    private static let monthTails = ["uary", "ruary", "ch", "il", "", "e", "y", "ust", "tember", "ober", "ember", "ember"].map { Array($0.utf8) }
    private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map { Array($0.utf8) }
    private static let weekdayTails = ["day", "sday", "nesday", "rsday", "day", "urday", "day"].map { Array($0.utf8) }

    /// Parses UTF-8 bytes; nil when they do not match.
    ///
    /// - Complexity: O(length), no allocation.
    public func parse(bytes raw: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        let b = Conversion.trimmed(raw)
        let n = b.count
        var i = 0
        var year = 1900, month = 1, day = 1, hour = 0, minute = 0, second = 0, micro = 0
        var yearDay: Int? = nil, pm: Bool? = nil, twelve = false, sawMonthOrDay = false
        var offsetSeconds = 0

        /// Reads 1 to `maxDigits` digits.
        func number(_ maxDigits: Int) -> Int? {
            var v = 0, k = 0
            while k < maxDigits, i < n, b[i] >= 48, b[i] <= 57 { v = v * 10 + Int(b[i] - 48); i += 1; k += 1 }
            return k == 0 ? nil : v
        }
        func lower(_ x: UInt8) -> UInt8 { x >= 65 && x <= 90 ? x + 32 : x }
        /// Reads one of `names` (three letters) with its optional full-name tail; returns its index.
        func name(_ names: [[UInt8]], _ tails: [[UInt8]]) -> Int? {
            guard i + 3 <= n else { return nil }
            for (k, u) in names.enumerated() {
                guard lower(b[i]) == u[0], lower(b[i + 1]) == u[1], lower(b[i + 2]) == u[2] else { continue }
                i += 3
                let tail = tails[k]
                if !tail.isEmpty, i + tail.count <= n, (0..<tail.count).allSatisfy({ lower(b[i + $0]) == tail[$0] }) { i += tail.count }
                return k
            }
            return nil
        }

        for item in items {
            switch item {
            case .literal(let c):
                guard i < n, b[i] == c else { return nil }
                i += 1
            case .space:
                while i < n, b[i] == 32 || b[i] == 9 { i += 1 }
            case .year:
                guard let v = number(4) else { return nil }
                year = v
            case .shortYear:
                guard let v = number(2) else { return nil }
                year = v < 69 ? 2000 + v : 1900 + v
            case .month:
                guard let v = number(2), v >= 1, v <= 12 else { return nil }
                month = v; sawMonthOrDay = true
            case .monthName:
                guard let k = name(Self.months, Self.monthTails) else { return nil }
                month = k + 1; sawMonthOrDay = true
            case .day:
                guard let v = number(2), v >= 1, v <= 31 else { return nil }
                day = v; sawMonthOrDay = true
            case .dayOfYear:
                guard let v = number(3), v >= 1, v <= 366 else { return nil }
                yearDay = v
            case .hour:
                guard let v = number(2), v < 24 else { return nil }
                hour = v
            case .hour12:
                guard let v = number(2), v >= 1, v <= 12 else { return nil }
                hour = v; twelve = true
            case .minute:
                guard let v = number(2), v < 60 else { return nil }
                minute = v
            case .second:
                guard let v = number(2), v < 60 else { return nil }
                second = v
            case .fraction:
                var v = 0, k = 0
                while i < n, b[i] >= 48, b[i] <= 57 {
                    if k < 6 { v = v * 10 + Int(b[i] - 48) }
                    i += 1; k += 1
                }
                guard k >= 1, k <= 9 else { return nil }
                for _ in min(k, 6)..<6 { v *= 10 }
                micro = v
            case .meridiem:
                guard i + 2 <= n, lower(b[i + 1]) == UInt8(ascii: "m") else { return nil }
                switch lower(b[i]) {
                case UInt8(ascii: "a"): pm = false
                case UInt8(ascii: "p"): pm = true
                default: return nil
                }
                i += 2
            case .weekdayName:
                guard name(Self.weekdays, Self.weekdayTails) != nil else { return nil }
            case .offset:
                guard i < n else { return nil }
                if b[i] == UInt8(ascii: "Z") { i += 1; continue }
                guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return nil }
                let sign = b[i] == UInt8(ascii: "+") ? 1 : -1
                i += 1
                let start = i
                guard let h = number(2), i - start == 2, h <= 18 else { return nil }
                var m = 0
                if i < n, b[i] == UInt8(ascii: ":") { i += 1 }
                if i < n, b[i] >= 48, b[i] <= 57 {
                    let ms = i
                    guard let v = number(2), i - ms == 2, v < 60 else { return nil }
                    m = v
                }
                offsetSeconds = sign * (h * 3600 + m * 60)
            case .zoneName:
                if i < n, b[i] == UInt8(ascii: "Z") { i += 1; continue }
                guard i + 3 <= n else { return nil }
                let z = (lower(b[i]), lower(b[i + 1]), lower(b[i + 2]))
                guard z == (117, 116, 99) || z == (103, 109, 116) else { return nil }   // utc, gmt
                i += 3
            }
        }
        guard i == n else { return nil }
        // %I without %p reads as AM, as in Python: 12 is midnight.
        if twelve { hour = hour % 12 + (pm == true ? 12 : 0) }
        if let yd = yearDay, !sawMonthOrDay {
            guard yd <= (Calendar.isLeap(year) ? 366 : 365) else { return nil }
            let days = Calendar.daysFromCivil(year: year, month: 1, day: 1) + yd - 1
            let (y, m, d) = Calendar.civilFromDays(days)
            (year, month, day) = (y, m, d)
        }
        guard let t = Timestamp(year: year, month: month, day: day, hour: hour, minute: minute, second: second, micro: micro) else {
            return nil
        }
        return Timestamp(micros: t.micros - Int64(offsetSeconds) * 1_000_000)
    }

    // MARK: - The default form

    /// The forms `timestamp(s)` and `date(s)` try after ISO 8601, so that dates assembled from
    /// parts (`concat(year, "-", month, "-", day)` gives `2008-4-1`) read without a format.
    private static let lenient: [TimestampFormat] = [
        "%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f",
        "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%S.%f",
    ].compactMap { try? TimestampFormat($0) }

    /// Parses the default form: ISO 8601 as ``TimestampParser`` reads it (dates, date-times,
    /// fractions, `Z`, ` UTC` and offsets), or the same date and time with unpadded fields
    /// (`2008-4-1`, `2008-4-1 9:05`).
    ///
    /// - Complexity: O(length).
    public static func parseDefault(bytes b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        if let t = TimestampParser.parse(bytes: Conversion.trimmed(b)) { return t }
        for f in lenient { if let t = f.parse(bytes: b) { return t } }
        return nil
    }
}
