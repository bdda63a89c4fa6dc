// Tests for the aggregate functions: hand-worked groups with nulls in every position, types, errors, broadcast.
import XCTest
@testable import SiftFrame

final class AggregateFunctionsTests: XCTestCase {
    // Groups (first-seen order): g0 = rows 0, 2, 5; g1 = rows 1, 4; g2 = rows 3, 6 (all x null); g3 = row 7.
    let df = frame([
        ("k", ints([1, 2, 1, 3, 2, 1, 3, 4])),
        ("x", ints([4, nil, 1, nil, 5, 4, nil, 7])),
        ("d", doubles([0.5, nil, -1.5, nil, 2, 0.5, nil, 3.25])),
        ("s", strings(["b", nil, "a", nil, "c", "b", nil, "a"])),
        ("p", bools([true, nil, false, nil, nil, true, nil, false])),
    ])

    var grouping: Grouping { Grouping(keys: [ints([1, 2, 1, 3, 2, 1, 3, 4])]) }

    /// Evaluates `name(args)` per group of `grouping` (or of the whole frame when nil).
    func agg(_ name: String, _ args: [Expr], frame f: DataFrame? = nil, grouped: Bool = true) throws -> AnyColumn {
        let f = f ?? df
        let ev = ExpressionEvaluator(frame: f, grouping: grouped ? Grouping(keys: [try f.column(named: "k")]) : nil, keys: ["k"])
        let c = try ev.aggregate(.call(name, args))
        checkColumn(c)
        return c
    }

    func testGroupingIsAsDocumented() {
        XCTAssertEqual(grouping.groupIDs, [0, 1, 0, 2, 1, 0, 2, 3])
    }

    func testCountsRowsAndNonNullValues() throws {
        XCTAssertEqual(try agg("count", []), ints([3, 2, 2, 1]))
        XCTAssertEqual(try agg("count", [.column("x")]), ints([3, 1, 0, 1]))
        XCTAssertEqual(try agg("count", [.column("s")]), ints([3, 1, 0, 1]))
        XCTAssertEqual(try agg("count", [.literal(.null)]), ints([0, 0, 0, 0]))
        XCTAssertEqual(try agg("count", [.literal(.int(1))]), ints([3, 2, 2, 1]))
    }

    func testSumMeanOfIntsAndDoubles() throws {
        XCTAssertEqual(try agg("sum", [.column("x")]), ints([9, 5, nil, 7]))
        XCTAssertEqual(try agg("mean", [.column("x")]), doubles([3, 5, nil, 7]))
        XCTAssertEqual(try agg("sum", [.column("d")]), doubles([-0.5, 2, nil, 3.25]))
        XCTAssertEqual(try agg("mean", [.column("d")]), doubles([-0.5 / 3, 2, nil, 3.25]))
    }

    func testSumOfBoolsCountsTrues() throws {
        XCTAssertEqual(try agg("sum", [.column("p")]), ints([2, nil, nil, 0]))
        XCTAssertEqual(try agg("mean", [.column("p")]), doubles([2.0 / 3, nil, nil, 0]))
    }

    func testVarianceAndStdAreSampleStatistics() throws {
        // g0 = 4, 1, 4: mean 3, squared deviations 1 + 4 + 1 = 6, / (3 - 1) = 3.
        XCTAssertEqual(try agg("var", [.column("x")]), doubles([3, nil, nil, nil]))
        let std = try agg("std", [.column("x")])
        assertClose(std[0].numericValue, 3.0.squareRoot())
        XCTAssertEqual(std.nullCount, 3)
    }

    func testMedianAndQuantileInterpolate() throws {
        XCTAssertEqual(try agg("median", [.column("x")]), doubles([4, 5, nil, 7]))
        // g0 sorted 1, 4, 4: h = 2 × 0.25 = 0.5, so 1 + 0.5 × (4 - 1) = 2.5.
        XCTAssertEqual(try agg("quantile", [.column("x"), .literal(.double(0.25))]), doubles([2.5, 5, nil, 7]))
        XCTAssertEqual(try agg("quantile", [.column("x"), .literal(.int(1))]), doubles([4, 5, nil, 7]))
        XCTAssertEqual(try agg("quantile", [.column("x"), .literal(.int(0))]), doubles([1, 5, nil, 7]))
    }

    func testQuantileOutsideTheUnitIntervalIsABadArgument() {
        XCTAssertThrowsError(try agg("quantile", [.column("x"), .literal(.double(1.5))])) { e in
            XCTAssertEqual(e as? FrameError, .invalidArgument("bad argument #2 to 'quantile' (number in [0, 1] expected, got 1.5)"))
        }
        XCTAssertThrowsError(try agg("quantile", [.column("x"), .column("x")])) { e in
            XCTAssertEqual(e as? FrameError, .typeMismatch("bad argument #2 to 'quantile' (constant number in [0, 1] expected, got int)"))
        }
    }

    func testMinMaxKeepTypes() throws {
        XCTAssertEqual(try agg("min", [.column("x")]), ints([1, 5, nil, 7]))
        XCTAssertEqual(try agg("max", [.column("x")]), ints([4, 5, nil, 7]))
        XCTAssertEqual(try agg("min", [.column("d")]), doubles([-1.5, 2, nil, 3.25]))
        XCTAssertEqual(try agg("max", [.column("s")]), strings(["b", "c", nil, "a"]))
        XCTAssertEqual(try agg("min", [.column("s")]), strings(["a", "c", nil, "a"]))
        XCTAssertEqual(try agg("min", [.column("p")]), bools([false, nil, nil, false]))
        XCTAssertEqual(try agg("max", [.column("p")]), bools([true, nil, nil, false]))
    }

    func testFirstAndLastSkipNulls() throws {
        XCTAssertEqual(try agg("first", [.column("x")]), ints([4, 5, nil, 7]))
        XCTAssertEqual(try agg("last", [.column("d")]), doubles([0.5, 2, nil, 3.25]))
        XCTAssertEqual(try agg("first", [.column("s")]), strings(["b", "c", nil, "a"]))
        XCTAssertEqual(try agg("last", [.column("s")]), strings(["b", "c", nil, "a"]))
        XCTAssertEqual(try agg("last", [.column("p")]), bools([true, nil, nil, false]))
        let one = frame([("k", ints([1, 1, 1])), ("x", ints([nil, 2, nil]))])
        XCTAssertEqual(try agg("first", [.column("x")], frame: one), ints([2]))
        XCTAssertEqual(try agg("last", [.column("x")], frame: one), ints([2]))
        XCTAssertEqual(try agg("last", [.column("x")], frame: one, grouped: false), ints([2]))
        XCTAssertEqual(try agg("first", [.column("x")], frame: one, grouped: false), ints([2]))
    }

    func testAnyAllOfNoValueAreFalseAndTrue() throws {
        XCTAssertEqual(try agg("any", [.column("p")]), bools([true, false, false, false]))
        XCTAssertEqual(try agg("all", [.column("p")]), bools([false, true, true, false]))
    }

    func testNUniqueIgnoresNulls() throws {
        XCTAssertEqual(try agg("n_unique", [.column("x")]), ints([2, 1, 0, 1]))
        XCTAssertEqual(try agg("n_unique", [.column("s")]), ints([2, 1, 0, 1]))
        XCTAssertEqual(try agg("n_unique", [.column("p")]), ints([2, 0, 0, 1]))
        let z = frame([("k", ints([1, 1, 1])), ("x", doubles([0.0, -0.0, 1]))])
        XCTAssertEqual(try agg("n_unique", [.column("x")], frame: z), ints([2]))
    }

    func testModeBreaksTiesBySmallest() throws {
        XCTAssertEqual(try agg("mode", [.column("x")]), ints([4, 5, nil, 7]))
        let t = frame([("k", ints([1, 1, 1, 1, 1, 2, 2])), ("x", ints([3, 1, 3, 1, 2, 9, 8])),
                       ("s", strings(["b", "a", "b", "a", "c", "z", "y"]))])
        XCTAssertEqual(try agg("mode", [.column("x")], frame: t), ints([1, 8]))
        XCTAssertEqual(try agg("mode", [.column("s")], frame: t), strings(["a", "y"]))
        let dict = frame([("k", ints([1, 1, 1])), ("s", .string(StringColumn(["q", "p", "q"]).dictionaryEncoded()))])
        XCTAssertEqual(try agg("mode", [.column("s")], frame: dict), strings(["q"]))
    }

    func testTimestampsAndDurations() throws {
        let t0 = Timestamp(year: 2024, month: 4, day: 1)!, t1 = Timestamp(year: 2024, month: 4, day: 2)!
        let f = frame([
            ("k", ints([1, 1, 2, 1])),
            ("t", .timestamp(Column([t1, t0, nil, nil]))),
            ("u", .duration(Column([Duration(micros: 30), Duration(micros: 1), nil, Duration(micros: 30)]))),
        ])
        XCTAssertEqual(try agg("min", [.column("t")], frame: f), .timestamp(Column([t0, nil])))
        XCTAssertEqual(try agg("max", [.column("t")], frame: f), .timestamp(Column([t1, nil])))
        XCTAssertEqual(try agg("first", [.column("t")], frame: f), .timestamp(Column([t1, nil])))
        XCTAssertEqual(try agg("sum", [.column("u")], frame: f), .duration(Column([Duration(micros: 61), nil])))
        // 61 / 3 = 20.33 µs rounds to 20.
        XCTAssertEqual(try agg("mean", [.column("u")], frame: f), .duration(Column([Duration(micros: 20), nil])))
        XCTAssertEqual(try agg("max", [.column("u")], frame: f), .duration(Column([Duration(micros: 30), nil])))
        XCTAssertEqual(try agg("mode", [.column("u")], frame: f), .duration(Column([Duration(micros: 30), nil])))
        XCTAssertEqual(try agg("n_unique", [.column("t")], frame: f), ints([2, 0]))
    }

    func testIntSumIsExactAndOverflowIsAnError() throws {
        let ok = frame([("k", ints([1, 1, 1])), ("x", ints([Int64.max, 1, -1]))])
        XCTAssertEqual(try agg("sum", [.column("x")], frame: ok), ints([Int64.max]))
        XCTAssertEqual(try agg("sum", [.column("x")], frame: ok, grouped: false), ints([Int64.max]))
        let bad = frame([("k", ints([1, 1])), ("x", ints([Int64.max, 1]))])
        for grouped in [true, false] {
            XCTAssertThrowsError(try agg("sum", [.column("x")], frame: bad, grouped: grouped)) { e in
                XCTAssertEqual(e as? FrameError, .invalidArgument("integer overflow in 'sum'; cast to double with float(x) first"))
            }
        }
        // The mean of ints too large to sum in 64 bits is still right.
        let big = frame([("k", ints([1, 1])), ("x", ints([Int64.max, Int64.max]))])
        assertClose(try agg("mean", [.column("x")], frame: big)[0].numericValue, Double(Int64.max))
    }

    func testUngroupedEmptyFrameGivesOneRow() throws {
        let e = frame([("k", ints([])), ("x", ints([])), ("p", bools([]))])
        XCTAssertEqual(try agg("count", [], frame: e, grouped: false), ints([0]))
        XCTAssertEqual(try agg("sum", [.column("x")], frame: e, grouped: false), ints([nil]))
        XCTAssertEqual(try agg("mean", [.column("x")], frame: e, grouped: false), doubles([nil]))
        XCTAssertEqual(try agg("median", [.column("x")], frame: e, grouped: false), doubles([nil]))
        XCTAssertEqual(try agg("min", [.column("x")], frame: e, grouped: false), ints([nil]))
        XCTAssertEqual(try agg("first", [.column("x")], frame: e, grouped: false), ints([nil]))
        XCTAssertEqual(try agg("n_unique", [.column("x")], frame: e, grouped: false), ints([0]))
        XCTAssertEqual(try agg("any", [.column("p")], frame: e, grouped: false), bools([false]))
        XCTAssertEqual(try agg("all", [.column("p")], frame: e, grouped: false), bools([true]))
        XCTAssertEqual(try agg("var", [.column("x")], frame: e, grouped: false), doubles([nil]))
        XCTAssertEqual(try agg("mode", [.column("x")], frame: e, grouped: false), ints([nil]))
        // Grouped with no rows: no groups.
        XCTAssertEqual(try agg("sum", [.column("x")], frame: e).count, 0)
        XCTAssertEqual(try agg("median", [.column("x")], frame: e).count, 0)
    }

    func testSingleValueGroups() throws {
        let one = frame([("k", ints([9])), ("x", doubles([2.5]))])
        for name in ["sum", "mean", "median", "min", "max", "first", "last", "mode"] {
            XCTAssertEqual(try agg(name, [.column("x")], frame: one), doubles([2.5]), name)
        }
        XCTAssertEqual(try agg("var", [.column("x")], frame: one), doubles([nil]))
        XCTAssertEqual(try agg("std", [.column("x")], frame: one), doubles([nil]))
        XCTAssertEqual(try agg("n_unique", [.column("x")], frame: one), ints([1]))
    }

    func testTypeRulesRejectWrongArguments() {
        let r = FunctionRegistry.shared
        XCTAssertThrowsError(try r.resolve("sum", [ArgumentInfo(type: .string)])) { e in
            XCTAssertEqual(e as? FrameError, .typeMismatch("bad argument #1 to 'sum' (number, bool or duration expected, got string)"))
        }
        XCTAssertThrowsError(try r.resolve("any", [ArgumentInfo(type: .int)])) { e in
            XCTAssertEqual(e as? FrameError, .typeMismatch("bad argument #1 to 'any' (bool expected, got int)"))
        }
        XCTAssertThrowsError(try r.resolve("median", [ArgumentInfo(type: .timestamp)]))
        XCTAssertEqual(try r.resolve("sum", [ArgumentInfo(type: .bool)]), .int)
        XCTAssertEqual(try r.resolve("mean", [ArgumentInfo(type: .duration)]), .duration)
        XCTAssertEqual(try r.resolve("mean", [ArgumentInfo(type: .int)]), .double)
        XCTAssertEqual(try r.resolve("min", [ArgumentInfo(type: .string)]), .string)
        XCTAssertEqual(try r.resolve("mode", [ArgumentInfo(type: .timestamp)]), .timestamp)
        XCTAssertEqual(try r.resolve("n_unique", [ArgumentInfo(type: .string)]), .int)
        XCTAssertEqual(try r.resolve("count", []), .int)
        XCTAssertEqual(try r.resolve("quantile", [ArgumentInfo(type: .int), ArgumentInfo(constant: .double(0.5))]), .double)
    }

    func testAggregateInRowContextIsBroadcastToItsGroup() throws {
        let ev = ExpressionEvaluator(frame: df, grouping: grouping)
        // x - mean(x) per group: g0 mean 3, g1 mean 5, g2 none, g3 mean 7.
        let c = try ev.column(.call("-", [.column("x"), .call("mean", [.column("x")])]))
        XCTAssertEqual(c, doubles([1, nil, -2, nil, 0, 1, nil, 0]))
        XCTAssertEqual(try ev.column(.call("count", [])), ints([3, 2, 3, 2, 2, 3, 2, 1]))
        let whole = try ExpressionEvaluator(frame: df).column(.call("sum", [.column("x")]))
        XCTAssertEqual(whole, ints([Int64](repeating: 21, count: 8)))
    }

    func testAggregatesCombineAtGroupLevel() throws {
        let ev = ExpressionEvaluator(frame: df, grouping: grouping, keys: ["k"])
        let rate = try ev.aggregate(.call("/", [.call("sum", [.column("x")]), .call("count", [])]))
        XCTAssertEqual(rate, doubles([3, 2.5, nil, 7]))
        XCTAssertEqual(try ev.aggregate(.column("k")), ints([1, 2, 3, 4]))
        XCTAssertThrowsError(try ev.aggregate(.column("x")))
    }

    /// Every aggregate at the boundary sizes, nulls in every position, grouped in three
    /// interleaved groups and ungrouped, against a direct computation on Swift arrays.
    func testBoundarySizesAgainstDirectComputation() throws {
        try withEvery("n", in: boundarySizes) { n in
            for seed in 0..<3 {
                let valid = nullPattern(n, period: 3 + seed, seed: seed)
                let raw = (0..<n).map { Int64(($0 * 37 + seed * 11) % 17) - 8 }
                let xs: [Int64?] = (0..<n).map { valid[$0] ? raw[$0] : nil }
                let keys: [Int64] = (0..<n).map { Int64(($0 * $0 + seed) % 3) }
                let f = frame([("k", ints(keys)), ("x", ints(xs))])
                for grouped in [true, false] {
                    let g = grouped ? Grouping(keys: [ints(keys)]) : .single(rowCount: n)
                    var members = [[Int64]](repeating: [], count: g.groupCount)
                    for i in 0..<n { if let v = xs[i] { members[g.group(ofRow: i)].append(v) } }
                    func check(_ name: String, _ args: [Expr] = [.column("x")], _ want: (([Int64]) -> Scalar)) throws {
                        let got = try agg(name, args, frame: f, grouped: grouped)
                        XCTAssertEqual(got.count, g.groupCount, "\(name) n=\(n)")
                        for k in 0..<g.groupCount {
                            let w = want(members[k]), r = got[k]
                            if case .double(let a) = w, case .double(let b) = r {
                                assertClose(a, b, rel: 1e-12)
                            } else {
                                XCTAssertEqual(r, w, "\(name) n=\(n) seed=\(seed) grouped=\(grouped) group \(k)")
                            }
                        }
                    }
                    let sizes = g.sizes()
                    let c = try? agg("count", [], frame: f, grouped: grouped)
                    XCTAssertEqual(c, ints(sizes.map { Int64($0) }))
                    XCTAssertNoThrow(try check("count") { .int(Int64($0.count)) })
                    XCTAssertNoThrow(try check("sum") { $0.isEmpty ? .null : .int($0.reduce(0, +)) })
                    XCTAssertNoThrow(try check("mean") { $0.isEmpty ? .null : .double(Double($0.reduce(0, +)) / Double($0.count)) })
                    XCTAssertNoThrow(try check("min") { $0.min().map(Scalar.int) ?? .null })
                    XCTAssertNoThrow(try check("max") { $0.max().map(Scalar.int) ?? .null })
                    XCTAssertNoThrow(try check("first") { $0.first.map(Scalar.int) ?? .null })
                    XCTAssertNoThrow(try check("last") { $0.last.map(Scalar.int) ?? .null })
                    XCTAssertNoThrow(try check("n_unique") { .int(Int64(Set($0).count)) })
                    XCTAssertNoThrow(try check("mode") { Statistics.mode($0).map(Scalar.int) ?? .null })
                    XCTAssertNoThrow(try check("median") { Statistics.quantile($0.map(Double.init), 0.5).map(Scalar.double) ?? .null })
                    XCTAssertNoThrow(try check("quantile", [.column("x"), .literal(.double(0.3))]) {
                        Statistics.quantile($0.map(Double.init), 0.3).map(Scalar.double) ?? .null
                    })
                    XCTAssertNoThrow(try check("var") { m in
                        m.map(Double.init).withUnsafeBufferPointer { Statistics.variance($0) }.map(Scalar.double) ?? .null
                    })
                }
            }
        }
    }
}
