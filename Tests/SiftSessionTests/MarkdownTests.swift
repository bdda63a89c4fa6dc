// Tests for the prose Markdown renderer: blocks, inline markup, nesting and HTML escaping, on hand-written cases.
import XCTest
@testable import SiftSession

final class MarkdownTests: XCTestCase {
    private func html(_ s: String) -> String { Markdown.html(s) }

    func testHeadingsGetLevelsAndUniqueIDs() {
        XCTAssertEqual(html("# Sales by country\n## Results ##\n### Results"),
                       "<h1 id=\"sales-by-country\">Sales by country</h1>\n<h2 id=\"results\">Results</h2>\n<h3 id=\"results-2\">Results</h3>\n")
        XCTAssertEqual(html("#hashtag"), "<p>#hashtag</p>\n")
        XCTAssertEqual(html("Title\n====="), "<h1 id=\"title\">Title</h1>\n")
        XCTAssertEqual(Markdown.firstHeading("intro\n\n## The *first* `one`\n# second"), "The first one")
        XCTAssertNil(Markdown.firstHeading("```\n# not a heading\n```\ntext"))
    }

    func testParagraphsAreSeparatedByBlankLinesAndJoinLines() {
        XCTAssertEqual(html("one\ntwo\n\nthree"), "<p>one\ntwo</p>\n<p>three</p>\n")
        XCTAssertEqual(html("hard  \nbreak"), "<p>hard<br />\nbreak</p>\n")
        XCTAssertEqual(html("# A\r\n\r\n- b\r\n- c\r\n"), "<h1 id=\"a\">A</h1>\n<ul>\n<li>b</li>\n<li>c</li>\n</ul>\n")
    }

    func testHTMLInTheTextIsEscaped() {
        XCTAssertEqual(html("a < b && c > d \"q\""), "<p>a &lt; b &amp;&amp; c &gt; d &quot;q&quot;</p>\n")
        XCTAssertEqual(html("<script>alert(1)</script>"), "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n")
        XCTAssertEqual(html("`x < 1 & y`"), "<p><code>x &lt; 1 &amp; y</code></p>\n")
        XCTAssertEqual(html("# <b>&"), "<h1 id=\"b\">&lt;b&gt;&amp;</h1>\n")
    }

    func testEmphasisStrongAndNesting() {
        XCTAssertEqual(html("*a* _b_ **c** __d__"), "<p><em>a</em> <em>b</em> <strong>c</strong> <strong>d</strong></p>\n")
        XCTAssertEqual(html("**bold *italic* bold**"), "<p><strong>bold <em>italic</em> bold</strong></p>\n")
        XCTAssertEqual(html("*it **bold** it*"), "<p><em>it <strong>bold</strong> it</em></p>\n")
        XCTAssertEqual(html("***both***"), "<p><em><strong>both</strong></em></p>\n")
        XCTAssertEqual(html("**unclosed *x"), "<p>**unclosed *x</p>\n")
    }

    func testUnderscoresInsideWordsAndSpacedStarsStayLiteral() {
        XCTAssertEqual(html("price_2 and session_id_x"), "<p>price_2 and session_id_x</p>\n")
        XCTAssertEqual(html("2 * 3 * 4"), "<p>2 * 3 * 4</p>\n")
        XCTAssertEqual(html("\\*not em\\*"), "<p>*not em*</p>\n")
    }

    func testCodeSpansKeepTheirContent() {
        XCTAssertEqual(html("`*x*` and ``a ` b``"), "<p><code>*x*</code> and <code>a ` b</code></p>\n")
        XCTAssertEqual(html("a `b"), "<p>a `b</p>\n")
    }

    func testLinksImagesAndAutolinks() {
        XCTAssertEqual(html("see [the *docs*](https://x.org/a?b=1&c=2 \"T\")"),
                       "<p>see <a href=\"https://x.org/a?b=1&amp;c=2\" title=\"T\">the <em>docs</em></a></p>\n")
        XCTAssertEqual(html("<https://x.org>"), "<p><a href=\"https://x.org\">https://x.org</a></p>\n")
        XCTAssertEqual(html("![a chart](plot.svg)"), "<p><img src=\"plot.svg\" alt=\"a chart\" /></p>\n")
        XCTAssertEqual(html("[x](javascript:alert(1))"), "<p>x</p>\n")
        XCTAssertEqual(html("[not a link] (x)"), "<p>[not a link] (x)</p>\n")
    }

    func testBulletAndNumberedListsTightAndNested() {
        XCTAssertEqual(html("- one\n- two *2*\n  - inner\n- three"),
                       "<ul>\n<li>one</li>\n<li>two <em>2</em>\n<ul>\n<li>inner</li>\n</ul></li>\n<li>three</li>\n</ul>\n")
        XCTAssertEqual(html("3. c\n4. d"), "<ol start=\"3\">\n<li>c</li>\n<li>d</li>\n</ol>\n")
        XCTAssertEqual(html("1) a\n2) b"), "<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n")
        XCTAssertEqual(html("text\n- item"), "<p>text</p>\n<ul>\n<li>item</li>\n</ul>\n")
    }

    func testLooseListsWrapItemsInParagraphs() {
        XCTAssertEqual(html("- a\n\n- b"), "<ul>\n<li><p>a</p></li>\n<li><p>b</p></li>\n</ul>\n")
        XCTAssertEqual(html("- a\ncontinued\n\nafter"), "<ul>\n<li>a\ncontinued</li>\n</ul>\n<p>after</p>\n")
    }

    func testFencesQuotesAndRules() {
        XCTAssertEqual(html("```sift\nclicks | where x < 3\n\n# kept\n```\nafter"),
                       "<pre><code class=\"language-sift\">clicks | where x &lt; 3\n\n# kept\n</code></pre>\n<p>after</p>\n")
        XCTAssertEqual(html("> quoted *text*\n> more"), "<blockquote>\n<p>quoted <em>text</em>\nmore</p>\n</blockquote>\n")
        XCTAssertEqual(html("a\n\n---\n\nb"), "<p>a</p>\n<hr />\n<p>b</p>\n")
        XCTAssertEqual(html("~~~\nunclosed"), "<pre><code>unclosed\n</code></pre>\n")
    }
}

final class MarkdownFuzzTests: XCTestCase {
    /// SplitMix64 (Steele, Lea & Flood 2014), for a fixed sequence of inputs.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func testAnyInputGivesWellFormedEscapedHTML() {
        let pieces = ["*", "**", "_", "__", "`", "``", "[", "]", "(", ")", "<", ">", "&", "\"", "'", "\\", "!", "#", "# ", "- ", "1. ",
                      "> ", "```", "~~~", "---", "\n", "\n\n", "  \n", "    ", "a", "word", "snake_case", "<script>", "https://x.y",
                      "<http://a.b>", "](u)", "é", "\t", "\r\n", "|"]
        var rng = SplitMix(state: 7)
        for _ in 0..<600 {
            let n = Int.random(in: 1...30, using: &rng)
            let text = (0..<n).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined()
            let html = Markdown.html(text)
            XCTAssertFalse(html.contains("<script"), text)
            XCTAssertNotNil(XMLOutline.parse("<div>" + html + "</div>"), "input: \(text.debugDescription)\nhtml: \(html)")
        }
    }
}
