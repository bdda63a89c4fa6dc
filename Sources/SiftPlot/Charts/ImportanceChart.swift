// Feature importance: horizontal bars sorted from the most to the least important feature.

extension Plot {
    /// Feature importances as horizontal bars, largest first, with the value beside each bar.
    ///
    /// Ties keep the given order; NaN importances are left out. Negative importances (possible
    /// for permutation importance) hang left of 0.
    ///
    /// - Parameters:
    ///   - features: feature names.
    ///   - importances: one importance per feature.
    ///   - options: title; `log` for a log value axis.
    /// - Complexity: O(n log n).
    public static func importance(features: [String], importances: [Double], options: PlotOptions = PlotOptions()) -> Plot {
        precondition(features.count == importances.count, "features and importances differ in length")
        let order = importances.indices.filter { importances[$0].isFinite && (!options.log || importances[$0] > 0) }
            .sorted { importances[$0] != importances[$1] ? importances[$0] > importances[$1] : $0 < $1 }
        guard !order.isEmpty else {
            return Plot(kind: "importance", figure: Figure(title: options.title, body: .empty("no values to plot")))
        }
        let vals = order.map { importances[$0] }
        let axis = AxisSpec(label: options.yLabel.isEmpty ? "importance" : options.yLabel, lo: vals.min() ?? 0, hi: vals.max() ?? 0,
                            log: options.log, includeZero: !options.log)
        let chart = RowChart(labels: order.map { features[$0] }, labelTitle: options.xLabel.isEmpty ? "feature" : options.xLabel,
                             axis: axis, items: vals.map { .bar($0) }, annotations: vals.map { [NumberText.compact($0)] },
                             showAxis: false, noun: "features")
        let left = importances.count - order.count
        return Plot(kind: "importance", figure: Figure(title: options.title, body: .rows(chart),
                                                       notes: left > 0 ? [Notes.missing(left)] : []))
    }
}
