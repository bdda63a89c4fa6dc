// A character grid with a colour per cell, turned into lines of text with or without ANSI colour.

/// A rectangle of characters, each with an optional palette colour, that charts draw on.
///
/// Writes outside the grid are ignored, so a drawing routine never has to clip. Every
/// `Character` takes one column (labels with wide or combining characters may misalign; data
/// labels are truncated by characters).
struct TextGrid {
    /// Columns.
    let width: Int
    /// Rows.
    let height: Int
    private var cells: [Character]
    private var colors: [Int8]

    /// A blank grid.
    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = [Character](repeating: " ", count: self.width * self.height)
        colors = [Int8](repeating: -1, count: self.width * self.height)
    }

    /// The character at a cell (a space outside the grid).
    subscript(row row: Int, col col: Int) -> Character {
        guard row >= 0, row < height, col >= 0, col < width else { return " " }
        return cells[row * width + col]
    }

    /// Sets one cell; `color` is a palette index, nil for the terminal's default colour.
    mutating func put(_ c: Character, row: Int, col: Int, color: Int? = nil) {
        guard row >= 0, row < height, col >= 0, col < width else { return }
        cells[row * width + col] = c
        colors[row * width + col] = Int8(truncatingIfNeeded: color ?? -1)
    }

    /// Writes a string from a cell rightwards.
    mutating func write(_ s: String, row: Int, col: Int, color: Int? = nil) {
        var c = col
        for ch in s {
            put(ch, row: row, col: c, color: color)
            c += 1
        }
    }

    /// Whether a span of a row holds only spaces (for placing labels without overlap).
    func isBlank(row: Int, from: Int, count: Int) -> Bool {
        for c in from..<(from + max(0, count)) where self[row: row, col: c] != " " { return false }
        return true
    }

    /// The lines of the grid, trailing spaces removed, joined by newlines (no final newline).
    ///
    /// With `color`, runs of coloured cells are wrapped in ANSI SGR codes (`ESC[3Nm` … `ESC[0m`);
    /// without it, the text is plain.
    func render(color: Bool) -> String {
        var lines: [String] = []
        for r in 0..<height {
            var end = width
            while end > 0, cells[r * width + end - 1] == " " { end -= 1 }
            var line = ""
            var current: Int8 = -1
            for c in 0..<end {
                let k = colors[r * width + c]
                // A space looks the same in any colour, so it never switches one.
                if color, k != current, cells[r * width + c] != " " {
                    if current != -1 { line += Palette.reset }
                    if k != -1 { line += Palette.ansi(Int(k)) }
                    current = k
                }
                line.append(cells[r * width + c])
            }
            if color, current != -1 { line += Palette.reset }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
