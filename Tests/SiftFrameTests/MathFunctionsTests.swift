// Tests for abs, round, floor, ceil, sqrt, log, exp, pow, min2 and max2: values, types, nulls, errors.
import Foundation
import XCTest
@testable import SiftFrame

final class MathFunctionsTests: XCTestCase {
    func testAbsKeepsIntsAndPropagatesNulls() throws {
        XCTAssertEqual(try apply("abs", ints([-3, nil, 0, 7])), ints([3, nil, 0, 7]))
        XCTAssertEqual(try apply("abs", doubles([-2.5, nil, 0.5])), doubles([2.5, nil, 0.5]))
        XCTAssertEqual(try fold("abs", [.duration(Duration(micros: -90_000_000))]), .duration(Duration(micros: 90_000_000)))
        XCTAssertEqual(try fold("abs", [.null]), .null)
        XCTAssertEqual(try resolve("abs", [ArgumentInfo(type: .int)]), .int)
    }

    func testAbsOfSmallestIntIsAnOverflowErrorButNotInANullSlot() throws {
        XCTAssertEqual(errorMessage { try apply("abs", ints([1, Int64.min])) },
                       "integer overflow in 'abs'; cast to double with float(x) first")
        // The same value hidden behind a null is not an error.
        let hidden = AnyColumn.int(Column(values: [1, Int64.min], validity: Bitmap([true, false])))
        XCTAssertEqual(try apply("abs", hidden), ints([1, nil]))
    }

    func testRoundDefaultsToZeroPlacesWithHalvesAwayFromZero() throws {
        XCTAssertEqual(try apply("round", doubles([2.5, -2.5, 0.49, nil, -0.4])), doubles([3, -3, 0, nil, 0]))
        XCTAssertEqual(try fold("round", [.double(2.675), .int(2)]), .double(2.68))
        XCTAssertEqual(try fold("round", [.int(1250), .int(-2)]), .int(1300))
        XCTAssertEqual(try fold("round", [.int(7), .int(3)]), .int(7))
        XCTAssertEqual(try resolve("round", [ArgumentInfo(type: .int)]), .int)
        XCTAssertEqual(try resolve("round", [ArgumentInfo(type: .double), ArgumentInfo(constant: .int(2))]), .double)
    }

    func testRoundOverBoundarySizesMatchesTheScalarKernel() throws {
        try withEvery("n", in: boundarySizes) { n in
            let valid = nullPattern(n)
            let xs: [Double?] = (0..<n).map { valid[$0] ? Double($0 * 37 % 1000) / 8 - 50 : nil }   // eighths: many ties
            let got = try apply("round", doubles(xs), [.literal(.int(1))])
            XCTAssertEqual(got, doubles(xs.map { $0.map { DecimalRounding.round($0, places: 1) } }))
            XCTAssertEqual(got.nullCount, valid.filter { !$0 }.count)
        }
    }

    func testRoundPlacesMustBeAConstantInt() {
        XCTAssertEqual(errorMessage { try resolve("round", [ArgumentInfo(type: .double), ArgumentInfo(constant: .string("x"))]) },
                       "bad argument #2 to 'round' (int expected, got string)")
        XCTAssertEqual(errorMessage { try resolve("round", [ArgumentInfo(type: .double), ArgumentInfo(type: .int)]) },
                       "bad argument #2 to 'round' (constant int expected, got int)")
        XCTAssertEqual(errorMessage { try resolve("round", [ArgumentInfo(type: .string)]) },
                       "bad argument #1 to 'round' (number expected, got string)")
    }

    func testFloorAndCeilGiveInts() throws {
        XCTAssertEqual(try apply("floor", doubles([2.7, -2.5, nil, -0.0, 3])), ints([2, -3, nil, 0, 3]))
        XCTAssertEqual(try apply("ceil", doubles([2.1, -2.5, nil, 3])), ints([3, -2, nil, 3]))
        XCTAssertEqual(try apply("floor", ints([5, nil])), ints([5, nil]))
        XCTAssertEqual(try resolve("ceil", [ArgumentInfo(type: .double)]), .int)
    }

    func testFloorPastIntRangeIsAnErrorNamingTheRow() {
        XCTAssertEqual(errorMessage { try apply("floor", doubles([1, 1e19])) }, "'floor' of 1e+19 (row 2) does not fit an int")
        XCTAssertEqual(errorMessage { try fold("ceil", [.double(-1e300)]) }, "'ceil' of -1e+300 does not fit an int")
        // -2^63 itself fits.
        XCTAssertEqual(try fold("floor", [.double(-9_223_372_036_854_775_808)]), .int(Int64.min))
    }

    func testUndefinedResultsAreNullNeverNaNOrInfinity() throws {
        XCTAssertEqual(try apply("sqrt", doubles([4, -1, nil, 0])), doubles([2, nil, nil, 0]))
        XCTAssertEqual(try apply("log", doubles([1, 0, -1, nil])), doubles([0, nil, nil, nil]))
        XCTAssertEqual(try apply("exp", doubles([0, 1000, nil])), doubles([1, nil, nil]))
        XCTAssertEqual(try apply("pow", [.column("x"), .column("y")], [("x", doubles([2, -8, 0, 10])), ("y", doubles([10, 1.0 / 3, -1, 400]))]),
                       doubles([1024, nil, nil, nil]))
        XCTAssertEqual(try fold("pow", [.int(2), .int(-1)]), .double(0.5))
    }

    func testLogWithABase() throws {
        XCTAssertEqual(try fold("log", [.int(1000), .int(10)]), .double(2.9999999999999996))   // ln 1000 / ln 10 in doubles, as numpy gives
        XCTAssertEqual(try fold("log", [.int(8), .int(2)]), .double(3))
        XCTAssertEqual(try fold("log", [.int(8), .int(1)]), .null)
        XCTAssertEqual(try fold("log", [.int(8), .int(-2)]), .null)
    }

    func testMathOverBoundarySizesKeepsNullPositions() throws {
        try withEvery("n", in: boundarySizes) { n in
            let valid = nullPattern(n, seed: 3)
            let xs: [Double?] = (0..<n).map { valid[$0] ? Double($0) - 20 : nil }
            let got = try apply("sqrt", doubles(xs))
            XCTAssertEqual(got, doubles(xs.map { $0.flatMap { $0 >= 0 ? $0.squareRoot() : nil } }))
            let ex = try apply("exp", doubles(xs))
            XCTAssertEqual(ex, doubles(xs.map { $0.map { Foundation.exp($0) } }))
            let ab = try apply("abs", ints(xs.map { $0.map { Int64($0) } }))
            XCTAssertEqual(ab, ints(xs.map { $0.map { Int64(abs($0)) } }))
        }
    }

    func testMin2AndMax2SkipNullsLikeSQLLeastAndGreatest() throws {
        let cols: [(String, AnyColumn)] = [("a", ints([1, nil, 5, nil])), ("b", ints([3, 4, 2, nil]))]
        XCTAssertEqual(try apply("min2", [.column("a"), .column("b")], cols), ints([1, 4, 2, nil]))
        XCTAssertEqual(try apply("max2", [.column("a"), .column("b")], cols), ints([3, 4, 5, nil]))
        XCTAssertEqual(try apply("max2", [.column("a"), .literal(.int(2))], cols), ints([2, 2, 5, 2]))
        XCTAssertEqual(try apply("min2", [.column("a"), .literal(.null)], cols), ints([1, nil, 5, nil]))
        XCTAssertEqual(try resolve("min2", [ArgumentInfo(type: .int), ArgumentInfo(type: .int)]), .int)
        XCTAssertEqual(try resolve("min2", [ArgumentInfo(type: .int), ArgumentInfo(constant: .double(2.5))]), .double)
        XCTAssertEqual(try fold("max2", [.int(2), .double(7.5)]), .double(7.5))
    }

    func testMin2AndMax2OnStringsAndTimestamps() throws {
        for (label, a) in stringLayouts(["pear", nil, "apple", "é"]) {
            let got = try apply("min2", [.column("a"), .literal(.string("banana"))], [("a", a)])
            XCTAssertEqual(got, strings(["banana", "banana", "apple", "banana"]), label)
            let hi = try apply("max2", [.column("a"), .literal(.string("banana"))], [("a", a)])
            XCTAssertEqual(hi, strings(["pear", "banana", "banana", "é"]), label)   // é (U+00E9) sorts after ASCII
        }
        let t = timestamps(["2008-04-01", nil, "2008-05-01"])
        XCTAssertEqual(try apply("max2", [.column("t"), .literal(.timestamp(ts("2008-04-15")))], [("t", t)]),
                       timestamps(["2008-04-15", "2008-04-15", "2008-05-01"]))
    }

    func testMin2OverBoundarySizesWithNullsOnBothSides() throws {
        try withEvery("n", in: boundarySizes) { n in
            let va = nullPattern(n, seed: 1), vb = nullPattern(n, period: 3, seed: 2)
            let a: [Double?] = (0..<n).map { va[$0] ? Double($0 % 7) : nil }
            let b: [Double?] = (0..<n).map { vb[$0] ? Double($0 % 5) + 0.5 : nil }
            let want: [Double?] = zip(a, b).map { x, y in
                switch (x, y) { case let (x?, y?): return min(x, y); case let (x?, nil): return x; case let (nil, y?): return y; default: return nil }
            }
            XCTAssertEqual(try apply("min2", [.column("a"), .column("b")], [("a", doubles(a)), ("b", doubles(b))]), doubles(want))
        }
    }

    func testBadArgumentsAreTypedErrors() {
        XCTAssertEqual(errorMessage { try resolve("sqrt", [ArgumentInfo(type: .string)]) },
                       "bad argument #1 to 'sqrt' (number expected, got string)")
        XCTAssertEqual(errorMessage { try resolve("min2", [ArgumentInfo(type: .int), ArgumentInfo(type: .string)]) },
                       "'min2' cannot mix int and string values")
        XCTAssertEqual(errorMessage { try resolve("max2", [ArgumentInfo(type: .bool), ArgumentInfo(type: .bool)]) },
                       "bad argument #1 to 'max2' (number, string, timestamp or duration expected, got bool)")
        XCTAssertEqual(errorMessage { try resolve("pow", [ArgumentInfo(type: .int)]) },
                       "'pow' takes 2 arguments, got 1 argument (usage: pow(x, y))")
    }

    func testEmptyColumns() throws {
        XCTAssertEqual(try apply("round", doubles([]), [.literal(.int(2))]), doubles([]))
        XCTAssertEqual(try apply("floor", doubles([])), ints([]))
        XCTAssertEqual(try apply("min2", [.column("a"), .column("a")], [("a", ints([]))]), ints([]))
    }

    func testNullSlotsHoldingExtremeValuesNeverTrap() throws {
        // Kernels map null slots too; whatever a null slot holds must not crash them or raise overflow.
        let i = AnyColumn.int(Column<Int64>(values: [.min, .max, 25], validity: Bitmap([false, false, true])))
        XCTAssertEqual(try apply("abs", i), ints([nil, nil, 25]))
        XCTAssertEqual(try apply("round", i, [.literal(.int(-1))]), ints([nil, nil, 30]))
        XCTAssertEqual(try apply("floor", i), ints([nil, nil, 25]))
        XCTAssertEqual(try apply("bin", i, [.literal(.int(7))]), ints([nil, nil, 21]))
        let d = AnyColumn.double(Column<Double>(values: [.nan, .infinity, 2.5], validity: Bitmap([false, false, true])))
        XCTAssertEqual(try apply("floor", d), ints([nil, nil, 2]))
        XCTAssertEqual(try apply("round", d), doubles([nil, nil, 3]))
        XCTAssertEqual(try apply("bin", d, [.literal(.double(0.5))]), doubles([nil, nil, 2.5]))
        XCTAssertEqual(try apply("cut", d, [.list([.int(0), .int(5)])]), strings([nil, nil, "(0, 5]"]))
    }
}
