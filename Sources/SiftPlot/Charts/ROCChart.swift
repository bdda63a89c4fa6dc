// ROC curves: false/true positive rate pairs drawn against the chance diagonal, with the AUC in the legend.

/// One ROC curve: points of (false positive rate, true positive rate), as `sklearn.metrics.roc_curve` returns them.
public struct ROCCurve: Sendable, Equatable {
    /// The name in the legend (a model name; empty for a single unnamed curve).
    public var label: String
    /// False positive rates, in [0, 1].
    public var fpr: [Double]
    /// True positive rates, in [0, 1].
    public var tpr: [Double]

    /// Creates a curve.
    ///
    /// - Precondition: `fpr` and `tpr` have the same length.
    public init(label: String = "", fpr: [Double], tpr: [Double]) {
        precondition(fpr.count == tpr.count, "fpr and tpr differ in length")
        self.label = label
        self.fpr = fpr
        self.tpr = tpr
    }

    /// The area under the curve by the trapezoidal rule over the points sorted by fpr (then
    /// tpr), as `sklearn.metrics.auc` integrates a `roc_curve`; nil with fewer than two points.
    ///
    /// The points are used as given: a curve that does not start at (0, 0) or end at (1, 1)
    /// is not extended. NaN points are skipped.
    ///
    /// - Complexity: O(n log n).
    public var auc: Double? {
        let pts = zip(fpr, tpr).filter { $0.0.isFinite && $0.1.isFinite }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        guard pts.count >= 2 else { return nil }
        var area = 0.0
        for i in 1..<pts.count { area += (pts[i].0 - pts[i - 1].0) * (pts[i].1 + pts[i - 1].1) / 2 }
        return area
    }
}

extension Plot {
    /// ROC curves on the unit square, with the chance diagonal dotted and each curve's AUC in
    /// the legend.
    ///
    /// - Parameters:
    ///   - curves: one or more curves, drawn in order.
    ///   - options: title; axis labels default to `false positive rate` and `true positive rate`.
    /// - Complexity: O(n log n) in the points (for the AUC).
    public static func roc(_ curves: [ROCCurve], options: PlotOptions = PlotOptions()) -> Plot {
        let drawn = curves.filter { c in zip(c.fpr, c.tpr).contains { $0.0.isFinite && $0.1.isFinite } }
        guard !drawn.isEmpty else {
            return Plot(kind: "roc", figure: Figure(title: options.title, body: .empty("no values to plot")))
        }
        var lines = [LineSeries(xs: [0, 1], ys: [0, 1], series: -1, dotted: true)]
        var legend: [LegendEntry] = []
        for (i, c) in drawn.enumerated() {
            let order = c.fpr.indices.filter { c.fpr[$0].isFinite && c.tpr[$0].isFinite }
                .sorted { c.fpr[$0] != c.fpr[$1] ? c.fpr[$0] < c.fpr[$1] : c.tpr[$0] < c.tpr[$1] }
            lines.append(LineSeries(xs: order.map { c.fpr[$0] }, ys: order.map { c.tpr[$0] }, series: i))
            let auc = c.auc.map { "AUC " + NumberText.fixed($0, decimals: 3) } ?? "AUC –"
            legend.append(LegendEntry(label: c.label.isEmpty ? auc : "\(c.label) (\(auc))", series: i, mark: .line))
        }
        legend.append(LegendEntry(label: "chance", series: -1, mark: .dottedLine))
        let x = AxisSpec(label: options.xLabel.isEmpty ? "false positive rate" : options.xLabel, lo: 0, hi: 1, loose: false, fixed: true)
        let y = AxisSpec(label: options.yLabel.isEmpty ? "true positive rate" : options.yLabel, lo: 0, hi: 1, loose: false, fixed: true)
        return Plot(kind: "roc", figure: Figure(title: options.title, body: .cartesian(Cartesian(x: .continuous(x), y: y, lines: lines)),
                                                legend: legend))
    }
}
