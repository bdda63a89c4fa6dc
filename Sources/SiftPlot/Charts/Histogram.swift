// Histograms: NumPy's automatic bin rule, NumPy's bin assignment, and groups side by side within each bin.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Histogram binning, as NumPy 2.4 does it (`numpy.histogram_bin_edges(x, bins="auto")`,
/// `numpy/lib/_histograms_impl.py`), which is also what Seaborn's `histplot` uses by default.
///
/// - The automatic width is `min(max(fd, sqrt / 2), sturges)`, where the Freedman–Diaconis width
///   is `fd = 2 IQR n^(-1/3)` (D. Freedman & P. Diaconis, "On the histogram as a density
///   estimator: L2 theory", 1981), Sturges' is `ptp / (log2 n + 1)` (H. A. Sturges, "The choice
///   of a class interval", 1926) and the square-root width is `ptp / √n`. Quartiles interpolate
///   linearly, as `numpy.percentile` does. Data whose values are all whole numbers gets bins at
///   least 1 wide, as NumPy gives integer arrays. The bin count is `ceil(ptp / width)`, and 1
///   when the width is 0.
/// - Then Sift caps the automatic count at ``maxAutoBins`` so bars keep two columns on an
///   80-column terminal; NumPy (and Seaborn) would draw ~370 bins for a million normal values.
/// - Edges are `linspace(min, max, bins + 1)`; a value `v` falls in bin `i` when
///   `edges[i] <= v < edges[i+1]`, the last bin also taking `max`. Constant data gets one bin
///   `[v - 0.5, v + 0.5]`.
public enum HistogramBins {
    /// The most bins the automatic rule gives (an explicit `bins:` may ask for more).
    public static let maxAutoBins = 30

    /// The most bins an explicit request may ask for.
    public static let maxBins = 10_000

    /// The most `by:` groups drawn side by side; with more, the histogram counts all rows
    /// together and a note says so.
    public static let maxGroups = 12

    /// The automatic bin count of finite values (at least one), in any order.
    ///
    /// - Parameters:
    ///   - values: the values.
    ///   - integral: whether the data are whole numbers (bins at least 1 wide).
    /// - Returns: the count before Sift's cap; see ``maxAutoBins``.
    /// - Complexity: O(n) expected: the quartiles are selected, not sorted for.
    public static func numpyAutoCount(_ values: [Double], integral: Bool) -> Int {
        guard var lo = values.min(), var hi = values.max() else { return 1 }
        let n = Double(values.count)
        let ptp = hi - lo
        if lo == hi { lo -= 0.5; hi += 0.5 }
        var scratch = values
        let q = OrderStatistics.quantiles(&scratch, [0.25, 0.75])
        let iqr = q[1] - q[0]
        let fd = 2.0 * iqr * pow(n, -1.0 / 3.0)
        let sturges = ptp / (log2(n) + 1.0)
        let sqrtWidth = ptp / n.squareRoot()
        var width = min(max(fd, sqrtWidth / 2), sturges)
        guard width > 0 else { return 1 }
        if integral, width < 1 { width = 1 }
        let count = ((hi - lo) / width).rounded(.up)
        return count.isFinite ? max(1, Int(min(count, 1e9))) : 1
    }

    /// The outer edges of the data, widened by 0.5 each way when it is constant (NumPy's `_get_outer_edges`).
    public static func outerEdges(min lo: Double, max hi: Double) -> (lo: Double, hi: Double) {
        lo == hi ? (lo - 0.5, hi + 0.5) : (lo, hi)
    }

    /// The bin edges: `count + 1` values from `lo` to `hi` (NumPy's `linspace`: `lo + i × step`,
    /// the last edge exactly `hi`).
    public static func edges(lo: Double, hi: Double, count: Int) -> [Double] {
        let step = (hi - lo) / Double(count)
        var e = (0...count).map { lo + Double($0) * step }
        e[count] = hi
        return e
    }

    /// The bin of `v` (inside `[edges.first, edges.last]`), as NumPy's uniform-bin fast path
    /// computes it: scale, truncate, then correct by one where rounding put it across an edge.
    @inlinable
    public static func bin(of v: Double, edges: UnsafeBufferPointer<Double>) -> Int {
        let n = edges.count - 1
        let lo = edges[0], hi = edges[n]
        var i = Int((v - lo) / (hi - lo) * Double(n))
        if i >= n { i = n - 1 }
        if i < 0 { i = 0 }
        if v < edges[i] { i -= 1 }
        else if i != n - 1, v >= edges[i + 1] { i += 1 }
        return max(0, min(n - 1, i))
    }
}

extension Plot {
    /// A histogram of values, optionally one series per group, side by side within each bin.
    ///
    /// The bins are shared by all groups (chosen over all values), so bars line up; the y axis
    /// counts values. NaN and infinite values are skipped and counted in a note.
    ///
    /// ```swift
    /// let p = Plot.histogram(prices, options: PlotOptions(xLabel: "price", bins: 20))
    /// ```
    /// - Parameters:
    ///   - values: the data; NaN means missing.
    ///   - groups: the series of each value (the `by:` column), or nil for one series; more
    ///     than ``HistogramBins/maxGroups`` groups are counted together, with a note.
    ///   - options: `bins` (default: ``HistogramBins``' automatic rule), `log` (log count axis),
    ///     labels, title, `xIsTime` for timestamps in microseconds.
    /// - Complexity: O(n) expected (the automatic rule selects its quartiles).
    public static func histogram(_ values: [Double], groups: PlotGroups? = nil, options: PlotOptions = PlotOptions()) -> Plot {
        precondition(groups.map { $0.codes.count == values.count } ?? true, "groups and values differ in length")
        // Side by side, more groups than ``maxGroups`` leave each a sliver of a bin (121 groups
        // would not fit one bin of a terminal): draw all rows together and say why.
        if let groups, groups.labels.count > HistogramBins.maxGroups {
            let p = histogram(values, groups: nil, options: options)
            var f = p.figure
            f.notes.append("\(NumberText.grouped(Int64(groups.labels.count))) groups are too many to draw side by side (at most "
                           + "\(HistogramBins.maxGroups)); the bars count them all")
            return Plot(kind: "hist", figure: f)
        }
        let g = groups?.labels.count ?? 1
        var finite: [Double] = []
        finite.reserveCapacity(values.count)
        var lo = Double.infinity, hi = -Double.infinity
        var integral = true
        for v in values where v.isFinite {
            finite.append(v)
            if v < lo { lo = v }
            if v > hi { hi = v }
            if integral, v != v.rounded() { integral = false }
        }
        let missing = values.count - finite.count
        let notes = missing > 0 ? [Notes.missing(missing)] : []
        guard !finite.isEmpty else {
            return Plot(kind: "hist", figure: Figure(title: options.title, body: .empty("no values to plot"), notes: notes))
        }
        var bins: Int
        if let b = options.bins {
            bins = max(1, min(HistogramBins.maxBins, b))
        } else {
            bins = min(HistogramBins.maxAutoBins, HistogramBins.numpyAutoCount(finite, integral: integral))
        }
        var (elo, ehi) = HistogramBins.outerEdges(min: lo, max: hi)
        if options.xIsTime, lo == hi { elo = lo - 43_200_000_000; ehi = hi + 43_200_000_000 }
        let edges = HistogramBins.edges(lo: elo, hi: ehi, count: bins)
        var counts = [Double](repeating: 0, count: bins * g)
        edges.withUnsafeBufferPointer { e in
            if let groups {
                for (i, v) in values.enumerated() where v.isFinite {
                    counts[HistogramBins.bin(of: v, edges: e) * g + Int(groups.codes[i])] += 1
                }
            } else {
                for v in finite { counts[HistogramBins.bin(of: v, edges: e)] += 1 }
            }
        }
        let maxCount = counts.max() ?? 0
        let minPositive = counts.filter { $0 > 0 }.min() ?? 1
        let y = AxisSpec(label: options.yLabel.isEmpty ? "count" : options.yLabel, lo: options.log ? minPositive : 0, hi: maxCount,
                         log: options.log, includeZero: !options.log, integer: true)
        let x = AxisSpec(label: options.xLabel, lo: elo, hi: ehi, time: options.xIsTime, loose: false, fixed: true)
        let layer = BarLayer(bins: bins, groups: g, values: counts.map { $0 > 0 ? $0 : .nan }, gaps: false,
                             edges: (elo, (ehi - elo) / Double(bins)))
        let legend = (groups?.labels ?? []).enumerated().map { LegendEntry(label: $0.element, series: $0.offset, mark: .bar) }
        return Plot(kind: "hist", figure: Figure(title: options.title, body: .cartesian(Cartesian(x: .continuous(x), y: y, bars: layer)),
                                                 legend: groups == nil ? [] : legend, notes: notes, legendTitle: options.groupLabel))
    }
}

/// The wording of notes under charts.
enum Notes {
    /// `3 missing values not shown`.
    static func missing(_ n: Int) -> String { "\(NumberText.grouped(Int64(n))) missing value\(n == 1 ? "" : "s") not shown" }
    /// `2 values ≤ 0 not shown on the log scale`.
    static func nonPositive(_ n: Int) -> String { "\(NumberText.grouped(Int64(n))) value\(n == 1 ? "" : "s") ≤ 0 not shown on the log scale" }
}
