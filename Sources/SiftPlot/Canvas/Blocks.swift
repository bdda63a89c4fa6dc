// Eighth-block glyphs: bars that grow by an eighth of a cell, up or sideways.

/// The block elements (U+2580–U+259F) that draw bars at 1/8-cell resolution.
enum Blocks {
    /// Lower blocks by eighths: index k is k/8 of the cell filled from the bottom.
    static let lower: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Left blocks by eighths: index k is k/8 of the cell filled from the left.
    static let left: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

    /// The glyph for a cell whose eighths `a..<b` (0 at the bottom) are filled.
    ///
    /// Unicode has eighth blocks anchored at the bottom only; a span that does not touch the
    /// bottom (the top of a bar that hangs down from zero) takes the upper half block or the
    /// upper eighth, whichever is closer.
    static func vertical(_ a: Int, _ b: Int) -> Character {
        let lo = max(0, min(8, a)), hi = max(0, min(8, b))
        guard hi > lo else { return " " }
        if lo == 0 { return lower[hi] }
        if hi == 8 { return lo == 0 ? "█" : (8 - lo >= 3 ? "▀" : "▔") }
        return hi - lo >= 4 ? "■" : "─"
    }

    /// The glyph for a cell whose eighths `a..<b` (0 at the left) are filled.
    ///
    /// As for ``vertical(_:_:)``, only left-anchored eighths exist; a span that ends at the
    /// right edge takes the right half block or the right eighth.
    static func horizontal(_ a: Int, _ b: Int) -> Character {
        let lo = max(0, min(8, a)), hi = max(0, min(8, b))
        guard hi > lo else { return " " }
        if lo == 0 { return left[hi] }
        if hi == 8 { return 8 - lo >= 3 ? "▐" : "▕" }
        return "▪"
    }

    /// The shade of a density level 1…5 (0 is blank): `·`, `░`, `▒`, `▓`, `█`.
    static let density: [Character] = [" ", "·", "░", "▒", "▓", "█"]
}
