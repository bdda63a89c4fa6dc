// Box plots: quartiles by linear interpolation, Tukey's whiskers at 1.5 IQR, and the outliers beyond them.

extension BoxStats {
    /// The most outliers a box keeps for drawing (the smallest and largest always among them).
    public static let maxOutliers = 1_000

    /// The box of finite values (at least one), in any order.
    ///
    /// Quartiles interpolate linearly between order statistics, as pandas' `quantile` and
    /// Seaborn's `boxplot` do (Hyndman & Fan's definition 7). The whiskers reach the most
    /// extreme values within 1.5 IQR of the box (J. W. Tukey, *Exploratory Data Analysis*,
    /// 1977; matplotlib's default `whis=1.5`); values beyond them are outliers. With more than
    /// ``maxOutliers`` outliers, an evenly spaced selection of them (always with the extremes)
    /// is kept for drawing; `count` still counts every value.
    ///
    /// - Complexity: O(n) expected to select the quartiles, plus O(k log k) for k outliers.
    public init(_ values: [Double]) {
        precondition(!values.isEmpty, "a box needs at least one value")
        var scratch = values
        let q = OrderStatistics.quantiles(&scratch, [0.25, 0.5, 0.75])
        let iqr = q[2] - q[0]
        let lowFence = q[0] - 1.5 * iqr, highFence = q[2] + 1.5 * iqr
        var low = Double.infinity, high = -Double.infinity
        var outliers: [Double] = []
        for v in values {
            if v < lowFence || v > highFence { outliers.append(v); continue }
            if v < low { low = v }
            if v > high { high = v }
        }
        outliers.sort()
        if outliers.count > BoxStats.maxOutliers {
            let m = BoxStats.maxOutliers, n = outliers.count
            outliers = (0..<m).map { outliers[$0 * (n - 1) / (m - 1)] }
        }
        self.init(q1: q[0], median: q[1], q3: q[2], whiskerLow: low.isFinite ? low : q[0], whiskerHigh: high.isFinite ? high : q[2],
                  outliers: outliers, count: values.count)
    }

    /// The smallest value drawn (whisker or outlier).
    var lowest: Double { min(whiskerLow, outliers.first ?? whiskerLow) }
    /// The largest value drawn.
    var highest: Double { max(whiskerHigh, outliers.last ?? whiskerHigh) }
}

extension Plot {
    /// Box plots of values, one row per group.
    ///
    /// Boxes lie horizontally, one labelled row per group in legend order, over a shared value
    /// axis; a group with no values gets an empty row. NaN values are skipped and counted in a
    /// note (and, on a log axis, values ≤ 0).
    ///
    /// - Parameters:
    ///   - values: the data; NaN means missing.
    ///   - groups: the group of each value (the `by:` column), or nil for one box.
    ///   - options: `yLabel` names the value axis (and the single box), `groupLabel` the rows;
    ///     `log` for a log value axis.
    /// - Complexity: O(n) expected.
    public static func box(_ values: [Double], groups: PlotGroups? = nil, options: PlotOptions = PlotOptions()) -> Plot {
        precondition(groups.map { $0.codes.count == values.count } ?? true, "groups and values differ in length")
        let g = groups?.labels.count ?? 1
        var byGroup = [[Double]](repeating: [], count: g)
        var missing = 0, nonPositive = 0
        for (i, v) in values.enumerated() {
            guard v.isFinite else { missing += 1; continue }
            if options.log, v <= 0 { nonPositive += 1; continue }
            byGroup[Int(groups?.codes[i] ?? 0)].append(v)
        }
        var notes: [String] = []
        if missing > 0 { notes.append(Notes.missing(missing)) }
        if nonPositive > 0 { notes.append(Notes.nonPositive(nonPositive)) }
        let stats: [BoxStats?] = byGroup.map { $0.isEmpty ? nil : BoxStats($0) }
        let present = stats.compactMap { $0 }
        guard !present.isEmpty else {
            return Plot(kind: "box", figure: Figure(title: options.title, body: .empty("no values to plot"), notes: notes))
        }
        let axis = AxisSpec(label: options.yLabel, lo: present.map(\.lowest).min() ?? 0, hi: present.map(\.highest).max() ?? 0,
                            log: options.log)
        let labels = groups?.labels ?? [options.yLabel]
        let chart = RowChart(labels: labels, labelTitle: groups == nil ? "" : (options.groupLabel ?? ""), axis: axis,
                             items: stats.map { $0.map { .box($0) } ?? .none },
                             annotations: stats.map { [$0.map { "n=" + NumberText.grouped(Int64($0.count)) } ?? "n=0"] },
                             showAxis: true, noun: "groups")
        return Plot(kind: "box", figure: Figure(title: options.title, body: .rows(chart), notes: notes))
    }
}
