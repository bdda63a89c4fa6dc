// Tests for the agg verb: grouped and ungrouped results, bind-time checks, and aggregates called on column values.
import XCTest
import SiftFrame
import SiftLang
@testable import SiftSession

final class AggVerbsTests: XCTestCase {
    /// A session with `shop` (a frame) and `by_user` (the same frame grouped by `user`).
    func session() throws -> CapturedSession {
        let c = CapturedSession()
        let f = try DataFrame(columns: [
            ("user", .string(StringColumn(["ann", "bob", "ann", "cy", "bob", "ann"]))),
            ("price", .double(Column<Double>([10, 4, nil, 7, 6, 2]))),
            ("bought", .bool(Column<Bool>([true, false, false, nil, true, true]))),
            ("qty", .int(Column<Int64>([1, 2, 3, 4, 5, 6]))),
        ])
        c.session.interpreter.globals.bind("shop", .frame(f))
        c.session.interpreter.globals.bind("nothing", .frame(f.selecting(rows: RowSelection([]))))
        let g = Grouping(keys: [try f.column(named: "user")])
        c.session.interpreter.globals.bind("by_user", .grouped(GroupedValue(frame: f, keys: ["user"], grouping: g)))
        return c
    }

    func frameValue(_ c: CapturedSession, _ code: String) throws -> DataFrame {
        let out = c.run("let result = " + code)
        XCTAssertEqual(out, "", out)
        guard case .frame(let f)? = c.session.interpreter.globals.lookup("result") else {
            XCTFail("no frame for \(code)")
            return .empty
        }
        return f
    }

    func testGroupedAggGivesKeysThenResults() throws {
        let c = try session()
        let f = try frameValue(c, "by_user | agg n = count(), spent = sum(price), rate = sum(bought) / count(), top = max(qty)")
        XCTAssertEqual(f.columnNames, ["user", "n", "spent", "rate", "top"])
        XCTAssertEqual(try f.column(named: "user"), .string(StringColumn(["ann", "bob", "cy"])))
        XCTAssertEqual(try f.column(named: "n"), .int(Column<Int64>([3, 2, 1])))
        XCTAssertEqual(try f.column(named: "spent"), .double(Column<Double>([12, 10, 7])))
        // ann bought 2 of 3, bob 1 of 2, cy's only value is null: sum is null.
        XCTAssertEqual(try f.column(named: "rate"), .double(Column<Double>([2.0 / 3, 0.5, nil])))
        XCTAssertEqual(try f.column(named: "top"), .int(Column<Int64>([6, 5, 4])))
    }

    func testUngroupedAggGivesOneRow() throws {
        let c = try session()
        let f = try frameValue(c, "shop | agg n = count(), avg = mean(price), buyers = n_unique(user), med = median(qty)")
        XCTAssertEqual(f.rowCount, 1)
        XCTAssertEqual(f.row(0), [.int(6), .double(29.0 / 5), .int(3), .double(3.5)])
        let empty = try frameValue(c, "nothing | agg n = count(), s = sum(price)")
        XCTAssertEqual(empty.row(0), [.int(0), .null])
    }

    func testKeysMayBeUsedBareAndConstantsAreRepeated() throws {
        let c = try session()
        let f = try frameValue(c, "by_user | agg who = user, one = 1, label = \"x\"")
        XCTAssertEqual(f.columnNames, ["user", "who", "one", "label"])
        XCTAssertEqual(f.row(2), [.string("cy"), .string("cy"), .int(1), .string("x")])
    }

    func testBareNonKeyColumnIsABindErrorAtTheColumn() throws {
        let c = try session()
        let out = c.run("by_user | agg n = count(), p = price + 1")
        XCTAssertTrue(out.hasPrefix("t.sift:1:32: error: column 'price' must be inside an aggregate here, such as first(price) or mean(price)"), out)
        XCTAssertTrue(out.contains("only the grouping keys (user) may be used bare"), out)
        let ungrouped = c.run("shop | agg p = mean(price) + qty")
        XCTAssertTrue(ungrouped.hasPrefix("t.sift:1:30: error: column 'qty' must be inside an aggregate"), ungrouped)
    }

    func testResultNamesMustBeNewAndDistinct() throws {
        let c = try session()
        XCTAssertTrue(c.run("by_user | agg user = count()").contains("would replace the grouping key 'user'"))
        XCTAssertTrue(c.run("shop | agg n = count(), n = sum(qty)").contains("'agg' result 'n' is named twice"))
        XCTAssertTrue(c.run("shop | agg").contains("'agg' needs name = aggregate"))
        XCTAssertTrue(c.run("shop | agg mean(price)").contains("'agg' takes no plain arguments"))
    }

    func testUnknownColumnAndTypeErrorsAreReportedAtBindTime() throws {
        let c = try session()
        XCTAssertTrue(c.run("shop | agg m = mean(prce)").contains("unknown column 'prce' (did you mean 'price'?)"))
        XCTAssertTrue(c.run("shop | agg m = mean(user)").contains("bad argument #1 to 'mean' (number, bool or duration expected, got string)"))
        let q = c.run("shop | agg m = quantile(qty, 2)")
        XCTAssertTrue(q.contains("bad argument #2 to 'quantile' (number in [0, 1] expected, got 2)"), q)
    }

    func testOutputTypesAreKnownAtBindTime() throws {
        let c = try session()
        _ = c.run("let t = shop | agg s = sum(qty), m = mean(qty), lo = min(user), nu = n_unique(price), z = sum(null)")
        guard case .frame(let f)? = c.session.interpreter.globals.lookup("t") else { return XCTFail("no frame") }
        XCTAssertEqual(f.schema.map(\.type), [.int, .double, .string, .int, .double])
    }

    func testAggregatesInDeriveAreBroadcastPerGroup() throws {
        let c = try session()
        _ = c.run("let t = by_user | derive share = qty / sum(qty), pos = row_number(), prev = lag(qty)")
        guard case .grouped(let g)? = c.session.interpreter.globals.lookup("t") else { return XCTFail("no grouped frame") }
        // ann: qty 1, 3, 6 (sum 10); bob: 2, 5 (sum 7); cy: 4.
        XCTAssertEqual(try g.frame.column(named: "share"), .double(Column<Double>([0.1, 2.0 / 7, 0.3, 1, 5.0 / 7, 0.6])))
        XCTAssertEqual(try g.frame.column(named: "pos"), .int(Column<Int64>([1, 1, 2, 1, 2, 3])))
        XCTAssertEqual(try g.frame.column(named: "prev"), .int(Column<Int64>([nil, nil, 1, nil, 2, 3])))
    }

    func testEveryAggregateWorksOnAColumnValue() throws {
        let c = try session()
        let cases: [(String, String)] = [
            ("shop.price | count", "5"), ("count(shop.price)", "5"), ("shop.qty | sum", "21"), ("shop.price | mean", "5.8"),
            ("shop.qty | median", "3.5"), ("shop.qty | quantile(0.25)", "2.25"), ("quantile(shop.qty, 0.25)", "2.25"),
            ("shop.user | min", "\"ann\""), ("shop.user | max", "\"cy\""), ("shop.qty | var", "3.5"),
            ("shop.user | n_unique", "3"), ("shop.price | first", "10.0"), ("shop.price | last", "2.0"),
            ("shop.bought | any", "true"), ("shop.bought | all", "false"), ("shop.user | mode", "\"ann\""),
            ("shop.bought | sum", "3"),
        ]
        for (code, want) in cases {
            let out = c.run("let v = " + code)
            XCTAssertEqual(out, "", code)
            guard let v = c.session.interpreter.globals.lookup("v") else { XCTFail(code); continue }
            XCTAssertEqual(ValueText.of(v), want, code)
        }
        let std = c.run("let v = shop.qty | std")
        XCTAssertEqual(std, "")
        if case .scalar(.double(let s))? = c.session.interpreter.globals.lookup("v") {
            XCTAssertEqual(s, 3.5.squareRoot(), accuracy: 1e-12)
        } else {
            XCTFail("std")
        }
    }
}
