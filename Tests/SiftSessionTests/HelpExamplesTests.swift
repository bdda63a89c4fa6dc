// Runs the help example of every verb and every function in the tables, so `:help` never shows an example that fails.
import XCTest
import SiftFrame
import SiftLang
@testable import SiftSession

final class HelpExamplesTests: XCTestCase {
    /// A session with `clicks` bound to the 300-row UCI sample, loaded as the notebooks load the full file.
    private func session() -> CapturedSession {
        let c = CapturedSession()
        c.run("let clicks = load \"\(packageRoot)/Tests/Transcripts/fixtures/shop.csv\" clean:true;")
        XCTAssertEqual(c.errors, "")
        return c
    }

    func testEveryVerbExampleRuns() {
        let c = session()
        for v in Builtins.verbs().definitions {
            let out = c.run(v.example)
            XCTAssertTrue(c.errors.isEmpty && (!out.isEmpty || v.example.hasPrefix("let ")), "\(v.name): \(v.example)\n\(out)")
        }
    }

    func testEveryFunctionExampleRunsInDerive() {
        let c = session()
        for def in FunctionRegistry.shared.definitions {
            let out = c.run("clicks | derive v = \(def.example) | select v | head 2")
            XCTAssertTrue(c.errors.isEmpty && out.contains("v"), "\(def.name): \(def.example)\n\(out)")
        }
    }

    func testEveryVerbAndFunctionHasHelp() {
        let verbs = Builtins.verbs()
        for v in verbs.definitions {
            XCTAssertFalse(v.summary.isEmpty || v.signature.isEmpty, v.name)
            XCTAssertTrue(Help.text(v.name, verbs: verbs).contains(v.example), v.name)
        }
        let list = Help.text("verbs", verbs: verbs)
        for v in verbs.definitions { XCTAssertTrue(list.contains("  \(v.name) "), "\(v.name) missing from :help verbs") }
    }

    func testATopicListsItsVerbsWithSignatures() {
        let verbs = Builtins.verbs()
        let modeling = Help.text("modeling", verbs: verbs)
        XCTAssertTrue(modeling.hasPrefix("modeling:\n"))
        for v in verbs.definitions {
            XCTAssertEqual(modeling.contains("  \(v.signature)\n"), v.topic == "modeling", v.name)
        }
        XCTAssertTrue(Help.text("modelling", verbs: verbs).contains("did you mean 'modeling'?"))
    }
}
