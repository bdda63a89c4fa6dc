// Tests for the clickstream generator: determinism, schema, order, session structure, null rates, funnel and churn.
import XCTest
@testable import SiftFrame

final class ClickstreamGeneratorTests: XCTestCase {
    /// The columns of one generated frame as plain arrays.
    struct Events {
        var session: [Int64], user: [Int64], ts: [Int64], country: [Int64], page: [Int64], category: [Int64]
        var product: [String], colour: [Int64?], location: [Int64], photo: [Int64], price: [Int64?], event: [String]

        init(_ f: DataFrame) throws {
            func ints(_ n: String) throws -> [Int64] {
                guard case .int(let c) = try f.column(named: n) else { throw FrameError.typeMismatch(n) }
                return c.values
            }
            func optionalInts(_ n: String) throws -> [Int64?] {
                guard case .int(let c) = try f.column(named: n) else { throw FrameError.typeMismatch(n) }
                return (0..<c.count).map { c[$0] }
            }
            func strs(_ n: String) throws -> [String] {
                guard case .string(let c) = try f.column(named: n) else { throw FrameError.typeMismatch(n) }
                return (0..<c.count).map { c[$0] ?? "<null>" }
            }
            guard case .timestamp(let t) = try f.column(named: "ts") else { throw FrameError.typeMismatch("ts") }
            session = try ints("session_id"); user = try ints("user_id"); ts = t.values.map { $0.micros / 1_000_000 }
            country = try ints("country"); page = try ints("page"); category = try ints("category")
            product = try strs("product"); colour = try optionalInts("colour"); location = try ints("location")
            photo = try ints("photo"); price = try optionalInts("price"); event = try strs("event")
        }

        /// Row indices of each session, in row order, by session id.
        var sessions: [Int64: [Int]] {
            var out: [Int64: [Int]] = [:]
            for (i, s) in session.enumerated() { out[s, default: []].append(i) }
            return out
        }
    }

    func testSameSeedSameFrameOtherSeedOtherFrame() throws {
        let a = try ClickstreamGenerator(rows: 3_000, seed: 5).frame()
        XCTAssertEqual(a, try ClickstreamGenerator(rows: 3_000, seed: 5).frame())
        XCTAssertNotEqual(a, try ClickstreamGenerator(rows: 3_000, seed: 6).frame())
    }

    func testSchemaAndExactRowCounts() throws {
        for rows in boundarySizes + [1_000] {
            let f = try ClickstreamGenerator(rows: rows, seed: 1).frame()
            XCTAssertEqual(f.rowCount, rows)
            XCTAssertEqual(f.columnNames, ClickstreamGenerator.schema.map(\.name))
            XCTAssertEqual(f.schema.map(\.type), ClickstreamGenerator.schema.map(\.type))
            for i in 0..<f.columnCount { checkColumn(f.column(at: i)) }
        }
        XCTAssertThrowsError(try ClickstreamGenerator(rows: -1).frame())
    }

    func testRowsAreInTimeOrderWithTiesBySession() throws {
        let e = try Events(try ClickstreamGenerator(rows: 70_000, seed: 3).frame())   // over 2^16 rows: the bucket sort
        for i in 1..<e.ts.count {
            XCTAssertTrue(e.ts[i - 1] < e.ts[i] || (e.ts[i - 1] == e.ts[i] && e.session[i - 1] < e.session[i]), "row \(i)")
        }
        // Session ids are numbered by start time.
        var firstSeen: [Int64] = []
        var seen = Set<Int64>()
        for s in e.session where seen.insert(s).inserted { firstSeen.append(s) }
        XCTAssertEqual(firstSeen, firstSeen.sorted())
        XCTAssertEqual(firstSeen.first, 1)
        XCTAssertEqual(Int64(firstSeen.count), firstSeen.last)
    }

    func testSessionsAreSeparatedByMoreThanThirtyMinutes() throws {
        let e = try Events(try ClickstreamGenerator(rows: 20_000, seed: 4).frame())
        var byUser: [Int64: [(start: Int64, end: Int64)]] = [:]
        for (_, rows) in e.sessions {
            XCTAssertEqual(e.event[rows[0]], "login", "a session starts with a login")
            XCTAssertEqual(Set(rows.map { e.user[$0] }).count, 1, "one user per session")
            XCTAssertEqual(Set(rows.map { e.country[$0] }).count, 1)
            for (a, b) in zip(rows, rows.dropFirst()) {
                XCTAssertLessThan(e.ts[a], e.ts[b], "strictly increasing within a session")
                XCTAssertLessThanOrEqual(e.ts[b] - e.ts[a], 20 * 60, "pauses within a session stay under 30 minutes")
            }
            byUser[e.user[rows[0]], default: []].append((e.ts[rows[0]], e.ts[rows[rows.count - 1]]))
        }
        var usersWithSeveral = 0
        for (_, spans) in byUser {
            let s = spans.sorted { $0.start < $1.start }
            if s.count > 1 { usersWithSeveral += 1 }
            for (a, b) in zip(s, s.dropFirst()) { XCTAssertGreaterThan(b.start - a.end, 30 * 60) }
        }
        XCTAssertGreaterThan(usersWithSeveral, byUser.count / 2, "most users come back")
    }

    func testNullRatesAndValueRanges() throws {
        let e = try Events(try ClickstreamGenerator(rows: 50_000, seed: 8).frame())
        let n = Double(e.price.count)
        // Binomial sd of a 1% rate over 50,000 rows is 0.045%; the bounds are 4.5 sd.
        XCTAssertEqual(Double(e.price.filter { $0 == nil }.count) / n, 0.01, accuracy: 0.002)
        XCTAssertEqual(Double(e.colour.filter { $0 == nil }.count) / n, 0.01, accuracy: 0.002)
        XCTAssertTrue(e.country.allSatisfy { (1...47).contains($0) })
        XCTAssertTrue(e.page.allSatisfy { (1...5).contains($0) })
        XCTAssertTrue(e.colour.allSatisfy { $0.map { (1...14).contains($0) } ?? true })
        XCTAssertTrue(e.price.allSatisfy { $0.map { (18...82).contains($0) } ?? true })
        XCTAssertEqual(Set(e.event), ["login", "view", "cart", "purchase"])
        // Product attributes are per product; the category is the product's letter.
        var attributes: [String: [Int64]] = [:]
        for i in e.product.indices {
            let letter = e.product[i].first.map(String.init) ?? ""
            XCTAssertEqual(e.category[i], ["A": 1, "B": 2, "C": 3, "P": 4][letter])
            let a = [e.location[i], e.photo[i]] + (e.price[i].map { [$0] } ?? [])
            if let old = attributes[e.product[i]] { XCTAssertEqual(Array(old.prefix(a.count)), Array(a.prefix(old.count))) } else { attributes[e.product[i]] = a }
        }
        // Zipf popularity: the most viewed product is seen far more often than the median one.
        let counts = Dictionary(e.product.map { ($0, 1) }, uniquingKeysWith: +).values.sorted()
        XCTAssertGreaterThan(counts.last ?? 0, 10 * counts[counts.count / 2])
        // Country 29 is the home market.
        XCTAssertGreaterThan(Double(e.country.filter { $0 == 29 }.count) / n, 0.35)
    }

    func testFunnelDropsOffAndPurchasesFollowACart() throws {
        let e = try Events(try ClickstreamGenerator(rows: 50_000, seed: 9).frame())
        let sessions = e.sessions
        var reached = [String: Int]()
        for (_, rows) in sessions {
            let events = rows.map { e.event[$0] }
            for name in Set(events) { reached[name, default: 0] += 1 }
            if let p = events.firstIndex(of: "purchase") {
                XCTAssertEqual(events[p - 1], "cart", "the purchases come right after a cart")
                XCTAssertTrue(events[p...].allSatisfy { $0 == "purchase" }, "and end the session")
                let carted = Set(rows[..<p].filter { e.event[$0] == "cart" }.map { e.product[$0] })
                XCTAssertTrue(rows[p...].allSatisfy { carted.contains(e.product[$0]) }, "of carted products")
            }
            for (a, b) in zip(rows, rows.dropFirst()) where e.event[b] == "cart" {
                XCTAssertEqual(e.product[a], e.product[b], "a cart is of the product just seen")
            }
        }
        let share = { (name: String) in Double(reached[name] ?? 0) / Double(sessions.count) }
        XCTAssertEqual(share("login"), 1)
        XCTAssertTrue(share("view") > share("cart") && share("cart") > share("purchase") && share("purchase") > 0.05,
                      "view \(share("view")) cart \(share("cart")) purchase \(share("purchase"))")
        XCTAssertLessThan(share("view"), 0.95, "some sessions bounce after login")
    }

    func testEarlyBehaviourPredictsChurn() throws {
        let e = try Events(try ClickstreamGenerator(rows: 100_000, seed: 10).frame())
        let day: Int64 = 86_400
        let periodEnd = ClickstreamGenerator.periodEnd.micros / 1_000_000
        var first: [Int64: Int64] = [:], last: [Int64: Int64] = [:]
        for i in e.ts.indices {
            first[e.user[i]] = min(first[e.user[i]] ?? .max, e.ts[i])
            last[e.user[i]] = max(last[e.user[i]] ?? .min, e.ts[i])
        }
        // Users seen early enough to have 60 days of history and 30 days to be judged on.
        var early: [Int64: (sessions: Set<Int64>, events: Int, purchases: Int)] = [:]
        for i in e.ts.indices {
            let u = e.user[i], f = first[u] ?? 0
            guard f < periodEnd - 90 * day, e.ts[i] < f + 28 * day else { continue }
            var h = early[u] ?? ([], 0, 0)
            h.sessions.insert(e.session[i])
            h.events += 1
            if e.event[i] == "purchase" { h.purchases += 1 }
            early[u] = h
        }
        var churned: [Double] = [], retained: [Double] = []
        var churnedLength: [Double] = [], retainedLength: [Double] = []
        for (u, h) in early {
            let gone = (last[u] ?? 0) < periodEnd - 30 * day
            let length = Double(h.events) / Double(h.sessions.count)
            if gone {
                churned.append(Double(h.sessions.count))
                churnedLength.append(length)
            } else {
                retained.append(Double(h.sessions.count))
                retainedLength.append(length)
            }
        }
        func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(max(1, v.count)) }
        XCTAssertGreaterThan(churned.count, 50)
        XCTAssertGreaterThan(retained.count, 50)
        XCTAssertLessThan(mean(churned), 0.8 * mean(retained), "churners visit less in their first four weeks")
        XCTAssertLessThan(mean(churnedLength), mean(retainedLength), "and their sessions are shorter")
    }

    func testCountingAndComparisonTimeOrdersAgree() {
        var rng = SeededGenerator(seed: 3)
        let seconds = (0..<5_000).map { _ in Int32(rng.below(2_000)) }   // many ties
        let a = ClickstreamGenerator.timeOrder(seconds, forceCounting: true)
        let b = ClickstreamGenerator.timeOrder(seconds, forceCounting: false)
        XCTAssertEqual(a, b)
        for (x, y) in zip(a, a.dropFirst()) {
            XCTAssertTrue(seconds[Int(x)] < seconds[Int(y)] || (seconds[Int(x)] == seconds[Int(y)] && x < y))
        }
        XCTAssertEqual(ClickstreamGenerator.timeOrder([]), [])
    }
}
