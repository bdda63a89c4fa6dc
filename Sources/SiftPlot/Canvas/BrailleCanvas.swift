// A dot canvas of braille characters: each cell holds 2×4 dots, for points and lines at eight times the cell resolution.

/// Dots on a grid of braille cells (U+2800–U+28FF), each cell 2 dots wide and 4 tall.
///
/// Coordinates are dot positions with (0, 0) at the top left. Each cell remembers the series
/// that last set one of its dots, which becomes its colour. Lines are drawn with Bresenham's
/// algorithm (J. E. Bresenham, "Algorithm for computer control of a digital plotter", IBM
/// Systems Journal 4(1), 1965).
struct BrailleCanvas {
    /// Cells across.
    let columns: Int
    /// Cells down.
    let rows: Int
    private(set) var bits: [UInt8]
    private(set) var series: [Int16]

    /// Dots across (2 per cell).
    var dotWidth: Int { columns * 2 }
    /// Dots down (4 per cell).
    var dotHeight: Int { rows * 4 }

    /// An empty canvas.
    init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        bits = [UInt8](repeating: 0, count: self.columns * self.rows)
        series = [Int16](repeating: -1, count: self.columns * self.rows)
    }

    /// The braille bit of the dot at column `dx` (0–1) and row `dy` (0–3) within a cell
    /// (dots 1–8 of the Unicode braille pattern numbering).
    static func bit(_ dx: Int, _ dy: Int) -> UInt8 {
        switch (dx, dy) {
        case (0, 0): return 0x01
        case (0, 1): return 0x02
        case (0, 2): return 0x04
        case (1, 0): return 0x08
        case (1, 1): return 0x10
        case (1, 2): return 0x20
        case (0, 3): return 0x40
        default: return 0x80
        }
    }

    /// Sets a dot (ignored outside the canvas).
    mutating func set(x: Int, y: Int, series s: Int) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let i = (y / 4) * columns + x / 2
        bits[i] |= BrailleCanvas.bit(x % 2, y % 4)
        series[i] = Int16(truncatingIfNeeded: s)
    }

    /// Draws a line between two dots; `dotted` sets every other dot along it.
    mutating func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int), series s: Int, dotted: Bool = false) {
        var x = a.x, y = a.y
        let dx = abs(b.x - a.x), dy = -abs(b.y - a.y)
        let sx = a.x < b.x ? 1 : -1, sy = a.y < b.y ? 1 : -1
        var err = dx + dy
        var k = 0
        while true {
            if !dotted || k % 2 == 0 { set(x: x, y: y, series: s) }
            k += 1
            if x == b.x && y == b.y { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
            if k > 1_000_000 { break }
        }
    }

    /// The character of a cell, nil when no dot is set.
    func character(row: Int, col: Int) -> Character? {
        let b = bits[row * columns + col]
        guard b != 0, let u = Unicode.Scalar(0x2800 + UInt32(b)) else { return nil }
        return Character(u)
    }

    /// The series that last drew in a cell (-1 when none).
    func seriesAt(row: Int, col: Int) -> Int { Int(series[row * columns + col]) }
}

extension BrailleCanvas {
    /// Gives a cell to a series (the one with most points there), whatever drew last.
    mutating func setSeries(row: Int, col: Int, series s: Int) {
        guard row >= 0, row < rows, col >= 0, col < columns else { return }
        series[row * columns + col] = Int16(truncatingIfNeeded: s)
    }
}
