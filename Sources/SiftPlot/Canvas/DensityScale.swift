// The shading scale of dense scatter plots: five levels of points per cell on a log scale.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps a count of points in a cell to one of five shades, logarithmically, so that a cell
/// with 10 points and one with 10,000 both read (a linear scale would leave all but the
/// densest cells at the lightest shade).
///
/// Level of a count `c ≥ 1` with the largest count `M`: `max(1, ceil(5 · ln(1 + c) / ln(1 + M)))`.
struct DensityScale {
    /// The largest count in any cell.
    let max: Int

    /// The shade level 1…5 of a count (0 for none).
    func level(_ c: Int) -> Int {
        guard c > 0 else { return 0 }
        guard max > 1 else { return 5 }
        let l = Int((5 * log(1 + Double(c)) / log(1 + Double(max)) - 1e-12).rounded(.up))
        return Swift.max(1, Swift.min(5, l))
    }

    /// The smallest count at each level that some count in `1...max` reaches, as pairs.
    var thresholds: [(level: Int, count: Int)] {
        guard max > 0 else { return [] }
        var out: [(level: Int, count: Int)] = []
        for l in 1...5 {
            // Invert the level formula, then step to the exact boundary.
            var c = Swift.max(1, Int(exp(Double(l - 1) / 5 * log(1 + Double(max))) - 1))
            while c > 1, level(c - 1) >= l { c -= 1 }
            while c <= max, level(c) < l { c += 1 }
            if c <= max, level(c) == l { out.append((l, c)) }
        }
        return out
    }

    /// `points per cell: · 1  ░ 3  ▒ 12  ▓ 50  █ 200` (the smallest count of each shade).
    var legend: String {
        "points per cell: " + thresholds.map { String(Blocks.density[$0.level]) + " " + NumberText.short(Double($0.count)) }
            .joined(separator: "  ")
    }

    /// The legend for narrow charts: `per cell ·1 ░3 ▒12 ▓50 █200`.
    var compactLegend: String {
        "per cell " + thresholds.map { String(Blocks.density[$0.level]) + NumberText.short(Double($0.count)) }.joined(separator: " ")
    }
}
