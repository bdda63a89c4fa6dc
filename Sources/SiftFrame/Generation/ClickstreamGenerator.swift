// A deterministic synthetic event-level clickstream: users, sessions, a login-view-cart-purchase funnel and a churn signal.

/// Generates a synthetic e-commerce event log, the same for the same seed and size.
///
/// The columns and their types are those of the benchmark files (`/work/shared/bench/gen.py`),
/// so every benchmark operation and notebook runs on either:
///
/// | column | type | meaning |
/// |---|---|---|
/// | `session_id` | int | 1, 2, … in order of session start |
/// | `user_id` | int | users have several sessions, more than 30 minutes apart |
/// | `ts` | timestamp | whole seconds in 2024-04-01 … 2024-09-01 (a little later for the busiest users); strictly increasing within a session |
/// | `country` | int | 1…47, one per user, 29 for about 55% of users |
/// | `page` | int | 1…5, skewed towards 1 |
/// | `category` | int | 1…4, from the product's letter |
/// | `product` | string | `A1`…`P82`, Zipf-popular |
/// | `colour` | int | 1…14, the product's colour or (25%) another; about 1% null |
/// | `location` | int | 1…6, per product |
/// | `photo` | int | 1…2, per product |
/// | `price` | int | 18…82, per product; about 1% null |
/// | `event` | string | `login`, `view`, `cart`, `purchase` |
///
/// Rows are in time order, ties by `session_id`.
///
/// Each session starts with a `login` (so every row has a product: a login row carries the
/// product on the page where it happened), continues with `view`s, and may turn into a
/// carting session — some later views become `cart`s of the product just viewed, and the
/// session ends in a cart — and a buying one, ending in 1–3 `purchase`s of the carted
/// products right after a cart. The odds of carting rise with session length, the user's
/// engagement, cheaper products and a per-country effect; buying rises with engagement and
/// cheaper products. Shares of sessions in 1M rows from seed 42 (measured with pandas): every
/// one logs in, 82% view, 28% cart, 14% buy; 7.5 events per session, 8 sessions per user.
/// Regrouping each user's events with a 30-minute inactivity gap recovers the sessions exactly.
///
/// Churn: about a third of users stop visiting at some day (see ``ClickstreamSchedule``);
/// they are the less engaged ones, so their early sessions are rarer, shorter and buy less. In
/// 1M rows from seed 42, a logistic regression on a user's first four weeks (sessions, events,
/// carts, purchases) predicts "no visit in the last 30 days" with a cross-validated ROC AUC of 0.72.
///
/// Determinism: the catalogue, the users and the schedule come from one generator seeded
/// with `seed`; every session's events come from a generator of its own, seeded from `seed`
/// and the session's planning index. So the frame does not depend on how the work is split
/// across threads, and `sift gen clickstream` writes the same bytes for the same seed and
/// size on a platform (the variates use the C library's `log`/`exp`).
///
/// ```swift
/// let clicks = try ClickstreamGenerator(rows: 1_000, seed: 42).frame()
/// clicks.rowCount   // 1000
/// ```
public struct ClickstreamGenerator: Sendable {
    /// The number of events (rows).
    public let rows: Int
    /// The seed.
    public let seed: Int

    /// The output columns, in order.
    public static let schema: [(name: String, type: DataType)] = [
        ("session_id", .int), ("user_id", .int), ("ts", .timestamp), ("country", .int), ("page", .int),
        ("category", .int), ("product", .string), ("colour", .int), ("location", .int), ("photo", .int),
        ("price", .int), ("event", .string),
    ]
    /// The event names, in funnel order (their dictionary codes are their positions).
    public static let events = ["login", "view", "cart", "purchase"]
    /// The start of the period, 2024-04-01 00:00:00 UTC.
    public static let periodStart = Timestamp(micros: 1_711_929_600 * 1_000_000)
    /// The nominal end of the period, 2024-09-01 00:00:00 UTC (153 days later).
    public static let periodEnd = Timestamp(micros: (1_711_929_600 + 153 * 86_400) * 1_000_000)
    /// The share of null prices and of null colours (independently per row).
    public static let nullRate = 0.01

    /// Creates a generator of `rows` events from `seed`.
    public init(rows: Int, seed: Int = 42) {
        self.rows = rows
        self.seed = seed
    }

    /// Generates the frame.
    ///
    /// - Returns: `rows` events with ``schema``'s columns.
    /// - Throws: ``FrameError/invalidArgument(_:)`` when `rows` is negative or more than a frame holds.
    /// - Complexity: O(rows); sessions are written on all cores, then put in time order by a
    ///   counting sort on the second.
    public func frame() throws -> DataFrame {
        guard rows >= 0, rows <= RowSelection.maxRows else {
            throw FrameError.invalidArgument("rows must be between 0 and \(RowSelection.maxRows), got \(rows)")
        }
        var rng = SeededGenerator(seed: seed)
        let catalog = ClickstreamCatalog(generator: &rng)
        guard rows > 0 else { return try assemble(ClickstreamColumns(count: 0), catalog) }
        let period = (Self.periodEnd.micros - Self.periodStart.micros) / 1_000_000
        let schedule = ClickstreamSchedule(rows: rows, seed: seed, periodSeconds: period, catalog: catalog, generator: &rng)
        let events = SessionEvents(schedule: schedule, catalog: catalog)
        let order = Self.timeOrder(events.seconds)
        return try assemble(events.columns(in: order, schedule: schedule, catalog: catalog), catalog)
    }

    private func assemble(_ c: ClickstreamColumns, _ catalog: ClickstreamCatalog) throws -> DataFrame {
        let colour = Column<Int64>(values: c.colour, validity: c.colourValid)
        let price = Column<Int64>(values: c.price, validity: c.priceValid)
        return try DataFrame(columns: [
            ("session_id", .int(Column(values: c.sessionID))), ("user_id", .int(Column(values: c.userID))),
            ("ts", .timestamp(Column(values: c.ts))), ("country", .int(Column(values: c.country))),
            ("page", .int(Column(values: c.page))), ("category", .int(Column(values: c.category))),
            ("product", .string(StringColumn(storage: .dictionary(codes: c.product, entries: catalog.names)))),
            ("colour", .int(colour)), ("location", .int(Column(values: c.location))), ("photo", .int(Column(values: c.photo))),
            ("price", .int(price)),
            ("event", .string(StringColumn(storage: .dictionary(codes: c.event, entries: StringArray(Self.events))))),
        ])
    }

    /// The permutation that puts events in time order, ties keeping their order (the events
    /// come session by session in session-id order, each session increasing, so ties end up
    /// by session id). A stable counting sort on the second when the times span at most a few
    /// times as many seconds as there are events; a comparison sort of (time, index) otherwise.
    /// Both give the same permutation.
    ///
    /// - Complexity: O(n + span) or O(n log n).
    static func timeOrder(_ seconds: [Int32], forceCounting: Bool? = nil) -> [Int32] {
        let n = seconds.count
        guard let lo = seconds.min(), let hi = seconds.max() else { return [] }
        let span = Int(hi) - Int(lo) + 1
        if !(forceCounting ?? (n >= 1 << 16 && span <= 32 * n)) {
            var keys = seconds.enumerated().map { UInt64(UInt32(bitPattern: $0.element &- lo)) << 32 | UInt64($0.offset) }
            keys.sort()
            return keys.map { Int32(truncatingIfNeeded: $0 & 0xFFFF_FFFF) }
        }
        // Counting sort on 8-second buckets (a small, cache-friendly histogram; writes move
        // forward with time), then an insertion sort of each bucket's few events by second.
        // Both steps are stable, so ties keep index order.
        let buckets = (span >> 3) + 1
        var starts = [Int32](repeating: 0, count: buckets + 1)
        var perm = [Int32](repeating: 0, count: n)
        // Each event's second travels with it, so the insertion sort compares nearby memory.
        var keys = [Int32](repeating: 0, count: n)
        seconds.withUnsafeBufferPointer { t in
            starts.withUnsafeMutableBufferPointer { c in
                for v in t { c[Int(v &- lo) >> 3 + 1] &+= 1 }
                for i in 0..<buckets { c[i + 1] &+= c[i] }
                perm.withUnsafeMutableBufferPointer { p in
                    keys.withUnsafeMutableBufferPointer { key in
                        var cursor = Array(c)
                        cursor.withUnsafeMutableBufferPointer { next in
                            for i in 0..<n {
                                let b = Int(t[i] &- lo) >> 3
                                let at = Int(next[b])
                                p[at] = Int32(truncatingIfNeeded: i)
                                key[at] = t[i]
                                next[b] &+= 1
                            }
                        }
                        for b in 0..<buckets {
                            let first = Int(c[b]), end = Int(c[b + 1])
                            var j = first + 1
                            while j < end {
                                let x = p[j], kx = key[j]
                                var k = j - 1
                                while k >= first && key[k] > kx { p[k + 1] = p[k]; key[k + 1] = key[k]; k -= 1 }
                                p[k + 1] = x
                                key[k + 1] = kx
                                j += 1
                            }
                        }
                    }
                }
            }
        }
        return perm
    }
}

/// The final columns' buffers.
struct ClickstreamColumns {
    var sessionID, userID, country, page, category, colour, location, photo, price: [Int64]
    var ts: [Timestamp]
    var product, event: [UInt32]
    var colourValid, priceValid: Bitmap?

    init(count n: Int) {
        sessionID = [Int64](repeating: 0, count: n)
        (userID, country, page, category, colour, location, photo, price) = (sessionID, sessionID, sessionID, sessionID, sessionID, sessionID, sessionID, sessionID)
        ts = [Timestamp](repeating: .zero, count: n)
        product = [UInt32](repeating: 0, count: n)
        event = product
    }
}

/// The events of every session, written session by session in compact form: seconds from
/// the period's start, product, page, colour (0: null) and event code with a null-price flag.
struct SessionEvents {
    var seconds: [Int32]
    var session: [Int32]
    var product: [UInt8], page: [UInt8], colour: [UInt8], flags: [UInt8]

    /// The flag bit of `flags` that marks a null price (the low two bits are the event code).
    static let nullPrice: UInt8 = 4

    /// Writes every session's events (sessions split across cores).
    init(schedule: ClickstreamSchedule, catalog: ClickstreamCatalog) {
        let n = schedule.offsets.last ?? 0
        seconds = [Int32](repeating: 0, count: n)
        session = seconds
        product = [UInt8](repeating: 0, count: n)
        (page, colour, flags) = (product, product, product)
        let s = schedule.sessionCount
        let chunks = Parallel.chunkCount(count: n)
        // Chunk boundaries at sessions, about equal in events.
        var bounds = [0]
        for c in 1..<chunks {
            var lo = bounds.last ?? 0, hi = s
            let target = n * c / chunks
            while lo < hi { let mid = (lo + hi) / 2; if schedule.offsets[mid] < target { lo = mid + 1 } else { hi = mid } }
            bounds.append(lo)
        }
        bounds.append(s)
        seconds.withUnsafeMutableBufferPointer { t in
            session.withUnsafeMutableBufferPointer { ss in
                product.withUnsafeMutableBufferPointer { p in
                    page.withUnsafeMutableBufferPointer { pg in
                        colour.withUnsafeMutableBufferPointer { co in
                            flags.withUnsafeMutableBufferPointer { f in
                                nonisolated(unsafe) let out = EventBuffers(seconds: t, session: ss, product: p, page: pg, colour: co, flags: f)
                                let ranges = bounds
                                Parallel.forEach(chunks) { c in
                                    let writer = SessionWriter(schedule: schedule, catalog: catalog)
                                    for k in ranges[c]..<ranges[c + 1] { writer.write(session: k, into: out) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The final columns, rows in `order` (parallel over 64-row-aligned chunks, so each
    /// chunk owns whole validity words).
    func columns(in order: [Int32], schedule: ClickstreamSchedule, catalog: ClickstreamCatalog) -> ClickstreamColumns {
        let n = order.count
        var c = ClickstreamColumns(count: n)
        var colourWords = [UInt64](repeating: 0, count: Bitmap.wordCount(for: n)), priceWords = colourWords
        let words = colourWords.count
        let chunks = Swift.max(1, Swift.min(Parallel.chunkCount(count: n), words))
        let t0 = ClickstreamGenerator.periodStart.micros, nullPrice = SessionEvents.nullPrice
        let me = self
        withBuffers(&c, &colourWords, &priceWords) { out in
            nonisolated(unsafe) let out = out
            Parallel.forEach(chunks) { k in
                let wr = Parallel.chunkRange(k, of: chunks, count: words)
                let rows = (wr.lowerBound << 6)..<Swift.min(n, wr.upperBound << 6)
                for r in rows {
                    let src = Int(order[r])
                    let s = Int(me.session[src]), p = Int(me.product[src])
                    out.sessionID[r] = Int64(s + 1)
                    out.userID[r] = schedule.sessionUserID[s]
                    out.ts[r] = Timestamp(micros: t0 + Int64(me.seconds[src]) * 1_000_000)
                    out.country[r] = schedule.sessionCountry[s]
                    out.page[r] = Int64(me.page[src])
                    out.category[r] = catalog.category[p]
                    out.product[r] = UInt32(p)
                    out.location[r] = catalog.location[p]
                    out.photo[r] = catalog.photo[p]
                    let bit = UInt64(1) << UInt64(r & 63)
                    let colour = me.colour[src]
                    out.colour[r] = Int64(colour)
                    if colour != 0 { out.colourWords[r >> 6] |= bit }
                    let f = me.flags[src]
                    out.event[r] = UInt32(f & 3)
                    if f & nullPrice == 0 {
                        out.price[r] = catalog.price[p]
                        out.priceWords[r >> 6] |= bit
                    }
                }
            }
        }
        c.colourValid = Bitmap(words: colourWords, count: n)
        c.priceValid = Bitmap(words: priceWords, count: n)
        return c
    }
}

/// Raw pointers to the compact event buffers.
struct EventBuffers {
    var seconds: UnsafeMutableBufferPointer<Int32>, session: UnsafeMutableBufferPointer<Int32>
    var product, page, colour, flags: UnsafeMutableBufferPointer<UInt8>
}

/// Raw pointers to the final columns' buffers.
struct ColumnBuffers {
    var sessionID, userID, country, page, category, colour, location, photo, price: UnsafeMutableBufferPointer<Int64>
    var ts: UnsafeMutableBufferPointer<Timestamp>
    var product, event: UnsafeMutableBufferPointer<UInt32>
    var colourWords, priceWords: UnsafeMutableBufferPointer<UInt64>
}

/// Calls `body` with pointers into every buffer of `c` and the two validity word arrays.
private func withBuffers(_ c: inout ClickstreamColumns, _ cw: inout [UInt64], _ pw: inout [UInt64], _ body: (ColumnBuffers) -> Void) {
    c.sessionID.withUnsafeMutableBufferPointer { a in c.userID.withUnsafeMutableBufferPointer { b in
    c.country.withUnsafeMutableBufferPointer { d in c.page.withUnsafeMutableBufferPointer { e in
    c.category.withUnsafeMutableBufferPointer { f in c.colour.withUnsafeMutableBufferPointer { g in
    c.location.withUnsafeMutableBufferPointer { h in c.photo.withUnsafeMutableBufferPointer { i in
    c.price.withUnsafeMutableBufferPointer { j in c.ts.withUnsafeMutableBufferPointer { k in
    c.product.withUnsafeMutableBufferPointer { l in c.event.withUnsafeMutableBufferPointer { m in
    cw.withUnsafeMutableBufferPointer { n in pw.withUnsafeMutableBufferPointer { o in
        body(ColumnBuffers(sessionID: a, userID: b, country: d, page: e, category: f, colour: g, location: h, photo: i,
                           price: j, ts: k, product: l, event: m, colourWords: n, priceWords: o))
    } } } } } } } } } } } } } }
}
