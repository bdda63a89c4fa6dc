// Tick positions for linear and logarithmic axes: 1-2-5 steps (Heckbert's nice numbers) and decades.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Chooses the ticks of a continuous axis.
///
/// Linear axes step by 1, 2 or 5 times a power of ten: the "nice numbers" of Paul Heckbert,
/// "Nice Numbers for Graph Labels", *Graphics Gems* (1990). Rather than Heckbert's rounding
/// thresholds, the step is the smallest nice number that keeps the tick count within the
/// target, which suits a character grid where every label needs room. Tick values are built as
/// `k × m / 10^e` with integer `k × m`, so `0.3` is the double nearest 0.3 rather than
/// `3 × 0.1 = 0.30000000000000004`.
///
/// Log axes tick at powers of ten, adding 2× and 5× ticks when only a few decades show, and
/// thinning to every n-th decade when many do.
enum NiceTicks {
    /// A nice step: `mantissa × 10^exponent` with mantissa 1, 2 or 5.
    struct Step: Equatable {
        /// 1, 2 or 5.
        var mantissa: Int
        /// The power of ten.
        var exponent: Int
        /// The step as a double.
        var value: Double { Double(mantissa) * NumberText.pow10(exponent) }
        /// Tick `k` (`k × step`), rounded the way a decimal literal would be.
        func tick(_ k: Int) -> Double {
            let n = Double(k * mantissa)
            return exponent >= 0 ? n * NumberText.power10(exponent) : n / NumberText.power10(-exponent)
        }
        /// The next larger nice step (1 → 2 → 5 → 10).
        var next: Step {
            switch mantissa {
            case 1: return Step(mantissa: 2, exponent: exponent)
            case 2: return Step(mantissa: 5, exponent: exponent)
            default: return Step(mantissa: 1, exponent: exponent + 1)
            }
        }
    }

    /// The smallest nice step that is at least `raw` (raw > 0 and finite).
    static func step(atLeast raw: Double) -> Step {
        var s = Step(mantissa: 1, exponent: NumberText.magnitude(raw))
        while s.value < raw * (1 - 1e-12) { s = s.next }
        return s
    }

    /// The multiples of `step` inside `[lo, hi]` (with a little slack for rounding), as indices.
    static func range(_ lo: Double, _ hi: Double, _ step: Step) -> ClosedRange<Int>? {
        let v = step.value
        let a = (lo / v - 1e-9).rounded(.up), b = (hi / v + 1e-9).rounded(.down)
        guard a.isFinite, b.isFinite, abs(a) < 1e15, abs(b) < 1e15, a <= b else { return nil }
        return Int(a)...Int(b)
    }

    /// The step whose ticks in `[lo, hi]` number at most `target` (at least two ticks when the
    /// span allows).
    static func step(lo: Double, hi: Double, target: Int) -> Step {
        let span = hi - lo
        guard span > 0, span.isFinite else { return step(atLeast: max(abs(lo), 1)) }
        let want = max(2, target)
        var s = step(atLeast: span / Double(want))
        // Walk down while a smaller step still fits, then up until the count fits.
        while true {
            var smaller = Step(mantissa: 5, exponent: s.exponent - 1)
            if s.mantissa == 5 { smaller = Step(mantissa: 2, exponent: s.exponent) }
            if s.mantissa == 2 { smaller = Step(mantissa: 1, exponent: s.exponent) }
            guard let r = range(lo, hi, smaller), r.count <= want else { break }
            s = smaller
        }
        while let r = range(lo, hi, s), r.count > want { s = s.next }
        return s
    }

    /// Ticks inside `[lo, hi]`, at most `target` of them.
    ///
    /// ```swift
    /// NiceTicks.linear(lo: 0, hi: 47, target: 6)   // [0, 10, 20, 30, 40]
    /// ```
    static func linear(lo: Double, hi: Double, target: Int) -> [Double] {
        let s = step(lo: lo, hi: hi, target: target)
        guard let r = range(lo, hi, s) else { return [] }
        return r.map { s.tick($0) }
    }

    /// `[lo, hi]` widened outwards to the nearest multiples of a nice step ("loose" labelling:
    /// the data never reaches past the last tick), with the step; the widened range holds at
    /// most `target + 1` ticks (one more than the data's own span would get, so a maximum just
    /// past a tick does not force a step twice as coarse). `minimumStep` keeps count axes on
    /// whole numbers.
    static func loose(lo: Double, hi: Double, target: Int, minimumStep: Double? = nil) -> (lo: Double, hi: Double, step: Step) {
        var s = step(lo: lo, hi: hi, target: target)
        if let m = minimumStep { while s.value < m { s = s.next } }
        while true {
            let v = s.value
            let a = (lo / v + 1e-9).rounded(.down), b = (hi / v - 1e-9).rounded(.up)
            guard abs(a) < 1e15, abs(b) < 1e15 else { return (lo, hi, s) }
            if Int(b - a) + 1 <= max(2, target) + 1 || b - a <= 1 { return (s.tick(Int(a)), s.tick(Int(b)), s) }
            s = s.next
        }
    }

    /// The multiples of a step inside `[lo, hi]`.
    static func ticks(lo: Double, hi: Double, step s: Step) -> [Double] {
        guard let r = range(lo, hi, s) else { return [] }
        return r.map { s.tick($0) }
    }

    // MARK: - Log axes

    /// `[lo, hi]` (both > 0) widened to whole decades; a single decade becomes two.
    static func logRange(lo: Double, hi: Double) -> (lo: Double, hi: Double) {
        let a = NumberText.magnitude(lo)
        var b = NumberText.magnitude(hi)
        if NumberText.pow10(b) < hi * (1 - 1e-12) { b += 1 }
        if b <= a { b = a + 1 }
        return (NumberText.pow10(a), NumberText.pow10(b))
    }

    /// Ticks of a log axis over `[lo, hi]` (both > 0): decades, with 2× and 5× when there are
    /// room and few decades, thinned when there are many.
    static func log(lo: Double, hi: Double, target: Int) -> [Double] {
        guard lo > 0, hi > lo else { return lo > 0 ? [lo] : [] }
        let a = NumberText.magnitude(lo), b = NumberText.magnitude(hi)
        var decades = Array(a...max(a, b)).map { NumberText.pow10($0) }.filter { $0 >= lo * (1 - 1e-12) && $0 <= hi * (1 + 1e-12) }
        if (decades.count - 1) * 3 + 1 <= target {
            var all: [Double] = []
            for e in (a - 1)...(b + 1) {
                for m in [1.0, 2.0, 5.0] {
                    let t = m * NumberText.pow10(e)
                    if t >= lo * (1 - 1e-12), t <= hi * (1 + 1e-12) { all.append(t) }
                }
            }
            return all
        }
        // One decade more than the target still fits (the medium drops a tick it has no room
        // for); thinning four decades to two would leave a log axis nearly unlabelled.
        if decades.count > max(2, target) + 1 {
            let stride = (decades.count + target - 1) / max(1, target)
            decades = decades.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
        }
        return decades
    }
}
