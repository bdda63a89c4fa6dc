// Tests for bin and cut: floored bins, decimal widths, temporal bins, pandas cut semantics and labels, errors.
import XCTest
@testable import SiftFrame

final class BinningFunctionsTests: XCTestCase {
    func testIntBinsAreFlooredAndStayInts() throws {
        XCTAssertEqual(try apply("bin", ints([37, 30, 0, -1, -10, nil, 9]), [.literal(.int(10))]), ints([30, 30, 0, -10, -10, nil, 0]))
        XCTAssertEqual(try resolve("bin", [ArgumentInfo(type: .int), ArgumentInfo(constant: .int(5))]), .int)
        XCTAssertEqual(try resolve("bin", [ArgumentInfo(type: .int), ArgumentInfo(constant: .double(2.5))]), .double)
    }

    func testDoubleBinsUseDecimalEdges() throws {
        // numpy: np.floor(x / w) * w gives 0.2 for 0.3 / 0.1 and 0.30000000000000004 for 0.7 / 0.1 bins.
        XCTAssertEqual(try apply("bin", doubles([0.3, 0.7, 0.29999, -0.05, 1.0, nil]), [.literal(.double(0.1))]),
                       doubles([0.3, 0.7, 0.2, -0.1, 1.0, nil]))
        XCTAssertEqual(try apply("bin", doubles([7.4, 7.5, -2.5, 0]), [.literal(.double(2.5))]), doubles([5, 7.5, -2.5, 0]))
        XCTAssertEqual(try apply("bin", ints([7, -1]), [.literal(.double(2.5))]), doubles([5, -2.5]))
        XCTAssertEqual(try fold("bin", [.double(1.0), .double(1.0 / 3)]), .double(1.0))   // a width with no short decimal
    }

    func testDoubleBinsOverBoundarySizesAgreeWithDecimalArithmetic() throws {
        try withEvery("n", in: boundarySizes) { n in
            let valid = nullPattern(n, seed: 2)
            // Hundredths: exact as integers, so the expected bin is integer arithmetic.
            let hundredths: [Int?] = (0..<n).map { valid[$0] ? $0 * 13 - 700 : nil }
            let x = doubles(hundredths.map { $0.map { Double($0) / 100 } })
            let want = hundredths.map { $0.map { h -> Double in
                let k = Int((Double(h) / 25).rounded(.down))   // width 0.25 = 25 hundredths
                return Double(k * 25) / 100
            } }
            XCTAssertEqual(try apply("bin", x, [.literal(.double(0.25))]), doubles(want))
        }
    }

    func testTimestampAndDurationBins() throws {
        let t = timestamps(["2008-04-01 10:07", "2008-04-01 10:15", "1969-12-31 23:59", nil])
        XCTAssertEqual(try apply("bin", t, [.literal(.duration(Duration(micros: 15 * 60_000_000)))]),
                       timestamps(["2008-04-01 10:00", "2008-04-01 10:15", "1969-12-31 23:45", nil]))
        let d = AnyColumn.duration(Column([Duration(micros: 95_000_000), Duration(micros: -5_000_000)]))
        XCTAssertEqual(try apply("bin", d, [.literal(.duration(Duration(micros: 60_000_000)))]),
                       .duration(Column([Duration(micros: 60_000_000), Duration(micros: -60_000_000)])))
    }

    func testBinWidthMustBeAPositiveConstantOfTheRightKind() {
        XCTAssertEqual(errorMessage { try resolve("bin", [ArgumentInfo(type: .int), ArgumentInfo(constant: .int(0))]) },
                       "bad argument #2 to 'bin' (constant positive number expected, got 0)")
        XCTAssertEqual(errorMessage { try resolve("bin", [ArgumentInfo(type: .int), ArgumentInfo(type: .int)]) },
                       "bad argument #2 to 'bin' (constant positive number expected, got int)")
        XCTAssertEqual(errorMessage { try resolve("bin", [ArgumentInfo(type: .timestamp), ArgumentInfo(constant: .int(10))]) },
                       "bad argument #2 to 'bin' (constant positive duration expected, got int)")
        XCTAssertEqual(errorMessage { try resolve("bin", [ArgumentInfo(type: .string), ArgumentInfo(constant: .int(10))]) },
                       "bad argument #1 to 'bin' (number, timestamp or duration expected, got string)")
        XCTAssertEqual(errorMessage { try apply("bin", ints([Int64.min + 1]), [.literal(.int(10))]) },
                       "integer overflow in 'bin'; cast to double with float(x) first")
    }

    func testCutIsRightClosedWithPandasLabels() throws {
        // pandas: pd.cut([1, 5, 10, 15, 0, 20, 25, None], [0, 10, 20]).astype(str)
        //   -> (0, 10] (0, 10] (0, 10] (10, 20] nan (10, 20] nan nan
        let got = try apply("cut", ints([1, 5, 10, 15, 0, 20, 25, nil]), [.list([.int(0), .int(10), .int(20)])])
        XCTAssertEqual(got, strings(["(0, 10]", "(0, 10]", "(0, 10]", "(10, 20]", nil, "(10, 20]", nil, nil]))
        XCTAssertTrue(isDictionary(got))
        // pandas writes every edge as a float when one is: pd.cut([1.5], [0, 2.5, 5]) -> (0.0, 2.5].
        XCTAssertEqual(try apply("cut", doubles([1.5, 2.5, 2.6]), [.list([.int(0), .double(2.5), .int(5)])]),
                       strings(["(0.0, 2.5]", "(0.0, 2.5]", "(2.5, 5.0]"]))
    }

    func testCutLabelsAreEntriesInIntervalOrder() throws {
        let got = try apply("cut", doubles([75, 10, 40]), [.list([.int(0), .int(30), .int(50), .int(100)]), .list([.string("low"), .string("mid"), .string("high")])])
        XCTAssertEqual(got, strings(["high", "low", "mid"]))
        guard case .string(let s) = got, case .dictionary(let codes, let entries) = s.storage else { return XCTFail("not dictionary") }
        XCTAssertEqual(entries, StringArray(["low", "mid", "high"]))   // interval order, not first-seen order
        XCTAssertEqual(codes, [2, 0, 1])
        let dup = try apply("cut", ints([1, 15, 25]), [.list([.int(0), .int(10), .int(20), .int(30)]), .list([.string("a"), .string("b"), .string("a")])])
        XCTAssertEqual(dup, strings(["a", "b", "a"]))
    }

    func testCutOverBoundarySizes() throws {
        let edges: [Double] = [-10, 0, 2.5, 40]
        try withEvery("n", in: boundarySizes) { n in
            let valid = nullPattern(n, seed: 1)
            let xs: [Double?] = (0..<n).map { valid[$0] ? Double($0) * 0.5 - 12 : nil }
            let labels = ["a", "b", "c"]
            let want: [String?] = xs.map { x in
                guard let x else { return nil }
                for j in 0..<3 where edges[j] < x && x <= edges[j + 1] { return labels[j] }
                return nil
            }
            let got = try apply("cut", doubles(xs), [.list(edges.map { .double($0) }), .list(labels.map { .string($0) })])
            XCTAssertEqual(got, strings(want))
        }
    }

    func testCutArgumentsAreChecked() {
        func check(_ args: [ArgumentInfo]) -> String? { errorMessage { try resolve("cut", [ArgumentInfo(type: .double)] + args) } }
        XCTAssertEqual(check([ArgumentInfo(constant: .int(10))]), "bad argument #2 to 'cut' (list expected, got int)")
        XCTAssertEqual(check([ArgumentInfo(list: [.int(1)])]), "bad argument #2 to 'cut' (at least 2 edges expected, got 1)")
        XCTAssertEqual(check([ArgumentInfo(list: [.int(1), .string("x")])]), "bad argument #2 to 'cut' (list of numbers expected, got a list holding string)")
        XCTAssertEqual(check([ArgumentInfo(list: [.int(0), .int(10), .int(5)])]), "'cut' edges must increase, but 10 is followed by 5")
        XCTAssertEqual(check([ArgumentInfo(list: [.int(0), .int(10), .int(20)]), ArgumentInfo(list: [.string("a")])]),
                       "bad argument #3 to 'cut' (2 labels for 3 edges expected, got 1)")
        XCTAssertEqual(check([ArgumentInfo(list: [.int(0), .int(10)]), ArgumentInfo(list: [.int(1)])]),
                       "bad argument #3 to 'cut' (list of strings expected, got a list holding int)")
        XCTAssertEqual(errorMessage { try resolve("cut", [ArgumentInfo(type: .string), ArgumentInfo(list: [.int(0), .int(1)])]) },
                       "bad argument #1 to 'cut' (number expected, got string)")
    }

    func testEmptyAndConstantInputs() throws {
        XCTAssertEqual(try apply("bin", doubles([]), [.literal(.double(0.5))]), doubles([]))
        XCTAssertEqual(try apply("cut", doubles([]), [.list([.int(0), .int(1)])]), strings([]))
        let e = Expr.call("cut", [.literal(.int(5)), .list([.int(0), .int(10)])])
        guard case .scalar(let s) = try ExpressionEvaluator(frame: .empty).evaluate(e) else { return XCTFail("cut of a constant did not fold") }
        XCTAssertEqual(s, .string("(0, 10]"))
    }
}
