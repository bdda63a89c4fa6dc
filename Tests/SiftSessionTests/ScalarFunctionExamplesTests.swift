// Scalar functions on the UCI clicks sample: len agreement, dates from the part columns (HelpExamplesTests runs every example).
import XCTest
import SiftFrame
@testable import SiftSession

final class ScalarFunctionExamplesTests: XCTestCase {
    /// A session with `clicks` bound to the 300-row UCI sample, loaded as the notebooks load the full file.
    func session() -> CapturedSession {
        let c = CapturedSession()
        c.run("let clicks = load \"\(packageRoot)/Tests/Transcripts/fixtures/shop.csv\" clean:true;")
        XCTAssertEqual(c.errors, "")
        return c
    }

    func testLenInsideAVerbAgreesWithLenOfAStringValue() {
        let c = session()
        XCTAssertEqual(c.run("len(\"café👍🏽\")"), "6\n")
        let out = c.run("clicks | derive n = len(concat(page_2_clothing_model, \"é\")) | select n")
        XCTAssertTrue(out.contains(" 4\n") && out.contains(" 3\n"), out)
    }

    func testDatesBuiltFromTheUCIPartColumns() {
        let c = session()
        let out = c.run("clicks | derive d = date(concat(year, \"-\", month, \"-\", day)), w = weekday(make_date(year, month, day)) | select d, w")
        // 2008-04-01 was a Tuesday (pandas: pd.Timestamp("2008-04-01").dayofweek == 1).
        XCTAssertTrue(out.contains("2008-04-01") && out.contains(" 1\n"), out)
        XCTAssertTrue(c.errors.isEmpty, c.errors)
    }

    func testBindTimeErrorsPointAtTheCall() {
        let c = session()
        let out = c.run("clicks | derive r = round(price, \"x\")")
        XCTAssertTrue(out.contains("t.sift:1:21: error: bad argument #2 to 'round' (int expected, got string)"), out)
        let unit = c.run("clicks | derive t = trunc(make_date(year, month, day), \"mnth\")")
        XCTAssertTrue(unit.contains("unknown unit 'mnth' for 'trunc' (did you mean 'month'?)"), unit)
    }
}
