// Renders frames as text tables: a shape line, names, types, a rule, head and tail rows, hidden columns listed.
import SiftFrame

/// Formats a frame for the terminal and for transcripts.
///
/// ```text
/// 3 rows × 2 columns
/// country  clicks
/// string      int
/// ───────  ──────
/// Poland      120
/// France       31
/// null          4
/// ```
/// Numbers and bools are right-aligned, text left-aligned; long frames show 10 head rows, an
/// elision row and 5 tail rows; columns that do not fit the width are listed by name and type
/// below the table.
public enum TableFormatter {
    /// A frame as a table, ending without a newline.
    public static func format(_ frame: DataFrame, options: DisplayOptions, caption: String? = nil) -> String {
        var lines: [String] = []
        if let caption { lines.append(caption) }
        lines.append(TableLayout.shapeLine(rows: frame.rowCount, columns: frame.columnCount))
        guard frame.columnCount > 0 else { return lines.joined(separator: "\n") }

        let layout = TableLayout(frame, options: options)
        let n = frame.rowCount
        let elideAfter = layout.elideBefore
        struct Col { var name: String; var type: String; var cells: [String]; var right: Bool; var width: Int }
        let cols: [Col] = layout.columns.map { c in
            let w = max(c.name.count, c.type.rawValue.count, c.cells.map(\.count).max() ?? 0, 1)
            return Col(name: c.name, type: c.type.rawValue, cells: c.cells, right: c.rightAligned, width: w)
        }

        // Fit the width: keep columns from the left while they fit (always at least one).
        var kept: [Col] = []
        var used = 0
        for c in cols {
            let extra = (kept.isEmpty ? 0 : 2) + c.width
            if !options.untruncated && !kept.isEmpty && used + extra > options.width { break }
            kept.append(c)
            used += extra
        }
        let hidden = cols.count - kept.count

        func pad(_ s: String, _ w: Int, right: Bool) -> String {
            let gap = String(repeating: " ", count: max(0, w - s.count))
            return right ? gap + s : s + gap
        }
        func line(_ parts: [String]) -> String {
            var s = parts.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        let bold = options.color ? "\u{1B}[1m" : "", dim = options.color ? "\u{1B}[2m" : "", reset = options.color ? "\u{1B}[0m" : ""
        lines.append(line(kept.map { bold + pad($0.name, $0.width, right: $0.right) + reset }))
        lines.append(line(kept.map { dim + pad($0.type, $0.width, right: $0.right) + reset }))
        lines.append(line(kept.map { String(repeating: "─", count: $0.width) }))
        if n == 0 { lines.append("(no rows)") }
        for r in 0..<layout.shownRows {
            if r == elideAfter { lines.append(line(kept.map { pad("…", $0.width, right: $0.right) })) }
            lines.append(line(kept.map { c in
                let cell = c.cells[r]
                let padded = pad(cell, c.width, right: c.right)
                return cell == "null" && options.color ? dim + padded + reset : padded
            }))
        }
        if hidden > 0 {
            let rest = cols.suffix(hidden).map { "\($0.name) \($0.type)" }.joined(separator: ", ")
            lines.append("… \(hidden) more column\(hidden == 1 ? "" : "s"): \(rest)")
        }
        return lines.joined(separator: "\n")
    }

    /// Cuts a cell to the display limit with `…` (unless showing everything).
    static func clip(_ s: String, _ options: DisplayOptions) -> String {
        guard !options.untruncated, s.count > DisplayOptions.maxCellWidth else { return s }
        return String(s.prefix(DisplayOptions.maxCellWidth - 1)) + "…"
    }

    /// Control characters shown as escapes so a cell stays on one line.
    static func escapeControl(_ s: String) -> String {
        guard s.contains(where: { $0.isNewline || $0 == "\t" }) else { return s }
        return s.replacingNewlinesAndTabs()
    }
}

extension String {
    /// The string with line breaks and tabs written as `\n` and `\t`.
    func replacingNewlinesAndTabs() -> String {
        var out = ""
        for ch in self {
            switch ch {
            case "\n", "\r\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.append(ch)
            }
        }
        return out
    }
}
