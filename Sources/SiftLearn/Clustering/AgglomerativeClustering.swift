// Hierarchical agglomerative clustering: ward, average or complete linkage by Lance–Williams updates.
import SiftFrame

/// The hyperparameters of agglomerative clustering, scikit-learn's `AgglomerativeClustering`
/// with Euclidean distances.
///
/// Every row starts as its own cluster; the two closest clusters merge until `k` remain.
/// Distances after a merge come from the Lance–Williams recurrence (Lance & Williams, "A General
/// Theory of Classificatory Sorting Strategies: 1. Hierarchical Systems", The Computer Journal
/// 9(4), 1967), for the merge of i and j seen from cluster k:
///
/// - complete: d(k, i∪j) = max(d(k,i), d(k,j))
/// - average:  d(k, i∪j) = (nᵢ d(k,i) + nⱼ d(k,j)) / (nᵢ + nⱼ)
/// - ward, on squared distances: d(k, i∪j) = ((nᵢ+nₖ) d(k,i) + (nⱼ+nₖ) d(k,j) − nₖ d(i,j)) / (nᵢ+nⱼ+nₖ)
///
/// The merges are found by the nearest-neighbour chain (Murtagh 1983; Müllner, "Modern
/// hierarchical, agglomerative clustering algorithms", 2011, §3), valid for these three
/// linkages because they are reducible; the merges are then sorted by height and the first
/// n − k are applied. Labels are numbered by first appearance (row 0 is in cluster 0). Ties
/// between equal distances may be broken differently from scikit-learn.
///
/// ```swift
/// let model = try AgglomerativeClustering(k: 3, linkage: .ward).fit(x)
/// ```
public struct AgglomerativeClustering: Sendable, Equatable {
    /// The number of clusters to stop at (`n_clusters`).
    public var k: Int
    /// The linkage (`linkage`).
    public var linkage: Linkage

    /// The most rows it fits. It keeps every pairwise distance, n(n − 1)/2 doubles: 400 MB at
    /// 10,000 rows (20,000 would need 1.6 GB on a machine shared with other work); sample the
    /// data or use kmeans above this.
    public static let maxRows = 10_000

    /// Creates the hyperparameters (scikit-learn's defaults `n_clusters=2`, `linkage="ward"`).
    public init(k: Int = 2, linkage: Linkage = .ward) {
        self.k = k
        self.linkage = linkage
    }

    /// Builds the hierarchy and cuts it at `k` clusters.
    ///
    /// - Throws: `FrameError.invalidArgument` when `k` is below 1 or above the rows, or when there
    ///   are more than ``maxRows`` rows.
    /// - Complexity: O(n² · p) time to fill the distances and O(n²) for the chain; O(n²) memory.
    public func fit(_ x: FeatureMatrix) throws -> Model {
        try RowMajor.requireFittable(x, "hclust")
        let n = x.rowCount, p = x.featureCount
        guard n <= Self.maxRows else {
            throw FrameError.invalidArgument(
                "hclust keeps all n(n-1)/2 pairwise distances and fits at most \(Self.maxRows) rows (got \(n)); sample the data first or use kmeans")
        }
        guard k >= 1 else { throw FrameError.invalidArgument("hclust needs k of at least 1, got \(k)") }
        guard k <= n else { throw FrameError.invalidArgument("hclust k:\(k) is more than the \(n) rows") }
        let rows = RowMajor.values(x)
        // Squared distances must stay finite through the Lance–Williams sums (n · d at most).
        var span = 0.0
        for j in 0..<p { x.withColumn(j) { c in span += pow((c.max() ?? 0) - (c.min() ?? 0), 2) } }
        guard span * Double(n) < 1e300 else {
            throw FrameError.invalidArgument("hclust: the features are too large for finite distances; scale them (scale:standard)")
        }
        let merges = HierarchyChain.merges(rows, n: n, p: p, linkage: linkage)
        let raw = HierarchyChain.cut(merges, n: n, k: k)
        let labels = RowMajor.renumberedByFirstAppearance(raw).labels
        var centroids = [Double](repeating: 0, count: k * p)
        var counts = [Int](repeating: 0, count: k)
        for i in 0..<n {
            counts[labels[i]] += 1
            for j in 0..<p { centroids[labels[i] * p + j] += rows[i * p + j] }
        }
        for c in 0..<k where counts[c] > 0 {
            for j in 0..<p { centroids[c * p + j] /= Double(counts[c]) }
        }
        let heights = merges.map(\.height).sorted()
        return Model(linkage: linkage, featureCount: p, clusterCount: k, labels: labels, centroids: centroids,
                     heights: Array(heights.suffix(min(heights.count, 20))))
    }

    /// A fitted hierarchical clustering cut at `clusterCount` clusters.
    public struct Model: ClusteringModel, Equatable {
        /// The linkage it was built with.
        public let linkage: Linkage
        /// The number of features.
        public let featureCount: Int
        /// The number of clusters.
        public let clusterCount: Int
        /// The cluster of each training row.
        public let labels: [Int]
        /// The mean of each cluster's rows, row-major (what ``predict(_:)`` uses).
        public let centroids: [Double]
        /// The heights of the last (highest) merges, ascending, at most 20: a gap before the
        /// last k − 1 suggests k (Euclidean distances; for ward, scipy's merge distance).
        public let heights: [Double]

        /// Assigns new rows to the cluster with the nearest centroid. scikit-learn's
        /// `AgglomerativeClustering` has no `predict`; nearest centroid is the usual extension and
        /// may disagree with ``labels`` for training rows under average or complete linkage.
        ///
        /// - Throws: `FrameError.shapeMismatch` when `x` has another number of features.
        /// - Complexity: O(n · k · p).
        public func predict(_ x: FeatureMatrix) throws -> [Int] {
            try EstimatorChecks.requireFeatures(x, featureCount)
            return Lloyd.assign(RowMajor.values(x), n: x.rowCount, p: featureCount, centres: centroids, k: clusterCount).labels
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
