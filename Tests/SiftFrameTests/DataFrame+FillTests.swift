// Tests for fill: constants of every type, mean/median/mode/forward by hand, groups, all-null columns and type rules.
import XCTest
@testable import SiftFrame

final class DataFrameFillTests: XCTestCase {
    func filled(_ c: AnyColumn, _ s: FillStrategy, groups: [String?]? = nil) throws -> AnyColumn {
        var cols: [(String, AnyColumn)] = [("x", c)]
        if let groups { cols.append(("g", strings(groups))) }
        let f = frame(cols)
        let g = try groups.map { _ in try f.grouping(by: ["g"]) }
        let out = try f.filling([("x", s)], grouping: g).column(at: 0)
        checkColumn(out)
        return out
    }

    func testConstantsOfEveryType() throws {
        XCTAssertEqual(try filled(ints([1, nil, 3, nil]), .value(.int(0))), ints([1, 0, 3, 0]))
        XCTAssertEqual(try filled(doubles([nil, 1.5]), .value(.double(-2))), doubles([-2, 1.5]))
        XCTAssertEqual(try filled(bools([nil, true, nil]), .value(.bool(false))), bools([false, true, false]))
        let t = Timestamp(year: 2024, month: 4, day: 1)!
        XCTAssertEqual(try filled(.timestamp(Column([nil, t])), .value(.timestamp(t))), .timestamp(Column([t, t])))
        let d = Duration(micros: 5)
        XCTAssertEqual(try filled(.duration(Column([d, nil])), .value(.duration(d))), .duration(Column([d, d])))
        XCTAssertNil(try filled(ints([1, nil]), .value(.int(0))).validity)
    }

    func testNumericConstantsWidenToDouble() throws {
        // An int column given a double becomes double; a double column takes an int.
        XCTAssertEqual(try filled(ints([1, nil, 3]), .value(.double(2.5))), doubles([1, 2.5, 3]))
        XCTAssertEqual(try filled(doubles([nil, 0.5]), .value(.int(7))), doubles([7, 0.5]))
        XCTAssertEqual(try filled(ints([1, 2]), .value(.double(0))), doubles([1, 2]), "the type does not depend on nulls")
    }

    func testStringConstantsInBothLayouts() throws {
        let plain = strings(["a", nil, "b", nil])
        XCTAssertEqual(try filled(plain, .value(.string("zz"))), strings(["a", "zz", "b", "zz"]))
        guard case .string(let s) = plain else { return XCTFail() }
        let dict = AnyColumn.string(s.dictionaryEncoded())
        XCTAssertEqual(try filled(dict, .value(.string("b"))), strings(["a", "b", "b", "b"]))    // an existing entry
        let added = try filled(dict, .value(.string("new")))
        XCTAssertEqual(added, strings(["a", "new", "b", "new"]))                                  // a new entry
        guard case .string(let a) = added, case .dictionary(_, let entries) = a.storage else { return XCTFail("stays a dictionary") }
        XCTAssertEqual(entries.count, 3)
    }

    func testConstantFillAtBoundarySizes() throws {
        try withEvery("n", in: boundarySizes) { n in
            for seed in 0..<3 {
                let valid = nullPattern(n, period: 3, seed: seed)
                let col = ints((0..<n).map { valid[$0] ? Int64($0) : nil })
                let out = try filled(col, .value(.int(-1)))
                XCTAssertEqual(out, ints((0..<n).map { valid[$0] ? Int64($0) : -1 }))
            }
        }
    }

    func testMeanAndMedianByHand() throws {
        // mean of 1, 2, 6 = 3; the column becomes double.
        XCTAssertEqual(try filled(ints([1, nil, 2, nil, 6]), .mean), doubles([1, 3, 2, 3, 6]))
        // median of 1, 2, 10, 4 = (2 + 4) / 2 = 3.
        XCTAssertEqual(try filled(ints([1, nil, 2, nil, 10, 4]), .median), doubles([1, 3, 2, 3, 10, 4]))
        // median of 0.5, -1, 8 = 0.5.
        XCTAssertEqual(try filled(doubles([0.5, -1, nil, 8]), .median), doubles([0.5, -1, 0.5, 8]))
        // No nulls: values unchanged but the type is double all the same.
        XCTAssertEqual(try filled(ints([4, 5]), .mean), doubles([4, 5]))
    }

    func testModeBreaksTiesBySmallest() throws {
        XCTAssertEqual(try filled(ints([3, 1, nil, 3, 1, nil]), .mode), ints([3, 1, 1, 3, 1, 1]))
        XCTAssertEqual(try filled(ints([3, 3, nil, 1]), .mode), ints([3, 3, 3, 1]))
        XCTAssertEqual(try filled(doubles([-0.5, 2, 2, nil, -0.5]), .mode), doubles([-0.5, 2, 2, -0.5, -0.5]))
        XCTAssertEqual(try filled(strings(["b", "a", nil, "b", "a", "c"]), .mode), strings(["b", "a", "a", "b", "a", "c"]))
        XCTAssertEqual(try filled(strings(["é", "z", nil, "z", "é"]), .mode), strings(["é", "z", "z", "z", "é"]), "byte order: z < é")
        XCTAssertEqual(try filled(bools([true, nil, false]), .mode), bools([true, false, false]))
        XCTAssertEqual(try filled(doubles([-0.0, 0.0, nil, 1, 1]), .mode).self[2], .double(0), "-0 and 0 are one value")
    }

    func testForwardCarriesTheLastValueAndLeavesLeadingNulls() throws {
        XCTAssertEqual(try filled(ints([nil, 1, nil, nil, 4, nil]), .forward), ints([nil, 1, 1, 1, 4, 4]))
        XCTAssertEqual(try filled(strings([nil, "a", nil, "b"]), .forward), strings([nil, "a", "a", "b"]))
        try withEvery("n", in: boundarySizes) { n in
            let valid = nullPattern(n, period: 4, seed: 1)
            let col = ints((0..<n).map { valid[$0] ? Int64($0 * 10) : nil })
            var expected: [Int64?] = []
            var last: Int64? = nil
            for i in 0..<n {
                if valid[i] { last = Int64(i * 10) }
                expected.append(last)
            }
            XCTAssertEqual(try filled(col, .forward), ints(expected))
        }
    }

    func testAllNullColumnsStayNull() throws {
        XCTAssertEqual(try filled(ints([nil, nil]), .mean), doubles([nil, nil]))
        XCTAssertEqual(try filled(strings([nil, nil]), .mode), strings([nil, nil]))
        XCTAssertEqual(try filled(bools([nil]), .forward), bools([nil]))
        XCTAssertEqual(try filled(ints([]), .median), doubles([]))
    }

    func testStatisticsAndForwardArePerGroup() throws {
        let g: [String?] = ["a", "b", "a", "b", "a", "b", "c"]
        let x = ints([1, 10, nil, nil, 3, nil, nil])
        // a: mean of 1, 3 = 2; b: 10; c: no value, stays null.
        XCTAssertEqual(try filled(x, .mean, groups: g), doubles([1, 10, 2, 10, 3, 10, nil]))
        XCTAssertEqual(try filled(x, .forward, groups: g), ints([1, 10, 1, 10, 3, 10, nil]))
        XCTAssertEqual(try filled(x, .mode, groups: g), ints([1, 10, 1, 10, 3, 10, nil]))
        // The previous row belongs to another group, so a group's leading null stays null.
        XCTAssertEqual(try filled(ints([5, nil]), .forward, groups: ["a", "b"]), ints([5, nil]))
        // Null is a group of its own.
        XCTAssertEqual(try filled(ints([nil, 2, nil, 8]), .median, groups: [nil, nil, "a", "a"]), doubles([2, 2, 8, 8]))
    }

    func testTypeRulesAndMessages() throws {
        func message(_ type: DataType, _ s: FillStrategy) -> String? {
            do { _ = try s.resultType(for: type, column: "x"); return nil } catch { return "\(error)" }
        }
        XCTAssertEqual(message(.int, .value(.string("a"))), "cannot fill int column 'x' with string value 'a'")
        XCTAssertEqual(message(.string, .value(.int(3))), "cannot fill string column 'x' with int value 3")
        XCTAssertEqual(message(.string, .mean), "cannot fill string column 'x' with its mean; mean needs an int or double column (use mode or a value)")
        XCTAssertEqual(message(.int, .value(.null)), "cannot fill column 'x' with null; give a value or mean, median, mode or forward")
        XCTAssertNil(message(.timestamp, .forward))
        XCTAssertEqual(try FillStrategy.median.resultType(for: .int, column: "x"), .double)
        XCTAssertEqual(try FillStrategy.mode.resultType(for: .string, column: "x"), .string)
    }

    func testColumnsKeepTheirPlacesAndEachIsFilledOnce() throws {
        let f = frame([("a", ints([1, nil])), ("b", strings([nil, "q"])), ("c", ints([nil, 2]))])
        let out = try f.filling([("c", .mean), ("a", .value(.int(9)))])
        XCTAssertEqual(out.columnNames, ["a", "b", "c"])
        XCTAssertEqual(out.schema.map(\.type), [.int, .string, .double])
        XCTAssertEqual(out.column(at: 0), ints([1, 9]))
        XCTAssertEqual(out.column(at: 2), doubles([2, 2]))
        XCTAssertThrowsError(try f.filling([("a", .mean), ("a", .mode)])) {
            XCTAssertEqual($0 as? FrameError, .invalidArgument("column 'a' is filled twice"))
        }
        XCTAssertThrowsError(try f.filling([("zz", .mean)]))
    }

    func testFillOfASelectedFrame() throws {
        let f = frame([("a", ints([nil, 1, nil, 3, nil]))]).selecting(rows: RowSelection([4, 3, 2]))
        XCTAssertEqual(try f.filling([("a", .forward)]).column(at: 0), ints([nil, 3, 3]))
    }

    func testSelectionAndMedianMatchSorting() throws {
        var rng = SeededGenerator(seed: 1)
        for n in [1, 2, 3, 4, 5, 10, 63, 64, 65, 1000] {
            for round in 0..<4 {
                // Many ties in some rounds, few in others.
                let v = (0..<n).map { _ in Double(rng.below(round.isMultiple(of: 2) ? 5 : 1_000_000)) - 2 }
                let sorted = v.sorted()
                let expected = sorted.withUnsafeBufferPointer { Statistics.quantile(sorted: $0, 0.5) }
                XCTAssertEqual(try filled(doubles([nil] + v.map { Optional($0) }), .median)[0], .double(expected ?? .nan), "n \(n)")
                for k in [0, n / 3, n / 2, n - 1] {
                    var w = v
                    let got = w.withUnsafeMutableBufferPointer { NullFilling.select($0, k) }
                    XCTAssertEqual(got, sorted[k], "select \(k) of \(n)")
                    XCTAssertTrue(w[..<k].allSatisfy { $0 <= got } && w[(k + 1)...].allSatisfy { $0 >= got })
                }
            }
        }
    }

    func testCountedAndSortedModesAgree() throws {
        // A narrow span is counted, a wide one sorted; ties go to the smallest either way.
        XCTAssertEqual(try filled(ints([1 << 40, 5, 5, 1 << 40, nil, -(1 << 40)]), .mode)[4], .int(5))
        XCTAssertEqual(try filled(ints([1 << 40, 5, 1 << 40, nil]), .mode)[3], .int(1 << 40))
        XCTAssertEqual(try filled(ints([9, 5, 9, 5, nil]), .mode)[4], .int(5))
        XCTAssertEqual(NullFilling.countedMode([3, 1, 3, 1, 2]), 1)
        XCTAssertNil(NullFilling.countedMode([0, 1 << 40]))
        XCTAssertNil(NullFilling.countedMode([]))
    }
}
