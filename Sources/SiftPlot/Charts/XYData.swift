// The bookkeeping shared by line and scatter charts: rows shown per series, extents, and notes on rows left out.

/// The shared bookkeeping of x/y charts: which rows are shown, their extents and the notes
/// about the ones that are not.
struct XYData {
    let x: [Double], yValues: [Double]
    let groups: PlotGroups?
    let log: Bool
    /// Rows of each series that are drawn (a missing y is kept as a break when lines need it).
    var rowsBySeries: [[Int]]
    var xlo = Double.infinity, xhi = -Double.infinity, ylo = Double.infinity, yhi = -Double.infinity
    var shown = 0
    var notes: [String] = []
    let dropMissingY: Bool

    init(x: [Double], y: [Double], groups: PlotGroups?, log: Bool, dropMissingY: Bool) {
        self.x = x; self.yValues = y; self.groups = groups; self.log = log; self.dropMissingY = dropMissingY
        rowsBySeries = [[Int]](repeating: [], count: groups?.labels.count ?? 1)
        var missing = 0, nonPositive = 0
        for i in 0..<x.count {
            let xv = x[i], yv = y[i]
            guard xv.isFinite, yv.isFinite else {
                missing += 1
                if xv.isFinite, !dropMissingY { rowsBySeries[Int(groups?.codes[i] ?? 0)].append(i) }
                continue
            }
            if log, yv <= 0 {
                nonPositive += 1
                if !dropMissingY { rowsBySeries[Int(groups?.codes[i] ?? 0)].append(i) }
                continue
            }
            shown += 1
            rowsBySeries[Int(groups?.codes[i] ?? 0)].append(i)
            xlo = min(xlo, xv); xhi = max(xhi, xv); ylo = min(ylo, yv); yhi = max(yhi, yv)
        }
        if missing > 0 { notes.append(Notes.missing(missing)) }
        if nonPositive > 0 { notes.append(Notes.nonPositive(nonPositive)) }
    }

    /// Whether row `i` is drawn as a point.
    func keep(_ i: Int) -> Bool { x[i].isFinite && yValues[i].isFinite && (!log || yValues[i] > 0) }

    /// The y of row `i` as drawn: NaN (a break) when it cannot be shown.
    func y(_ i: Int) -> Double { keep(i) ? yValues[i] : .nan }

    func xAxis(_ o: PlotOptions, loose: Bool) -> AxisSpec {
        AxisSpec(label: o.xLabel, lo: xlo, hi: xhi, time: o.xIsTime, loose: loose)
    }

    func yAxis(_ o: PlotOptions) -> AxisSpec { AxisSpec(label: o.yLabel, lo: ylo, hi: yhi, log: o.log) }

    func legend(_ mark: LegendEntry.Mark) -> [LegendEntry] {
        (groups?.labels ?? []).enumerated().map { LegendEntry(label: $0.element, series: $0.offset, mark: mark) }
    }
}
