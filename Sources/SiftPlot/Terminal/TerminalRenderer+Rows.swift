// Terminal layout of row charts: a label column, horizontal bars in eighth blocks or box plots, values beside them.

extension TerminalRenderer {
    /// Renders labelled rows: horizontal bars (bar, importance), centred bars (funnel) or boxes.
    ///
    /// Rows that do not fit the height are left out after the last one that does, with a line
    /// saying how many. Boxes take three lines each when all of them fit that way, one otherwise.
    func rows(_ r: RowChart) -> String {
        let n = r.labels.count
        let axisRows = r.showAxis ? 3 : 0
        let foot = fitted(footer(marks: false), spare: height - titleRows - 1 - axisRows, minimum: 1)
        let avail = max(1, height - titleRows - 1 - axisRows - foot.count)
        let boxes = r.items.contains { if case .box = $0 { return true } else { return false } }
        let perRow = boxes && 3 * n <= avail ? 3 : 1
        var shown = min(n, avail / perRow)
        if shown < n { shown = max(0, (avail - 1) / perRow) }
        let more = n - shown

        // Column widths: labels, then bars, then the annotations.
        let longest = max(r.labelTitle.count, r.labels.prefix(shown).map(\.count).max() ?? 0)
        var labelWidth = max(1, min(longest, max(8, width / 3)))
        let annotations = r.annotations.prefix(shown)
        let columnCount = r.annotationHeaders?.count ?? annotations.map(\.count).max() ?? 0
        var columnWidths = [Int](repeating: 0, count: columnCount)
        for (j, h) in (r.annotationHeaders ?? []).enumerated() { columnWidths[j] = h.count }
        for a in annotations { for (j, s) in a.enumerated() where j < columnCount { columnWidths[j] = max(columnWidths[j], s.count) } }
        let table = r.annotationHeaders != nil || boxes
        let annotationWidth = columnWidths.isEmpty ? 0 : columnWidths.reduce(0, +) + 2 * (columnWidths.count - 1) + (table ? 2 : 1)
        var barWidth = width - labelWidth - 2 - annotationWidth
        if barWidth < 10 {
            labelWidth = max(4, labelWidth - (10 - barWidth))
            barWidth = max(4, width - labelWidth - 2 - annotationWidth)
        }
        let barLeft = labelWidth + 2

        var spec = r.axis
        // Without an axis the bars span exactly the values; a log scale keeps its whole
        // decades, so the smallest value still gets a bar.
        if !r.showAxis, !spec.log { spec.fixed = true }
        let axis = ResolvedAxis.resolve(spec, target: max(2, barWidth / 10))
        let top = titleRows + 1
        var grid = TextGrid(width: width, height: top + shown * perRow + (more > 0 ? 1 : 0) + axisRows + foot.count)
        drawTitle(&grid)

        // Header: the label column's title, then the value label or the annotation headers.
        grid.write(TerminalRenderer.truncate(r.labelTitle, labelWidth), row: top - 1, col: 0)
        if let headers = r.annotationHeaders {
            var col = barLeft + barWidth + 2
            for (j, h) in headers.enumerated() {
                grid.write(TerminalRenderer.padLeft(h, columnWidths[j]), row: top - 1, col: col)
                col += columnWidths[j] + 2
            }
        } else if !r.showAxis {
            grid.write(TerminalRenderer.truncate(axis.label, barWidth), row: top - 1, col: barLeft)
        }

        for i in 0..<shown {
            let row = top + i * perRow + (perRow == 3 ? 1 : 0)
            grid.write(TerminalRenderer.truncate(r.labels[i], labelWidth), row: row, col: 0)
            for k in 0..<perRow { grid.put(k == perRow / 2 ? "┤" : "│", row: top + i * perRow + k, col: labelWidth + 1) }
            var end = barLeft
            switch r.items[i] {
            case .bar(let v): end = drawRowBar(v, axis: axis, row: row, left: barLeft, width: barWidth, into: &grid)
            case .centeredBar(let v): drawCenteredBar(v, axis: axis, row: row, left: barLeft, width: barWidth, into: &grid)
            case .box(let b): drawBox(b, axis: axis, row: row, tall: perRow == 3, left: barLeft, width: barWidth, into: &grid)
            case .none: break
            }
            guard i < r.annotations.count else { continue }
            let cells = r.annotations[i]
            if table {
                var col = barLeft + barWidth + 2
                for (j, s) in cells.enumerated() where j < columnCount {
                    grid.write(TerminalRenderer.padLeft(s, columnWidths[j]), row: row, col: col)
                    col += columnWidths[j] + 2
                }
            } else if let s = cells.first {
                grid.write(s, row: row, col: end + 1)
            }
        }
        var next = top + shown * perRow
        if more > 0 {
            grid.write("… " + TerminalRenderer.counted(more, r.noun, "more"), row: next, col: 0)
            next += 1
        }
        if r.showAxis {
            grid.put("└", row: next, col: labelWidth + 1)
            for k in 0..<barWidth { grid.put("─", row: next, col: barLeft + k) }
            let ticks = axis.ticks.map { (TerminalRenderer.column(axis.fraction($0.value), columns: barWidth), $0.label) }
            let placed = TerminalRenderer.place(ticks.map { (barLeft + $0.0, $0.1) }, limit: width, gap: 2)
            for (t, start) in zip(ticks, placed) {
                grid.put("┬", row: next, col: barLeft + t.0)
                if let start { grid.write(t.1, row: next + 1, col: start) }
            }
            let label = TerminalRenderer.truncate(axis.label, width)
            grid.write(label, row: next + 2, col: max(0, min(width - label.count, barLeft + (barWidth - label.count) / 2)))
            next += 3
        }
        drawFooter(foot, into: &grid, from: next)
        return grid.render(color: color)
    }

    /// A horizontal bar from 0 (or the axis start) to `v`, by eighths of a cell.
    ///
    /// - Returns: the column just past the bar's right end (where its value label goes).
    func drawRowBar(_ v: Double, axis: ResolvedAxis, row: Int, left: Int, width w: Int, into grid: inout TextGrid) -> Int {
        let fv = axis.fraction(v)
        guard !v.isNaN, fv.isFinite else { return left }
        let base = axis.log ? 0 : max(0, min(1, axis.fraction(0)))
        var e0 = Int((min(base, max(0, fv)) * Double(8 * w)).rounded())
        var e1 = Int((max(base, min(1, fv)) * Double(8 * w)).rounded())
        if e0 == e1, v != 0 { if fv >= base { e1 += 1 } else { e0 -= 1 } }
        for k in 0..<w {
            let ch = Blocks.horizontal(e0 - 8 * k, e1 - 8 * k)
            if ch != " " { grid.put(ch, row: row, col: left + k, color: tint(0)) }
        }
        return left + (max(e1, Int((base * Double(8 * w)).rounded())) + 7) / 8
    }

    /// A bar of length `v` centred in the row, by half cells (a funnel step).
    func drawCenteredBar(_ v: Double, axis: ResolvedAxis, row: Int, left: Int, width w: Int, into grid: inout TextGrid) {
        let fv = axis.fraction(v)
        guard !v.isNaN, fv.isFinite, v > 0 else { return }
        let halves = max(1, Int((max(0, min(1, fv)) * Double(2 * w)).rounded()))
        let start = (2 * w - halves) / 2
        for k in 0..<w {
            let l = 2 * k >= start && 2 * k < start + halves, r = 2 * k + 1 >= start && 2 * k + 1 < start + halves
            let ch: Character = l && r ? "█" : l ? "▌" : r ? "▐" : " "
            if ch != " " { grid.put(ch, row: row, col: left + k, color: tint(0)) }
        }
    }

    /// A box plot on one line (`├──[▒▒│▒▒▒]───┤ •`) or three (box-drawing outline).
    func drawBox(_ b: BoxStats, axis: ResolvedAxis, row: Int, tall: Bool, left: Int, width w: Int, into grid: inout TextGrid) {
        func col(_ v: Double) -> Int? {
            let f = axis.fraction(v)
            return f.isFinite ? left + TerminalRenderer.column(f, columns: w) : nil
        }
        guard let wl = col(b.whiskerLow), let wh = col(b.whiskerHigh), let q1 = col(b.q1), let q3 = col(b.q3), let md = col(b.median) else { return }
        let c = tint(0)
        for o in b.outliers { if let k = col(o) { grid.put("•", row: row, col: k, color: c) } }
        for k in wl...max(wl, wh) { grid.put("─", row: row, col: k, color: c) }
        grid.put("├", row: row, col: wl, color: c)
        grid.put("┤", row: row, col: wh, color: c)
        if tall {
            for k in q1...max(q1, q3) {
                grid.put("─", row: row - 1, col: k, color: c)
                grid.put(" ", row: row, col: k)
                grid.put("─", row: row + 1, col: k, color: c)
            }
            grid.put("┌", row: row - 1, col: q1, color: c); grid.put("┐", row: row - 1, col: q3, color: c)
            grid.put("└", row: row + 1, col: q1, color: c); grid.put("┘", row: row + 1, col: q3, color: c)
            grid.put("┤", row: row, col: q1, color: c); grid.put("├", row: row, col: q3, color: c)
            if md == q1 || md == q3, q1 != q3 {
                // A median on the box's edge (many equal values) keeps the corners, so the box
                // still reads as a box, and shows as a heavy line on that edge.
                grid.put("┃", row: row, col: md, color: c)
            } else {
                grid.put("┬", row: row - 1, col: md, color: c)
                grid.put("│", row: row, col: md, color: c)
                grid.put("┴", row: row + 1, col: md, color: c)
            }
        } else {
            for k in q1...max(q1, q3) { grid.put("▒", row: row, col: k, color: c) }
            grid.put("[", row: row, col: q1, color: c)
            grid.put("]", row: row, col: q3, color: c)
            // A median on an edge shows as a heavy line there, as in the three-line box.
            grid.put((md == q1 || md == q3) && q1 != q3 ? "┃" : "│", row: row, col: md, color: c)
        }
    }
}
