// Runs the help example of every row, group, combine and reshape verb over the UCI clicks sample.
import XCTest
import SiftFrame
@testable import SiftSession

final class RelationalVerbExamplesTests: XCTestCase {
    func testEveryExampleRuns() {
        let verbs = RowVerbs.all + GroupVerbs.all + CombineVerbs.all + ReshapeVerbs.all
        XCTAssertEqual(verbs.map(\.name), ["where", "head", "tail", "sort", "distinct", "group", "tally", "join", "union", "pivot", "crosstab"])
        let c = CapturedSession()
        c.run("let clicks = load \"\(packageRoot)/Tests/Transcripts/fixtures/shop.csv\" clean:true;")
        XCTAssertEqual(c.errors, "")
        for v in verbs {
            XCTAssertTrue(v.example.hasPrefix("clicks | "), v.name)
            let out = c.run(v.example)
            XCTAssertTrue(c.errors.isEmpty && !out.isEmpty, "\(v.name): \(v.example)\n\(out)")
        }
        // Spot checks on the 300-row sample, cross-checked with pandas 3.1:
        // (s.price > 50).sum(), s.country.nunique()
        XCTAssertEqual(c.run("clicks | where price > 50 | count"), "98\n")
        XCTAssertEqual(c.run("clicks | distinct country | count"), "8\n")
    }
}
