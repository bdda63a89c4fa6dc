// Calendar-aware ticks for timestamp axes: seconds to years, aligned to whole minutes, days, Mondays, months and years.
import SiftFrame

/// Chooses and labels the ticks of a time axis (values are microseconds since the epoch, UTC).
///
/// The interval is the smallest of a fixed ladder — 1, 2, 5, 10, 15, 30 seconds; 1, 2, 5, 10,
/// 15, 30 minutes; 1, 2, 3, 6, 12 hours; 1, 2 days; 1 week; 1, 2, 3, 6 months; then 1-2-5 years
/// — whose ticks fit the target count. Ticks fall on calendar boundaries: multiples of the
/// interval since midnight for sub-day steps, Mondays for weeks, the first of a month whose
/// number is a multiple of the step for months, years divisible by the step. Labels say only
/// what changes at that scale (`14:30`, `Apr 07`, `Apr`, `2008`), as matplotlib's
/// `ConciseDateFormatter` does: month ticks name the month, and January the year it begins.
/// The rest (the day or the year) goes into the axis label through ``context(lo:hi:unit:)``.
enum TimeTicks {
    /// A calendar unit of a tick interval.
    enum Unit: Int, Comparable {
        case second, minute, hour, day, week, month, year
        static func < (a: Unit, b: Unit) -> Bool { a.rawValue < b.rawValue }
    }

    /// A tick interval: a count of a unit.
    struct Interval: Equatable {
        /// The unit.
        var unit: Unit
        /// How many units.
        var count: Int
        /// Its length in microseconds (months and years approximately: 30.44 and 365.25 days).
        var approxMicros: Double {
            let s = 1_000_000.0
            switch unit {
            case .second: return Double(count) * s
            case .minute: return Double(count) * 60 * s
            case .hour: return Double(count) * 3600 * s
            case .day: return Double(count) * 86_400 * s
            case .week: return Double(count) * 7 * 86_400 * s
            case .month: return Double(count) * 30.436875 * 86_400 * s
            case .year: return Double(count) * 365.2425 * 86_400 * s
            }
        }
    }

    /// The ladder of sub-year intervals, smallest first.
    static let ladder: [Interval] = [
        .init(unit: .second, count: 1), .init(unit: .second, count: 2), .init(unit: .second, count: 5),
        .init(unit: .second, count: 10), .init(unit: .second, count: 15), .init(unit: .second, count: 30),
        .init(unit: .minute, count: 1), .init(unit: .minute, count: 2), .init(unit: .minute, count: 5),
        .init(unit: .minute, count: 10), .init(unit: .minute, count: 15), .init(unit: .minute, count: 30),
        .init(unit: .hour, count: 1), .init(unit: .hour, count: 2), .init(unit: .hour, count: 3),
        .init(unit: .hour, count: 6), .init(unit: .hour, count: 12),
        .init(unit: .day, count: 1), .init(unit: .day, count: 2), .init(unit: .week, count: 1),
        .init(unit: .month, count: 1), .init(unit: .month, count: 2), .init(unit: .month, count: 3),
        .init(unit: .month, count: 6),
    ]

    /// Ticks in `[lo, hi]` (microseconds), at most `target` of them, with their interval.
    static func ticks(lo: Double, hi: Double, target: Int) -> (values: [Double], interval: Interval) {
        let want = max(2, target)
        for iv in ladder where (hi - lo) / iv.approxMicros <= Double(want) + 1 {
            let t = generate(lo: lo, hi: hi, interval: iv)
            if t.count <= want { return (t, iv) }
        }
        // Years: a 1-2-5 count of them.
        let years = (hi - lo) / Interval(unit: .year, count: 1).approxMicros
        var step = NiceTicks.step(atLeast: max(1, years / Double(want)))
        while true {
            let count = max(1, Int(step.value.rounded()))
            let iv = Interval(unit: .year, count: count)
            let t = generate(lo: lo, hi: hi, interval: iv)
            if t.count <= want || count > 100_000 { return (t, iv) }
            step = step.next
        }
    }

    /// Every tick of an interval inside `[lo, hi]`.
    static func generate(lo: Double, hi: Double, interval iv: Interval) -> [Double] {
        guard lo.isFinite, hi.isFinite, hi >= lo, abs(lo) < 9e18, abs(hi) < 9e18 else { return [] }
        var out: [Double] = []
        switch iv.unit {
        case .second, .minute, .hour, .day:
            let step = Int64(iv.approxMicros)
            var t = ceilDiv(Int64(lo.rounded(.up)), step) * step
            while Double(t) <= hi, out.count < 10_000 { out.append(Double(t)); t += step }
        case .week:
            // 1970-01-05 was a Monday.
            let monday = 4 * Calendar.microsPerDay, step = Int64(iv.approxMicros)
            var t = ceilDiv(Int64(lo.rounded(.up)) - monday, step) * step + monday
            while Double(t) <= hi, out.count < 10_000 { out.append(Double(t)); t += step }
        case .month, .year:
            let f = Calendar.fields(micros: Int64(lo.rounded(.down)))
            var year = f.year, month = f.month
            let months = iv.unit == .month ? iv.count : 12 * iv.count
            // Start at the first boundary at or after lo.
            if iv.unit == .year {
                month = 1
                year = floorDiv(year, iv.count) * iv.count
            } else {
                month = floorDiv(month - 1, iv.count) * iv.count + 1
            }
            while out.count < 10_000 {
                let t = Double(Int64(Calendar.daysFromCivil(year: year, month: month, day: 1)) * Calendar.microsPerDay)
                if t > hi { break }
                if t >= lo { out.append(t) }
                month += months
                while month > 12 { month -= 12; year += 1 }
            }
        }
        return out
    }

    /// The label of a tick at `micros` for an interval of `unit`.
    ///
    /// Hour and minute ticks at midnight show the date instead of `00:00`, so day changes read.
    static func label(_ micros: Double, unit: Unit) -> String {
        let f = Calendar.fields(micros: Int64(micros.rounded()))
        let hm = Calendar.pad(f.hour, 2) + ":" + Calendar.pad(f.minute, 2)
        switch unit {
        case .year: return String(f.year)
        case .month: return f.month == 1 ? String(f.year) : monthNames[f.month - 1]
        case .week, .day: return monthNames[f.month - 1] + " " + Calendar.pad(f.day, 2)
        case .hour, .minute:
            if f.hour == 0, f.minute == 0 { return monthNames[f.month - 1] + " " + Calendar.pad(f.day, 2) }
            return hm
        case .second: return hm + ":" + Calendar.pad(f.second, 2)
        }
    }

    /// What tick labels leave out, for the axis label: the year(s) of day and month ticks, the
    /// date(s) of hour and minute ticks; nil for year ticks.
    static func context(lo: Double, hi: Double, unit: Unit) -> String? {
        let a = Calendar.fields(micros: Int64(lo.rounded(.down))), b = Calendar.fields(micros: Int64(hi.rounded(.down)))
        switch unit {
        case .year: return nil
        case .month, .week, .day: return a.year == b.year ? String(a.year) : "\(a.year)–\(b.year)"
        case .second, .minute, .hour:
            let da = date(a), db = date(b)
            return da == db ? da : da + " – " + db
        }
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func date(_ f: Calendar.Fields) -> String {
        Calendar.pad(f.year, 4) + "-" + Calendar.pad(f.month, 2) + "-" + Calendar.pad(f.day, 2)
    }

    static func ceilDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a > 0) == (b > 0)) ? q + 1 : q
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
