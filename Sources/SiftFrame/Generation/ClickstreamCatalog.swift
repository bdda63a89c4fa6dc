// The fixed world the clickstream generator draws from: products with Zipf popularity, countries, pages and hours.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Products, countries and the other categorical distributions of the synthetic clickstream.
///
/// The catalogue follows `/work/shared/bench/gen.py` (the benchmark files' generator) so both
/// data sets read alike: 218 products `A1…A43`, `B1…B34`, `C1…C59`, `P1…P82`; the letter gives
/// the category (A = 1, B = 2, C = 3, P = 4); each product has a price (normal around the
/// letter's mean, sd 14, clipped to 18…82 with both ends present), a base colour (1…14,
/// weights 1/k^0.7), a photo location (1…6) and a photo kind (1 = 75%, 2). Popularity is Zipf
/// (weight 1/rank^0.8, Zipf 1949) over a random ranking. Countries are 1…47 with 29 the home
/// market (55% of users) and the other 46 Zipf(1.2) in random order.
struct ClickstreamCatalog: Sendable {
    /// Product names, in catalogue order (a product's index is its dictionary code).
    let names: StringArray
    /// Per product: category 1…4, price, base colour, location, photo.
    let category: [Int64], price: [Int64], colour: [UInt8], location: [Int64], photo: [Int64]
    /// Popularity of the products, for O(1) draws.
    let productTable: AliasTable
    /// Country codes and the cumulative share of users in each.
    let countries: [Int64], countryCDF: [Double]
    /// Each country's effect on the log-odds of carting (normal, sd 0.35), by country code.
    let countryEffect: [Double]

    /// The listing pages 1…5 and their cumulative shares (skewed towards page 1).
    static let pageCDF = cumulative([0.55, 0.20, 0.12, 0.08, 0.05])
    /// ``pageCDF`` in units of 2^-20, for pages drawn from 20 random bits.
    static let pageThresholds: [UInt64] = pageCDF.map { UInt64(($0 * 1_048_576).rounded()) }
    /// Relative activity by hour of day (UTC): quiet at night, busiest in the evening.
    static let hourWeight: [Double] = [0.30, 0.20, 0.15, 0.10, 0.10, 0.15, 0.30, 0.50, 0.70, 0.80, 0.85, 0.90,
                                       0.95, 0.90, 0.85, 0.85, 0.90, 0.95, 1.00, 1.00, 0.95, 0.85, 0.65, 0.45]

    /// Draws the catalogue.
    init(generator rng: inout SeededGenerator) {
        var names = StringArrayBuilder(capacity: 218)
        var category: [Int64] = [], price: [Int64] = []
        for (letter, count, cat, mu) in [("A", 43, 1, 45.0), ("B", 34, 2, 40.0), ("C", 59, 3, 50.0), ("P", 82, 4, 35.0)] {
            for i in 1...count {
                names.append(letter + String(i))
                category.append(Int64(cat))
                price.append(Int64(Swift.min(82, Swift.max(18, (mu + 14 * rng.nextGaussian()).rounded()))))
            }
        }
        let k = category.count
        // Make sure the whole 18…82 range occurs, as in the benchmark files.
        if let lo = price.indices.min(by: { price[$0] < price[$1] }) { price[lo] = 18 }
        if let hi = price.indices.max(by: { price[$0] < price[$1] }) { price[hi] = 82 }
        var ranks = Array(1...k)
        rng.shuffle(&ranks)
        let colourCDF = Self.cumulative((1...14).map { 1 / pow(Double($0), 0.7) })
        self.names = names.build()
        self.category = category
        self.price = price
        self.productTable = AliasTable(weights: ranks.map { 1 / pow(Double($0), 0.8) })
        self.colour = (0..<k).map { _ in UInt8(Self.pick(colourCDF, rng.nextDouble()) + 1) }
        self.location = (0..<k).map { _ in Int64(rng.below(6) + 1) }
        self.photo = (0..<k).map { _ in rng.nextDouble() < 0.75 ? 1 : 2 }
        var others = (1...47).filter { $0 != 29 }.map { Int64($0) }
        rng.shuffle(&others)
        let otherWeights = (1...46).map { 1 / pow(Double($0), 1.2) }
        let otherTotal = otherWeights.reduce(0, +)
        self.countries = [29] + others
        self.countryCDF = Self.cumulative([0.55] + otherWeights.map { 0.45 * $0 / otherTotal })
        self.countryEffect = (0...47).map { _ in 0.35 * rng.nextGaussian() }
    }

    /// The number of products.
    var productCount: Int { category.count }

    /// Normalised running sums of weights, the last exactly 1.
    static func cumulative(_ weights: [Double]) -> [Double] {
        let total = weights.reduce(0, +)
        var run = 0.0
        var out = weights.map { w -> Double in run += w; return run / total }
        out[out.count - 1] = 1
        return out
    }

    /// The first index whose cumulative share exceeds `u` (u in [0, 1)): inverse-CDF sampling.
    ///
    /// - Complexity: O(log count).
    @inline(__always) static func pick(_ cdf: [Double], _ u: Double) -> Int {
        var lo = 0, hi = cdf.count - 1
        while lo < hi {
            let mid = (lo + hi) >> 1
            if cdf[mid] > u { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}

/// Draws from a fixed discrete distribution in O(1): Walker's alias method (Walker, "An
/// Efficient Method for Generating Discrete Random Variables with General Distributions",
/// ACM TOMS 1977) with Vose's O(n) construction (IEEE TSE 1991).
///
/// A draw takes one 64-bit random number: its high 32 bits choose a column (multiply-shift, bias
/// below n / 2^32) and its low 32 bits decide between the column and its alias.
struct AliasTable: Sendable {
    /// The chance, in units of 2^-32, that column `i` gives `i` rather than its alias.
    let threshold: [UInt64]
    /// The other outcome of each column.
    let alias: [Int32]

    /// Builds the table for weights (positive, at least one).
    init(weights: [Double]) {
        let n = weights.count
        precondition(n > 0 && n < Int(Int32.max), "an alias table needs weights")
        let total = weights.reduce(0, +)
        var scaled = weights.map { $0 * Double(n) / total }
        var small: [Int] = [], large: [Int] = []
        for i in (0..<n).reversed() { if scaled[i] < 1 { small.append(i) } else { large.append(i) } }
        var prob = [Double](repeating: 1, count: n)
        var alias = (0..<n).map { Int32($0) }
        while let s = small.popLast(), let l = large.popLast() {
            prob[s] = scaled[s]
            alias[s] = Int32(l)
            scaled[l] = (scaled[l] + scaled[s]) - 1
            if scaled[l] < 1 { small.append(l) } else { large.append(l) }
        }
        // Whatever is left (rounding) takes its own column always.
        self.threshold = prob.map { UInt64(Swift.min(1, $0) * 4_294_967_296) }
        self.alias = alias
    }

    /// The outcome of 64 random bits.
    @inline(__always) func sample(_ bits: UInt64) -> Int {
        let column = Int(((bits >> 32) &* UInt64(threshold.count)) >> 32)
        return bits & 0xFFFF_FFFF < threshold[column] ? column : Int(alias[column])
    }
}

/// Random variates the generator needs beyond ``SeededGenerator``'s uniform and normal ones,
/// by inversion of their distribution functions (Devroye, "Non-Uniform Random Variate
/// Generation", 1986, §2.1).
///
/// They use the C library's `log` and `exp`, whose last bit may differ between C libraries, so
/// a seed gives the same data on every run and build of one platform.
enum Variates {
    /// An exponential deviate with the given mean: −mean · ln(1 − U).
    @inline(__always) static func exponential(_ mean: Double, _ rng: inout SeededGenerator) -> Double {
        -mean * log(1 - rng.nextDouble())
    }

    /// A geometric count of failures before the first success (0, 1, 2, …) with the given mean:
    /// ⌊ln(1 − U) / ln(1 − p)⌋ with p = 1 / (mean + 1).
    @inline(__always) static func geometric(mean: Double, _ rng: inout SeededGenerator) -> Int {
        guard mean > 0 else { return 0 }
        let q = log(1 - 1 / (mean + 1))
        return Int((log(1 - rng.nextDouble()) / q).rounded(.down))
    }

    /// The logistic function 1 / (1 + e^−x).
    @inline(__always) static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
