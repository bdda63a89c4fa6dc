// Tests for describe: statistics cross-checked with pandas, distinct counts and tops by hand, both int paths, empty input.
import XCTest
@testable import SiftFrame

final class DataFrameDescribeTests: XCTestCase {
    /// The describe row of column `i` as a name → value map.
    func summary(_ d: DataFrame, _ i: Int) -> [String: Scalar] {
        Dictionary(uniqueKeysWithValues: zip(d.columnNames, d.row(i)))
    }

    func assertStats(_ s: [String: Scalar], _ expected: [Double], file: StaticString = #filePath, line: UInt = #line) {
        for (k, e) in zip(["mean", "std", "min", "25%", "50%", "75%", "max"], expected) {
            assertClose(s[k]?.numericValue, e, rel: 1e-14, file: file, line: line)
        }
    }

    func testNumericStatisticsMatchPandas() throws {
        let f = frame([("a", ints([3, 1, 4, 1, 5, 9, 2, 6, nil, 5])),
                       ("b", doubles([2.5, nil, -1.0, 3.25, nil, 0.0, 10.0, 7.5, 1.0, 2.0]))])
        let d = f.describe()
        XCTAssertEqual(d.columnNames, DataFrame.describeSchema.map(\.name))
        XCTAssertEqual(d.schema.map(\.type), DataFrame.describeSchema.map(\.type))
        // pandas 3.1: pd.Series([...], dtype="Int64").astype(float).describe() and .nunique()
        let a = summary(d, 0)
        XCTAssertEqual(a["column"], .string("a"))
        XCTAssertEqual(a["type"], .string("int"))
        XCTAssertEqual(a["count"], .int(9))
        XCTAssertEqual(a["nulls"], .int(1))
        assertStats(a, [4.0, 2.598076211353316, 1.0, 2.0, 4.0, 5.0, 9.0])
        XCTAssertEqual(a["unique"], .int(7))
        XCTAssertEqual(a["top"], .null, "top is for strings and bools")
        let b = summary(d, 1)
        XCTAssertEqual(b["count"], .int(8))
        XCTAssertEqual(b["nulls"], .int(2))
        assertStats(b, [3.15625, 3.767666718275384, -1.0, 0.75, 2.25, 4.3125, 10.0])
        XCTAssertEqual(b["unique"], .int(8))
    }

    func testALongColumnMatchesPandas() throws {
        // x_i = (37 i mod 101) - 50 + (i mod 3) / 2, null where i mod 7 = 3, for i < 1000.
        var x: [Double?] = []
        for i in 0..<1000 {
            let v: Double = Double((i * 37) % 101) - 50 + 0.5 * Double(i % 3)
            x.append(i % 7 == 3 ? nil : v)
        }
        let s = summary(frame([("x", doubles(x))]).describe(), 0)
        // pandas 3.1: Series(x).describe(), .nunique()
        XCTAssertEqual(s["count"], .int(857))
        assertStats(s, [0.5968494749124854, 29.203722907385988, -50.0, -24.5, 0.5, 26.0, 51.0])
        XCTAssertEqual(s["unique"], .int(203))
    }

    func testCountedAndSortedIntPathsAgree() throws {
        // Small spans are counted, wide ones sorted; both must give the double column's results.
        for values in [[7, 7, 1, 3, 9, 3, 3, 2] as [Int64], [1_000_000_000_000, -5, 3, 3, 8, 1 << 40, 0], [5], [2, 2]] {
            let opt = values.map { Optional($0) }
            let d = frame([("i", ints(opt)), ("d", doubles(values.map { Double($0) }))]).describe()
            let i = summary(d, 0), x = summary(d, 1)
            for k in ["mean", "std", "min", "25%", "50%", "75%", "max", "unique"] { XCTAssertEqual(i[k], x[k], "\(k) of \(values)") }
        }
        // Hand-worked: 1 2 3 3 3 7 7 9 → quartile positions 1.75, 3.5, 5.25.
        let s = summary(frame([("i", ints([7, 7, 1, 3, 9, 3, 3, 2]))]).describe(), 0)
        XCTAssertEqual(s["25%"], .double(2.75))
        XCTAssertEqual(s["50%"], .double(3))
        XCTAssertEqual(s["75%"], .double(7))
        XCTAssertEqual(s["unique"], .int(5))
    }

    func testStringsBoolsAndTimes() throws {
        let t = { (m: Int) in Timestamp(year: 2024, month: 4, day: 1, minute: m)! }
        let f = frame([("s", strings(["x", "y", nil, "x", "z", "y", "w", nil])),
                       ("f", bools([true, false, true, nil, true, false, nil, nil])),
                       ("g", bools([true, false, nil, nil, nil, nil, nil, nil])),
                       ("t", .timestamp(Column([t(3), t(1), nil, t(3), t(2), t(1), t(0), t(9)]))),
                       ("n", strings([nil, nil, nil, nil, nil, nil, nil, nil]))])
        let d = f.describe()
        let s = summary(d, 0)
        XCTAssertEqual(s["count"], .int(6))
        XCTAssertEqual(s["unique"], .int(4))
        XCTAssertEqual(s["top"], .string("x"), "x and y both twice: the smaller wins")
        for k in ["mean", "std", "min", "25%", "50%", "75%", "max"] { XCTAssertEqual(s[k], .null) }
        XCTAssertEqual(summary(d, 1)["top"], .string("true"))
        XCTAssertEqual(summary(d, 1)["unique"], .int(2))
        XCTAssertEqual(summary(d, 2)["top"], .string("false"), "a tie goes to false")
        let ts = summary(d, 3)
        XCTAssertEqual(ts["unique"], .int(5))
        XCTAssertEqual(ts["top"], .null)
        XCTAssertEqual(ts["min"], .null)
        let n = summary(d, 4)
        XCTAssertEqual([n["count"], n["nulls"], n["unique"], n["top"]], [.int(0), .int(8), .int(0), .null])
    }

    func testCountsAtBoundarySizesAndEmptyFrames() throws {
        try withEvery("n", in: boundarySizes) { n in
            let valid = nullPattern(n, period: 3, seed: 1)
            let col = ints((0..<n).map { valid[$0] ? Int64($0 % 4) : nil })
            let s = summary(frame([("x", col)]).describe(), 0)
            let count = valid.filter { $0 }.count
            XCTAssertEqual(s["count"], .int(Int64(count)))
            XCTAssertEqual(s["nulls"], .int(Int64(n - count)))
            XCTAssertEqual(s["unique"], .int(Int64(Set((0..<n).filter { valid[$0] }.map { $0 % 4 }).count)))
            XCTAssertEqual(s["std"]?.isNull, count < 2, "std needs two values")
            XCTAssertEqual(s["min"]?.isNull, count == 0)
        }
        XCTAssertEqual(DataFrame.empty.describe().rowCount, 0)
        XCTAssertEqual(DataFrame.empty.describe().columnNames, DataFrame.describeSchema.map(\.name))
    }

    func testDescribeReadsThroughSelections() throws {
        let f = frame([("x", ints([5, nil, 1, 2]))]).selecting(rows: RowSelection([3, 1, 2, -1]))
        let s = summary(f.describe(), 0)
        XCTAssertEqual(s["count"], .int(2))
        XCTAssertEqual(s["nulls"], .int(2))
        XCTAssertEqual(s["mean"], .double(1.5))
    }
}
