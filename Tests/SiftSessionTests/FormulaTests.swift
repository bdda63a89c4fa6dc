// Formula parsing and resolution: named terms, `.`, `- name`, and the located errors.
import XCTest
import SiftFrame
import SiftLang
@testable import SiftSession

final class FormulaTests: XCTestCase {
    let schema = Schema([("y", .bool), ("a", .int), ("b", .double), ("id", .int), ("c", .string)])

    /// The formula argument of `train tree FORMULA`.
    func formula(_ text: String) throws -> Formula {
        // `train tree ~ a` would read `tree ~ a` as the formula, so a one-sided one is the only argument.
        let oneSided = text.hasPrefix("~")
        let program = Parser.parse(SourceFile(id: 0, name: "t", text: oneSided ? "d | train \(text)" : "train tree \(text)"))
        guard case .expression(let e)? = program.statements.first?.kind, case .pipeline(_, let stages) = e.kind,
              let stage = stages.first, let last = stage.arguments.last, case .positional(let node) = last else {
            XCTFail("did not parse: \(text)"); throw FrameError.invalidArgument(text)
        }
        return try Formula.parse(node)
    }

    func testNamedTermsKeepTheirOrder() throws {
        let f = try formula("y ~ b + a")
        XCTAssertEqual(f.target, "y")
        XCTAssertEqual(try f.features(in: schema), ["b", "a"])
        XCTAssertEqual(f.text, "y ~ b + a")
    }

    func testDotIsEveryOtherColumnAndMinusRemoves() throws {
        XCTAssertEqual(try formula("y ~ .").features(in: schema), ["a", "b", "id", "c"])
        XCTAssertEqual(try formula("y ~ . - id").features(in: schema), ["a", "b", "c"])
        XCTAssertEqual(try formula("y ~ . - id - c").features(in: schema), ["a", "b"])
        XCTAssertEqual(try formula("y ~ c + .").features(in: schema), ["c", "a", "b", "id"])
        XCTAssertEqual(try formula("y ~ . - id").text, "y ~ . - id")
        XCTAssertEqual(try formula("y ~ `a` + b").features(in: schema), ["a", "b"])
    }

    func testOneSidedFormulaHasNoTarget() throws {
        XCTAssertNil(try formula("~ a + b").target)
    }

    func testBadFormulasAreErrors() throws {
        XCTAssertThrowsError(try formula("y ~ a * b"))
        XCTAssertThrowsError(try formula("y + a ~ b"))
        XCTAssertThrowsError(try formula("y ~ - ."))
        XCTAssertThrowsError(try formula("y ~ zz").features(in: schema))
        XCTAssertThrowsError(try formula("y ~ y + a").features(in: schema))
        XCTAssertThrowsError(try formula("y ~ a - a").features(in: schema))
        XCTAssertThrowsError(try formula("y ~ . - a - b - id - c").features(in: schema))
    }
}
