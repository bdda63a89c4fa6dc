// Tests for sessions: displaying, cells, rollback on error, undo, continuation, meta commands and completion.
import XCTest
import SiftLang
@testable import SiftSession

final class SessionTests: XCTestCase {
    func testStatementsDisplayUnlessEndedWithSemicolon() {
        XCTAssertEqual(CapturedSession().run("let a = 1; a + 1"), "2\n")
        XCTAssertEqual(CapturedSession().run("[1, \"a\", null]\n{x: 1.5}"), "[1, \"a\", null]\n{x: 1.5}\n")
    }

    func testErrorStopsTheScriptAfterEarlierOutput() {
        let out = CapturedSession().run("1\nnope + 1\n2")
        XCTAssertEqual(out, "1\nt.sift:2:1: error: unknown variable 'nope'\nnope + 1\n^^^^\n")
    }

    func testParseErrorsAreAllReportedBeforeAnythingRuns() {
        let out = CapturedSession().run("1\n2 +* 3\n4\n(5")
        XCTAssertTrue(out.hasPrefix("t.sift:2:4: error: expected an expression, found '*'"), out)
        XCTAssertTrue(out.contains("t.sift:4:3: error: unexpected end of input"), out)
        XCTAssertFalse(out.hasPrefix("1\n"))
    }

    func testFailedCellChangesNoVariable() {
        let c = CapturedSession()
        XCTAssertEqual(c.session.runCell("let a = 1"), .ok)
        XCTAssertEqual(c.session.runCell("let a = 2; let b = a + nope"), .failed)
        XCTAssertEqual(c.session.runCell("a"), .ok)
        XCTAssertEqual(c.output, "1\n")
        XCTAssertNil(c.session.interpreter.globals.lookup("b"))
    }

    func testIncompleteCellAsksForMore() {
        let c = CapturedSession()
        XCTAssertEqual(c.session.runCell("[1,"), .incomplete)
        XCTAssertEqual(c.session.runCell("[1,\n2]"), .ok)
        XCTAssertEqual(c.output, "[1, 2]\n")
    }

    func testUndoRestoresVariables() {
        let c = CapturedSession()
        _ = c.session.runCell("let a = 1")
        _ = c.session.runCell("let a = 2")
        XCTAssertTrue(c.session.undo())
        _ = c.session.runCell("a")
        XCTAssertEqual(c.output, "1\n")
    }

    func testFunctionsAndRecursionLimit() {
        XCTAssertEqual(CapturedSession().run("fn sq(x) = x * x\nsq(7)"), "49\n")
        let out = CapturedSession().run("fn f(x) = f(x)\nf(1)")
        XCTAssertTrue(out.contains("error: calls nested more than 200 deep in 'f'"), out)
    }

    func testParamOverride() {
        var o = SessionOptions()
        o.params = [("n", "60")]
        var text = ""
        let s = Session(options: o, output: { text += $0 }, errors: { text += $0 })
        s.runScript("param n = 30\nparam m = 5\nn + m", name: "p.sift")
        XCTAssertEqual(text, "65\n")
    }

    func testMetaCommands() {
        let c = CapturedSession()
        _ = c.session.runCell("let xs = [1, 2]; let n = 3")
        XCTAssertEqual(c.session.meta(":vars"), .text("xs  list of 2\nn   int 3\n"))
        XCTAssertEqual(c.session.meta(":schema xs"), .text("'xs' is a list, not a frame\n"))
        XCTAssertEqual(c.session.meta(":schema nn"), .text("unknown variable 'nn' (did you mean 'n'?)\n"))
        XCTAssertEqual(c.session.meta(":timing maybe"), .text("usage: :timing on|off\n"))
        XCTAssertEqual(c.session.meta(":quit"), .quit)
        XCTAssertEqual(c.session.meta(":hlep"), .text("unknown command ':hlep' (did you mean ':help'?); :help meta lists them\n"))
        guard case .text(let help) = c.session.meta(":help select") else { return XCTFail() }
        XCTAssertTrue(help.hasPrefix("select a, b, -c\n"), help)
    }

    func testCompletionOfVariablesVerbsAndMeta() {
        let c = CapturedSession()
        _ = c.session.runCell("let clicks = 1; let clock = 2")
        XCTAssertEqual(c.session.completions(for: "cl", cursor: 2).candidates, ["clicks", "clock"])
        XCTAssertEqual(c.session.completions(for: "x | sel", cursor: 7).candidates, ["select"])
        XCTAssertEqual(c.session.completions(for: ":un", cursor: 3).candidates, [":undo"])
        XCTAssertEqual(c.session.completions(for: "x | sel", cursor: 7).start, 4)
    }
}

final class SessionReplayTests: XCTestCase {
    func testReplayHandsEachStatementItsValueAndStopsAtAnError() {
        let c = CapturedSession()
        var seen: [String] = []
        let (file, end) = c.session.replay("let a = 2\na * 3\na;\nnope\n4", name: "r.sift") { st, v in
            seen.append(c.session.interpreter.sources[st.range.source].map { $0.text(of: st.range) }.map { "\($0) -> " } ?? "?")
            seen[seen.count - 1] += v.map { ValueFormatter.literal($0) } ?? "nil"
        }
        XCTAssertEqual(seen, ["let a = 2 -> nil", "a * 3 -> 6", "a -> nil"])
        guard case .failed(let st, let d) = end else { return XCTFail("expected a failure") }
        XCTAssertEqual(file.text(of: st.range), "nope")
        XCTAssertEqual(d.message, "unknown variable 'nope'")
        XCTAssertEqual(c.output + c.errors, "", "a replay displays nothing itself")
    }
}
