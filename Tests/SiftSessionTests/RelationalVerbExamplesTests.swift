// Spot checks of the relational verbs on the UCI clicks sample (HelpExamplesTests runs every verb's example).
import XCTest
import SiftFrame
@testable import SiftSession

final class RelationalVerbExamplesTests: XCTestCase {
    func testRelationalVerbsOnTheUCISample() {
        let c = CapturedSession()
        c.run("let clicks = load \"\(packageRoot)/Tests/Transcripts/fixtures/shop.csv\" clean:true;")
        XCTAssertEqual(c.errors, "")
        // Spot checks on the 300-row sample, cross-checked with pandas 3.1:
        // (s.price > 50).sum(), s.country.nunique()
        XCTAssertEqual(c.run("clicks | where price > 50 | count"), "98\n")
        XCTAssertEqual(c.run("clicks | distinct country | count"), "8\n")
    }
}
