// Tests for the drawing surfaces: braille dots and lines, the text grid's colour runs, block glyphs and density levels.
import XCTest
@testable import SiftPlot

final class CanvasTests: XCTestCase {
    func testBrailleDotsFollowTheUnicodeNumbering() {
        var c = BrailleCanvas(columns: 1, rows: 1)
        c.set(x: 0, y: 0, series: 0)
        XCTAssertEqual(c.character(row: 0, col: 0), "⠁")
        c.set(x: 1, y: 3, series: 0)
        XCTAssertEqual(c.character(row: 0, col: 0), "⢁")   // dots 1 and 8
        for x in 0..<2 { for y in 0..<4 { c.set(x: x, y: y, series: 2) } }
        XCTAssertEqual(c.character(row: 0, col: 0), "⣿")
        XCTAssertEqual(c.seriesAt(row: 0, col: 0), 2)
        c.set(x: 5, y: -1, series: 0)   // outside: ignored
    }

    func testBrailleLineTouchesEveryColumnAndDottedSkipsEveryOther() {
        var c = BrailleCanvas(columns: 4, rows: 1)
        c.line(from: (0, 3), to: (7, 0), series: 0)
        XCTAssertEqual((0..<4).compactMap { c.character(row: 0, col: $0) }.count, 4)
        var d = BrailleCanvas(columns: 4, rows: 1)
        d.line(from: (0, 0), to: (7, 0), series: 0, dotted: true)
        XCTAssertEqual((0..<4).map { d.character(row: 0, col: $0) }, ["⠁", "⠁", "⠁", "⠁"])
    }

    func testTextGridColoursRunsAndTrimsTrailingSpaces() {
        var g = TextGrid(width: 6, height: 2)
        g.write("ab", row: 0, col: 0, color: 0)
        g.write("c", row: 0, col: 2)
        g.write("x", row: 1, col: 1, color: 1)
        XCTAssertEqual(g.render(color: false), "abc\n x")
        XCTAssertEqual(g.render(color: true), "\u{1B}[34mab\u{1B}[0mc\n \u{1B}[31mx\u{1B}[0m")
        g.write("zzzz", row: 1, col: 4)   // clipped at the edge
        XCTAssertEqual(g.render(color: false), "abc\n x  zz")
    }

    func testBlocksByEighths() {
        XCTAssertEqual(Blocks.vertical(0, 3), "▃")
        XCTAssertEqual(Blocks.vertical(0, 12), "█")
        XCTAssertEqual(Blocks.vertical(-4, 0), " ")
        XCTAssertEqual(Blocks.vertical(4, 8), "▀")
        XCTAssertEqual(Blocks.horizontal(0, 5), "▋")
        XCTAssertEqual(Blocks.horizontal(4, 8), "▐")
    }

    func testDensityLevelsAreLogarithmic() {
        let s = DensityScale(max: 1000)
        XCTAssertEqual(s.level(0), 0)
        XCTAssertEqual(s.level(1), 1)
        XCTAssertEqual(s.level(1000), 5)
        // Level l starts where ln(1 + c) / ln(1001) passes (l - 1)/5: c > 1001^0.2 - 1 ≈ 2.98,
        // 1001^0.4 - 1 ≈ 14.85, 1001^0.6 - 1 ≈ 62.1, 1001^0.8 - 1 ≈ 250.4.
        XCTAssertEqual(s.level(2), 1)
        XCTAssertEqual(s.level(3), 2)
        XCTAssertEqual(s.level(14), 2)
        XCTAssertEqual(s.level(15), 3)
        XCTAssertEqual(s.thresholds.map(\.count), [1, 3, 15, 63, 251])
        XCTAssertEqual(DensityScale(max: 1).thresholds.map(\.level), [5])
    }
}
