// Terminal layout of heatmaps: shaded cells with their numbers when they fit, row and column labels, and the scale.

extension TerminalRenderer {
    /// Shades from the low end of the scale to the high end (a missing value is blank).
    static let shades: [Character] = ["·", "░", "▒", "▓", "█"]

    /// The glyph and colour of a cell's shade.
    ///
    /// Without colour, darker means higher: the position on the scale picks one of five shades
    /// from the low end to the high end (for a diverging scale, -max|v| to +max|v|). With
    /// colour, the shade shows the size (for a diverging scale, of `|v|`), and the hue the
    /// sign: red for positive, blue for negative, cyan for a sequential scale.
    func shade(_ m: MatrixChart, _ v: Double) -> (Character, Int?) {
        let p = m.position(v)
        guard p.isFinite else { return (" ", nil) }
        if !color {
            let unit = m.diverging ? (p + 1) / 2 : p
            return (TerminalRenderer.shades[max(0, min(4, Int((unit * 4).rounded())))], nil)
        }
        let level = max(0, min(4, Int((abs(p) * 4).rounded())))
        let hue = m.diverging ? (p < 0 ? 0 : 1) : 4
        return (TerminalRenderer.shades[level], hue)
    }

    /// The number printed in a cell: two decimals when every value lies in [-1, 1]
    /// (correlations, rates), else three significant digits.
    static func cellText(_ m: MatrixChart, _ v: Double) -> String {
        guard !v.isNaN else { return "" }
        let unit = m.values.allSatisfy { $0.isNaN || abs($0) <= 1 }
        return unit ? NumberText.fixed(v, decimals: 2) : NumberText.compact(v)
    }

    /// Renders a heatmap.
    func matrix(_ m: MatrixChart) -> String {
        let foot = fitted(footer(marks: false), spare: height - titleRows - 2, minimum: 1)
        let nr = m.rowLabels.count, nc = m.columnLabels.count
        let texts = (0..<nr).map { r in (0..<nc).map { TerminalRenderer.cellText(m, m.value(r, $0)) } }
        let numberWidth = texts.flatMap { $0 }.map(\.count).max() ?? 0
        let labelWidth = max(1, min(m.rowLabels.map(\.count).max() ?? 1, max(6, width / 4)))
        let area = width - labelWidth - 2
        let longestColumn = m.columnLabels.map(\.count).max() ?? 1
        // With numbers: a shade of at least one character, a space, the number; cells one apart.
        var cell = max(numberWidth + 3, min(longestColumn, numberWidth + 5))
        if nc * (cell + 1) > area { cell = numberWidth + 2 }
        var numbers = nc * (cell + 1) <= area
        if !numbers {
            // Shades only: cells at least two wide (so labels such as `10` show), fewer
            // columns when they do not all fit — the rest are counted.
            cell = max(min(2, longestColumn), min(max(2, longestColumn), area / max(1, nc) - 1))
            numbers = false
        }
        let shownColumns = max(1, min(nc, area / (cell + 1)))
        let scaleRows = 1
        let avail = max(1, height - titleRows - 1 - scaleRows - foot.count)
        var shownRows = min(nr, avail)
        if shownRows < nr { shownRows = max(0, avail - 1) }
        let top = titleRows + 1
        let extraRows = shownRows < nr ? 1 : 0
        var grid = TextGrid(width: width, height: top + shownRows + extraRows + scaleRows + foot.count)
        drawTitle(&grid)
        let left = labelWidth + 2
        for c in 0..<shownColumns {
            let label = TerminalRenderer.truncate(m.columnLabels[c], cell)
            grid.write(TerminalRenderer.padLeft(label, cell), row: top - 1, col: left + c * (cell + 1))
        }
        if shownColumns < nc { grid.write("…", row: top - 1, col: left + shownColumns * (cell + 1)) }
        for r in 0..<shownRows {
            let row = top + r
            grid.write(TerminalRenderer.truncate(m.rowLabels[r], labelWidth), row: row, col: 0)
            for c in 0..<shownColumns {
                let v = m.value(r, c)
                let (glyph, hue) = shade(m, v)
                let x = left + c * (cell + 1)
                if numbers {
                    let text = texts[r][c]
                    let fill = cell - numberWidth - 1
                    for k in 0..<fill { grid.put(glyph, row: row, col: x + k, color: hue) }
                    grid.write(TerminalRenderer.padLeft(text, numberWidth), row: row, col: x + fill + 1)
                } else {
                    for k in 0..<cell { grid.put(glyph, row: row, col: x + k, color: hue) }
                }
            }
        }
        var next = top + shownRows
        if shownRows < nr {
            grid.write("… " + TerminalRenderer.counted(nr - shownRows, "rows", "more"), row: next, col: 0)
            next += 1
        }
        var notes: [String] = []
        if shownColumns < nc { notes.append(TerminalRenderer.counted(nc - shownColumns, "columns", "more")) }
        drawScale(m, row: next, into: &grid, after: notes)
        drawFooter(foot, into: &grid, from: next + 1)
        return grid.render(color: color)
    }

    /// The scale line: `scale: -1.00 ·░▒▓█ 1.00`, the shades coloured when colour is on.
    func drawScale(_ m: MatrixChart, row: Int, into grid: inout TextGrid, after notes: [String]) {
        let lo = m.diverging ? -max(abs(m.lo), abs(m.hi)) : m.lo
        let hi = m.diverging ? max(abs(m.lo), abs(m.hi)) : m.hi
        let unit = m.values.allSatisfy { $0.isNaN || abs($0) <= 1 }
        func text(_ v: Double) -> String { unit ? NumberText.fixed(v, decimals: 2) : NumberText.compact(v) }
        var col = 0
        func put(_ s: String, _ c: Int? = nil) { grid.write(s, row: row, col: col, color: c); col += s.count }
        put("scale: " + text(lo) + " ")
        if !color {
            put(String(TerminalRenderer.shades))
        } else if m.diverging {
            put(String(TerminalRenderer.shades.reversed().dropLast()), 0)
            put("·")
            put(String(TerminalRenderer.shades.dropFirst()), 1)
        } else {
            put(String(TerminalRenderer.shades), 4)
        }
        put(" " + text(hi))
        for n in notes { put("  " + n) }
    }
}
