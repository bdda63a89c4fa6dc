// Checks that README's generated sections (the verb and function lists) match what `sift help` prints.
import Foundation
import XCTest
@testable import SiftSession

final class ReadmeTests: XCTestCase {
    /// Each `<!-- generated: sift help TOPIC -->` block holds exactly `sift help TOPIC` in a text
    /// fence; `scripts/update-readme.sh` rewrites them.
    func testGeneratedHelpSectionsMatchTheHelpText() throws {
        let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
        let marker = "<!-- generated: sift help "
        let blocks = readme.components(separatedBy: marker).dropFirst()
        XCTAssertEqual(blocks.count, 2, "README should have the verbs and functions sections")
        for block in blocks {
            guard let close = block.range(of: " -->\n") else { return XCTFail("unterminated marker") }
            let topic = String(block[..<close.lowerBound])
            guard let end = block.range(of: "<!-- end generated -->") else { return XCTFail("no end marker for \(topic)") }
            let body = String(block[close.upperBound..<end.lowerBound])
            let expected = "```text\n" + Help.text(topic, verbs: Builtins.verbs()) + "```\n"
            XCTAssertEqual(body, expected, "README's '\(topic)' list is stale: run scripts/update-readme.sh")
        }
    }
}
