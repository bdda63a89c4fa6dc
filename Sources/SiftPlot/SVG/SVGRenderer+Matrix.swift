// SVG layout of heatmaps: coloured cells with their values, row and column labels, and a stepped colour bar.

extension SVGRenderer {
    /// The colour of a scale position: ColorBrewer's RdBu ends around a near-white middle for a
    /// diverging scale (-1…1), its Blues from near-white to dark blue for a sequential one (0…1).
    static func heatColor(_ p: Double, diverging: Bool) -> String {
        func mix(_ a: (Double, Double, Double), _ b: (Double, Double, Double), _ t: Double) -> String {
            let t = max(0, min(1, t))
            let c = [a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t, a.2 + (b.2 - a.2) * t].map { Int($0.rounded()) }
            let hex = Array("0123456789abcdef")
            return "#" + c.map { String([hex[($0 >> 4) & 15], hex[$0 & 15]]) }.joined()
        }
        let white = (247.0, 247.0, 247.0)
        if diverging {
            return p < 0 ? mix(white, (33, 102, 172), -p) : mix(white, (178, 24, 43), p)
        }
        return mix((247, 251, 255), (8, 48, 107), p)
    }

    /// Draws a heatmap inside `frame`.
    func matrix(_ m: MatrixChart, in frame: Box, into w: inout SVGWriter) {
        let nr = m.rowLabels.count, nc = m.columnLabels.count
        let size = SVGRenderer.tickSize
        let labelWidth = min(Double(width) / 4, (m.rowLabels.map { SVGWriter.textWidth($0) }.max() ?? 0) + 10)
        let barWidth = 60.0
        let areaWidth = frame.width - labelWidth - barWidth - 16
        let longestColumn = m.columnLabels.map { SVGWriter.textWidth($0) }.max() ?? 0
        var cellW = areaWidth / Double(max(1, nc))
        var header = 20.0
        var cellH = (frame.height - header - 20) / Double(max(1, nr))
        // Square cells when there is room for them, never wider than 120 pixels.
        cellW = min(cellW, 120, max(cellH, 24))
        cellH = min(cellH, max(cellW, 16))
        let rotated = longestColumn > cellW - 4
        if rotated {
            header = min(110, longestColumn * 0.72 + 10)
            cellH = min(cellH, (frame.height - header - 20) / Double(max(1, nr)))
        }
        let x0 = frame.x0 + 8 + labelWidth, y0 = frame.y0 + header
        let texts = (0..<nr).map { r in (0..<nc).map { TerminalRenderer.cellText(m, m.value(r, $0)) } }
        let numberWidth = texts.flatMap { $0 }.map { SVGWriter.textWidth($0, size: size) }.max() ?? 0
        let numbers = cellW >= numberWidth + 6 && cellH >= 14

        w.open("marks")
        for r in 0..<nr {
            for c in 0..<nc {
                let v = m.value(r, c), x = x0 + Double(c) * cellW, y = y0 + Double(r) * cellH
                guard !v.isNaN else { continue }
                let p = m.position(v)
                w.rect(x: x, y: y, width: cellW, height: cellH, fill: SVGRenderer.heatColor(p, diverging: m.diverging), stroke: "#ffffff", cls: "cell")
                if numbers {
                    w.text(texts[r][c], x: x + cellW / 2, y: y + cellH / 2, anchor: .middle, size: size,
                           fill: abs(p) > 0.6 ? "#ffffff" : "#222222", middle: true, cls: "value")
                }
            }
        }
        w.close()
        w.open("axis y")
        for r in 0..<nr {
            w.text(m.rowLabels[r], x: x0 - 6, y: y0 + (Double(r) + 0.5) * cellH, anchor: .end, size: size, middle: true, cls: "category")
        }
        w.close()
        w.open("axis x")
        for c in 0..<nc {
            let x = x0 + (Double(c) + 0.5) * cellW
            if rotated {
                w.text(m.columnLabels[c], x: x, y: y0 - 6, size: size, rotate: -45, cls: "category")
            } else {
                w.text(m.columnLabels[c], x: x, y: y0 - 6, anchor: .middle, size: size, cls: "category")
            }
        }
        w.close()

        // The colour bar: 32 steps from the low end to the high end.
        let bx = x0 + Double(nc) * cellW + 16, by0 = y0, by1 = y0 + max(60, min(Double(nr) * cellH, 240))
        let lo = m.diverging ? -max(abs(m.lo), abs(m.hi)) : m.lo, hi = m.diverging ? -lo : m.hi
        w.open("scale")
        let steps = 32
        for k in 0..<steps {
            let t = (Double(k) + 0.5) / Double(steps)
            let p = m.diverging ? 1 - 2 * t : 1 - t
            w.rect(x: bx, y: by0 + Double(k) * (by1 - by0) / Double(steps), width: 12, height: (by1 - by0) / Double(steps) + 0.3,
                   fill: SVGRenderer.heatColor(p, diverging: m.diverging))
        }
        let unit = m.values.allSatisfy { $0.isNaN || abs($0) <= 1 }
        func text(_ v: Double) -> String { unit ? NumberText.fixed(v, decimals: 2) : NumberText.compact(v) }
        w.text(text(hi), x: bx + 16, y: by0, size: 10, middle: true)
        w.text(text(lo), x: bx + 16, y: by1, size: 10, middle: true)
        if m.diverging { w.text(text(0), x: bx + 16, y: (by0 + by1) / 2, size: 10, middle: true) }
        w.close()
    }
}
