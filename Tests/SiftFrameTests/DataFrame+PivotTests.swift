// Tests for pivot: aggregate per cell through the expression evaluator, null for empty cells.
import XCTest
@testable import SiftFrame

final class DataFramePivotTests: XCTestCase {
    /// A registry with one aggregate, so pivot is tested without depending on the aggregate library:
    /// `total(x)`, the sum of the non-null doubles of a group, null when there are none.
    let registry: FunctionRegistry = {
        let total = FunctionDefinition(aggregate: "total", signature: "total(x)", summary: "sum", example: "total(x)",
                                       arity: 1...1, type: { _ in .double }) { args, grouping in
            guard case .column(.double(let c)) = args[0] else { throw FrameError.typeMismatch("total needs doubles") }
            var sums = [Double](repeating: 0, count: grouping.groupCount), seen = [Bool](repeating: false, count: grouping.groupCount)
            Bitmap.forEachValid(c.validity, count: c.count) { i in
                let g = grouping.group(ofRow: i)
                sums[g] += c.values[i]; seen[g] = true
            }
            return .double(Column(values: sums, validity: Bitmap(seen)))
        }
        return FunctionRegistry(families: [ArithmeticFunctions.all, [total]])
    }()

    func testCellsHoldTheAggregateOrNull() throws {
        // pandas 3.1: shop.groupby([country, page], dropna=False)["price"].sum(min_count=1).unstack()
        //   de: NaN 41.0 NaN 3.0 | fr: 10.0 12.0 NaN NaN | it: 8.0 NaN NaN NaN | null: NaN NaN 7.0 NaN
        let shop = frame([
            ("country", strings(["fr", "de", "fr", nil, "de", "fr", "it", "de"])),
            ("page", ints([1, 2, 1, 3, nil, 2, 1, 2])),
            ("price", doubles([10, 20.5, nil, 7, 3, 12, 8, 20.5])),
        ])
        let p = try shop.pivot(rows: "country", columns: "page", value: .call("total", [.column("price")]), registry: registry)
        XCTAssertEqual(p.columnNames, ["country", "1", "2", "3", "null"])
        XCTAssertEqual(p.column(at: 0), strings(["de", "fr", "it", nil]))
        XCTAssertEqual(p.column(at: 1), doubles([nil, 10, 8, nil]))
        XCTAssertEqual(p.column(at: 2), doubles([41, 12, nil, nil]))
        XCTAssertEqual(p.column(at: 3), doubles([nil, nil, nil, 7]))
        XCTAssertEqual(p.column(at: 4), doubles([3, nil, nil, nil]))
        for i in 0..<p.columnCount { checkColumn(p.column(at: i)) }
    }

    func testExpressionsOverAggregatesAndBareKeys() throws {
        let df = frame([("a", ints([1, 1, 2])), ("b", strings(["x", "y", "x"])), ("v", doubles([1, 2, 4]))])
        let twice = Expr.call("*", [.call("total", [.column("v")]), .literal(.int(2))])
        let p = try df.pivot(rows: "a", columns: "b", value: twice, registry: registry)
        XCTAssertEqual(p.column(at: 1), doubles([2, 8]))
        XCTAssertEqual(p.column(at: 2), doubles([4, nil]))
        XCTAssertThrowsError(try df.pivot(rows: "a", columns: "b", value: .column("v"), registry: registry)) { e in
            XCTAssertEqual(e as? FrameError, .invalidArgument("column 'v' must be inside an aggregate here, such as first(v) or mean(v)"))
        }
    }
}
