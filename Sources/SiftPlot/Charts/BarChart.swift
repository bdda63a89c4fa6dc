// Bar charts of labelled values: vertical when the categories are few and short, horizontal rows otherwise.

extension Plot {
    /// Bars for categories, one value each (counts, sums, any aggregate).
    ///
    /// The caller aggregates: the `bar` verb counts rows per category when it has no y column,
    /// and sums y per category otherwise (as Plotly's `px.bar` stacks rows of one category).
    /// Bars start at 0 (or at the bottom of a log axis); negative values hang below 0. The
    /// value axis ticks whole numbers when every value is one (counts). The medium chooses the
    /// orientation: vertical bars when every label fits under its bar,
    /// horizontal rows with the value beside each bar when the categories are many or long.
    ///
    /// ```swift
    /// let p = Plot.bar(labels: ["view", "cart"], values: [120, 30], options: PlotOptions(xLabel: "event", yLabel: "count"))
    /// ```
    /// - Parameters:
    ///   - labels: category labels in display order.
    ///   - values: one value per label; NaN draws no bar.
    ///   - options: `log` for a log value axis, labels and title.
    /// - Complexity: O(categories).
    public static func bar(labels: [String], values: [Double], options: PlotOptions = PlotOptions()) -> Plot {
        precondition(labels.count == values.count, "labels and values differ in length")
        var vals = values.map { $0.isFinite ? $0 : Double.nan }
        var notes: [String] = []
        if options.log {
            let bad = vals.filter { !$0.isNaN && $0 <= 0 }.count
            if bad > 0 { notes.append(Notes.nonPositive(bad)) }
            vals = vals.map { $0 > 0 ? $0 : .nan }
        }
        let finite = vals.filter { !$0.isNaN }
        guard !labels.isEmpty, !finite.isEmpty else {
            return Plot(kind: "bar", figure: Figure(title: options.title, body: .empty("no values to plot"), notes: notes))
        }
        let axis = AxisSpec(label: options.yLabel.isEmpty ? "count" : options.yLabel,
                            lo: finite.min() ?? 0, hi: finite.max() ?? 0, log: options.log, includeZero: !options.log,
                            integer: finite.allSatisfy { $0 == $0.rounded() })
        let bars = CategoryBars(labels: labels, values: vals, categoryLabel: options.xLabel, valueAxis: axis)
        return Plot(kind: "bar", figure: Figure(title: options.title, body: .categoryBars(bars), notes: notes))
    }
}
