// Rounding to decimal places, half away from zero, exact on the decimal a double prints as.

/// Rounding kernels for `round`, `floor` and `ceil`.
///
/// **Tie rule.** Halves round away from zero, as SQL's `ROUND`, spreadsheets and most people
/// do: `round(2.5) == 3`, `round(-2.5) == -3`, `round(25, -1) == 30`. (pandas and numpy round
/// half to even; Python's `round` rounds the binary value.)
///
/// **Decimal exactness.** A double such as `2.675` is stored as 2.67499999999999982236…, so a
/// naive `(x * 100).rounded() / 100` can land either side. Sift rounds the decimal the double
/// *prints as* (its shortest round-trip form): `round(2.675, 2) == 2.68`, `round(1.005, 2) == 1.01`,
/// `round(0.285, 2) == 0.29`, as a user reading those numbers expects (DuckDB's DOUBLE round
/// gives 1.0 and 0.28 for the last two). The method needs no strings: with `p = 10^n` and
/// `k = floor(|x| * p)`, the tie `(k + ½) / p` is computed as the correctly rounded quotient
/// `(2k + 1) / (2p)`, which is the double nearest the decimal tie; `|x|` is at or above it exactly
/// when its decimal is at or above the tie, so the comparison decides the direction, and the
/// result `(k or k + 1) / p` is again the double nearest the rounded decimal. This is exact for
/// `0 ≤ n ≤ 22` (where `10^n` and `2k + 1` are exact doubles). Values whose magnitude times
/// `10^n` reaches 2^52 have no digits at that place and are returned unchanged. Beyond 22
/// places, or 22 places to the left, the scaling is an ordinary floating-point one.
///
/// Results are never negative zero (`round(-0.4) == 0.0`).
enum DecimalRounding {
    /// 10^0 ... 10^22, each exactly representable as a double (built by exact multiplication).
    static let tens: [Double] = {
        var t: [Double] = [1]
        for _ in 1...22 { t.append(t[t.count - 1] * 10) }
        return t
    }()

    /// 2^52: doubles at or above it are integers.
    static let integralLimit = 4_503_599_627_370_496.0

    /// `x` rounded to `n` decimal places (negative `n` rounds to tens, hundreds, ...), ties
    /// away from zero, exact on the printed decimal (see the type's discussion).
    ///
    /// - Complexity: O(1).
    @inline(__always)
    static func round(_ x: Double, places n: Int, tens: UnsafePointer<Double>) -> Double {
        guard x.isFinite else { return x }
        let a = Swift.abs(x)
        var r: Double
        if n >= 0 && n <= 22 {
            let p = tens[n]
            let y = a * p
            if !(y < integralLimit) { return x }
            let k = y.rounded(.down)
            let tie = (2 * k + 1) / (2 * p)
            r = (a >= tie ? k + 1 : k) / p
        } else if n < 0 && n >= -22 {
            let p = tens[-n]
            let k = (a / p).rounded(.down)
            let tie = (2 * k + 1) * (p / 2)
            r = (a >= tie ? k + 1 : k) * p
        } else if n > 22 {
            let p = pow10(n)
            let y = a * p
            if !(y < integralLimit) { return x }
            r = y.rounded(.toNearestOrAwayFromZero) / p
        } else {
            let p = pow10(-n)
            r = a * 2 >= p ? (a / p).rounded(.toNearestOrAwayFromZero) * p : 0
        }
        if r == 0 { return 0 }
        return x < 0 ? -r : r
    }

    /// `x` rounded to `n` decimal places; a convenience over the pointer form.
    static func round(_ x: Double, places n: Int) -> Double {
        tens.withUnsafeBufferPointer { round(x, places: n, tens: $0.baseAddress!) }
    }

    /// Rounds a buffer to `n` places for `0 ≤ n ≤ 22`, the same computation as
    /// ``round(_:places:tens:)`` written without branches (selects instead), so the compiler
    /// vectorises it, divisions included; split over the cores.
    ///
    /// - Complexity: O(count).
    static func round(_ src: UnsafeBufferPointer<Double>, places n: Int, into dst: UnsafeMutablePointer<Double>) {
        precondition(n >= 0 && n <= 22, "vectorised rounding takes 0 to 22 places")
        let p = tens[n], p2 = 2 * tens[n], limit = integralLimit
        nonisolated(unsafe) let s = src.baseAddress, d = dst
        Parallel.forEachChunk(count: src.count, grain: 1 << 17) { r in
            guard let s else { return }
            for i in r {
                let x = s[i]
                let a = Swift.abs(x)
                let y = a * p
                let k = y.rounded(.down)
                let tie = (2 * k + 1) / p2
                let q = (a >= tie ? k + 1 : k) / p
                let kept = y < limit ? q : a          // no digits at that place (or not finite): as it is
                let signed = x < 0 ? -kept : kept
                d[i] = signed == 0 ? 0 : signed        // never -0
            }
        }
    }

    /// 10^e for any e ≥ 0 (infinity past the double range).
    static func pow10(_ e: Int) -> Double {
        if e <= 22 { return tens[e] }
        var r = tens[22]
        var k = e - 22
        while k > 0 && r.isFinite {
            let step = min(k, 22)
            r *= tens[step]
            k -= step
        }
        return r
    }

    /// An integer rounded to `n` decimal places: unchanged for `n ≥ 0`; for negative `n`, to the
    /// nearest multiple of `10^-n`, ties away from zero (`round(25, -1) == 30`).
    ///
    /// - Returns: the result and whether it overflowed Int64.
    @inline(__always)
    static func round(_ x: Int64, places n: Int) -> (value: Int64, overflow: Bool) {
        if n >= 0 { return (x, false) }
        if n < -18 {
            // 10^19 exceeds Int64: everything rounds to 0 or overflows to ±10^19.
            return x.magnitude >= 5_000_000_000_000_000_000 ? (0, true) : (0, false)
        }
        var p: Int64 = 1
        for _ in 0..<(-n) { p &*= 10 }
        var q = x / p
        let rem = x % p
        if rem.magnitude * 2 >= p.magnitude { q += x < 0 ? -1 : 1 }
        let r = q.multipliedReportingOverflow(by: p)
        return (r.partialValue, r.overflow)
    }

    /// The lower bound of the doubles that convert to Int64 (-2^63, exact).
    static let int64Low = -9_223_372_036_854_775_808.0
    /// The first double past Int64 (2^63, exact).
    static let int64High = 9_223_372_036_854_775_808.0

    /// Whether an integral double converts to Int64 without overflow.
    @inline(__always)
    static func fitsInt64(_ v: Double) -> Bool { v >= int64Low && v < int64High }
}
