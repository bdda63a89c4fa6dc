// Cross-check of every aggregate against pandas on a seeded table (constants computed by pandas 3.1, see below).
import XCTest
@testable import SiftFrame

/// The table is 240 rows from a 64-bit LCG (`s = s × 6364136223846793005 + 1442695040888963407`,
/// seed 2026, five draws `>> 33` per row); pandas computed the expected values with
/// `df.groupby("k", sort=False)` and `count`/`size`, `sum(min_count=1)`, `mean`, `median`,
/// `quantile(0.3)`, `min`, `max`, `std`, `var`, `nunique`, `first`, `last`,
/// `agg(lambda t: t.mode().min())`, and `any`/`all` of the non-null bools, printed with
/// Python's `repr`.
/// Group `k = 5` has no non-null `x`.
final class AggregatePandasCrossCheckTests: XCTestCase {
    static let words = ["pear", "fig", "apple", "kiwi", "date", "lime", "plum"]

    static let table: DataFrame = {
        var s: UInt64 = 2026
        func next() -> UInt64 {
            s = s &* 6364136223846793005 &+ 1442695040888963407
            return s >> 33
        }
        var k: [Int64] = [], x: [Double?] = [], w: [Int64?] = [], str: [String?] = [], b: [Bool?] = []
        for i in 0..<240 {
            let a = next(), c = next(), d = next(), e = next(), f = next()
            k.append(i % 18 == 4 ? 5 : Int64(a % 5))
            x.append(i % 9 == 4 ? nil : Double(c % 20001) / 100.0 - 100.0)
            w.append(i % 11 == 3 ? nil : Int64(d % 41) - 20)
            str.append(i % 13 == 0 ? nil : words[Int(e % 7)])
            b.append(i % 7 == 6 ? nil : f % 3 == 0)
        }
        return try! DataFrame(columns: [("k", .int(Column(k))), ("x", .double(Column(x))), ("w", .int(Column(w))),
                                        ("s", .string(StringColumn(str).dictionaryEncoded())), ("b", .bool(Column(b)))])
    }()

    /// pandas' results per group, in first-seen key order 2, 0, 1, 5, 4, 3.
    static let expected: [String: [Scalar]] = [
        "count()": [.int(51), .int(46), .int(37), .int(14), .int(48), .int(44)],
        "count(x)": [.int(48), .int(45), .int(34), .int(0), .int(43), .int(43)],
        "sum(x)": [.double(-431.32), .double(48.75000000000006), .double(23.279999999999987), .null, .double(-143.65999999999994), .double(-81.38999999999999)],
        "mean(x)": [.double(-8.985833333333334), .double(1.0833333333333346), .double(0.6847058823529408), .null, .double(-3.3409302325581383), .double(-1.8927906976744182)],
        "median(x)": [.double(-10.060000000000002), .double(12.450000000000003), .double(0.10500000000000398), .null, .double(-15.569999999999993), .double(-6.209999999999994)],
        "quantile(x, 0.3)": [.double(-63.472), .double(-46.94400000000002), .double(-45.881), .null, .double(-46.508), .double(-48.516000000000005)],
        "min(x)": [.double(-96.07), .double(-99.98), .double(-92.75), .null, .double(-99.35), .double(-99.84)],
        "max(x)": [.double(99.63999999999999), .double(95.0), .double(85.68), .null, .double(97.86000000000001), .double(99.08000000000001)],
        "std(x)": [.double(63.566722554431394), .double(59.886028914020585), .double(57.2691417376358), .null, .double(61.56019128864868), .double(64.65790793625514)],
        "var(x)": [.double(4040.7282163120567), .double(3586.3364590909096), .double(3279.7545953654185), .null, .double(3789.657151495017), .double(4180.645058693246)],
        "n_unique(x)": [.int(48), .int(45), .int(34), .int(0), .int(43), .int(43)],
        "first(x)": [.double(-6.930000000000007), .double(60.30000000000001), .double(-92.75), .null, .double(63.75999999999999), .double(-94.07)],
        "last(x)": [.double(35.18000000000001), .double(81.5), .double(65.71000000000001), .null, .double(-77.77), .double(-73.71000000000001)],
        "mode(x)": [.double(-96.07), .double(-99.98), .double(-92.75), .null, .double(-99.35), .double(-99.84)],
        "count(w)": [.int(48), .int(42), .int(36), .int(13), .int(43), .int(36)],
        "sum(w)": [.int(36), .int(24), .int(102), .int(-8), .int(76), .int(42)],
        "mean(w)": [.double(0.75), .double(0.5714285714285714), .double(2.8333333333333335), .double(-0.6153846153846154), .double(1.7674418604651163), .double(1.1666666666666667)],
        "median(w)": [.double(1.0), .double(1.0), .double(2.0), .double(1.0), .double(3.0), .double(2.0)],
        "quantile(w, 0.3)": [.double(-6.9), .double(-5.0), .double(-3.0), .double(-11.0), .double(-5.4), .double(-7.5)],
        "min(w)": [.int(-17), .int(-20), .int(-18), .int(-18), .int(-20), .int(-18)],
        "max(w)": [.int(20), .int(19), .int(20), .int(20), .int(20), .int(19)],
        "std(w)": [.double(10.796965688799164), .double(10.729814530579135), .double(10.524800642835405), .double(12.553475359028813), .double(12.539152415538728), .double(11.881558339352148)],
        "var(w)": [.double(116.5744680851064), .double(115.12891986062715), .double(110.77142857142857), .double(157.5897435897436), .double(157.23034330011075), .double(141.17142857142858)],
        "n_unique(w)": [.int(27), .int(26), .int(24), .int(11), .int(28), .int(24)],
        "first(w)": [.int(-9), .int(-13), .int(-4), .int(-12), .int(-13), .int(-18)],
        "last(w)": [.int(8), .int(-4), .int(-1), .int(1), .int(-5), .int(-10)],
        "mode(w)": [.int(-10), .int(-7), .int(2), .int(-11), .int(17), .int(19)],
        "min(s)": [.string("apple"), .string("apple"), .string("apple"), .string("apple"), .string("apple"), .string("apple")],
        "max(s)": [.string("plum"), .string("plum"), .string("plum"), .string("plum"), .string("plum"), .string("plum")],
        "first(s)": [.string("plum"), .string("plum"), .string("fig"), .string("lime"), .string("apple"), .string("pear")],
        "last(s)": [.string("apple"), .string("pear"), .string("plum"), .string("date"), .string("pear"), .string("apple")],
        "n_unique(s)": [.int(7), .int(7), .int(7), .int(6), .int(7), .int(7)],
        "mode(s)": [.string("apple"), .string("pear"), .string("date"), .string("apple"), .string("lime"), .string("date")],
        "any(b)": [.bool(true), .bool(true), .bool(true), .bool(true), .bool(true), .bool(true)],
        "all(b)": [.bool(false), .bool(false), .bool(false), .bool(false), .bool(false), .bool(false)],
        "sum(b)": [.int(17), .int(13), .int(18), .int(4), .int(16), .int(10)],
    ]

    func parse(_ call: String) -> Expr {
        let name = String(call.prefix { $0 != "(" })
        let inner = call.dropFirst(name.count + 1).dropLast()
        if inner.isEmpty { return .call(name, []) }
        let parts = inner.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var args: [Expr] = [.column(parts[0])]
        if parts.count == 2 { args.append(.literal(.double(Double(parts[1])!))) }
        return .call(name, args)
    }

    func testEveryAggregateMatchesPandasPerGroup() throws {
        let t = Self.table
        let ev = ExpressionEvaluator(frame: t, grouping: Grouping(keys: [try t.column(named: "k")]), keys: ["k"])
        XCTAssertEqual(try ev.aggregate(.column("k")), .int(Column<Int64>([2, 0, 1, 5, 4, 3])))
        for (call, want) in Self.expected.sorted(by: { $0.key < $1.key }) {
            let got = try ev.aggregate(parse(call))
            XCTAssertEqual(got.count, want.count, call)
            for (g, w) in want.enumerated() {
                let r = got[g]
                if case .double(let a) = w {
                    assertClose(r.numericValue, a, rel: 1e-12)
                    XCTAssertEqual(r.type, .double, call)
                } else {
                    XCTAssertEqual(r, w, "\(call) group \(g)")
                }
            }
        }
    }

    func testWholeFrameMatchesPandas() throws {
        let ev = ExpressionEvaluator(frame: Self.table)
        func one(_ e: Expr) throws -> Scalar { try ev.aggregate(e)[0] }
        assertClose(try one(.call("sum", [.column("x")])).numericValue, -584.34)
        assertClose(try one(.call("mean", [.column("x")])).numericValue, -2.743380281690141)
        assertClose(try one(.call("std", [.column("x")])).numericValue, 61.18611772066721)
        assertClose(try one(.call("median", [.column("x")])).numericValue, 0.9000000000000057)
        assertClose(try one(.call("quantile", [.column("x"), .literal(.double(0.3))])).numericValue, -51.806000000000004)
        XCTAssertEqual(try one(.call("sum", [.column("w")])), .int(272))
        assertClose(try one(.call("var", [.column("w")])).numericValue, 127.60656153553458)
        XCTAssertEqual(try one(.call("n_unique", [.column("s")])), .int(7))
        XCTAssertEqual(try one(.call("mode", [.column("s")])), .string("apple"))
        XCTAssertEqual(try one(.call("n_unique", [.column("x")])), .int(211))
    }
}
