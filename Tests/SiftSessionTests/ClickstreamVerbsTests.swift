// Tests for the clickstream verbs as bound stages: argument checks at bind time, output schemas known before running, grouped input.
import XCTest
import SiftFrame
import SiftLang
@testable import SiftSession

final class ClickstreamVerbsTests: XCTestCase {
    /// A session with `ev`: two users' events, bound as a variable.
    func session() -> CapturedSession {
        let c = CapturedSession()
        c.run("let ev = generate clickstream rows:300 seed:2;")
        XCTAssertEqual(c.errors, "")
        return c
    }

    func testArgumentsAreCheckedBeforeAnyRowIsRead() {
        let c = session()
        // The generate stage would run first; these errors come from binding, before it.
        XCTAssertEqual(c.firstError("generate clickstream rows:10 | sessionize user:user_d time:ts"),
                       "t.sift:1:48: error: unknown column 'user_d' (did you mean 'user_id'?)")
        XCTAssertEqual(c.firstError("ev | sessionize user:user_id time:ts gap:\"30m\""),
                       "t.sift:1:42: error: bad argument 'gap:' to 'sessionize' (duration such as 30m or 1h expected, got string)")
        XCTAssertEqual(c.firstError("ev | sessionize user:user_id time:ts gap:-5m"),
                       "t.sift:1:42: error: gap: must not be negative, got -5m")
        XCTAssertEqual(c.firstError("ev | funnel event steps:[] by:session_id"),
                       "t.sift:1:25: error: bad argument 'steps:' to 'funnel' (a non-empty list of string values expected)")
        XCTAssertEqual(c.firstError("ev | funnel event steps:[\"view\"] by:session_id time:price"),
                       "t.sift:1:53: error: time column 'price' is int, but 'funnel' needs a timestamp column (make one with timestamp(...) or date(...))")
        XCTAssertTrue(c.run("ev | cohort user:user_id time:ts period:month").contains("p0"))   // a bare word works like the string
        XCTAssertEqual(c.errors, "")
        XCTAssertEqual(c.firstError("ev | cooccur item:product"),
                       "t.sift:1:6: error: 'cooccur' needs by:column (the column that identifies baskets, such as a session)")
        XCTAssertEqual(c.firstError("recommend \"A1\""),
                       "t.sift:1:1: error: 'recommend' needs a cooccur table: from:pairs, or pairs | recommend ITEM")
        XCTAssertEqual(c.firstError("ev | recommend \"A1\" from:ev"),
                       "t.sift:1:26: error: 'recommend' takes its pairs from from: or from its input, not both")
    }

    func testOutputSchemasAreKnownBeforeRunning() {
        let c = session()
        XCTAssertEqual(c.firstError("ev | funnel event steps:[\"view\"] by:session_id | sort -coun"),
                       "t.sift:1:56: error: unknown column 'coun' (did you mean 'count'?)")
        XCTAssertEqual(c.firstError("ev | rfm customer:user_id time:ts amount:price | select segmnt"),
                       "t.sift:1:57: error: unknown column 'segmnt' (did you mean 'segment'?)")
        XCTAssertEqual(c.firstError("ev | cooccur item:product by:session_id | select item, other, lft"),
                       "t.sift:1:63: error: unknown column 'lft' (did you mean 'lift'?)")
        XCTAssertEqual(c.firstError("ev | sessionize user:user_id time:ts | drop sesion"),
                       "t.sift:1:45: error: unknown column 'sesion' (did you mean 'session'?)")
    }

    func testGroupedInputIsUngroupedAndSessionsMatchTheGenerator() {
        let c = session()
        guard case .frame(let f)? = c.result("ev | group user_id | sessionize user:user_id time:ts") else { return XCTFail("frame expected") }
        XCTAssertEqual(f.columnNames.suffix(2), ["session", "step"])
        // The generator's sessions are more than 30 minutes apart: one session_id per session.
        XCTAssertEqual(c.result("ev | sessionize user:user_id time:ts | group session | agg k = n_unique(session_id) | where k != 1 | count").map(ValueText.of), "0")
        XCTAssertEqual(c.resultColumn("ev | funnel event steps:[\"login\"] by:session_id", "rate_from_first"), [.double(1)])
    }

    func testStdlibSegmentsAgreeWithTheVerbsRulesOnEveryScorePair() {
        // The rules live twice, in stdlib/rfm.sift (Sift) and RFMScoring (Swift): compare all 25 cases.
        let c = CapturedSession()
        c.run("use \"rfm\";")
        let pairs = (1...5).flatMap { r in (1...5).map { f in (Int64(r), Int64(f)) } }
        let code = "[" + pairs.map { "rfm_segment(\($0.0), \($0.1))" }.joined(separator: ", ") + "]"
        let want = "[" + pairs.map { "\"" + RFMScoring.segment(r: $0.0, f: $0.1) + "\"" }.joined(separator: ", ") + "]"
        XCTAssertEqual(c.run(code).trimmingCharacters(in: .whitespacesAndNewlines), want)
        // And the quintile helper on a column with ties, a null and unevenly spaced values.
        let values: [Double?] = [5, 1, 1, 2, nil, 9, 3.5, 3.5, 100, 0]
        c.session.interpreter.globals.bind("t", .frame((try? DataFrame(columns: [("x", .double(Column(values)))])) ?? .empty))
        let scores = c.resultColumn("t | derive q = quintile(x)", "q")
        XCTAssertEqual(scores, RFMScoring.quintiles(values).map { $0.map(Scalar.int) ?? .null })
    }
}
