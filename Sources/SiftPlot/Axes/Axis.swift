// A continuous axis: what the chart asks for (extent, log, time, zero) and what a medium resolves it to (range and ticks).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a chart says about one continuous axis, before a medium knows how long it is.
struct AxisSpec: Sendable, Equatable {
    /// The label (a column name, `count`).
    var label: String
    /// The smallest and largest value to show (finite; may be equal).
    var lo: Double
    /// See ``lo``.
    var hi: Double
    /// Logarithmic scale (values must be positive; others are not drawn).
    var log = false
    /// Values are timestamps in microseconds: calendar ticks.
    var time = false
    /// Widen the range so that it includes 0 (bars start at 0).
    var includeZero = false
    /// Widen the range outwards to the nearest nice ticks.
    var loose = true
    /// Keep exactly `[lo, hi]` (histogram edges, rates in [0, 1]).
    var fixed = false
    /// Values are counts: ticks are whole numbers (a histogram of one value ticks 0 and 1,
    /// not 0, 0.2, …, 1).
    var integer = false
}

/// An axis laid out for a given length: its exact range, its ticks and their labels.
struct ResolvedAxis: Sendable {
    /// The range shown.
    var lo: Double
    /// See ``lo``.
    var hi: Double
    /// Logarithmic mapping.
    var log: Bool
    /// Tick values (inside the range) with their labels.
    var ticks: [(value: Double, label: String)]
    /// The axis label, with the time context (year or date) appended for time axes.
    var label: String

    /// Where `v` falls between the ends, 0 at `lo` and 1 at `hi` (may fall outside [0, 1]);
    /// NaN for values a log axis cannot show (zero, negative) and for NaN.
    func fraction(_ v: Double) -> Double {
        if log {
            guard v > 0 else { return .nan }
            return (log10(v) - log10(lo)) / (log10(hi) - log10(lo))
        }
        return (v - lo) / (hi - lo)
    }

    /// Resolves a spec with room for about `target` ticks.
    ///
    /// A degenerate extent (one value, a constant series) is widened so nothing divides by a
    /// zero range: linear axes by 10% of the value each way (±1 around 0, or [0, 1] for bars of
    /// zeros), time axes by 12 hours each way, log axes to the next decade.
    static func resolve(_ spec: AxisSpec, target: Int) -> ResolvedAxis {
        var lo = spec.lo, hi = spec.hi
        if !lo.isFinite || !hi.isFinite { lo = 0; hi = 1 }
        if spec.log {
            if !(lo > 0) { lo = hi > 0 ? hi / 10 : 1 }
            if !(hi > 0) { hi = 10 }
            var r = NiceTicks.logRange(lo: lo, hi: hi)
            if spec.fixed, spec.lo > 0, spec.hi > spec.lo { r = (spec.lo, spec.hi) }
            let t = NiceTicks.log(lo: r.lo, hi: r.hi, target: target)
            return ResolvedAxis(lo: r.lo, hi: r.hi, log: true, ticks: t.map { ($0, NumberText.short($0)) }, label: spec.label)
        }
        if spec.time {
            if hi <= lo { lo -= 43_200_000_000; hi += 43_200_000_000 }
            let t = TimeTicks.ticks(lo: lo, hi: hi, target: target)
            var label = spec.label
            if let c = TimeTicks.context(lo: lo, hi: hi, unit: t.interval.unit) { label += label.isEmpty ? c : " (\(c))" }
            return ResolvedAxis(lo: lo, hi: hi, log: false,
                                ticks: t.values.map { ($0, TimeTicks.label($0, unit: t.interval.unit)) }, label: label)
        }
        if spec.includeZero { lo = min(lo, 0); hi = max(hi, 0) }
        if hi <= lo {
            if spec.includeZero, lo == 0 { hi = 1 } else {
                let d = lo == 0 ? 1 : abs(lo) * 0.1
                lo -= d; hi += d
            }
        }
        var t: [Double]
        if spec.integer { hi = max(hi, lo + 1) }
        if spec.loose && !spec.fixed {
            let r = NiceTicks.loose(lo: lo, hi: hi, target: target, minimumStep: spec.integer ? 1 : nil)
            lo = r.lo; hi = r.hi
            t = NiceTicks.ticks(lo: lo, hi: hi, step: r.step)
        } else {
            t = NiceTicks.linear(lo: lo, hi: hi, target: target)
            if spec.integer { t = t.filter { $0 == $0.rounded() } }
        }
        let step = t.count > 1 ? t[1] - t[0] : nil
        return ResolvedAxis(lo: lo, hi: hi, log: false, ticks: t.map { ($0, NumberText.short($0, step: step)) }, label: spec.label)
    }
}
