// Writes one session of the synthetic clickstream: timing, products, the funnel of events, pages, colours and nulls.

/// Turns a scheduled session into events, from the session's own seeded generator.
///
/// The draws, in order: the timing (length and pauses, replaying what the schedule drew), a
/// product per event, the session's cart and buy decisions, the cart positions, and then one
/// 64-bit number per event for its page, colour variant and the two null flags. Every event
/// of the planned length is drawn even when the session was cut short, so a cut changes
/// nothing but the cut.
///
/// The per-event flags use fixed bit fields of that number: 2 bits for the 25% colour variant,
/// and 20 bits each for the 1% null colour, the 1% null price (10,486 / 2^20 = 1.00002%) and the
/// page (thresholds ``ClickstreamCatalog/pageThresholds``).
final class SessionWriter {
    let schedule: ClickstreamSchedule
    let catalog: ClickstreamCatalog
    // Scratch space for one session, reused.
    private let gaps: UnsafeMutablePointer<Int64>
    private let products: UnsafeMutablePointer<Int>
    private let events: UnsafeMutablePointer<UInt8>
    private let carted: UnsafeMutablePointer<Int>

    /// The lowest 20-bit value of pages 2, 3, 4 and 5.
    private let pageThresholds: (UInt64, UInt64, UInt64, UInt64)

    init(schedule: ClickstreamSchedule, catalog: ClickstreamCatalog) {
        self.schedule = schedule
        self.catalog = catalog
        let t = ClickstreamCatalog.pageThresholds
        pageThresholds = (t[0], t[1], t[2], t[3])
        let n = ClickstreamSchedule.maximumLength
        gaps = .allocate(capacity: n)
        products = .allocate(capacity: n)
        events = .allocate(capacity: n)
        carted = .allocate(capacity: n)
    }

    deinit {
        gaps.deallocate()
        products.deallocate()
        events.deallocate()
        carted.deallocate()
    }

    /// Event codes (positions in ``ClickstreamGenerator/events``).
    static let login: UInt8 = 0, view: UInt8 = 1, cart: UInt8 = 2, purchase: UInt8 = 3
    /// 1% of 2^20, the null thresholds of the 20-bit fields.
    static let nullThreshold = UInt64((ClickstreamGenerator.nullRate * 1_048_576).rounded())

    /// Writes session `s`'s kept events at its offset.
    func write(session s: Int, into out: EventBuffers) {
        let e = schedule.sessionEngagement[s]
        var rng = SeededGenerator(seed: schedule.sessionSeed[s])
        var count = 0
        let gaps = self.gaps, products = self.products, events = self.events, carted = self.carted
        let length = ClickstreamSchedule.drawTiming(meanLength: ClickstreamSchedule.meanLength(engagement: e), &rng) {
            gaps[count] = $0
            count += 1
        }

        var priceSum: Int64 = 0
        for p in 0..<length {
            let product = catalog.productTable.sample(rng.next())
            products[p] = product
            priceSum += catalog.price[product]
        }
        let cheapness = 45 - Double(priceSum) / Double(length)

        // The funnel: carting odds rise with length, engagement, cheaper products and the
        // country's effect; buying needs a cart and rises with engagement and cheapness.
        let country = Int(schedule.sessionCountry[s])
        let zCart = -2.9 + 0.12 * Double(Swift.min(length, 30)) + 0.6 * e + catalog.countryEffect[country]
            + 0.03 * cheapness + rng.nextGaussian()
        let carts = length >= 2 && rng.nextDouble() < Variates.sigmoid(zCart)
        let buys = carts && length >= 3
            && rng.nextDouble() < Variates.sigmoid(-0.8 + 0.7 * e + 0.04 * cheapness + 0.5 * rng.nextGaussian())
        var firstPurchase = length
        if buys {
            let k = 1 + (rng.nextDouble() < 0.2 ? 1 : 0) + (rng.nextDouble() < 0.2 ? 1 : 0)
            firstPurchase = length - Swift.min(k, length - 2)
        }
        events[0] = Self.login
        for p in 1..<Swift.max(1, length) {
            events[p] = carts && p >= 2 && p < firstPurchase && rng.nextDouble() < 0.2 ? Self.cart : Self.view
        }
        if buys {
            events[firstPurchase - 1] = Self.cart
            for p in firstPurchase..<length { events[p] = Self.purchase }
        } else if carts {
            events[length - 1] = Self.cart
        }
        // A cart is of the product just seen; purchases are of the carted products, latest first.
        var cartedCount = 0, bought = 0
        for p in 0..<length {
            switch events[p] {
            case Self.cart:
                products[p] = products[p - 1]
                carted[cartedCount] = products[p]
                cartedCount += 1
            case Self.purchase:
                products[p] = carted[cartedCount - 1 - bought % cartedCount]
                bought += 1
            default: break
            }
        }

        let nullThreshold = Self.nullThreshold, nullPrice = SessionEvents.nullPrice
        let (page2, page3, page4, page5) = pageThresholds
        let base = schedule.offsets[s]
        let kept = Int(schedule.sessionLength[s])
        var t = schedule.sessionStart[s]
        for p in 0..<length {
            if p > 0 { t += gaps[p - 1] }
            let bits = rng.next()
            let product = products[p]
            var colour = catalog.colour[product]
            if bits & 3 == 0 { colour = UInt8(rng.below(14) + 1) }
            if (bits >> 2) & 0xF_FFFF < nullThreshold { colour = 0 }
            let priceNull = (bits >> 22) & 0xF_FFFF < nullThreshold
            let pageBits = (bits >> 42) & 0xF_FFFF
            let page = 1 + (pageBits >= page2 ? 1 : 0) + (pageBits >= page3 ? 1 : 0) + (pageBits >= page4 ? 1 : 0) + (pageBits >= page5 ? 1 : 0)
            guard p < kept else { continue }
            let i = base + p
            out.seconds[i] = Int32(truncatingIfNeeded: t)
            out.session[i] = Int32(truncatingIfNeeded: s)
            out.product[i] = UInt8(truncatingIfNeeded: product)
            out.page[i] = UInt8(truncatingIfNeeded: page)
            out.colour[i] = colour
            out.flags[i] = events[p] | (priceNull ? nullPrice : 0)
        }
    }
}
