// Tests for split: a partition of the rows, sizes, agreement with sample, strata shares and apportionment.
import XCTest
@testable import SiftFrame

final class DataFrameSplitTests: XCTestCase {
    func numbered(_ n: Int, strata: [String?]? = nil) -> DataFrame {
        var cols: [(String, AnyColumn)] = [("i", .int(Column(values: (0..<n).map { Int64($0) })))]
        if let strata { cols.append(("g", strings(strata))) }
        return frame(cols)
    }

    func rows(_ f: DataFrame) -> [Int64] {
        guard case .int(let c) = f.column(at: 0) else { return [] }
        return c.values
    }

    func testPartsPartitionTheRowsInOrder() throws {
        for n in boundarySizes {
            for fraction in [0.0, 0.2, 0.5, 0.8, 1.0] {
                let (a, b) = try numbered(n).split(fraction: fraction, seed: 7)
                let ra = rows(a), rb = rows(b)
                XCTAssertEqual(ra.count, SampleSize.fraction(fraction).rows(outOf: n))
                XCTAssertEqual(ra, ra.sorted())
                XCTAssertEqual(rb, rb.sorted())
                XCTAssertEqual((ra + rb).sorted(), (0..<n).map { Int64($0) }, "every row in exactly one part")
            }
        }
    }

    func testFirstPartIsTheSampleWithTheSameSeed() throws {
        let f = numbered(500)
        XCTAssertEqual(rows(try f.split(fraction: 0.3, seed: 12).0), rows(try f.sample(.fraction(0.3), seed: 12)))
    }

    func testDeterministicBySeed() throws {
        let f = numbered(500)
        XCTAssertEqual(rows(try f.split(fraction: 0.5, seed: 1).0), rows(try f.split(fraction: 0.5, seed: 1).0))
        XCTAssertNotEqual(rows(try f.split(fraction: 0.5, seed: 1).0), rows(try f.split(fraction: 0.5, seed: 2).0))
    }

    func testApportionmentByLargestRemainder() {
        // Ideal 2.5, 1.5, 1.0; floors 2, 1, 1 = 4 of round(5.0) = 5; the tie in remainders goes to the first.
        XCTAssertEqual(DataFrame.apportion(fraction: 0.5, sizes: [5, 3, 2], total: 5), [3, 1, 1])
        // Ideal 2.1, 2.1, 1.8; floors 2, 2, 1 = 5 of round(6.0) = 6; the largest remainder (0.8) wins.
        XCTAssertEqual(DataFrame.apportion(fraction: 0.3, sizes: [7, 7, 6], total: 6), [2, 2, 2])
        // Ideal 0.9 each of 3 singletons... sizes 3,3,3 at 0.3: floors 0,0,0 of round(2.7) = 3.
        XCTAssertEqual(DataFrame.apportion(fraction: 0.3, sizes: [3, 3, 3], total: 3), [1, 1, 1])
        XCTAssertEqual(DataFrame.apportion(fraction: 1, sizes: [4, 1], total: 5), [4, 1])
        XCTAssertEqual(DataFrame.apportion(fraction: 0, sizes: [4, 1], total: 0), [0, 0])
    }

    func testStratifiedSplitKeepsEachStratumsShare() throws {
        // 60 a, 30 b, 9 c, 1 null, interleaved.
        let strata: [String?] = (0..<100).map { i in i == 99 ? nil : i % 10 < 6 ? "a" : i % 10 < 9 ? "b" : "c" }
        let f = numbered(100, strata: strata)
        for seed in 0..<20 {
            let (a, b) = try f.split(fraction: 0.7, seed: seed, stratify: "g")
            let ra = rows(a)
            XCTAssertEqual(ra.count, 70)
            XCTAssertEqual(rows(b).count, 30)
            func share(_ s: String?) -> Int { ra.filter { strata[Int($0)] == s }.count }
            // Ideal 42, 21, 6.3, 0.7: floors 42, 21, 6, 0 = 69; the one missing row goes to the
            // null stratum (remainder 0.7 beats 0.3).
            XCTAssertEqual([share("a"), share("b"), share("c"), share(nil)], [42, 21, 6, 1])
            XCTAssertEqual(ra, ra.sorted())
        }
    }

    func testStratifyByUnknownColumnIsAnError() {
        XCTAssertThrowsError(try numbered(5).split(fraction: 0.5, seed: 1, stratify: "gg")) {
            XCTAssertEqual($0 as? FrameError, .columnNotFound(name: "gg", available: ["i"]))
        }
        XCTAssertThrowsError(try numbered(5).split(fraction: -0.1, seed: 1))
    }
}
