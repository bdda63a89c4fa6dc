// Lays a figure out again as an SVG document: the shared frame (title, legend, notes) and the dispatch to each layout.

/// Draws a ``Figure`` as an SVG document of a given pixel size.
///
/// The numbers are the figure's — the same bins, quartiles and counts as the terminal form —
/// laid out at pixel resolution: histograms keep every bin, scatter plots keep every point up to
/// ``maxPointMarks``. Layouts live in `SVGRenderer+Cartesian.swift`, `+Rows.swift` and
/// `+Matrix.swift`.
struct SVGRenderer {
    /// What to draw.
    let figure: Figure
    /// Pixels across.
    let width: Int
    /// Pixels down.
    let height: Int

    /// The most points drawn as circles; beyond it, points are binned into a density grid so
    /// that a million-row scatter plot stays a small document (one rectangle per occupied cell).
    static let maxPointMarks = 5_000

    /// Font sizes.
    static let titleSize = 15.0, labelSize = 12.0, tickSize = 11.0

    /// The rectangle charts draw in.
    struct Box {
        var x0: Double, y0: Double, x1: Double, y1: Double
        var width: Double { x1 - x0 }
        var height: Double { y1 - y0 }
    }

    /// The document.
    func render() -> String {
        var w = SVGWriter()
        let top = drawTitle(&w)
        let legendWidth = legendWidth()
        let noteLines = figure.notes.count
        let frame = Box(x0: 0, y0: top, x1: Double(width) - legendWidth, y1: Double(height) - Double(noteLines) * 15)
        switch figure.body {
        case .cartesian(let c): cartesian(c, in: frame, into: &w)
        case .rows(let r): rows(r, in: frame, into: &w)
        case .categoryBars(let b):
            if let v = verticalFit(b, in: frame) { cartesian(v, in: frame, into: &w) } else { rows(b.horizontal, in: frame, into: &w) }
        case .matrix(let m): matrix(m, in: frame, into: &w)
        case .empty(let message):
            w.text("(\(message))", x: Double(width) / 2, y: Double(height) / 2, anchor: .middle, size: SVGRenderer.labelSize, cls: "message")
        }
        drawLegend(&w, x: Double(width) - legendWidth + 8, y: top + 12)
        drawNotes(&w)
        return w.document(width: width, height: height, title: figure.title ?? "Sift plot")
    }

    /// The colour of a series (grey for reference lines).
    static func color(_ series: Int) -> String { series >= 0 ? Palette.svgColor(series) : "#888888" }

    /// Draws the title; returns the y where the chart may begin.
    func drawTitle(_ w: inout SVGWriter) -> Double {
        guard let t = figure.title else { return 12 }
        w.text(t, x: Double(width) / 2, y: 22, anchor: .middle, size: SVGRenderer.titleSize, bold: true, fill: "#111111", cls: "title")
        return 34
    }

    /// The width kept on the right for the legend (0 without one).
    func legendWidth() -> Double {
        guard !figure.legend.isEmpty else { return 0 }
        let longest = (figure.legend.map(\.label) + [figure.legendTitle ?? ""]).map { SVGWriter.textWidth($0) }.max() ?? 0
        return min(Double(width) / 3, longest + 40)
    }

    /// Draws the legend from (x, y) down.
    func drawLegend(_ w: inout SVGWriter, x: Double, y: Double) {
        guard !figure.legend.isEmpty else { return }
        w.open("legend")
        var yy = y
        if let t = figure.legendTitle, !t.isEmpty {
            w.text(t, x: x, y: yy, size: SVGRenderer.tickSize, bold: true)
            yy += 16
        }
        let room = Double(width) - x - 28
        // As many entries as fit above the notes; the rest are counted on the last line.
        let fit = max(1, Int((Double(height) - yy - Double(figure.notes.count) * 15 - 4) / 16) + 1)
        let shown = figure.legend.count <= fit ? figure.legend.count : max(0, fit - 1)
        for e in figure.legend.prefix(shown) {
            let c = SVGRenderer.color(e.series)
            switch e.mark {
            case .bar: w.rect(x: x, y: yy - 9, width: 12, height: 10, fill: c)
            case .line: w.line(x, yy - 4, x + 14, yy - 4, stroke: c, width: 2)
            case .dottedLine: w.line(x, yy - 4, x + 14, yy - 4, stroke: c, width: 1.5, dash: "4 3")
            case .point: w.circle(cx: x + 6, cy: yy - 4, r: 3.5, fill: c)
            }
            let maxChars = max(4, Int(room / (SVGRenderer.tickSize * 0.6)))
            w.text(TerminalRenderer.truncate(e.label, maxChars), x: x + 20, y: yy, size: SVGRenderer.tickSize)
            yy += 16
        }
        if shown < figure.legend.count {
            w.text("… \(NumberText.grouped(Int64(figure.legend.count - shown))) more", x: x, y: yy, size: SVGRenderer.tickSize, fill: "#666666", cls: "more")
        }
        w.close()
    }

    /// Draws the notes at the bottom left.
    func drawNotes(_ w: inout SVGWriter) {
        for (i, n) in figure.notes.enumerated() {
            let y = Double(height) - Double(figure.notes.count - 1 - i) * 15 - 5
            w.text(n, x: 8, y: y, size: 10, fill: "#666666", cls: "note")
        }
    }
}
