// DBSCAN: density-based clusters with noise (Ester et al. 1996; scikit-learn's DBSCAN).
import SiftFrame

/// The hyperparameters of DBSCAN (Ester, Kriegel, Sander & Xu, "A Density-Based Algorithm for
/// Discovering Clusters in Large Spatial Databases with Noise", KDD 1996).
///
/// A row is a *core* row when at least `minSamples` rows (itself included, as in scikit-learn)
/// lie within Euclidean distance `eps` (inclusive). Clusters are the connected components of
/// core rows under "within eps", plus the non-core rows within eps of a core row (border rows);
/// every other row is noise, labelled `-1`. Clusters are numbered in the order their first core
/// row appears, and a border row reachable from two clusters joins the one found first, exactly
/// as scikit-learn's `dbscan_inner` does, so labels agree with scikit-learn's row for row.
///
/// Neighbours come from a ``NeighbourGrid`` over the two widest features rather than an n × n
/// distance matrix or stored neighbour lists, so memory stays O(n · p).
///
/// ```swift
/// let model = try DBSCAN(eps: 0.3, minSamples: 5).fit(x)
/// model.labels        // -1 for noise
/// ```
public struct DBSCAN: Sendable, Equatable {
    /// The neighbourhood radius (`eps`).
    public var eps: Double
    /// The rows, itself included, a core row needs within `eps` (`min_samples`).
    public var minSamples: Int

    /// Creates the hyperparameters (scikit-learn's defaults `eps=0.5`, `min_samples=5`).
    public init(eps: Double = 0.5, minSamples: Int = 5) {
        self.eps = eps
        self.minSamples = minSamples
    }

    /// Finds the clusters.
    ///
    /// - Throws: `FrameError.invalidArgument` when `eps` is not a positive finite number or
    ///   `minSamples` is below 1.
    /// - Complexity: O(n log n) to build the grid plus O(n · m) for neighbourhoods of m rows on
    ///   average (each row's neighbourhood is searched once to count, stopping at `minSamples`, and once
    ///   more if it is core);
    ///   O(n · p) memory.
    public func fit(_ x: FeatureMatrix) throws -> Model {
        try RowMajor.requireFittable(x, "dbscan")
        guard eps > 0, eps.isFinite else { throw FrameError.invalidArgument("dbscan needs eps > 0, got \(eps)") }
        guard minSamples >= 1 else { throw FrameError.invalidArgument("dbscan needs min_samples of at least 1, got \(minSamples)") }
        let n = x.rowCount, p = x.featureCount
        let rows = RowMajor.values(x)
        let grid = NeighbourGrid(points: rows, n: n, p: p, eps: eps)
        var isCore = [Bool](repeating: false, count: n)
        for i in 0..<n {
            // Counting stops at minSamples: a core row's exact count does not matter.
            isCore[i] = grid.neighbourCount(of: rows, at: i * p, upTo: minSamples) >= minSamples
        }
        // Ester et al.'s ExpandCluster, in scikit-learn's order: scan rows; each unlabelled core
        // row starts a cluster grown depth-first through core rows.
        var labels = [Int](repeating: -1, count: n)
        var next = 0
        var stack: [Int] = []
        for start in 0..<n where labels[start] == -1 && isCore[start] {
            labels[start] = next
            stack.append(start)
            while let i = stack.popLast() {
                guard isCore[i] else { continue }
                grid.forEachNeighbour(of: rows, at: i * p) { v in
                    if labels[v] == -1 {
                        labels[v] = next
                        stack.append(v)
                    }
                    return true
                }
            }
            next += 1
        }
        var coreRows: [Double] = [], coreLabels: [Int] = []
        for i in 0..<n where isCore[i] {
            coreRows.append(contentsOf: rows[(i * p)..<((i + 1) * p)])
            coreLabels.append(labels[i])
        }
        return Model(eps: eps, featureCount: p, clusterCount: next, labels: labels,
                     coreRows: coreRows, coreLabels: coreLabels)
    }

    /// A fitted DBSCAN clustering: its labels and its core rows.
    public struct Model: ClusteringModel, Equatable {
        /// The radius it was fitted with.
        public let eps: Double
        /// The number of features.
        public let featureCount: Int
        /// The number of clusters (noise excluded).
        public let clusterCount: Int
        /// The cluster of each training row, `-1` for noise.
        public let labels: [Int]
        /// The core rows, row-major, and their clusters (what ``predict(_:)`` compares against).
        public let coreRows: [Double]
        /// The cluster of each core row.
        public let coreLabels: [Int]

        /// The number of noise rows in the training data.
        public var noiseCount: Int { labels.reduce(0) { $0 + ($1 < 0 ? 1 : 0) } }

        /// Labels new rows: the cluster of the nearest core row within `eps`, else noise (`-1`).
        ///
        /// scikit-learn's DBSCAN has no `predict`; this is the usual extension, and it gives a
        /// training border row the cluster of its nearest core row, which may differ from the
        /// first-found cluster ``labels`` records when the row borders two clusters.
        ///
        /// - Throws: `FrameError.shapeMismatch` when `x` has another number of features.
        /// - Complexity: O(c log c) to grid the c core rows, then the rows within eps of each query.
        public func predict(_ x: FeatureMatrix) throws -> [Int] {
            try EstimatorChecks.requireFeatures(x, featureCount)
            let p = featureCount
            let grid = NeighbourGrid(points: coreRows, n: coreLabels.count, p: p, eps: eps)
            let rows = RowMajor.values(x)
            var out = [Int](repeating: -1, count: x.rowCount)
            for i in 0..<x.rowCount {
                var best = -1, bestD = Double.infinity
                grid.forEachNeighbour(of: rows, at: i * p) { c in
                    var s = 0.0
                    for j in 0..<p {
                        let d = coreRows[c * p + j] - rows[i * p + j]
                        s += d * d
                    }
                    if s < bestD || (s == bestD && c < best) { bestD = s; best = c }
                    return true
                }
                if best >= 0 { out[i] = coreLabels[best] }
            }
            return out
        }
    }
}
