// Scatter plots: braille points, or cells shaded by point density when points outnumber cells.

extension Plot {
    /// Points at (x, y), one colour (or mark) per group.
    ///
    /// Terminal output draws braille dots, or shades cells by how many points fall in them when
    /// there are more points than cells (the count scale is printed under the chart). SVG draws
    /// circles, or a density grid beyond ``SVGRenderer/maxPointMarks`` points.
    ///
    /// - Parameters:
    ///   - x: x values (numbers, or microseconds since the epoch); NaN means missing.
    ///   - y: y values; NaN means missing.
    ///   - groups: the series of each point, or nil for one series.
    ///   - options: `log` for a log y axis, labels, title, `xIsTime`.
    /// - Complexity: O(n).
    public static func scatter(x: [Double], y: [Double], groups: PlotGroups? = nil, options: PlotOptions = PlotOptions()) -> Plot {
        precondition(x.count == y.count, "x and y differ in length")
        precondition(groups.map { $0.codes.count == x.count } ?? true, "groups and points differ in length")
        let xy = XYData(x: x, y: y, groups: groups, log: options.log, dropMissingY: true)
        guard xy.shown > 0 else { return Plot(kind: "scatter", figure: Figure(title: options.title, body: .empty("no values to plot"), notes: xy.notes)) }
        var xs: [Double] = [], ys: [Double] = [], series: [Int32] = []
        xs.reserveCapacity(xy.shown); ys.reserveCapacity(xy.shown)
        for i in 0..<x.count where xy.keep(i) {
            xs.append(x[i]); ys.append(y[i])
            if let groups { series.append(groups.codes[i]) }
        }
        let layer = PointLayer(xs: xs, ys: ys, series: groups == nil ? nil : series, seriesCount: groups?.labels.count ?? 1)
        let fig = Cartesian(x: .continuous(xy.xAxis(options, loose: !options.xIsTime)), y: xy.yAxis(options), points: layer)
        return Plot(kind: "scatter", figure: Figure(title: options.title, body: .cartesian(fig),
                                                    legend: xy.legend(.point), notes: xy.notes, legendTitle: options.groupLabel))
    }
}
