// Tests for the sample and split verbs: engine results, the session seed, groups and argument errors.
import XCTest
import SiftFrame
import SiftLang
@testable import SiftSession

final class SamplingVerbsTests: XCTestCase {
    func testSampleIsTheEngineSampleWithTheGivenOrSessionSeed() throws {
        let c = CapturedSession.withFrames(seed: 7)
        c.run("let a = t | sample 3 seed:5; let b = t | sample 3; let d = t | sample 0.5 seed:5")
        XCTAssertEqual(c.errors, "")
        XCTAssertEqual(c.frame("a"), try MiscFixtures.t.sample(.count(3), seed: 5))
        XCTAssertEqual(c.frame("b"), try MiscFixtures.t.sample(.count(3), seed: 7), "default seed: --seed")
        XCTAssertEqual(c.frame("d"), try MiscFixtures.t.sample(.fraction(0.5), seed: 5))
        XCTAssertEqual(c.frame("d")?.rowCount, 3)
        XCTAssertEqual(CapturedSession.withFrames().run("t | sample 100 | count"), "6\n")
    }

    func testGroupedSampleStaysGrouped() throws {
        let c = CapturedSession.withFrames()
        let g = try MiscFixtures.t.grouping(by: ["user"])
        c.session.interpreter.globals.bind("g", .grouped(GroupedValue(frame: MiscFixtures.t, keys: ["user"], grouping: g)))
        c.run("let s = g | sample 1 seed:3")
        guard case .grouped(let s)? = c.session.interpreter.globals.lookup("s") else { return XCTFail(c.errors) }
        XCTAssertEqual(s.frame.rowCount, 4, "one row from each of a, b, null, c")
        XCTAssertEqual(s.grouping.groupCount, 4)
        XCTAssertEqual(s.keys, ["user"])
    }

    func testSplitGivesTwoFramesToDestructure() throws {
        let c = CapturedSession.withFrames()
        c.run("let a, b = t | split 0.5 seed:1; let x, y = t | split 0.5 seed:1 stratify:user")
        XCTAssertEqual(c.errors, "")
        let (a, b) = try MiscFixtures.t.split(fraction: 0.5, seed: 1)
        XCTAssertEqual(c.frame("a"), a)
        XCTAssertEqual(c.frame("b"), b)
        XCTAssertEqual(c.frame("x"), try MiscFixtures.t.split(fraction: 0.5, seed: 1, stratify: "user").0)
        XCTAssertEqual(CapturedSession.withFrames().run("t | split 0.5 seed:1"), "[<frame 3 × 4>, <frame 3 × 4>]\n")
    }

    func testArgumentErrors() {
        func error(_ code: String) -> String { CapturedSession.withFrames().run(code) }
        XCTAssertTrue(error("t | sample 1.5").contains("error: bad argument #1 to 'sample' (row count or fraction between 0 and 1 expected, got 1.5)"))
        XCTAssertTrue(error("t | sample -2").contains("got -2)"))
        XCTAssertTrue(error("t | sample \"x\"").contains("got string)"))
        XCTAssertTrue(error("t | sample").contains("error: 'sample' needs an argument"))
        XCTAssertTrue(error("t | sample 2 sed:1").contains("error: unknown option 'sed' for 'sample' (did you mean 'seed'?)"))
        XCTAssertTrue(error("t | sample 2 seed:\"a\"").contains("error: bad argument 'seed:' to 'sample' (integer expected, got string)"))
        XCTAssertTrue(error("t | split 2").contains("error: bad argument #1 to 'split' (fraction between 0 and 1 expected, got 2)"))
        XCTAssertTrue(error("t | split 0.5 stratify:usr").contains("error: unknown column 'usr' (did you mean 'user'?)"))
        XCTAssertTrue(error("1 | sample 2").contains("error: 'sample' needs a frame as input, got an int"))
    }
}
