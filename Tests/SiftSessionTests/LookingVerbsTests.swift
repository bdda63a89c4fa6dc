// Tests for the describe and corr verbs: output schemas the stdlib relies on, values, and argument errors.
import XCTest
import SiftFrame
import SiftLang
@testable import SiftSession

final class LookingVerbsTests: XCTestCase {
    func testDescribeIsTheEngineSummaryAndFeedsTheStdlib() throws {
        let c = CapturedSession.withFrames()
        c.run("let d = t | describe")
        XCTAssertEqual(c.frame("d"), MiscFixtures.t.describe())
        let out = CapturedSession.withFrames().run("use \"summary\"\nt | missing() | select column, nulls, share")
        XCTAssertEqual(out, """
        4 rows × 3 columns
        column  nulls     share
        string    int    double
        ──────  ─────  ────────
        id          0       0.0
        user        1  0.166667
        price       2  0.333333
        n           3       0.5


        """, out)
    }

    func testCorrDefaultAndNamedColumns() throws {
        let c = CapturedSession.withFrames()
        c.run("let m = t | corr; let p = t | corr [price, id]")
        XCTAssertEqual(c.errors, "")
        XCTAssertEqual(c.frame("m"), try MiscFixtures.t.correlation())
        XCTAssertEqual(c.frame("m")?.columnNames, ["column", "id", "price", "n"])
        XCTAssertEqual(c.frame("p")?.columnNames, ["column", "price", "id"])
        // The matrix's schema is known before running, so later stages bind against it.
        XCTAssertTrue(CapturedSession.withFrames().run("t | corr price, id | select column, prce").contains("error: unknown column 'prce' (did you mean 'price'?)"))
    }

    func testCorrErrors() {
        func error(_ code: String) -> String { CapturedSession.withFrames().run(code) }
        let s = error("t | corr price, user")
        XCTAssertTrue(s.hasPrefix("t.sift:1:17: error: cannot correlate string column 'user'; corr needs int or double columns"), s)
        XCTAssertTrue(error("t | select user | corr").contains("error: 'corr' needs int or double columns, and this frame has none"))
        XCTAssertTrue(error("t | rename column = id | corr").contains("error: cannot correlate a column called 'column'"))
        XCTAssertTrue(error("t | describe 3").contains("error: expected a column name"))
        XCTAssertTrue(error("t.price | describe price").contains("error: 'describe' takes no plain arguments, got an extra one"))
    }
}
