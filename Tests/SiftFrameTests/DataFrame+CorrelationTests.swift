// Tests for corr: perfect and hand-worked coefficients, pairwise-complete rows cross-checked with pandas, nulls and errors.
import Foundation
import XCTest
@testable import SiftFrame

final class DataFrameCorrelationTests: XCTestCase {
    func value(_ m: DataFrame, _ row: Int, _ col: String) -> Double? {
        (try? m.column(named: col))?[row].numericValue
    }

    func testPerfectAndConstantColumns() throws {
        let f = frame([("x", ints([1, 2, 3, 4])), ("y", doubles([2, 4, 6, 8])), ("z", ints([4, 3, 2, 1])),
                       ("c", doubles([0.1, 0.1, 0.1, 0.1])), ("s", strings(["a", "b", "c", "d"]))])
        let m = try f.correlation()
        XCTAssertEqual(m.columnNames, ["column", "x", "y", "z", "c"], "strings are left out by default")
        XCTAssertEqual(m.column(at: 0), strings(["x", "y", "z", "c"]))
        XCTAssertEqual(value(m, 0, "x"), 1)
        XCTAssertEqual(value(m, 1, "x"), 1)
        XCTAssertEqual(value(m, 2, "x"), -1)
        // A constant column correlates with nothing, itself included (pandas gives NaN).
        for col in ["x", "y", "z", "c"] { XCTAssertNil(value(m, 3, col)) }
        XCTAssertNil(value(m, 0, "c"))
    }

    func testPairwiseCompleteByHand() throws {
        // Common rows (1,2) (3,1) (4,4) (5,3): Σdxdy = 3.5, Σdx² = 8.75, Σdy² = 5; r = 3.5 / √43.75.
        let f = frame([("x", ints([1, 2, 3, 4, 5])), ("y", doubles([2, nil, 1, 4, 3]))])
        let m = try f.correlation()
        assertClose(value(m, 0, "y"), 3.5 / 43.75.squareRoot(), rel: 1e-15)
        assertClose(value(m, 0, "y"), 0.5291502622129182, rel: 1e-15)   // pandas 3.1 df.corr()
        XCTAssertEqual(value(m, 1, "y"), 1)
    }

    func testMatchesPandasWithNullsInEveryColumn() throws {
        // u = 10 sin(0.7 j) + 0.05 j, v = 3 cos(0.3 j) + 0.2 u, w = 13 j mod 17, for j < 200,
        // with nulls where j mod 5 = 0 (u), j mod 7 = 1 (v), j mod 11 = 2 (w).
        let n = 200
        var u: [Double?] = [], v: [Double?] = [], w: [Double?] = []
        for j in 0..<n {
            let x = Double(j)
            let u0: Double = 10 * sin(x * 0.7) + x * 0.05
            let v0: Double = 3 * cos(x * 0.3) + u0 * 0.2
            u.append(j % 5 == 0 ? nil : u0)
            v.append(j % 7 == 1 ? nil : v0)
            w.append(j % 11 == 2 ? nil : Double((j * 13) % 17))
        }
        let m = try frame([("u", doubles(u)), ("v", doubles(v)), ("w", doubles(w))]).correlation()
        // pandas 3.1: DataFrame({...}).corr()
        let expected: [[Double]] = [[1.0, 0.5951020129793805, -0.010831366739834676],
                                    [0.5951020129793805, 1.0, -0.03438923329009071],
                                    [-0.010831366739834676, -0.03438923329009071, 1.0]]
        for (i, row) in expected.enumerated() {
            for (j, name) in ["u", "v", "w"].enumerated() { assertClose(value(m, i, name), row[j], rel: 1e-12) }
        }
        XCTAssertEqual(value(m, 0, "v"), value(m, 1, "u"), "symmetric")
    }

    func testTooFewCommonRowsGiveNull() throws {
        let f = frame([("a", doubles([1, nil, 3])), ("b", doubles([nil, 2, 5]))])
        let m = try f.correlation(of: ["a", "b"])
        XCTAssertNil(value(m, 0, "b"), "one common row")
        XCTAssertEqual(value(m, 0, "a"), 1)
        XCTAssertNil(try frame([("a", doubles([1]))]).correlation().column(at: 1)[0].numericValue)
    }

    func testNullPatternsAcrossWordBoundaries() throws {
        try withEvery("n", in: boundarySizes.filter { $0 >= 63 }) { n in
            let va = nullPattern(n, period: 3, seed: 0), vb = nullPattern(n, period: 4, seed: 1)
            let a = (0..<n).map { va[$0] ? Double($0 % 10) : nil }
            let b = (0..<n).map { vb[$0] ? Double(($0 * 7) % 13) : nil }
            let m = try frame([("a", doubles(a)), ("b", doubles(b))]).correlation()
            // The coefficient of the rows both have, computed plainly.
            let both = (0..<n).filter { va[$0] && vb[$0] }
            let xs = both.map { Double($0 % 10) }, ys = both.map { Double(($0 * 7) % 13) }
            let mx = xs.reduce(0, +) / Double(xs.count), my = ys.reduce(0, +) / Double(ys.count)
            let sxy = zip(xs, ys).map { ($0 - mx) * ($1 - my) }.reduce(0, +)
            let sxx = xs.map { ($0 - mx) * ($0 - mx) }.reduce(0, +), syy = ys.map { ($0 - my) * ($0 - my) }.reduce(0, +)
            assertClose(value(m, 0, "b"), sxy / (sxx * syy).squareRoot(), rel: 1e-12)
        }
    }

    func testErrors() {
        let f = frame([("a", ints([1, 2])), ("s", strings(["x", "y"])), ("column", ints([1, 2]))])
        XCTAssertThrowsError(try f.correlation(of: ["a", "s"])) {
            XCTAssertEqual($0 as? FrameError, .typeMismatch("cannot correlate string column 's'; corr needs int or double columns"))
        }
        XCTAssertThrowsError(try f.correlation(of: ["a", "a"]))
        XCTAssertThrowsError(try f.correlation(of: ["zz"]))
        XCTAssertThrowsError(try f.correlation())   // 'column' is a variable name
        XCTAssertEqual(try frame([("s", strings(["x"]))]).correlation().columnCount, 1, "no numeric column: an empty matrix")
    }

    func testBlockedAndPairwisePathsAgree() {
        // Without nulls, all pairs come from one blocked pass; check it against the per-pair
        // kernel on sizes around the block size.
        for n in [2, 3, Correlation.blockRows - 1, Correlation.blockRows, Correlation.blockRows + 1, 5_000] {
            var av: [Double] = [], bv: [Double] = []
            for i in 0..<n {
                let x: Double = Double((i * 31) % 97) + 0.25 * Double(i % 4)
                let y: Double = Double((i * 17) % 89) - Double(i) / 1000
                av.append(x)
                bv.append(y)
            }
            let a = Column<Double>(values: av), b = Column<Double>(values: bv)
            let blocked = Correlation.gram([a, b], rows: n)
            assertClose(blocked[2], Correlation.pearson(b, a, same: false), rel: 1e-12)
            XCTAssertEqual(blocked[0], 1)
            XCTAssertEqual(blocked[1], blocked[2])
        }
        XCTAssertEqual(Correlation.gram([], rows: 10), [])
    }
}
