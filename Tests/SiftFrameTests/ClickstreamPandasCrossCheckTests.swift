// The clickstream operations on 20,000 generated events against figures computed independently with pandas.
import XCTest
@testable import SiftFrame

/// Constants from pandas 3.1.1, by
/// `sift gen clickstream --rows 20000 --seed 42 -o /tmp/c20k.csv &&
///  /tmp/sift-bench-venv/bin/python scripts/clickstream_anchors.py /tmp/c20k.csv`
/// (the script states each pandas formulation); here the same frame is generated in process.
final class ClickstreamPandasCrossCheckTests: XCTestCase {
    static let clicks: DataFrame = (try? ClickstreamGenerator(rows: 20_000, seed: 42).frame()) ?? .empty

    func sum(_ c: AnyColumn) -> Int64 { (0..<c.count).reduce(0) { $0 + (c[$1].numericValue.map { Int64($0) } ?? 0) } }

    func testSessionizeMatchesTheSortShiftCumsumIdiom() throws {
        let s = try Self.clicks.sessionized(user: "user_id", time: "ts", gap: Duration(micros: 1_800_000_000))
        let session = try s.column(named: "session"), step = try s.column(named: "step")
        XCTAssertEqual(Set((0..<session.count).map { session[$0] }).count, 2570)
        XCTAssertEqual(sum(step), 159_931)
        let product = (0..<s.rowCount).reduce(Int64(0)) { $0 + Int64(session[$1].numericValue ?? 0) * Int64(step[$1].numericValue ?? 0) }
        XCTAssertEqual(product, 211_942_122)
    }

    func testFunnelMatchesAGreedyScanPerSession() throws {
        let f = try Self.clicks.funnel(event: "event", steps: [.string("view"), .string("cart"), .string("purchase")], by: "session_id")
        XCTAssertEqual(f.column(at: 1), .int(Column<Int64>([2142, 653, 367])))
    }

    func testRFMOfPurchasesMatchesPandasQuantiles() throws {
        let purchases = try Self.clicks.filter(Self.clicks.column(named: "event").equalityMask(.string("purchase")))
        let t = try purchases.rfm(customer: "user_id", time: "ts", amount: "price")
        XCTAssertEqual(t.rowCount, 137)
        XCTAssertEqual(sum(try t.column(named: "r")), 411)
        XCTAssertEqual(sum(try t.column(named: "f")), 374)
        XCTAssertEqual(sum(try t.column(named: "m")), 411)
        XCTAssertEqual(sum(try t.column(named: "monetary")), 21_812)
        let recency = try t.column(named: "recency_days")
        assertClose((0..<recency.count).reduce(0.0) { $0 + (recency[$1].numericValue ?? 0) }, 6316.787858796296, rel: 1e-9)
        let segments = try t.column(named: "segment")
        var counts: [String: Int] = [:]
        for i in 0..<segments.count { counts[segments[i].description, default: 0] += 1 }
        XCTAssertEqual(counts, ["At-Risk": 13, "Champions": 29, "Lost": 22, "Loyal": 29, "Potential": 15, "Win-Back": 29])
    }

    func testMonthlyCohortsMatchNunique() throws {
        let c = try Self.clicks.cohortRetention(user: "user_id", time: "ts", period: .month)
        XCTAssertEqual(try c.column(named: "users"), .int(Column<Int64>([86, 133, 72, 15, 8])))
        let first = [1.0, 0.813953488372093, 0.7441860465116279, 0.7209302325581395, 0.6627906976744186]
        for (o, want) in first.enumerated() { assertClose(try c.column(named: "p\(o)")[0].numericValue, want) }
    }

    func testCooccurrenceMatchesASelfMerge() throws {
        let p = try Self.clicks.cooccurrence(item: "product", by: "session_id")
        XCTAssertEqual(p.rowCount, 33_100)
        XCTAssertEqual(sum(try p.column(named: "count")), 150_068)
        XCTAssertEqual(try Self.clicks.cooccurrence(item: "product", by: "session_id", minCount: 3).rowCount, 14_168)
        let top: [(String, String, Int64, Double, Double)] = [
            ("C19", "P63", 393, 0.5550847457627118, 1.3016129531114684),
            ("P63", "C19", 393, 0.3585766423357664, 1.3016129531114684),
            ("C53", "P63", 336, 0.5874125874125874, 1.3774182022357204),
        ]
        for (i, want) in top.enumerated() {
            let row = p.row(i)
            XCTAssertEqual(row[0], .string(want.0))
            XCTAssertEqual(row[1], .string(want.1))
            XCTAssertEqual(row[2], .int(want.2))
            assertClose(row[4].numericValue, want.3)
            assertClose(row[5].numericValue, want.4)
        }
    }
}
