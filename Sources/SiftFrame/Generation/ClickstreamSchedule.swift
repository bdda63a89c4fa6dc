// The population and calendar of the synthetic clickstream: users, their churn, and when each of their sessions happens.

/// Who visits and when: users with an engagement level, a country, a first and a last active
/// day, and sessions placed in that window so that two sessions of one user are always more
/// than 30 minutes apart (`sessionize gap:30m` recovers them exactly).
///
/// The sessions are drawn in three steps:
/// 1. Users. Engagement `e ~ N(0, 1)` drives everything a churn model could learn from: the
///    visit rate (`exp(0.7e + 0.5z)`, lognormal), the mean session length
///    (``meanLength(engagement:)``) and, in the generator, the chance to cart and to buy. A user
///    churns with probability `σ(−0.9 − 1.3e)` (about a third of users): their activity stops
///    at a day between 20% and 80% of the way from their first day to the end of the period.
///    First days are uniform over the first 40% of the period.
/// 2. Sessions. Each of the planned sessions picks a user with probability proportional to
///    visit rate × active days, and a start time uniform over that user's window (weighted by
///    ``ClickstreamCatalog/hourWeight``). A user's sessions are then pushed later where needed
///    so that each starts at least 31 minutes after the previous one ended.
/// 3. Exact size. More sessions are planned than needed; a random subset of them (in a seeded
///    shuffled order) is kept until the events reach the requested count, and the last one kept
///    is cut short to hit it exactly. Dropping sessions only widens the gaps between the rest.
///
/// Kept sessions are numbered in order of start time (ties by planning order): session `s`
/// becomes `session_id` `s + 1`.
struct ClickstreamSchedule: Sendable {
    /// Seconds from the period's start to its end.
    let periodSeconds: Int64
    /// Per kept session, in session-id order: its user's id, country and engagement, its start
    /// (seconds from the period's start), the seed of its own generator, and how many of its
    /// events are kept. (Copied per session so that writing events reads them in order.)
    let sessionUserID: [Int64], sessionCountry: [Int64], sessionEngagement: [Double]
    let sessionStart: [Int64], sessionSeed: [UInt64], sessionLength: [Int32]
    /// Event offsets of the sessions in session-id order (`sessionCount + 1` entries, from 0 to rows).
    let offsets: [Int]

    /// A user as planned.
    struct User {
        var id: Int64, country: Int64, engagement: Double
        var first: Double, last: Double
    }

    /// A session as planned, before the exact-size cut (one record, so that gathering it in
    /// start order is one memory access).
    struct Planned {
        var user: Int32, length: Int32, kept: Int32
        var start: Int64, duration: Int64
    }

    /// The number of kept sessions.
    var sessionCount: Int { sessionStart.count }

    /// The least time between the end of one session of a user and the start of the next.
    static let minimumBreak: Int64 = 31 * 60
    /// The longest pause between two events of a session (well under the 30-minute session gap).
    static let maximumGap: Int64 = 20 * 60
    /// The mean pause between two events of a session, in seconds (the benchmark files' value).
    static let meanGap = 40.0
    /// The longest session, in events (a guard against the geometric tail).
    static let maximumLength = 300
    /// Planned sessions per user, on average.
    static let sessionsPerUser = 10

    /// A user's mean session length in events (login included): 1 + 5·e^(0.3 e).
    static func meanLength(engagement e: Double) -> Double { 1 + 5 * exp(0.3 * e) }

    /// Draws a session's length and then calls `gap` with each pause between its events, in
    /// order: the first draws from a session's own generator, replayed identically when the
    /// session's events are written.
    @inline(__always)
    static func drawTiming(meanLength: Double, _ rng: inout SeededGenerator, gap: (Int64) -> Void) -> Int {
        let length = Swift.min(maximumLength, 1 + Variates.geometric(mean: meanLength - 1, &rng))
        for _ in 1..<Swift.max(1, length) {
            gap(Swift.min(maximumGap, 1 + Int64(Variates.exponential(meanGap, &rng))))
        }
        return length
    }

    /// Plans `rows` events (rows > 0) for users of the catalogue's countries.
    init(rows: Int, seed: Int, periodSeconds: Int64, catalog: ClickstreamCatalog, generator rng: inout SeededGenerator) {
        precondition(rows > 0, "a schedule needs rows")
        self.periodSeconds = periodSeconds
        let period = Double(periodSeconds)
        // Mean length is about 7.5 events; plan 30% more sessions than that needs, and more if short.
        var planned = rows / 7 * 13 / 10 + 16
        let baseSeed = Hashing.mix(UInt64(bitPattern: Int64(seed)))
        while true {
            let users = Swift.max(1, planned / Self.sessionsPerUser)
            var ids = (1...users).map { Int64($0) }
            rng.shuffle(&ids)
            var people: [User] = []
            people.reserveCapacity(users)
            var weight = [Double](repeating: 0, count: users)
            for u in 0..<users {
                let e = rng.nextGaussian()
                let country = catalog.countries[ClickstreamCatalog.pick(catalog.countryCDF, rng.nextDouble())]
                let rate = exp(0.7 * e + 0.5 * rng.nextGaussian())
                let first = period * 0.4 * rng.nextDouble()
                let churns = rng.nextDouble() < Variates.sigmoid(-0.9 - 1.3 * e)
                let share = 0.2 + 0.6 * rng.nextDouble()
                let last = churns ? first + (period - first) * share : period
                people.append(User(id: ids[u], country: country, engagement: e, first: first, last: last))
                weight[u] = rate * (last - first)
            }

            // Sessions per user, numbered user by user (k), each with its own generator.
            let table = AliasTable(weights: weight)
            var perUser = [Int32](repeating: 0, count: users)
            for _ in 0..<planned { perUser[table.sample(rng.next())] += 1 }
            var plan = [Planned](repeating: Planned(user: 0, length: 0, kept: 0, start: 0, duration: 0), count: planned)
            var k = 0
            for u in 0..<users {
                for _ in 0..<perUser[u] { plan[k].user = Int32(u); k += 1 }
            }
            Self.drawTimings(&plan, people: people, baseSeed: baseSeed)
            guard plan.reduce(0, { $0 + Int($1.length) }) >= rows else { planned = planned * 3 / 2 + 16; continue }

            // Each user's sessions in time order, with their breaks.
            var starts: [Int64] = []
            k = 0
            for u in 0..<users where perUser[u] > 0 {
                starts.removeAll(keepingCapacity: true)
                for _ in 0..<perUser[u] { starts.append(Self.startTime(people[u].first, people[u].last, &rng)) }
                starts.sort()
                var previousEnd = Int64.min / 2
                for raw in starts {
                    let begin = Swift.max(raw, previousEnd + Self.minimumBreak)
                    previousEnd = begin + plan[k].duration
                    plan[k].start = begin
                    k += 1
                }
            }

            // Keep a random subset of sessions that holds exactly `rows` events.
            var order = (0..<planned).map { Int32($0) }
            rng.shuffle(&order)
            var need = rows
            for s in order where need > 0 {
                let n = Swift.min(Int(plan[Int(s)].length), need)
                plan[Int(s)].kept = Int32(n)
                need -= n
            }
            // In order of start, ties by k.
            let kept = (0..<planned).filter { plan[$0].kept > 0 }
            let byStart = ClickstreamGenerator.timeOrder(kept.map { Int32(truncatingIfNeeded: plan[$0].start) })
            let sessions = byStart.map { kept[Int($0)] }
            let chosen = sessions.map { plan[$0] }
            let who = chosen.map { people[Int($0.user)] }
            self.sessionUserID = who.map(\.id)
            self.sessionCountry = who.map(\.country)
            self.sessionEngagement = who.map(\.engagement)
            self.sessionStart = chosen.map(\.start)
            self.sessionSeed = sessions.map { Hashing.combine(baseSeed, UInt64($0)) }
            self.sessionLength = chosen.map(\.kept)
            var offsets = [Int](repeating: 0, count: sessions.count + 1)
            for (i, c) in chosen.enumerated() { offsets[i + 1] = offsets[i] + Int(c.kept) }
            self.offsets = offsets
            return
        }
    }

    /// Draws the planned length and duration (seconds from first to last event) of every
    /// session from its own generator, split across cores.
    static func drawTimings(_ plan: inout [Planned], people: [User], baseSeed: UInt64) {
        plan.withUnsafeMutableBufferPointer { buf in
            nonisolated(unsafe) let p = buf
            Parallel.forEachChunk(count: p.count, grain: 1 << 13) { range in
                for k in range {
                    var own = SeededGenerator(seed: Hashing.combine(baseSeed, UInt64(k)))
                    var total: Int64 = 0
                    let mean = meanLength(engagement: people[Int(p[k].user)].engagement)
                    p[k].length = Int32(drawTiming(meanLength: mean, &own) { total += $0 })
                    p[k].duration = total
                }
            }
        }
    }

    /// A start time in [first, last) seconds, uniform over days and weighted by hour of day
    /// (rejection sampling against ``ClickstreamCatalog/hourWeight``).
    static func startTime(_ first: Double, _ last: Double, _ rng: inout SeededGenerator) -> Int64 {
        while true {
            let t = first + (last - first) * rng.nextDouble()
            let hour = Int(t / 3600) % 24
            if rng.nextDouble() < ClickstreamCatalog.hourWeight[hour] { return Int64(t) }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
