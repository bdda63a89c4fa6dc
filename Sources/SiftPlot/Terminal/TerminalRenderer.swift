// Lays a figure out as terminal text: shared pieces (title, legend, notes, label fitting) and the dispatch to each layout.

/// Draws a ``Figure`` into a ``TextGrid`` of a given size.
///
/// The whole chart — title, axis labels, ticks, legend and notes — fits in `width` × `height`
/// characters. The layouts live in `TerminalRenderer+Cartesian.swift`, `+Rows.swift` and
/// `+Matrix.swift`.
struct TerminalRenderer {
    /// What to draw.
    let figure: Figure
    /// Columns available.
    let width: Int
    /// Rows available.
    let height: Int
    /// Whether ANSI colour is on.
    let color: Bool

    /// A run of text in one colour (nil: default).
    struct Span {
        var text: String
        var color: Int?
    }

    /// The chart's text.
    func render() -> String {
        switch figure.body {
        case .cartesian(let c): return cartesian(c, seriesCount: seriesCount)
        case .rows(let r): return rows(r)
        case .categoryBars(let b):
            if let v = verticalFit(b) { return cartesian(v, seriesCount: 1) }
            return rows(b.horizontal)
        case .matrix(let m): return matrix(m)
        case .empty(let message): return empty(message)
        }
    }

    /// Series with a colour of their own (reference lines such as the ROC diagonal excluded).
    var seriesCount: Int { max(1, figure.legend.filter { $0.series >= 0 }.count) }

    /// The colour of a series when colour is on (reference lines, series < 0, have none).
    func tint(_ series: Int) -> Int? { color && series >= 0 ? series : nil }

    // MARK: - Title, legend, notes

    /// The title's rows: one centred line, or none.
    var titleRows: Int { figure.title == nil ? 0 : 1 }

    /// Writes the title centred on row 0.
    func drawTitle(_ grid: inout TextGrid) {
        guard let t = figure.title else { return }
        let s = TerminalRenderer.truncate(t, width)
        grid.write(s, row: 0, col: max(0, (width - s.count) / 2))
    }

    /// The legend and notes as lines of spans, wrapped to the width.
    ///
    /// - Parameter marks: whether series are told apart by point marks (several series, and
    ///   colour off or too few colours for them).
    func footer(marks: Bool) -> [[Span]] {
        var items: [[Span]] = []
        for e in figure.legend {
            let glyph: Span
            switch e.mark {
            case .bar:
                let fill = color ? max(0, e.series) / Palette.ansiCodes.count : max(0, e.series)
                glyph = Span(text: String(Palette.barFill(fill)), color: tint(e.series))
            case .line: glyph = Span(text: marks ? "─" + String(Palette.mark(max(0, e.series))) + "─" : "──", color: tint(e.series))
            case .dottedLine: glyph = Span(text: "┈┈", color: tint(e.series))
            case .point: glyph = Span(text: String(color && !marks ? "•" : Palette.mark(max(0, e.series))), color: tint(e.series))
            }
            items.append([glyph, Span(text: " " + e.label, color: nil)])
        }
        if !items.isEmpty, let t = figure.legendTitle, !t.isEmpty { items[0].insert(Span(text: t + ": ", color: nil), at: 0) }
        let notes = figure.notes.map { [Span(text: $0, color: nil)] }
        let all = wrap(items + notes)
        // A legend of many series (`by:` a column of a hundred values) keeps to a fifth of the
        // height and says how many entries it leaves out; the notes always follow in full.
        let cap = max(1, height / 5)
        let legendLines = wrap(items)
        guard legendLines.count > cap else { return all.map { TerminalRenderer.joined($0) } }
        var kept = Array(legendLines.prefix(cap))
        var shown = kept.reduce(0) { $0 + $1.count }
        let moreText = { (n: Int) in "… " + NumberText.grouped(Int64(n)) + " more" }
        while var last = kept.last, !last.isEmpty,
              TerminalRenderer.length(last) + 2 + moreText(items.count - shown).count > width, last.count > 1 {
            last.removeLast(); shown -= 1
            kept[kept.count - 1] = last
        }
        kept[kept.count - 1].append([Span(text: moreText(items.count - shown), color: nil)])
        return (kept.map { TerminalRenderer.joined($0) } + wrap(notes).map { TerminalRenderer.joined($0) })
    }

    /// Items laid into lines of at most `width` characters, two spaces apart.
    func wrap(_ items: [[Span]]) -> [[[Span]]] {
        var lines: [[[Span]]] = []
        var line: [[Span]] = [], used = 0
        for item in items {
            let len = item.reduce(0) { $0 + $1.text.count }
            if used > 0, used + 2 + len > width {
                lines.append(line)
                line = []; used = 0
            }
            used += (used > 0 ? 2 : 0) + len
            line.append(item)
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// The characters of a line of items as ``joined(_:)`` lays them out.
    static func length(_ items: [[Span]]) -> Int {
        items.reduce(0) { $0 + $1.reduce(0) { $0 + $1.text.count } } + 2 * max(0, items.count - 1)
    }

    /// A line of items as spans, two spaces between items.
    static func joined(_ items: [[Span]]) -> [Span] {
        var out: [Span] = []
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(Span(text: "  ", color: nil)) }
            out += item
        }
        return out
    }

    /// The footer cut to the rows a layout can spare: a chart too short for its legend keeps
    /// its plot (at least `minimum` rows of it) and loses the legend's last lines.
    func fitted(_ foot: [[Span]], spare: Int, minimum: Int) -> [[Span]] {
        Array(foot.prefix(max(0, spare - minimum)))
    }

    /// Writes footer lines from a row down.
    func drawFooter(_ lines: [[Span]], into grid: inout TextGrid, from row: Int) {
        for (i, spans) in lines.enumerated() {
            var col = 0
            for s in spans {
                grid.write(s.text, row: row + i, col: col, color: s.color)
                col += s.text.count
            }
        }
    }

    // MARK: - Empty

    /// A chart with nothing to draw: the title, the reason, and the notes.
    func empty(_ message: String) -> String {
        let foot = footer(marks: false)
        var grid = TextGrid(width: width, height: titleRows + 1 + foot.count)
        drawTitle(&grid)
        grid.write(TerminalRenderer.truncate("(\(message))", width), row: titleRows, col: 0)
        drawFooter(foot, into: &grid, from: titleRows + 1)
        return grid.render(color: color)
    }

    // MARK: - Text helpers

    /// `s` cut to at most `n` characters, ending in `…` when cut.
    static func truncate(_ s: String, _ n: Int) -> String {
        guard n > 0 else { return "" }
        guard s.count > n else { return s }
        return n == 1 ? "…" : String(s.prefix(n - 1)) + "…"
    }

    /// `12 more categories`, `1 more category`: a count, a word, and a plural noun made singular for one.
    static func counted(_ n: Int, _ plural: String, _ word: String) -> String {
        var noun = plural
        if n == 1 {
            if noun.hasSuffix("ies") { noun = String(noun.dropLast(3)) + "y" } else if noun.hasSuffix("s") { noun.removeLast() }
        }
        return NumberText.grouped(Int64(n)) + " " + word + " " + noun
    }

    /// `s` padded with spaces on the left to `n` characters.
    static func padLeft(_ s: String, _ n: Int) -> String {
        s.count >= n ? s : String(repeating: " ", count: n - s.count) + s
    }

    /// Places labels centred at columns, left to right, skipping any that would come closer
    /// than `gap` spaces to the previous one or leave `0..<limit`.
    ///
    /// - Returns: the start column of each label placed (nil for those skipped).
    static func place(_ labels: [(center: Int, text: String)], limit: Int, gap: Int) -> [Int?] {
        var out: [Int?] = []
        var end = -gap - 1
        for l in labels {
            var start = l.center - (l.text.count - 1) / 2
            start = max(0, min(start, limit - l.text.count))
            if start < end + gap + 1 || start < 0 { out.append(nil); continue }
            out.append(start)
            end = start + l.text.count - 1
        }
        return out
    }
}
