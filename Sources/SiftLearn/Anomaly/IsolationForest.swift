// Isolation forest anomaly scores (Liu, Ting & Zhou 2008; scikit-learn's IsolationForest).
import SiftFrame

/// The hyperparameters of an isolation forest (Liu, Ting & Zhou, "Isolation Forest", ICDM 2008).
///
/// Each of `nEstimators` trees is grown on `min(maxSamples, n)` rows drawn without replacement:
/// a node picks a feature at random among those not constant in the node, splits at a uniform
/// value between the node's minimum and maximum, and stops at one row, at identical rows, or at
/// the height limit ⌈log₂ ψ⌉ (ψ = the subsample size; paper, Algorithm 2). A row's path length
/// h(x) is the edges to its leaf plus c(size of the leaf) (paper, Eq. 1 and Algorithm 3), and its
/// score is s = 2^(−E[h(x)] / c(ψ)) (Eq. 2), in (0, 1]: near 1 is anomalous, below 0.5 normal,
/// where c(m) = 2 H(m − 1) − 2(m − 1)/m is the average path length of an unsuccessful binary
/// search-tree lookup (H(i) ≈ ln i + 0.5772156649, the Euler–Mascheroni constant), c(2) = 1,
/// c(1) = c(0) = 0.
///
/// With `contamination` nil (scikit-learn's `"auto"`) a row is an anomaly when its score is
/// above 0.5, the paper's own cut; with a fraction c it is anomalous when its score is above
/// the training scores' (1 − c) quantile (linear interpolation, numpy's default), so about
/// that fraction of training rows is flagged. Defaults follow scikit-learn: 100 trees, 256 rows.
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let model = try IsolationForest(contamination: 0.05).fit(x, generator: &rng)
/// let scores = try model.scoreSamples(x)     // higher = more anomalous
/// ```
public struct IsolationForest: Sendable, Equatable {
    /// The number of trees (`n_estimators`).
    public var nEstimators: Int
    /// The rows each tree sees (`max_samples`), capped at the number of rows.
    public var maxSamples: Int
    /// The expected fraction of anomalies in (0, 0.5], or nil for the fixed 0.5 cut (`"auto"`).
    public var contamination: Double?

    /// Creates the hyperparameters (scikit-learn's defaults).
    public init(nEstimators: Int = 100, maxSamples: Int = 256, contamination: Double? = nil) {
        self.nEstimators = nEstimators
        self.maxSamples = maxSamples
        self.contamination = contamination
    }

    /// Grows the forest and sets the threshold.
    ///
    /// - Throws: `FrameError.invalidArgument` when `nEstimators` or `maxSamples` is below 1 or
    ///   `contamination` is outside (0, 0.5].
    /// - Complexity: O(t · ψ log ψ) to grow t trees, then O(t · n log ψ) to score the training rows
    ///   for the threshold.
    public func fit(_ x: FeatureMatrix, generator: inout SeededGenerator) throws -> Model {
        try RowMajor.requireFittable(x, "isolation")
        guard nEstimators >= 1 else { throw FrameError.invalidArgument("isolation needs at least 1 tree, got \(nEstimators)") }
        guard maxSamples >= 1 else { throw FrameError.invalidArgument("isolation needs max_samples of at least 1, got \(maxSamples)") }
        if let c = contamination, !(c > 0 && c <= 0.5) {
            throw FrameError.invalidArgument("isolation contamination must be in (0, 0.5], got \(c)")
        }
        let n = x.rowCount, p = x.featureCount
        let psi = min(maxSamples, n)
        let heightLimit = Int((log2(Double(max(psi, 2)))).rounded(.up))
        let rows = RowMajor.values(x)
        var trees: [IsolationTree] = []
        trees.reserveCapacity(nEstimators)
        var pool = Array(0..<n)
        for _ in 0..<nEstimators {
            // A partial Fisher–Yates shuffle draws psi distinct rows.
            for s in 0..<psi { pool.swapAt(s, s + generator.below(n - s)) }
            var builder = IsolationTree.Builder(rows: rows, p: p, heightLimit: heightLimit)
            trees.append(builder.grow(Array(pool[0..<psi]), generator: &generator))
        }
        var model = Model(trees: trees, featureCount: p, sampleSize: psi, threshold: 0.5, contamination: contamination)
        if let c = contamination {
            let scores = model.scores(rows, n: n).sorted()
            model = Model(trees: trees, featureCount: p, sampleSize: psi,
                          threshold: Self.quantile(sorted: scores, 1 - c), contamination: c)
        }
        return model
    }

    /// The q-quantile of sorted values by linear interpolation (numpy's default `linear` method).
    static func quantile(sorted v: [Double], _ q: Double) -> Double {
        guard !v.isEmpty else { return 0.5 }
        let position = q * Double(v.count - 1)
        let lo = Int(position.rounded(.down)), hi = min(lo + 1, v.count - 1)
        return v[lo] + (v[hi] - v[lo]) * (position - Double(lo))
    }

    /// c(m), the average path length of an unsuccessful search in a binary search tree of m
    /// nodes (Liu et al. 2008, Eq. 1), with scikit-learn's c(1) = 0 and c(2) = 1.
    public static func averagePathLength(_ m: Int) -> Double {
        if m <= 1 { return 0 }
        if m == 2 { return 1 }
        let k = Double(m - 1)
        return 2 * (log(k) + 0.5772156649015329) - 2 * k / Double(m)
    }

    /// A fitted isolation forest.
    public struct Model: Sendable, Codable, Equatable {
        /// The trees.
        public let trees: [IsolationTree]
        /// The number of features.
        public let featureCount: Int
        /// The rows each tree was grown on (ψ).
        public let sampleSize: Int
        /// The score above which a row is an anomaly.
        public let threshold: Double
        /// The contamination it was fitted with (nil: the fixed 0.5 cut).
        public let contamination: Double?

        /// The anomaly score of each row, 2^(−E[h]/c(ψ)) in (0, 1]; higher is more anomalous.
        /// (scikit-learn's `score_samples` returns the negation of this.)
        ///
        /// - Throws: `FrameError.shapeMismatch` when `x` has another number of features.
        /// - Complexity: O(trees · n · log ψ).
        public func scoreSamples(_ x: FeatureMatrix) throws -> [Double] {
            try EstimatorChecks.requireFeatures(x, featureCount)
            return scores(RowMajor.values(x), n: x.rowCount)
        }

        /// Whether each row's score is above ``threshold``.
        ///
        /// - Throws: `FrameError.shapeMismatch` when `x` has another number of features.
        public func predict(_ x: FeatureMatrix) throws -> [Bool] {
            try scoreSamples(x).map { $0 > threshold }
        }

        func scores(_ rows: [Double], n: Int) -> [Double] {
            let norm = IsolationForest.averagePathLength(sampleSize)
            var out = [Double](repeating: 0, count: n)
            rows.withUnsafeBufferPointer { x in
                for i in 0..<n {
                    var total = 0.0
                    for tree in trees { total += tree.pathLength(x, row: i, p: featureCount) }
                    let mean = total / Double(trees.count)
                    out[i] = norm > 0 ? pow(2, -mean / norm) : 1
                }
            }
            return out
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
