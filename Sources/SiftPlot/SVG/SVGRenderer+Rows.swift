// SVG layout of row charts: labels on the left, horizontal bars, centred funnel bars or box plots, values beside them.

extension SVGRenderer {
    /// Draws labelled rows inside `frame`.
    func rows(_ r: RowChart, in frame: Box, into w: inout SVGWriter) {
        let axisSpace = r.showAxis ? 46.0 : 6
        let header = 18.0
        let top = frame.y0 + header, bottom = frame.y1 - axisSpace
        let n = r.labels.count
        let band = max(14, (bottom - top) / Double(max(1, n)))
        var shown = min(n, Int((bottom - top) / band))
        if shown < n { shown = max(0, shown - 1) }
        let more = n - shown

        let longestLabel = (r.labels.prefix(shown).map { SVGWriter.textWidth($0) } + [SVGWriter.textWidth(r.labelTitle)]).max() ?? 0
        let labelWidth = min(Double(width) / 3, longestLabel + 12)
        // Bars and boxes keep a readable thickness however tall the rows are.
        let thickness = min(band * 0.7, 36)
        let size = SVGRenderer.tickSize
        let columnCount = r.annotationHeaders?.count ?? r.annotations.map(\.count).max() ?? 0
        var columnWidths = [Double](repeating: 0, count: columnCount)
        for (j, h) in (r.annotationHeaders ?? []).enumerated() { columnWidths[j] = SVGWriter.textWidth(h, size: size) }
        for a in r.annotations.prefix(shown) {
            for (j, s) in a.enumerated() where j < columnCount { columnWidths[j] = max(columnWidths[j], SVGWriter.textWidth(s, size: size)) }
        }
        let boxes = r.items.contains { if case .box = $0 { return true } else { return false } }
        let table = r.annotationHeaders != nil || boxes
        let annotationWidth = columnWidths.reduce(0, +) + 14 * Double(columnWidths.count) + 6
        let plot = Box(x0: frame.x0 + 8 + labelWidth, y0: top, x1: frame.x1 - 12 - annotationWidth, y1: top + band * Double(shown))

        var spec = r.axis
        if !r.showAxis, !spec.log { spec.fixed = true }
        let axis = ResolvedAxis.resolve(spec, target: max(2, Int(plot.width / 80)))
        func px(_ v: Double) -> Double? {
            let f = axis.fraction(v)
            return f.isFinite ? plot.x0 + max(0, min(1, f)) * plot.width : nil
        }

        // Header: the label column's title, the value label or the annotation headers.
        if !r.labelTitle.isEmpty { w.text(r.labelTitle, x: plot.x0 - 8, y: frame.y0 + 10, anchor: .end, size: size, bold: true) }
        if let headers = r.annotationHeaders {
            var x = plot.x1 + 14
            for (j, h) in headers.enumerated() {
                x += columnWidths[j]
                w.text(h, x: x, y: frame.y0 + 10, anchor: .end, size: size, bold: true)
                x += 14
            }
        } else if !r.showAxis, !axis.label.isEmpty {
            w.text(axis.label, x: plot.x0, y: frame.y0 + 10, size: size, bold: true)
        }

        if r.showAxis {
            w.open("grid")
            for t in axis.ticks { if let x = px(t.value) { w.line(x, plot.y0, x, plot.y1, stroke: "#e6e6e6") } }
            w.close()
        }
        w.open("marks")
        let base = axis.log ? plot.x0 : (px(0) ?? plot.x0)
        for i in 0..<shown {
            let y0 = plot.y0 + Double(i) * band, mid = y0 + band / 2
            w.text(TerminalRenderer.truncate(r.labels[i], max(4, Int((labelWidth - 12) / (size * 0.6)))), x: plot.x0 - 8, y: mid,
                   anchor: .end, size: size, middle: true, cls: "category")
            var end = plot.x0
            switch r.items[i] {
            case .bar(let v):
                if let x = px(v), !v.isNaN {
                    w.rect(x: min(base, x), y: mid - thickness / 2, width: max(0.5, abs(x - base)), height: thickness, fill: SVGRenderer.color(0), cls: "bar")
                    end = max(base, x)
                }
            case .centeredBar(let v):
                if let x = px(v), !v.isNaN, v > 0 {
                    let len = x - plot.x0, cx = (plot.x0 + plot.x1) / 2
                    let t = min(band * 0.85, 60)
                    w.rect(x: cx - len / 2, y: mid - t / 2, width: max(0.5, len), height: t, fill: SVGRenderer.color(0), cls: "bar")
                }
            case .box(let b): drawBox(b, px: px, y0: mid - thickness / 2, y1: mid + thickness / 2, into: &w)
            case .none: break
            }
            guard i < r.annotations.count else { continue }
            if table {
                var x = plot.x1 + 14
                for (j, s) in r.annotations[i].enumerated() where j < columnCount {
                    x += columnWidths[j]
                    w.text(s, x: x, y: mid, anchor: .end, size: size, middle: true, cls: "value")
                    x += 14
                }
            } else if let s = r.annotations[i].first {
                w.text(s, x: end + 5, y: mid, size: size, middle: true, cls: "value")
            }
        }
        w.close()
        if more > 0 {
            w.text("… " + TerminalRenderer.counted(more, r.noun, "more"), x: plot.x0 - 8, y: plot.y1 + 14, anchor: .end, size: size, fill: "#666666")
        }
        let centred = r.items.contains { if case .centeredBar = $0 { return true } else { return false } }
        if !centred {
            w.open("axis y")
            w.line(plot.x0, plot.y0, plot.x0, plot.y1, stroke: "#333333")
            w.close()
        }
        guard r.showAxis else { return }
        w.open("axis x")
        w.line(plot.x0, plot.y1, plot.x1, plot.y1, stroke: "#333333")
        for t in axis.ticks {
            guard let x = px(t.value) else { continue }
            w.line(x, plot.y1, x, plot.y1 + 5, stroke: "#333333", cls: "tick")
            w.text(t.label, x: x, y: plot.y1 + 18, anchor: .middle, size: size)
        }
        if !axis.label.isEmpty { w.text(axis.label, x: (plot.x0 + plot.x1) / 2, y: plot.y1 + 38, anchor: .middle, size: SVGRenderer.labelSize, cls: "label") }
        w.close()
    }

    /// A horizontal box plot between `y0` and `y1`.
    func drawBox(_ b: BoxStats, px: (Double) -> Double?, y0: Double, y1: Double, into w: inout SVGWriter) {
        guard let wl = px(b.whiskerLow), let wh = px(b.whiskerHigh), let q1 = px(b.q1), let q3 = px(b.q3), let md = px(b.median) else { return }
        let mid = (y0 + y1) / 2, c = SVGRenderer.color(0)
        w.open("box")
        w.line(wl, mid, q1, mid, stroke: "#333333", cls: "whisker")
        w.line(q3, mid, wh, mid, stroke: "#333333", cls: "whisker")
        w.line(wl, y0 + (y1 - y0) * 0.25, wl, y1 - (y1 - y0) * 0.25, stroke: "#333333")
        w.line(wh, y0 + (y1 - y0) * 0.25, wh, y1 - (y1 - y0) * 0.25, stroke: "#333333")
        w.rect(x: q1, y: y0, width: max(1, q3 - q1), height: y1 - y0, fill: c, opacity: 0.35, stroke: c, cls: "iqr")
        w.line(md, y0, md, y1, stroke: "#222222", width: 2, cls: "median")
        for o in b.outliers { if let x = px(o) { w.circle(cx: x, cy: mid, r: 2.5, fill: "none", stroke: c, cls: "outlier") } }
        w.close()
    }
}
