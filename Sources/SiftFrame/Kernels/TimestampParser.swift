// Parses ISO-8601 dates and date-times from bytes, by hand (no Foundation formatter on the hot path).

/// Reads the ISO forms the CSV reader infers and `timestamp(s)` accepts:
///
/// - `YYYY-MM-DD`
/// - `YYYY-MM-DD HH:MM`, `YYYY-MM-DDTHH:MM:SS`, with an optional fraction of 1 to 9 digits
///   (kept to the microsecond, truncated beyond)
/// - followed optionally by `Z`, ` UTC`, or an offset `+HH:MM`, `+HHMM`, `+HH` (converted to UTC)
///
/// Days are checked against their month (2023-02-29 is rejected).
///
/// ```swift
/// TimestampParser.parse("2008-04-01T12:30:00+02:00")?.description   // "2008-04-01 10:30:00"
/// ```
public enum TimestampParser {
    /// Parses a string; nil when it is not one of the accepted forms.
    public static func parse(_ s: String) -> Timestamp? {
        var s = s
        return s.withUTF8 { parse(bytes: $0) }
    }

    /// Parses UTF-8 bytes; nil when they are not one of the accepted forms.
    ///
    /// - Complexity: O(length), no allocation.
    @inlinable
    public static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        guard let micros = parseMicros(b) else { return nil }
        return Timestamp(micros: micros)
    }

    /// Whether the bytes are a bare date (`YYYY-MM-DD`, no time part).
    @inlinable
    public static func isDateOnly(_ b: UnsafeBufferPointer<UInt8>) -> Bool { b.count == 10 }

    @inlinable @inline(__always)
    static func digits(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ n: Int) -> Int? {
        guard at + n <= b.count else { return nil }
        var v = 0
        for i in at..<(at + n) {
            let d = Int(b[i]) &- 48
            guard d >= 0 && d <= 9 else { return nil }
            v = v * 10 + d
        }
        return v
    }

    @inlinable
    static func parseMicros(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        let n = b.count
        guard n >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let year = digits(b, 0, 4), let month = digits(b, 5, 2), let day = digits(b, 8, 2),
              month >= 1, month <= 12, day >= 1, day <= Calendar.daysInMonth(year: year, month: month) else { return nil }
        var micros = Int64(Calendar.daysFromCivil(year: year, month: month, day: day)) * Calendar.microsPerDay
        if n == 10 { return micros }
        guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "), n >= 16,
              let hour = digits(b, 11, 2), b[13] == UInt8(ascii: ":"), let minute = digits(b, 14, 2),
              hour < 24, minute < 60 else { return nil }
        var second = 0
        var i = 16
        if i < n && b[i] == UInt8(ascii: ":") {
            guard let s = digits(b, 17, 2), s < 60 else { return nil }
            second = s
            i = 19
        }
        micros += Int64(hour * 3600 + minute * 60 + second) * 1_000_000
        if i < n && (b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",")) {
            i += 1
            var frac = 0, count = 0
            while i < n, b[i] >= 48, b[i] <= 57 {
                if count < 6 { frac = frac * 10 + Int(b[i] - 48) }
                count += 1
                i += 1
            }
            guard count >= 1 && count <= 9 else { return nil }
            for _ in count..<6 where count < 6 { frac *= 10 }
            micros += Int64(frac)
        }
        if i == n { return micros }
        // Zone suffix.
        if b[i] == UInt8(ascii: "Z") && i + 1 == n { return micros }
        if n - i == 4 && b[i] == UInt8(ascii: " ") && b[i + 1] == UInt8(ascii: "U") && b[i + 2] == UInt8(ascii: "T") && b[i + 3] == UInt8(ascii: "C") {
            return micros
        }
        if b[i] == UInt8(ascii: " ") { i += 1 }   // "2008-04-01 10:00:00 +02:00"
        guard i < n, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return nil }
        let sign: Int64 = b[i] == UInt8(ascii: "+") ? 1 : -1
        guard let oh = digits(b, i + 1, 2), oh <= 18 else { return nil }
        var om = 0
        var j = i + 3
        if j < n {
            if b[j] == UInt8(ascii: ":") { j += 1 }
            guard let m = digits(b, j, 2), m < 60, j + 2 == n else { return nil }
            om = m
        }
        return micros - sign * Int64(oh * 3600 + om * 60) * 1_000_000
    }
}
