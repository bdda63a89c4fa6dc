// Parses ints, doubles, bools and durations from UTF-8 bytes without making Strings.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level parsers for the CSV reader and string casts.
///
/// Doubles take Clinger's exact fast path (W. D. Clinger, "How to Read Floating Point Numbers
/// Accurately", PLDI 1990): when the decimal significand has at most 15 digits and the power of
/// ten is at most 22 in size, one IEEE multiplication or division of two exact values is
/// correctly rounded. Anything else goes to the C library's `strtod`, which is correctly
/// rounded but about 3× slower. Results are always the nearest double.
public enum NumberParser {
    @usableFromInline static let powersOfTen: [Double] = (0...22).map { pow(10.0, Double($0)) }

    /// An optionally signed decimal integer (`-42`, `+7`); nil for anything else or on overflow.
    @inlinable
    public static func parseInt(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        let n = b.count
        guard n > 0 else { return nil }
        var i = 0
        var negative = false
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") {
            negative = b[0] == UInt8(ascii: "-")
            i = 1
            guard n > 1 else { return nil }
        }
        // Up to 18 digits cannot overflow; longer ones are checked.
        var v: UInt64 = 0
        if n - i <= 18 {
            while i < n {
                let d = b[i] &- 48
                guard d <= 9 else { return nil }
                v = v &* 10 &+ UInt64(d)
                i += 1
            }
            return negative ? -Int64(v) : Int64(v)
        }
        while i < n {
            let d = b[i] &- 48
            guard d <= 9 else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(UInt64(d))
            guard !o1 && !o2 else { return nil }
            v = s
            i += 1
        }
        if negative {
            guard v <= UInt64(Int64.max) + 1 else { return nil }
            return v == UInt64(Int64.max) + 1 ? Int64.min : -Int64(v)
        }
        guard v <= UInt64(Int64.max) else { return nil }
        return Int64(v)
    }

    /// A decimal number with optional sign, fraction and exponent (`3.5`, `-1e6`, `.25`, `5.`),
    /// or `inf`/`infinity` with optional sign; nil for anything else (including `nan`).
    @inlinable
    public static func parseDouble(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        let n = b.count
        guard n > 0 else { return nil }
        var i = 0
        var negative = false
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") {
            negative = b[0] == UInt8(ascii: "-")
            i = 1
        }
        var mantissa: UInt64 = 0
        var digits = 0          // significant digits consumed into mantissa
        var sawDigit = false
        var exp10 = 0
        var truncated = false
        while i < n, b[i] &- 48 <= 9 {
            sawDigit = true
            if mantissa == 0 && b[i] == 48 { i += 1; continue }   // leading zeros
            if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(b[i] &- 48); digits += 1 } else { exp10 += 1; truncated = true }
            i += 1
        }
        if i < n && b[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, b[i] &- 48 <= 9 {
                sawDigit = true
                if mantissa == 0 && b[i] == 48 { exp10 -= 1; i += 1; continue }
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(b[i] &- 48); digits += 1; exp10 -= 1 } else { truncated = true }
                i += 1
            }
        }
        guard sawDigit else { return parseSpecial(b) }
        if i < n && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            i += 1
            var eneg = false
            if i < n && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) { eneg = b[i] == UInt8(ascii: "-"); i += 1 }
            var e = 0
            var any = false
            while i < n, b[i] &- 48 <= 9 {
                if e < 100_000 { e = e * 10 + Int(b[i] &- 48) }
                any = true
                i += 1
            }
            guard any else { return nil }
            exp10 += eneg ? -e : e
        }
        guard i == n else { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if !truncated && digits <= 15 && exp10 >= -22 && exp10 <= 22 {
            var d = Double(mantissa)
            d = exp10 < 0 ? d / powersOfTen[-exp10] : d * powersOfTen[exp10]
            return negative ? -d : d
        }
        return slowParse(b)
    }

    @usableFromInline
    static func parseSpecial(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        var s = String(decoding: b, as: UTF8.self).lowercased()
        var negative = false
        if s.hasPrefix("-") { negative = true; s.removeFirst() } else if s.hasPrefix("+") { s.removeFirst() }
        guard s == "inf" || s == "infinity" else { return nil }
        return negative ? -.infinity : .infinity
    }

    /// Correctly rounded parse through the C library (the bytes were already validated).
    @usableFromInline
    static func slowParse(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        var buf = [CChar](repeating: 0, count: b.count + 1)
        for i in 0..<b.count { buf[i] = CChar(bitPattern: b[i]) }
        return buf.withUnsafeBufferPointer { p -> Double? in
            var end: UnsafeMutablePointer<CChar>? = nil
            let v = strtod(p.baseAddress!, &end)
            guard let end, end - UnsafeMutablePointer(mutating: p.baseAddress!) == b.count else { return nil }
            return v
        }
    }

    /// `true` or `false` in any letter case; nil otherwise.
    @inlinable
    public static func parseBool(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        if b.count == 4 {
            if (b[0] | 0x20) == UInt8(ascii: "t") && (b[1] | 0x20) == UInt8(ascii: "r") && (b[2] | 0x20) == UInt8(ascii: "u") && (b[3] | 0x20) == UInt8(ascii: "e") { return true }
        } else if b.count == 5 {
            if (b[0] | 0x20) == UInt8(ascii: "f") && (b[1] | 0x20) == UInt8(ascii: "a") && (b[2] | 0x20) == UInt8(ascii: "l")
                && (b[3] | 0x20) == UInt8(ascii: "s") && (b[4] | 0x20) == UInt8(ascii: "e") { return false }
        }
        return nil
    }

    /// A duration literal as the language writes it: a number and a unit `us`, `ms`, `s`, `m`,
    /// `h`, `d` or `w` (`45s`, `1.5h`, `-30m`), or several such parts separated by spaces
    /// (`1d 2h`, as durations print); nil otherwise.
    public static func parseDuration(_ b: UnsafeBufferPointer<UInt8>) -> Duration? {
        let text = String(decoding: b, as: UTF8.self)
        var total: Int64 = 0
        var negative = false
        var parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard !parts.isEmpty else { return nil }
        if parts[0].hasPrefix("-") { negative = true; parts[0] = parts[0].dropFirst() }
        for part in parts {
            guard let unitStart = part.firstIndex(where: { $0.isLetter }) else { return nil }
            guard let amount = Double(part[..<unitStart]), amount >= 0 else { return nil }
            guard let unit = unitMicros[String(part[unitStart...])] else { return nil }
            let m = amount * Double(unit)
            guard m.isFinite, m < 9.2e18 else { return nil }
            total += Int64(m.rounded())
        }
        return Duration(micros: negative ? -total : total)
    }

    /// Microseconds per duration unit.
    public static let unitMicros: [String: Int64] = [
        "us": 1, "ms": 1_000, "s": 1_000_000, "m": 60_000_000, "h": 3_600_000_000,
        "d": 86_400_000_000, "w": 604_800_000_000,
    ]
}
