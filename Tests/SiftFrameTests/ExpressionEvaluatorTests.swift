// Tests for expression evaluation: arithmetic, comparison, logic, null propagation and folding.
import XCTest
@testable import SiftFrame

final class ExpressionEvaluatorTests: XCTestCase {
    let df = frame([
        ("a", ints([1, 2, nil, 4])),
        ("b", doubles([0.5, nil, 2, 0])),
        ("s", strings(["x", "y", nil, "x"])),
    ])

    func eval(_ e: Expr) throws -> AnyColumn { try ExpressionEvaluator(frame: df).column(e) }

    func testIntArithmeticStaysIntAndPropagatesNull() throws {
        let c = try eval(.call("+", [.column("a"), .literal(.int(10))]))
        XCTAssertEqual(c, ints([11, 12, nil, 14]))
        checkColumn(c)
    }

    func testDivisionGivesDoubleAndNullForZeroDivisor() throws {
        let c = try eval(.call("/", [.column("a"), .column("b")]))
        XCTAssertEqual(c, doubles([2, nil, nil, nil]))
    }

    func testFlooredModuloTakesSignOfDivisor() throws {
        let e = Expr.call("%", [.literal(.int(-7)), .literal(.int(3))])
        guard case .scalar(let s) = try ExpressionEvaluator(frame: df).evaluate(e) else { return XCTFail("not folded") }
        XCTAssertEqual(s, .int(2))   // Python: -7 % 3 == 2
    }

    func testIntOverflowIsAnErrorNotAWrap() {
        let e = Expr.call("*", [.column("a"), .literal(.int(Int64.max))])
        XCTAssertThrowsError(try eval(e)) { err in
            XCTAssertEqual(err as? FrameError, .invalidArgument("integer overflow in '*'; cast to double with float(x) first"))
        }
    }

    func testComparisonsOnLongColumnsSplitAcrossCoresMatchRowByRow() throws {
        // 300,000 rows is above the parallel threshold (2 × 65,536), so the kernel runs in chunks;
        // every row must still equal the scalar comparison, nulls staying null.
        let n = 300_000
        var xs: [Double?] = [], ys: [Double?] = []
        for i in 0..<n {
            let x = Double((i * 7919) % 1000)
            xs.append(i % 97 == 0 ? nil : x)
            ys.append(Double((i * 104_729) % 1000))
        }
        let long = frame([("x", doubles(xs)), ("y", doubles(ys))])
        let ev = ExpressionEvaluator(frame: long)
        XCTAssertEqual(try ev.column(.call(">", [.column("x"), .literal(.double(500))])),
                       bools(xs.map { $0.map { $0 > 500 } }))
        XCTAssertEqual(try ev.column(.call("<=", [.column("x"), .column("y")])),
                       bools(zip(xs, ys).map { (x: Double?, y: Double?) -> Bool? in
                           guard let x, let y else { return nil }
                           return x <= y
                       }))
        XCTAssertEqual(try ev.column(.call("==", [.literal(.double(3)), .column("y")])),
                       bools(ys.map { $0.map { $0 == 3 } }))
    }

    func testComparisonsOnDictionaryStrings() throws {
        let d = frame([("s", .string(StringColumn(["b", "a", nil, "c"]).dictionaryEncoded()))])
        let lt = try ExpressionEvaluator(frame: d).column(.call("<", [.column("s"), .literal(.string("b"))]))
        XCTAssertEqual(lt, bools([false, true, nil, false]))
        let eq = try ExpressionEvaluator(frame: d).column(.call("==", [.literal(.string("c")), .column("s")]))
        XCTAssertEqual(eq, bools([false, false, nil, true]))
    }

    func testKleeneLogic() throws {
        let t = frame([("p", bools([true, false, nil, nil, true])), ("q", bools([nil, nil, nil, false, true]))])
        let ev = ExpressionEvaluator(frame: t)
        XCTAssertEqual(try ev.column(.call("and", [.column("p"), .column("q")])), bools([nil, false, nil, false, true]))
        XCTAssertEqual(try ev.column(.call("or", [.column("p"), .column("q")])), bools([true, nil, nil, nil, true]))
    }

    func testIfTakesElseBranchForNullCondition() throws {
        let c = try eval(.call("if", [.call(">", [.column("a"), .literal(.int(1))]), .column("a"), .literal(.double(0.5))]))
        XCTAssertEqual(c, doubles([0.5, 2, 0.5, 4]))
    }

    func testCoalesceAndIsNull() throws {
        XCTAssertEqual(try eval(.call("coalesce", [.column("a"), .literal(.int(0))])), ints([1, 2, 0, 4]))
        XCTAssertEqual(try eval(.call("is_null", [.column("s")])), bools([false, false, true, false]))
    }

    func testInMatchesListItems() throws {
        XCTAssertEqual(try eval(.call("in", [.column("a"), .list([.int(2), .int(4)])])), bools([false, true, nil, true]))
        XCTAssertEqual(try eval(.call("in", [.column("s"), .list([.string("x")])])), bools([true, false, nil, true]))
    }

    func testTimestampComparedWithStringConstant() throws {
        let t = frame([("ts", .timestamp(Column([TimestampParser.parse("2008-04-01 10:00:00"), TimestampParser.parse("2008-05-02")])))])
        let c = try ExpressionEvaluator(frame: t).column(.call(">=", [.column("ts"), .literal(.string("2008-05-01"))]))
        XCTAssertEqual(c, bools([false, true]))
    }

    func testUnknownColumnSuggestsClosestName() {
        XCTAssertThrowsError(try eval(.column("aa"))) { err in
            XCTAssertEqual(err as? FrameError, .columnNotFound(name: "aa", available: ["a", "b", "s"]))
            XCTAssertEqual("\(err)", "unknown column 'aa' (did you mean 'a'?)")
        }
    }

    func testBadArgumentMessageNamesPositionAndTypes() {
        XCTAssertThrowsError(try eval(.call("+", [.column("s"), .literal(.int(1))]))) { err in
            XCTAssertEqual("\(err)", "cannot apply '+' to string and int; use concat(a, b) to join strings")
        }
        XCTAssertThrowsError(try eval(.call("is_null", [.column("a"), .column("b")]))) { err in
            XCTAssertEqual("\(err)", "'is_null' takes 1 argument, got 2 arguments (usage: is_null(x))")
        }
    }

    func testTypeOfExpressionOverSchema() throws {
        let schema = df.schema
        XCTAssertEqual(try ExpressionEvaluator.type(of: .call("/", [.column("a"), .literal(.int(2))]), in: schema), .double)
        XCTAssertEqual(try ExpressionEvaluator.type(of: .call("-", [.column("a"), .literal(.int(2))]), in: schema), .int)
    }
}
