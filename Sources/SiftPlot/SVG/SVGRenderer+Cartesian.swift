// SVG layout of x/y charts: gridlines, axes with ticks and labels, bars as rectangles, lines as polylines, points as circles or a density grid.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SVGRenderer {
    /// Vertical bars when at most 24 categories each fit their label under the bar; nil for rows.
    func verticalFit(_ b: CategoryBars, in frame: Box) -> Cartesian? {
        guard b.labels.count <= 24 else { return nil }
        let slot = (frame.width - 90) / Double(max(1, b.labels.count))
        let longest = b.labels.map { SVGWriter.textWidth($0, size: SVGRenderer.tickSize) }.max() ?? 0
        return longest <= slot - 4 ? b.vertical : nil
    }

    /// Draws an x/y chart inside `frame`.
    func cartesian(_ c: Cartesian, in frame: Box, into w: inout SVGWriter) {
        let top = frame.y0 + 8, bottom = frame.y1 - 46
        let y = ResolvedAxis.resolve(c.y, target: max(2, Int((bottom - top) / 45)))
        let yLabelWidth = y.ticks.map { SVGWriter.textWidth($0.label, size: SVGRenderer.tickSize) }.max() ?? 10
        let plot = Box(x0: frame.x0 + 24 + yLabelWidth + 8, y0: top, x1: frame.x1 - 18, y1: bottom)
        // Lines and points keep a few pixels off the axes (as matplotlib's margins do), so a
        // curve along an edge — a ROC curve up the y axis, a series' first point — is not
        // hidden under the axis line; bars stand on the axis.
        let pad = c.bars == nil ? 6.0 : 0
        let data = Box(x0: plot.x0 + pad, y0: plot.y0 + pad, x1: plot.x1 - pad, y1: plot.y1 - pad)
        func py(_ f: Double) -> Double { data.y1 - max(0, min(1, f)) * data.height }

        // The x axis, with as many ticks as fit without their labels touching.
        var x: ResolvedAxis? = nil
        var xTicks: [(pos: Double, label: String)] = []
        var xLabel = ""
        switch c.x {
        case .bands(let labels, let name):
            xLabel = name
            let slot = data.width / Double(max(1, labels.count))
            xTicks = labels.enumerated().map { (data.x0 + (Double($0.offset) + 0.5) * slot, $0.element) }
        case .continuous(let spec):
            var target = max(2, Int(data.width / 64))
            while true {
                let r = ResolvedAxis.resolve(spec, target: target)
                let ticks = r.ticks.map { (data.x0 + r.fraction($0.value) * data.width, $0.label) }
                var fits = true
                for i in 1..<max(1, ticks.count) {
                    let gap = ticks[i].0 - ticks[i - 1].0
                    let need = (SVGWriter.textWidth(ticks[i].1, size: SVGRenderer.tickSize) + SVGWriter.textWidth(ticks[i - 1].1, size: SVGRenderer.tickSize)) / 2 + 8
                    if gap < need { fits = false }
                }
                if fits || target <= 2 {
                    x = r; xTicks = ticks; xLabel = r.label
                    break
                }
                target -= 1
            }
        }

        // Gridlines, then marks, then axes on top.
        w.open("grid")
        for t in y.ticks { w.line(plot.x0, py(y.fraction(t.value)), plot.x1, py(y.fraction(t.value)), stroke: "#e6e6e6") }
        w.close()
        w.open("marks")
        if let b = c.bars { drawBars(b, x: x, y: y, plot: data, into: &w) }
        if let x {
            func px(_ v: Double) -> Double { data.x0 + x.fraction(v) * data.width }
            for line in c.lines {
                var segment: [(Double, Double)] = []
                func flush() {
                    segment = SVGRenderer.decimated(segment)
                    if segment.count == 1 {
                        w.circle(cx: segment[0].0, cy: segment[0].1, r: 2, fill: SVGRenderer.color(line.series), cls: "point")
                    } else {
                        w.polyline(segment, stroke: SVGRenderer.color(line.series), width: line.dotted ? 1.2 : 1.8,
                                   dash: line.dotted ? "4 3" : nil, cls: "line")
                    }
                    segment = []
                }
                for (xv, yv) in zip(line.xs, line.ys) {
                    let fy = y.fraction(yv)
                    if x.fraction(xv).isFinite && fy.isFinite { segment.append((px(xv), py(fy))) } else if !segment.isEmpty { flush() }
                }
                if !segment.isEmpty { flush() }
            }
            if let p = c.points { drawPoints(p, x: x, y: y, plot: data, into: &w) }
        }
        w.close()

        w.open("axis y")
        w.line(plot.x0, plot.y0, plot.x0, plot.y1, stroke: "#333333")
        for t in y.ticks {
            let yy = py(y.fraction(t.value))
            w.line(plot.x0 - 5, yy, plot.x0, yy, stroke: "#333333", cls: "tick")
            w.text(t.label, x: plot.x0 - 8, y: yy, anchor: .end, size: SVGRenderer.tickSize, middle: true)
        }
        if !c.y.label.isEmpty {
            w.text(c.y.label, x: frame.x0 + 16, y: (plot.y0 + plot.y1) / 2, anchor: .middle, size: SVGRenderer.labelSize, rotate: -90, cls: "label")
        }
        w.close()
        w.open("axis x")
        w.line(plot.x0, plot.y1, plot.x1, plot.y1, stroke: "#333333")
        for t in xTicks {
            w.line(t.pos, plot.y1, t.pos, plot.y1 + 5, stroke: "#333333", cls: "tick")
            w.text(t.label, x: t.pos, y: plot.y1 + 18, anchor: .middle, size: SVGRenderer.tickSize)
        }
        if !xLabel.isEmpty { w.text(xLabel, x: (plot.x0 + plot.x1) / 2, y: plot.y1 + 38, anchor: .middle, size: SVGRenderer.labelSize, cls: "label") }
        w.close()
    }

    /// A polyline thinned to what a pixel grid can show: when it has more than four points per
    /// pixel column, each run of points in one column keeps its first, lowest, highest and last
    /// point, in their original order — the M4 aggregation of U. Jugel et al., "M4: A
    /// Visualization-Oriented Time Series Data Aggregation", PVLDB 7(10), 2014, which draws the
    /// same pixels as the full line. A million-point series becomes a few thousand points.
    static func decimated(_ points: [(Double, Double)]) -> [(Double, Double)] {
        guard let first = points.first, let last = points.last else { return points }
        let span = abs(last.0 - first.0)
        guard points.count > 4 * max(1, Int(span.rounded(.up))) else { return points }
        var out: [(Double, Double)] = []
        var i = 0
        while i < points.count {
            let column = points[i].0.rounded(.down)
            var j = i, lowest = i, highest = i
            while j < points.count, points[j].0.rounded(.down) == column {
                if points[j].1 < points[lowest].1 { lowest = j }
                if points[j].1 > points[highest].1 { highest = j }
                j += 1
            }
            for k in Array(Set([i, lowest, highest, j - 1])).sorted() { out.append(points[k]) }
            i = j
        }
        return out
    }

    /// Bars as rectangles: histogram bins edge to edge (a hairline between them), category
    /// bars with gaps.
    func drawBars(_ b: BarLayer, x: ResolvedAxis?, y: ResolvedAxis, plot: Box, into w: inout SVGWriter) {
        let slots = b.bins * b.groups
        // A histogram's slots span its edges on the x axis; categories span the plot.
        var x0 = plot.x0, span = plot.width
        if let x, let e = b.edges {
            x0 = plot.x0 + x.fraction(e.start) * plot.width
            span = (x.fraction(e.start + e.width * Double(b.bins)) - x.fraction(e.start)) * plot.width
        }
        let slot = span / Double(max(1, slots))
        let base = y.log ? 0 : max(0, min(1, y.fraction(0)))
        for s in 0..<slots {
            let v = b.values[s], f = y.fraction(v)
            guard !v.isNaN, f.isFinite else { continue }
            let g = s % b.groups
            let gap = b.gaps ? slot * 0.15 : 0
            let top = plot.y1 - max(0, min(1, f)) * plot.height, baseY = plot.y1 - base * plot.height
            w.rect(x: x0 + Double(s) * slot + gap, y: min(top, baseY), width: max(0.5, slot - 2 * gap), height: max(0.5, abs(baseY - top)),
                   fill: SVGRenderer.color(b.groups > 1 ? g : 0), stroke: !b.gaps && slot > 4 ? "#ffffff" : nil, cls: "bar")
        }
    }

    /// Points as circles, or (beyond ``maxPointMarks``) as a grid of 4-pixel cells whose
    /// opacity grows with the log of their count, coloured by their most frequent series.
    func drawPoints(_ p: PointLayer, x: ResolvedAxis, y: ResolvedAxis, plot: Box, into w: inout SVGWriter) {
        func pos(_ i: Int) -> (Double, Double)? {
            let fx = x.fraction(p.xs[i]), fy = y.fraction(p.ys[i])
            guard fx.isFinite, fy.isFinite else { return nil }
            return (plot.x0 + fx * plot.width, plot.y1 - fy * plot.height)
        }
        if p.xs.count <= SVGRenderer.maxPointMarks {
            let opacity = p.xs.count > 500 ? 0.5 : 0.8
            for i in 0..<p.xs.count {
                guard let (cx, cy) = pos(i) else { continue }
                w.circle(cx: cx, cy: cy, r: 2.5, fill: SVGRenderer.color(Int(p.series?[i] ?? 0)), opacity: opacity, cls: "point")
            }
            return
        }
        let cell = 4.0
        let cols = max(1, Int((plot.width / cell).rounded(.up))), rows = max(1, Int((plot.height / cell).rounded(.up)))
        let s = max(1, p.seriesCount)
        var counts = [Int32](repeating: 0, count: cols * rows * s)
        for i in 0..<p.xs.count {
            guard let (cx, cy) = pos(i) else { continue }
            let c = max(0, min(cols - 1, Int((cx - plot.x0) / cell))), r = max(0, min(rows - 1, Int((cy - plot.y0) / cell)))
            counts[(r * cols + c) * s + Int(p.series?[i] ?? 0)] += 1
        }
        var totals = [Int](repeating: 0, count: cols * rows)
        for k in 0..<(cols * rows) { for g in 0..<s { totals[k] += Int(counts[k * s + g]) } }
        let top = max(1, totals.max() ?? 1)
        for k in 0..<(cols * rows) where totals[k] > 0 {
            var best = 0
            for g in 1..<max(1, s) where counts[k * s + g] > counts[k * s + best] { best = g }
            let o = 0.15 + 0.85 * log(1 + Double(totals[k])) / log(1 + Double(top))
            w.rect(x: plot.x0 + Double(k % cols) * cell, y: plot.y0 + Double(k / cols) * cell, width: cell, height: cell,
                   fill: SVGRenderer.color(best), opacity: min(1, o), cls: "density")
        }
    }
}
