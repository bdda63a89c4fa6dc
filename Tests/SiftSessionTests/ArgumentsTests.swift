// Tests for command-line parsing: commands, global flags and usage errors.
import XCTest
@testable import SiftSession

final class ArgumentsTests: XCTestCase {
    func parse(_ s: String) throws -> Arguments { try Arguments.parse(s.split(separator: " ").map(String.init)) }

    func testCommandsAndFlags() throws {
        XCTAssertEqual(try parse("a.sift b.sift").command, .run(["a.sift", "b.sift"]))
        XCTAssertEqual(try Arguments.parse([]).command, .interactive)
        XCTAssertEqual(try Arguments.parse(["-c", "1 + 2"]).command, .code("1 + 2"))
        XCTAssertEqual(try parse("test --update notebooks").command, .test(paths: ["notebooks"], update: true))
        XCTAssertEqual(try parse("render n.sift -o out.html").command, .render(input: "n.sift", output: "out.html"))
        XCTAssertEqual(try parse("gen clickstream --rows 100 --seed 3 -o x.csv").command, .generate(rows: 100, seed: 3, output: "x.csv"))
        XCTAssertEqual(try parse("--version").command, .version)
        XCTAssertEqual(try parse("help").command, .help)
        XCTAssertEqual(try parse("help join").command, .helpTopic("join"))
        XCTAssertEqual(try parse("bench /tmp/a.csv --no-anchors").command, .bench(arguments: ["/tmp/a.csv", "--no-anchors"]))
        let a = try parse("--no-color --width 80 --seed 7 --param input=x.csv --param n=60 run.sift")
        XCTAssertTrue(a.noColor)
        XCTAssertEqual(a.width, 80)
        XCTAssertEqual(a.seed, 7)
        XCTAssertEqual(a.params.map(\.name), ["input", "n"])
        XCTAssertEqual(a.params.map(\.value), ["x.csv", "60"])
    }

    func testUsageErrorsAreSpecific() {
        func message(_ s: String) -> String? {
            do { _ = try parse(s); return nil } catch { return "\(error)" }
        }
        XCTAssertEqual(message("--width abc"), "--width needs a whole number, got 'abc'")
        XCTAssertEqual(message("--param novalue"), "--param needs NAME=VALUE, got 'novalue'")
        XCTAssertEqual(message("--frobnicate x.sift"), "unknown option '--frobnicate'")
        XCTAssertEqual(message("render n.sift"), "'sift render' needs -o OUT.html or -o OUT.md")
        XCTAssertEqual(message("render n.sift -o out.pdf"), "the report must be .html or .md, got 'out.pdf'")
        XCTAssertEqual(message("gen clickstream -o x.csv"), "'sift gen clickstream' needs --rows N")
        XCTAssertEqual(message("--width"), "--width needs a value")
    }

    func testParamValuesAreLiteralsWhenTheyAreOne() {
        XCTAssertEqual(ValueText.of(Session.parseParam("60")), "60")
        XCTAssertEqual(ValueText.of(Session.parseParam("-1.5")), "-1.5")
        XCTAssertEqual(ValueText.of(Session.parseParam("true")), "true")
        XCTAssertEqual(ValueText.of(Session.parseParam("\"x y\"")), "\"x y\"")
        XCTAssertEqual(ValueText.of(Session.parseParam("data/other.csv")), "\"data/other.csv\"")
    }
}
