// The one place numbers and cell values are turned into display text.
import SiftFrame
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How values look when displayed (not when saved: CSV uses ``Conversion/format(_:)-(Scalar)``).
///
/// - Ints print all their digits.
/// - Doubles print with up to 6 significant digits, trailing zeros dropped but always with a
///   decimal point, so a double never looks like an int (`3.0`, `0.25`, `1234.57`). Magnitudes
///   from 1e6 up, or below 1e-4, use scientific notation (`1.23457e+06`, `2.5e-05`).
/// - Timestamps print `YYYY-MM-DD HH:MM:SS` (with `.ffffff` when there is a fraction); a
///   column whose every value is at midnight prints dates only.
/// - Durations print in their literal units (`1h 30m`).
public enum NumberFormat {
    /// Significant digits shown for doubles.
    public static let significantDigits = 6

    /// A double for display.
    public static func double(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == 0 { return "0.0" }
        let a = abs(x)
        if a >= 1e6 || a < 1e-4 { return scientific(x) }
        let intDigits = Int(log10(a).rounded(.down)) + 1   // zero or negative below 1
        let decimals = max(0, significantDigits - intDigits)
        let scale = pow(10.0, Double(decimals))
        var rounded = (x * scale).rounded() / scale
        if rounded == 0 { rounded = 0 }   // no "-0.0" from rounding a tiny negative
        if abs(rounded) >= 1e6 { return scientific(x) }
        var s = rounded.description
        if s.contains("e") { return scientific(x) }
        if !s.contains(".") { s += ".0" }
        return s
    }

    /// A double in scientific notation with up to 6 significant digits: `1.23457e+06`.
    public static func scientific(_ x: Double) -> String {
        var e = Int(log10(abs(x)).rounded(.down))
        var m = x / pow(10.0, Double(e))
        let scale = pow(10.0, Double(significantDigits - 1))
        m = (m * scale).rounded() / scale
        if abs(m) >= 10 { m /= 10; e += 1 }
        var ms = m.description
        if ms.hasSuffix(".0") { ms.removeLast(2) }
        let sign = e < 0 ? "-" : "+"
        let digits = String(abs(e))
        return ms + "e" + sign + (digits.count < 2 ? "0" + digits : digits)
    }

    /// A scalar for display; `dateOnly` drops a midnight time part.
    public static func scalar(_ s: Scalar, dateOnly: Bool = false) -> String {
        switch s {
        case .null: return "null"
        case .int(let v): return String(v)
        case .double(let v): return double(v)
        case .bool(let b): return b ? "true" : "false"
        case .string(let t): return t
        case .timestamp(let t):
            let full = t.description
            return dateOnly ? String(full.prefix(10)) : full
        case .duration(let d): return d.description
        }
    }

    /// A scalar in literal syntax, as it would be typed: strings quoted and escaped.
    public static func literal(_ s: Scalar) -> String {
        switch s {
        case .string(let t): return quoted(t)
        case .timestamp(let t): return "timestamp(\(quoted(t.description)))"
        default: return scalar(s)
        }
    }

    /// A string in double quotes with `\\`, `\"`, `\n`, `\t` escaped.
    public static func quoted(_ t: String) -> String {
        var out = "\""
        for ch in t {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.append(ch)
            }
        }
        return out + "\""
    }

    /// An integer with thousands separators (`165,474`), for shape lines.
    public static func grouped(_ n: Int) -> String {
        let s = String(n.magnitude)
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    /// Whether every valid timestamp of a column is at midnight (it then displays as dates).
    public static func isDateOnly(_ c: Column<Timestamp>) -> Bool {
        var all = true
        Bitmap.forEachValid(c.validity, count: c.count) { i in
            if c.values[i].micros % Calendar.microsPerDay != 0 { all = false }
        }
        return all
    }
}
