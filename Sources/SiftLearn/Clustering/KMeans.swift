// k-means clustering: k-means++ seeding and Lloyd iterations, best of several restarts (scikit-learn's KMeans).
import SiftFrame

/// The hyperparameters of k-means, scikit-learn's `KMeans(init="k-means++", algorithm="lloyd")`.
///
/// Each of `nInit` runs seeds `k` centres by greedy k-means++ (Arthur & Vassilvitskii,
/// "k-means++: The Advantages of Careful Seeding", SODA 2007, §2.2: the next centre is drawn
/// with probability D(x)² / Σ D², and, as in scikit-learn and §6 of the paper, `2 + ⌊ln k⌋`
/// candidates are drawn and the one that lowers the potential most is kept), then runs Lloyd's
/// iterations (assign every row to its nearest centre, move each centre to its rows' mean)
/// until no label changes, the centres move less than the tolerance, or `maxIter` is reached.
/// The run with the lowest inertia (sum of squared distances to the nearest centre) wins; on
/// equal inertia the first run does.
///
/// The tolerance is relative, as in scikit-learn: the run stops when the sum over centres of
/// the squared shift is at most `tol × mean(per-feature population variance)`. A cluster left
/// empty by an assignment is moved onto the row farthest from its own centre (scikit-learn's
/// `_relocate_empty_clusters`).
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let model = try KMeans(k: 3).fit(x, generator: &rng)
/// model.labels     // one cluster per row
/// model.inertia
/// ```
public struct KMeans: Sendable, Equatable {
    /// The number of clusters (`n_clusters`).
    public var k: Int
    /// The number of seeded restarts (`n_init`); the lowest inertia wins.
    public var nInit: Int
    /// The most Lloyd iterations per run (`max_iter`).
    public var maxIter: Int
    /// The relative tolerance on the centres' shift (`tol`).
    public var tol: Double

    /// Creates the hyperparameters. scikit-learn's defaults are `n_clusters=8`, `max_iter=300`,
    /// `tol=1e-4`; `n_init` is 10 here (scikit-learn's pre-1.4 default), which costs little and
    /// makes a bad seeding unlikely.
    public init(k: Int = 8, nInit: Int = 10, maxIter: Int = 300, tol: Double = 1e-4) {
        self.k = k
        self.nInit = nInit
        self.maxIter = maxIter
        self.tol = tol
    }

    /// Fits the centres.
    ///
    /// - Parameters:
    ///   - x: the features (already scaled if scaling is wanted: k-means is not scale-invariant).
    ///   - generator: the source of randomness for the seeding.
    /// - Returns: the fitted centres with the training labels and inertia.
    /// - Throws: `FrameError.invalidArgument` when `k` is below 1 or above the number of rows,
    ///   when `nInit` or `maxIter` is below 1, or `tol` is negative or not finite.
    /// - Complexity: O(nInit · (k · (2 + ln k) · n · p + iterations · n · k · p)) time,
    ///   O(n · p + k · p) extra memory.
    public func fit(_ x: FeatureMatrix, generator: inout SeededGenerator) throws -> Model {
        try RowMajor.requireFittable(x, "kmeans")
        guard k >= 1 else { throw FrameError.invalidArgument("kmeans needs k of at least 1, got \(k)") }
        guard k <= x.rowCount else {
            throw FrameError.invalidArgument("kmeans k:\(k) is more than the \(x.rowCount) rows")
        }
        guard nInit >= 1 else { throw FrameError.invalidArgument("kmeans needs n_init of at least 1, got \(nInit)") }
        guard maxIter >= 1 else { throw FrameError.invalidArgument("kmeans needs max_iter of at least 1, got \(maxIter)") }
        guard tol >= 0, tol.isFinite else { throw FrameError.invalidArgument("kmeans needs a finite tol ≥ 0, got \(tol)") }
        let rows = RowMajor.values(x)
        let tolerance = tol * Self.meanVariance(x)
        var best: Lloyd.Result?
        for _ in 0..<nInit {
            let seeds = Lloyd.seedPlusPlus(rows, n: x.rowCount, p: x.featureCount, k: k, generator: &generator)
            let run = Lloyd.run(rows, n: x.rowCount, p: x.featureCount, centres: seeds, maxIter: maxIter, tolerance: tolerance)
            if best == nil || run.inertia < best?.inertia ?? .infinity { best = run }
        }
        guard let best else { throw FrameError.invalidArgument("kmeans ran no restarts") }
        return Model(centres: best.centres, featureCount: x.featureCount, clusterCount: k, labels: best.labels,
                     inertia: best.inertia, iterations: best.iterations)
    }

    /// The mean over features of the population variance (scikit-learn's `_tolerance`).
    static func meanVariance(_ x: FeatureMatrix) -> Double {
        let n = Double(x.rowCount)
        var total = 0.0
        for j in 0..<x.featureCount {
            x.withColumn(j) { col in
                var mean = 0.0
                for v in col { mean += v }
                mean /= n
                var ss = 0.0
                for v in col { ss += (v - mean) * (v - mean) }
                total += ss / n
            }
        }
        return total / Double(x.featureCount)
    }

    /// Fitted k-means centres.
    public struct Model: ClusteringModel, Equatable {
        /// The centres, row-major: centre `c` is `centres[c * featureCount ..< (c + 1) * featureCount]`.
        public let centres: [Double]
        /// The number of features.
        public let featureCount: Int
        /// The number of centres.
        public let clusterCount: Int
        /// The cluster of each training row.
        public let labels: [Int]
        /// The sum over training rows of the squared distance to their centre.
        public let inertia: Double
        /// The Lloyd iterations the winning run took.
        public let iterations: Int

        /// Creates a model from centres (for loading, and for tests that fix the centres).
        public init(centres: [Double], featureCount: Int, clusterCount: Int, labels: [Int], inertia: Double, iterations: Int) {
            self.centres = centres
            self.featureCount = featureCount
            self.clusterCount = clusterCount
            self.labels = labels
            self.inertia = inertia
            self.iterations = iterations
        }

        /// Centre `c` as an array.
        public func centre(_ c: Int) -> [Double] { Array(centres[(c * featureCount)..<((c + 1) * featureCount)]) }

        /// The nearest centre of each row (the lowest index on ties).
        ///
        /// - Throws: `FrameError.shapeMismatch` when `x` has another number of features.
        /// - Complexity: O(n · k · p).
        public func predict(_ x: FeatureMatrix) throws -> [Int] {
            try EstimatorChecks.requireFeatures(x, featureCount)
            return Lloyd.assign(RowMajor.values(x), n: x.rowCount, p: featureCount, centres: centres, k: clusterCount).labels
        }

        /// The sum of squared distances from each row of `x` to its nearest centre.
        ///
        /// - Throws: `FrameError.shapeMismatch` when `x` has another number of features.
        public func inertia(of x: FeatureMatrix) throws -> Double {
            try EstimatorChecks.requireFeatures(x, featureCount)
            return Lloyd.assign(RowMajor.values(x), n: x.rowCount, p: featureCount, centres: centres, k: clusterCount).inertia
        }
    }
}
