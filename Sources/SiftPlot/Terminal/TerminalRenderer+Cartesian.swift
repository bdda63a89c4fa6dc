// Terminal layout of x/y charts: y ticks in a left gutter, bars in eighth blocks, lines and points in braille, x ticks below.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TerminalRenderer {
    /// The geometry of an x/y chart in the grid.
    ///
    /// Rows, top to bottom: title (if any), the y label, `plotRows` rows of plot, the x axis
    /// line, x tick labels, the x label, then legend and notes. A y tick labels the row whose
    /// top edge it is (so the axis line itself carries the bottom of the range), and a value
    /// lands in the row or column of the interval that contains it.
    struct CartesianLayout {
        var plotTop: Int
        var plotRows: Int
        var plotLeft: Int
        var plotColumns: Int
        var axisColumn: Int
        var y: ResolvedAxis
        var yTicks: [(row: Int, label: String)]
        var footer: [[Span]]
        var bars: BarLayer?
        var slotWidth: Int
        var x: Cartesian.XAxis
        /// Points are shaded by count per cell (there are more than twice as many as cells);
        /// a footer row is kept for the count scale.
        var density: Bool
    }

    /// The row of `y`-fraction `f` (top-edge semantics); `plotRows` is the axis line.
    static func row(_ f: Double, rows: Int) -> Int {
        let fromBottom = Int((f * Double(rows) - 1e-9).rounded(.up)) - 1
        if fromBottom < 0 { return rows }
        return max(0, rows - 1 - fromBottom)
    }

    /// The column of `x`-fraction `f`.
    static func column(_ f: Double, columns: Int) -> Int {
        max(0, min(columns - 1, Int((f * Double(columns) + 1e-9).rounded(.down))))
    }

    /// Lays out the frame of an x/y chart: rows, the y axis and gutter, columns and slots.
    func layout(_ c: Cartesian, marks: Bool) -> CartesianLayout {
        let top = titleRows + 1
        let foot = fitted(footer(marks: marks), spare: height - top - 3, minimum: 2)
        func frame(rows: Int, y spec: AxisSpec) -> (y: ResolvedAxis, ticks: [(row: Int, label: String)], plotLeft: Int, columns: Int) {
            var y = ResolvedAxis.resolve(spec, target: max(2, rows / 3 + 1))
            var ticks: [(row: Int, label: String)] = []
            for t in y.ticks {
                let r = TerminalRenderer.row(y.fraction(t.value), rows: rows)
                if ticks.contains(where: { abs($0.row - r) < 2 }) { continue }
                ticks.append((r, t.label))
            }
            y.ticks = y.ticks.filter { t in ticks.contains { $0.label == t.label } }
            let gutter = max(1, ticks.map(\.label.count).max() ?? 1)
            return (y, ticks, gutter + 2, max(4, width - gutter - 3))
        }
        var rows = max(2, height - top - 3 - foot.count)
        var f = frame(rows: rows, y: c.y)
        var density = false
        if let p = c.points, p.xs.count > 2 * rows * f.columns, !marks, rows > 2 {
            density = true
            rows = max(2, rows - 1)
            f = frame(rows: rows, y: c.y)
        }
        var columns = f.columns
        var bars = c.bars
        var slotWidth = 0
        var x = c.x
        if var b = bars {
            // Too many bins for the columns: add neighbours together (the x axis runs on to a
            // whole number of merged bins) and fit the y axis to the taller bars; its labels
            // may widen the gutter, so check the fit again.
            var factor = 1
            while let original = c.bars, case .continuous(var spec) = c.x, let e = original.edges {
                while (original.bins + factor - 1) / factor * original.groups > columns, factor < original.bins { factor += 1 }
                guard factor > 1 else { break }
                b = original.merged(by: factor)
                spec.hi = e.start + Double(b.bins) * e.width * Double(factor)
                x = .continuous(spec)
                var ySpec = c.y
                let values = b.values.filter { !$0.isNaN }
                ySpec.hi = values.max() ?? ySpec.hi
                if ySpec.log { ySpec.lo = values.filter { $0 > 0 }.min() ?? ySpec.lo }
                f = frame(rows: rows, y: ySpec)
                let fits = b.bins * b.groups <= f.columns
                columns = f.columns
                if fits || factor >= original.bins { break }
            }
            slotWidth = max(1, columns / max(1, b.bins * b.groups))
            columns = min(columns, slotWidth * b.bins * b.groups)
            bars = b
        }
        return CartesianLayout(plotTop: top, plotRows: rows, plotLeft: f.plotLeft, plotColumns: columns, axisColumn: f.plotLeft - 1,
                               y: f.y, yTicks: f.ticks, footer: foot, bars: bars, slotWidth: slotWidth, x: x, density: density)
    }

    /// Vertical bars for categories, when every label fits under its bar with a space to spare
    /// and each bar gets at least two columns; nil when rows would read better.
    func verticalFit(_ b: CategoryBars) -> Cartesian? {
        let v = b.vertical
        let l = layout(v, marks: false)
        guard l.plotRows >= 4, l.slotWidth >= 2, b.labels.count <= 40 else { return nil }
        guard b.labels.allSatisfy({ $0.count <= l.slotWidth - 1 }) else { return nil }
        return v
    }

    /// Renders an x/y chart.
    func cartesian(_ c: Cartesian, seriesCount: Int) -> String {
        // Series differ by mark when colour is off, and also when there are more series than
        // colours (the palette wraps), so that no two series look the same.
        let marks = (!color || seriesCount > Palette.ansiCodes.count) && seriesCount > 1 && (!c.lines.isEmpty || c.points != nil)
        var l = layout(c, marks: marks)
        let rows = l.plotRows, cols = l.plotColumns
        let extra = l.density ? 1 : 0
        var grid = TextGrid(width: width, height: l.plotTop + rows + 3 + extra + l.footer.count)
        var scale: String? = nil
        drawTitle(&grid)
        grid.write(TerminalRenderer.truncate(c.y.label.isEmpty ? "" : c.y.label, width), row: l.plotTop - 1, col: 0)

        // The x axis: ticks that fit with room between their labels.
        var xTicks: [(col: Int, label: String)] = []
        var xLabel = ""
        switch l.x {
        case .bands(let labels, let name):
            xLabel = name
            let sw = l.slotWidth
            xTicks = labels.enumerated().map { ($0.offset * sw + (sw - 1) / 2, TerminalRenderer.truncate($0.element, max(1, sw - 1))) }
        case .continuous(let spec):
            var target = max(2, cols / 8)
            while true {
                let x = ResolvedAxis.resolve(spec, target: target)
                let cand = x.ticks.map { (TerminalRenderer.column(x.fraction($0.value), columns: cols), $0.label) }
                let placed = TerminalRenderer.place(cand.map { (l.plotLeft + $0.0, $0.1) }, limit: width, gap: 2)
                xLabel = x.label
                if !placed.contains(where: { $0 == nil }) || target <= 2 {
                    xTicks = zip(cand, placed).filter { $0.1 != nil }.map { $0.0 }
                    l.x = .continuous(spec)
                    scale = drawMarks(c, layout: l, xAxis: x, marks: marks, into: &grid)
                    break
                }
                target -= 1
            }
        }
        if case .bands = l.x { _ = drawMarks(c, layout: l, xAxis: nil, marks: marks, into: &grid) }

        // Axes.
        for r in 0..<rows { grid.put("│", row: l.plotTop + r, col: l.axisColumn) }
        let axisRow = l.plotTop + rows
        grid.put("└", row: axisRow, col: l.axisColumn)
        for k in 0..<cols { grid.put("─", row: axisRow, col: l.plotLeft + k) }
        for t in l.yTicks {
            if t.row < rows { grid.put("┤", row: l.plotTop + t.row, col: l.axisColumn) }
            grid.write(TerminalRenderer.padLeft(t.label, l.axisColumn - 1), row: l.plotTop + t.row, col: 0)
        }
        let placed = TerminalRenderer.place(xTicks.map { (l.plotLeft + $0.col, $0.label) }, limit: width, gap: 1)
        for (t, start) in zip(xTicks, placed) {
            grid.put("┬", row: axisRow, col: l.plotLeft + t.col)
            if let start { grid.write(t.label, row: axisRow + 1, col: start) }
        }
        let xl = TerminalRenderer.truncate(xLabel, width)
        grid.write(xl, row: axisRow + 2, col: max(0, min(width - xl.count, l.plotLeft + (cols - xl.count) / 2)))
        if let scale { grid.write(TerminalRenderer.truncate(scale, width), row: axisRow + 3, col: 0) }
        drawFooter(l.footer, into: &grid, from: axisRow + 3 + extra)
        return grid.render(color: color)
    }

    // MARK: - Marks

    /// Draws bars, lines and points inside the plot area.
    ///
    /// - Returns: the density scale when points were shaded by count.
    func drawMarks(_ c: Cartesian, layout l: CartesianLayout, xAxis: ResolvedAxis?, marks: Bool, into grid: inout TextGrid) -> String? {
        if let b = l.bars { drawBars(b, layout: l, into: &grid) }
        guard let x = xAxis, !c.lines.isEmpty || c.points != nil else { return nil }
        let rows = l.plotRows, cols = l.plotColumns
        var canvas = BrailleCanvas(columns: cols, rows: rows)
        func dot(_ xv: Double, _ yv: Double) -> (x: Int, y: Int)? {
            let fx = x.fraction(xv), fy = l.y.fraction(yv)
            guard fx.isFinite, fy.isFinite else { return nil }
            let dx = max(0, min(2 * cols - 1, Int((fx * Double(2 * cols) + 1e-9).rounded(.down))))
            let up = max(0, min(4 * rows - 1, Int((fy * Double(4 * rows) - 1e-9).rounded(.up)) - 1))
            return (dx, 4 * rows - 1 - up)
        }
        var markCells: [(row: Int, col: Int, series: Int)] = []
        for line in c.lines {
            let pts = zip(line.xs, line.ys).map { dot($0.0, $0.1) }
            var prev: (x: Int, y: Int)? = nil
            for (i, p) in pts.enumerated() {
                guard let p else { prev = nil; continue }
                if let q = prev { canvas.line(from: q, to: p, series: line.series, dotted: line.dotted) }
                else if i + 1 >= pts.count || pts[i + 1] == nil {
                    // A point with no neighbour to join (a one-row series, a value between
                    // gaps): a single braille dot is easy to miss, so it gets its series' mark.
                    if line.series >= 0 { markCells.append((p.y / 4, p.x / 2, line.series)) } else { canvas.set(x: p.x, y: p.y, series: line.series) }
                }
                prev = p
            }
            if marks, line.series >= 0 {
                // Marks at about one point in ten columns, staggered between series.
                let valid = pts.compactMap { $0 }
                let step = max(1, valid.count / max(1, cols / 10))
                let offset = (step * (line.series % 3)) / 3
                for k in Swift.stride(from: min(offset, valid.count - 1), to: valid.count, by: step) {
                    markCells.append((valid[k].y / 4, valid[k].x / 2, line.series))
                }
            }
        }
        var scale: String? = nil
        if let p = c.points {
            // Points per cell and series: the dominant series colours (or marks) a cell.
            let s = max(1, p.seriesCount)
            var perCell = [Int32](repeating: 0, count: rows * cols * s)
            for i in 0..<p.xs.count {
                guard let d = dot(p.xs[i], p.ys[i]) else { continue }
                let series = Int(p.series?[i] ?? 0)
                if !l.density && !marks { canvas.set(x: d.x, y: d.y, series: series) }
                perCell[((d.y / 4) * cols + d.x / 2) * s + series] += 1
            }
            var totals = [Int](repeating: 0, count: rows * cols), dominant = [Int](repeating: 0, count: rows * cols)
            for cell in 0..<(rows * cols) {
                var best: Int32 = 0
                for k in 0..<s {
                    let n = perCell[cell * s + k]
                    totals[cell] += Int(n)
                    if n > best { best = n; dominant[cell] = k }
                }
            }
            let top = totals.max() ?? 0
            let levels = DensityScale(max: top)
            for cell in 0..<(rows * cols) where totals[cell] > 0 {
                let r = cell / cols, k = cell % cols
                if marks {
                    markCells.append((r, k, dominant[cell]))
                } else if l.density {
                    grid.put(Blocks.density[levels.level(totals[cell])], row: l.plotTop + r, col: l.plotLeft + k, color: tint(dominant[cell]))
                } else if s > 1 {
                    canvas.setSeries(row: r, col: k, series: dominant[cell])
                }
            }
            if l.density && !marks { scale = levels.legend.count <= width ? levels.legend : levels.compactLegend }
        }
        for r in 0..<rows {
            for k in 0..<cols {
                guard let ch = canvas.character(row: r, col: k) else { continue }
                grid.put(ch, row: l.plotTop + r, col: l.plotLeft + k, color: tint(canvas.seriesAt(row: r, col: k)))
            }
        }
        for m in markCells {
            grid.put(Palette.mark(m.series), row: l.plotTop + m.row, col: l.plotLeft + m.col, color: tint(m.series))
        }
        return scale
    }

    /// Draws vertical bars in eighth blocks.
    ///
    /// A bar that is not zero but rounds to less than an eighth of a row still shows one eighth,
    /// so a bin with a single value among thousands is visible. Without colour, the second and
    /// later series fill with shades (`▓▒░`) at half-cell resolution.
    func drawBars(_ b: BarLayer, layout l: CartesianLayout, into grid: inout TextGrid) {
        let rows = l.plotRows, sw = l.slotWidth
        let base = l.y.log ? 0 : max(0, min(1, l.y.fraction(0)))
        for slot in 0..<(b.bins * b.groups) {
            let v = b.values[slot]
            let fv = l.y.fraction(v)
            guard !v.isNaN, fv.isFinite else { continue }
            let g = slot % b.groups
            var e0 = Int((min(base, max(0, fv)) * Double(8 * rows)).rounded())
            var e1 = Int((max(base, min(1, fv)) * Double(8 * rows)).rounded())
            if e0 == e1, v != 0 { if fv >= base { e1 += 1 } else { e0 -= 1 } }
            let gap = b.gaps ? max(1, sw / 3) : 0
            let left = slot * sw + gap / 2, right = (slot + 1) * sw - (gap - gap / 2)
            // Without colour every series after the first has its own fill; with colour, those
            // whose colour repeats an earlier series' (the palette wraps) do.
            let fill = color ? g / Palette.ansiCodes.count : g
            let shaded = b.groups > 1 && fill > 0
            for r in 0..<rows {
                let a = e0 - 8 * r, z = e1 - 8 * r
                var ch = Blocks.vertical(a, z)
                guard ch != " " else { continue }
                if shaded {
                    let cover = min(8, z) - max(0, a)
                    guard cover >= 4 || r == e0 / 8 else { continue }
                    ch = Palette.barFill(fill)
                }
                for k in left..<max(left, right) {
                    grid.put(ch, row: l.plotTop + rows - 1 - r, col: l.plotLeft + k, color: tint(b.groups > 1 ? g : 0))
                }
            }
        }
    }
}
