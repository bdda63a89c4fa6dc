// Runs the help examples of the math, string, time and binning functions over a slice of the UCI clicks data.
import XCTest
import SiftFrame
import SiftLang
@testable import SiftSession

final class ScalarFunctionExamplesTests: XCTestCase {
    /// The first six rows of notebooks/data/eshop-clothing-2008.csv, as `load ... clean:true` names them.
    static let clicks: DataFrame = {
        func col(_ v: [Int64]) -> AnyColumn { .int(Column<Int64>(values: v)) }
        return try! DataFrame(columns: [
            ("year", col([2008, 2008, 2008, 2008, 2008, 2008])), ("month", col([4, 4, 4, 4, 4, 4])),
            ("day", col([1, 1, 1, 1, 1, 1])), ("order", col([1, 2, 3, 4, 5, 6])),
            ("country", col([29, 29, 29, 29, 29, 29])), ("session_id", col([1, 1, 1, 1, 1, 1])),
            ("page_1_main_category", col([1, 1, 2, 2, 2, 3])),
            ("page_2_clothing_model", .string(StringColumn(["A13", "A16", "B4", "B17", "B8", "C56"]).dictionaryEncoded())),
            ("colour", col([1, 1, 10, 6, 4, 6])), ("location", col([5, 6, 2, 6, 3, 1])),
            ("model_photography", col([1, 1, 1, 2, 2, 1])), ("price", col([28, 33, 52, 38, 52, 57])),
            ("price_2", col([2, 2, 1, 2, 1, 1])), ("page", col([1, 1, 1, 1, 1, 4])),
        ])
    }()

    func session() -> CapturedSession {
        let c = CapturedSession()
        c.session.interpreter.globals.bind("clicks", .frame(Self.clicks))
        return c
    }

    func testEveryExampleRunsInDerive() {
        let defs = MathFunctions.all + StringFunctions.all + TimeFunctions.all + BinningFunctions.all
        XCTAssertEqual(defs.count, 10 + 9 + 12 + 2)
        for def in defs {
            let c = session()
            let out = c.run("clicks | derive v = \(def.example) | select v")
            XCTAssertTrue(c.errors.isEmpty, "\(def.name): \(def.example)\n\(out)")
            XCTAssertTrue(out.contains("v"), "\(def.name): \(out)")
        }
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
