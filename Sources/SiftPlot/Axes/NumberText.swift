// Number text for charts: short tick labels (12k, 1.5M), value labels and percentages, locale-free and exact.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns numbers into the short text that charts print on axes and beside bars.
///
/// Everything here is computed with integer arithmetic on rounded values, never with
/// `String(format:)` or a locale, so the same number gives the same bytes on every machine
/// (charts are deterministic, and golden tests compare them byte for byte).
///
/// - Tick labels (``short(_:)``) follow d3's `~s` style: SI-like suffixes `k`, `M`, `B`, `T`
///   from a thousand up, trailing zeros trimmed (`0`, `2.5k`, `1M`, `1.25M`), scientific
///   notation below 0.001 (`2.5e-5`).
/// - Value labels (``compact(_:)``) show integers with thousands separators (`12,345`) and other
///   numbers with three significant digits (`0.235`, `12.3`, `45.6k`).
enum NumberText {
    /// The suffixes for thousands, millions, billions and trillions.
    static let units: [(scale: Double, suffix: String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")]

    /// A tick label: at most three decimals after scaling (more when `step`, the distance
    /// between ticks, needs them), trailing zeros trimmed.
    ///
    /// ```swift
    /// NumberText.short(2500)      // "2.5k"
    /// NumberText.short(1_250_000) // "1.25M"
    /// NumberText.short(0.15)      // "0.15"
    /// ```
    static func short(_ v: Double, step: Double? = nil) -> String {
        guard v.isFinite else { return v.isNaN ? "NaN" : (v < 0 ? "-inf" : "inf") }
        if v == 0 { return "0" }
        let a = abs(v)
        // The decimals the step needs (ticks 1.0001 apart need four), within reason.
        let stepDecimals = step.map { $0 > 0 && $0.isFinite ? min(12, max(0, -NumberText.magnitude($0))) : 0 } ?? 0
        if a < 1e-3, stepDecimals <= 3 || a < (step ?? 0) / 2 { return scientific(v) }
        for u in units where a >= u.scale * 0.9995 {
            if a / u.scale >= 1000 { return scientific(v) }
            // The decimals the step needs once scaled: ticks 2007.5, 2007.6 are 0.0001k apart,
            // too fine for a suffix to help, so they are written out in full (`2007.5`), as are
            // any whose scaled step would need more than two decimals (three from a million up).
            let scaledStep = step.map { $0 > 0 && $0.isFinite ? max(0, NumberText.magnitude(u.scale) - NumberText.magnitude($0)) : 0 } ?? 0
            if scaledStep > (u.scale >= 1e6 ? 3 : 2), a < 1e15 { break }
            let need = max(decimalsNeeded(v / u.scale, limit: 2), scaledStep)
            return trimmed(fixed(v / u.scale, decimals: need)) + u.suffix
        }
        return trimmed(fixed(v, decimals: max(decimalsNeeded(v, limit: 3), stepDecimals)))
    }

    /// A value label: integers grouped by thousands, other numbers to three significant digits.
    ///
    /// ```swift
    /// NumberText.compact(12345)   // "12,345"
    /// NumberText.compact(0.23456) // "0.235"
    /// NumberText.compact(45678.9) // "45.7k"
    /// ```
    static func compact(_ v: Double) -> String {
        guard v.isFinite else { return v.isNaN ? "NaN" : (v < 0 ? "-inf" : "inf") }
        if v == v.rounded(), abs(v) < 1e15 { return grouped(Int64(v)) }
        let a = abs(v)
        if a >= 1000 {
            for u in units where a >= u.scale * 0.9995 {
                let s = v / u.scale
                if abs(s) >= 1000 { return scientific(v) }
                return trimmed(fixed(s, decimals: max(0, 2 - magnitude(s)))) + u.suffix
            }
        }
        if a < 1e-3 { return scientific(v) }
        return trimmed(fixed(v, decimals: max(0, 2 - magnitude(v))))
    }

    /// A ratio as a percentage with one decimal (`0.552` → `55.2%`, `1` → `100%`); `–` when not finite.
    static func percent(_ r: Double) -> String {
        guard r.isFinite else { return "–" }
        let p = r * 100
        if p != 0, abs(p) < 0.05 { return p < 0 ? ">-0.1%" : "<0.1%" }
        let s = fixed(p, decimals: 1)
        return (s.hasSuffix(".0") ? String(s.dropLast(2)) : s) + "%"
    }

    /// An integer with `,` between groups of three digits.
    static func grouped(_ n: Int64) -> String {
        let digits = Array(String(n.magnitude))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return n < 0 ? "-" + out : out
    }

    /// `v` rounded half away from zero to `decimals` places, as plain digits (no exponent).
    ///
    /// Falls back to Swift's shortest round-trip text when the scaled value passes 2^53, where
    /// doubles stop holding every integer.
    static func fixed(_ v: Double, decimals: Int) -> String {
        let d = max(0, min(decimals, 15))
        let scale = power10(d)
        let scaled = (abs(v) * scale).rounded()
        guard scaled < 9.0e15 else { return v.description }
        let n = UInt64(scaled)
        let p = UInt64(scale)
        var s = String(n / p)
        if d > 0 {
            let frac = String(n % p)
            s += "." + String(repeating: "0", count: d - frac.count) + frac
        }
        return (v < 0 && n != 0 ? "-" : "") + s
    }

    /// Scientific notation with up to two decimals in the mantissa: `2.5e-5`, `1e+20`.
    static func scientific(_ v: Double) -> String {
        var e = magnitude(v)
        var m = v / pow10(e)
        m = (m * 100).rounded() / 100
        if abs(m) >= 10 { m /= 10; e += 1 }
        return trimmed(fixed(m, decimals: 2)) + "e" + (e < 0 ? "-" : "+") + String(abs(e))
    }

    /// The decimal exponent of `|v|` (`floor(log10 |v|)`), computed without trusting `log10`
    /// at exact powers of ten.
    static func magnitude(_ v: Double) -> Int {
        let a = abs(v)
        guard a > 0, a.isFinite else { return 0 }
        var e = Int(log10(a).rounded(.down))
        if pow10(e) > a { e -= 1 }
        if pow10(e + 1) <= a { e += 1 }
        return e
    }

    /// The fewest decimals (up to `limit`) that show `v` without rounding away a digit it has.
    static func decimalsNeeded(_ v: Double, limit: Int) -> Int {
        for d in 0..<limit {
            let s = v * power10(d)
            if abs(s - s.rounded()) <= 1e-9 * max(1, abs(s)) { return d }
        }
        return limit
    }

    /// Drops trailing zeros after a decimal point, and the point itself when nothing follows.
    static func trimmed(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = s
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t == "-0" ? "0" : t
    }

    /// 10^d for d ≥ 0, exact up to 10^22.
    static func power10(_ d: Int) -> Double {
        var r = 1.0
        for _ in 0..<max(0, d) { r *= 10 }
        return r
    }

    /// 10^e for any integer e (a division for negative e, so 10^-3 is the double nearest 0.001).
    static func pow10(_ e: Int) -> Double { e >= 0 ? power10(e) : 1 / power10(-e) }
}
