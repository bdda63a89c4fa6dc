// Heatmaps of matrix frames (correlations, retention): cells shaded on a sequential or diverging scale.

extension Plot {
    /// A heatmap of a matrix: one shaded cell per value, with the number in it when it fits.
    ///
    /// The scale runs from the smallest to the largest value; when the values have both signs
    /// (a correlation matrix) it is diverging, centred on 0 and symmetric (`±max |v|`), so equal
    /// strengths of opposite sign shade alike in opposite hues. Missing values (NaN) are blank.
    ///
    /// - Parameters:
    ///   - rowLabels: labels of the rows, top to bottom.
    ///   - columnLabels: labels of the columns, left to right.
    ///   - values: `rowLabels.count × columnLabels.count` values, row-major.
    ///   - options: title.
    /// - Complexity: O(cells).
    public static func heatmap(rowLabels: [String], columnLabels: [String], values: [Double], options: PlotOptions = PlotOptions()) -> Plot {
        precondition(values.count == rowLabels.count * columnLabels.count, "matrix size does not match its labels")
        let vals = values.map { $0.isFinite ? $0 : Double.nan }
        let finite = vals.filter { !$0.isNaN }
        guard let lo = finite.min(), let hi = finite.max() else {
            return Plot(kind: "heatmap", figure: Figure(title: options.title, body: .empty("no values to plot")))
        }
        let m = MatrixChart(rowLabels: rowLabels, columnLabels: columnLabels, values: vals, lo: lo, hi: hi, diverging: lo < 0 && hi > 0)
        let missing = vals.count - finite.count
        return Plot(kind: "heatmap", figure: Figure(title: options.title, body: .matrix(m), notes: missing > 0 ? [Notes.missing(missing)] : []))
    }
}
