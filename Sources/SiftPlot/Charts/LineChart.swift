// Line charts: one polyline per series through points sorted by x, broken where y is missing.

extension Plot {
    /// Lines through (x, y) points, one per group.
    ///
    /// Each series is sorted by x (stably, so equal x keep their order) and drawn in that order,
    /// as pandas' and Seaborn's line plots do; a missing y breaks the line, and a missing x
    /// drops the point. Timestamps on x (``PlotOptions/xIsTime``) get calendar ticks.
    ///
    /// - Parameters:
    ///   - x: x values (numbers, or microseconds since the epoch); NaN means missing.
    ///   - y: y values; NaN means missing.
    ///   - groups: the series of each point, or nil for one series.
    ///   - options: `log` for a log y axis, labels, title, `xIsTime`.
    /// - Complexity: O(n) when each series is already in x order, O(n log n) otherwise.
    public static func line(x: [Double], y: [Double], groups: PlotGroups? = nil, options: PlotOptions = PlotOptions()) -> Plot {
        precondition(x.count == y.count, "x and y differ in length")
        precondition(groups.map { $0.codes.count == x.count } ?? true, "groups and points differ in length")
        let xy = XYData(x: x, y: y, groups: groups, log: options.log, dropMissingY: false)
        guard xy.shown > 0 else { return Plot(kind: "line", figure: Figure(title: options.title, body: .empty("no values to plot"), notes: xy.notes)) }
        var lines: [LineSeries] = []
        for (s, rows) in xy.rowsBySeries.enumerated() where !rows.isEmpty {
            // Time series usually arrive in order: sort only when they do not.
            var ordered = true
            for k in 1..<max(1, rows.count) where x[rows[k]] < x[rows[k - 1]] { ordered = false; break }
            let sorted = ordered ? rows : rows.enumerated().sorted { a, b in
                x[a.element] != x[b.element] ? x[a.element] < x[b.element] : a.offset < b.offset
            }.map(\.element)
            lines.append(LineSeries(xs: sorted.map { x[$0] }, ys: sorted.map { xy.y($0) }, series: s))
        }
        let fig = Cartesian(x: .continuous(xy.xAxis(options, loose: false)), y: xy.yAxis(options), lines: lines)
        return Plot(kind: "line", figure: Figure(title: options.title, body: .cartesian(fig),
                                                 legend: xy.legend(.line), notes: xy.notes, legendTitle: options.groupLabel))
    }
}
