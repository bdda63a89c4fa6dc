// The colours and marks of series: ANSI colours for terminals, hex colours for SVG, glyphs for when colour is off.

/// Series styles, by series index (wrapping around when there are more series than styles).
///
/// The terminal palette uses only the six basic ANSI foreground colours the user's theme
/// defines, in an order that keeps the first few readable on both dark and light backgrounds
/// (yellow, faint on white, comes last). The SVG palette is the ten-colour "Tableau 10" set
/// (matplotlib's and d3's default category colours). Without colour, series differ by glyph.
enum Palette {
    /// ANSI SGR colour numbers: blue, red, green, magenta, cyan, yellow.
    static let ansiCodes = [34, 31, 32, 35, 36, 33]

    /// The escape sequence that selects series `i`'s colour.
    static func ansi(_ i: Int) -> String { "\u{1B}[\(ansiCodes[((i % ansiCodes.count) + ansiCodes.count) % ansiCodes.count])m" }

    /// The escape sequence that restores the default colour.
    static let reset = "\u{1B}[0m"

    /// SVG colours of series.
    static let svg = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]

    /// The SVG colour of series `i`.
    static func svgColor(_ i: Int) -> String { svg[((i % svg.count) + svg.count) % svg.count] }

    /// Fills of bar series when colour is off: solid, then shades from dark to light, then
    /// patterns, so that up to eight side-by-side series read apart (as many as ``marks``).
    static let barFills: [Character] = ["█", "▓", "▒", "░", "▚", "#", "%", "="]

    /// The bar fill of series `i` without colour.
    static func barFill(_ i: Int) -> Character { barFills[i % barFills.count] }

    /// Point marks of series when colour is off.
    static let marks: [Character] = ["•", "+", "x", "o", "*", "#", "@", "%"]

    /// The point mark of series `i` without colour.
    static func mark(_ i: Int) -> Character { marks[i % marks.count] }
}
