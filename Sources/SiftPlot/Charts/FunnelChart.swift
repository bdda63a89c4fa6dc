// Funnel charts: centred bars per step with counts and the share kept from the previous and the first step.

extension Plot {
    /// A funnel: one centred bar per step, as wide as its count, with the count and the rates
    /// beside it.
    ///
    /// Rates not given are computed: from the previous step `count[i] / count[i-1]`, from the
    /// first `count[i] / count[0]` (`–` where the divisor is 0). Rates are fractions (0.5 shows
    /// as `50%`), as the `funnel` verb's `rate_from_prev` and `rate_from_first` columns are.
    ///
    /// - Parameters:
    ///   - steps: step names, first to last.
    ///   - counts: how many reached each step; NaN is shown as missing.
    ///   - rateFromPrevious: the rates from the previous step, or nil to compute them.
    ///   - rateFromFirst: the rates from the first step, or nil to compute them.
    ///   - options: title; `xLabel` names the step column, `yLabel` the counts.
    /// - Complexity: O(steps).
    public static func funnel(steps: [String], counts: [Double], rateFromPrevious: [Double]? = nil, rateFromFirst: [Double]? = nil,
                              options: PlotOptions = PlotOptions()) -> Plot {
        precondition(steps.count == counts.count, "steps and counts differ in length")
        let c = counts.map { $0.isFinite ? $0 : Double.nan }
        guard let top = c.filter({ !$0.isNaN }).max() else {
            return Plot(kind: "funnel", figure: Figure(title: options.title, body: .empty("no values to plot")))
        }
        func ratio(_ a: Double, _ b: Double) -> Double { b != 0 && !a.isNaN && !b.isNaN ? a / b : .nan }
        let prev = rateFromPrevious ?? c.indices.map { $0 == 0 ? 1 : ratio(c[$0], c[$0 - 1]) }
        let first = rateFromFirst ?? c.indices.map { ratio(c[$0], c[0]) }
        let rows = c.indices.map { i in
            [c[i].isNaN ? "–" : NumberText.compact(c[i]),
             i < prev.count ? NumberText.percent(prev[i]) : "–", i < first.count ? NumberText.percent(first[i]) : "–"]
        }
        let axis = AxisSpec(label: options.yLabel.isEmpty ? "count" : options.yLabel, lo: 0, hi: max(top, 0), includeZero: true, fixed: true)
        let chart = RowChart(labels: steps, labelTitle: options.xLabel, axis: axis, items: c.map { .centeredBar($0) },
                             annotations: rows, annotationHeaders: [options.yLabel.isEmpty ? "count" : options.yLabel, "of previous", "of first"],
                             showAxis: false, noun: "steps")
        return Plot(kind: "funnel", figure: Figure(title: options.title, body: .rows(chart)))
    }
}
