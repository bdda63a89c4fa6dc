// Hierarchical agglomerative clustering: ward, average or complete linkage by Lance–Williams updates.
import SiftFrame

/// How the distance between two clusters is measured.
public enum Linkage: String, Sendable, Codable, CaseIterable {
    /// The increase in within-cluster sum of squares a merge causes (Ward 1963).
    case ward
    /// The mean distance between the clusters' rows (UPGMA).
    case average
    /// The largest distance between the clusters' rows.
    case complete
}

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

/// The nearest-neighbour-chain merge search and the cut of the resulting hierarchy.
enum HierarchyChain {
    struct Merge { var a: Int; var b: Int; var height: Double }

    /// The n − 1 merges, in the order the chain finds them (not sorted by height).
    static func merges(_ rows: [Double], n: Int, p: Int, linkage: Linkage) -> [Merge] {
        guard n > 1 else { return [] }
        // Condensed upper triangle: pair (i < j) at i·n − i(i+1)/2 + (j − i − 1).
        @inline(__always) func index(_ i: Int, _ j: Int) -> Int {
            let (a, b) = i < j ? (i, j) : (j, i)
            return a * n - a * (a + 1) / 2 + (b - a - 1)
        }
        var d = [Double](repeating: 0, count: n * (n - 1) / 2)
        rows.withUnsafeBufferPointer { x in
            d.withUnsafeMutableBufferPointer { dist in
                var t = 0
                for i in 0..<n {
                    for j in (i + 1)..<n {
                        let s = RowMajor.squaredDistance(x, i, x, j, p)
                        dist[t] = linkage == .ward ? s : s.squareRoot()
                        t += 1
                    }
                }
            }
        }
        var size = [Int](repeating: 1, count: n)
        var active = [Bool](repeating: true, count: n)
        var merges: [Merge] = []
        merges.reserveCapacity(n - 1)
        var chain: [Int] = []
        var firstActive = 0
        d.withUnsafeMutableBufferPointer { dist in
            while merges.count < n - 1 {
                if chain.isEmpty {
                    while !active[firstActive] { firstActive += 1 }
                    chain.append(firstActive)
                }
                var a = 0, b = 0, height = 0.0
                while true {
                    a = chain[chain.count - 1]
                    let previous = chain.count >= 2 ? chain[chain.count - 2] : -1
                    // Nearest active neighbour of a, preferring the previous chain element on ties
                    // (which is what guarantees the chain ends in a reciprocal pair).
                    var best = previous, bestD = previous >= 0 ? dist[index(a, previous)] : Double.infinity
                    for c in 0..<n where active[c] && c != a {
                        let v = dist[index(a, c)]
                        if v < bestD { bestD = v; best = c }
                    }
                    if best == previous { b = previous; height = bestD; break }
                    chain.append(best)
                }
                chain.removeLast(2)
                // Merge a into b (b keeps the slot), updating every other active cluster.
                let na = Double(size[a]), nb = Double(size[b]), dab = dist[index(a, b)]
                for c in 0..<n where active[c] && c != a && c != b {
                    let dac = dist[index(a, c)], dbc = dist[index(b, c)]
                    let updated: Double
                    switch linkage {
                    case .complete: updated = max(dac, dbc)
                    case .average: updated = (na * dac + nb * dbc) / (na + nb)
                    case .ward:
                        let nc = Double(size[c])
                        updated = ((na + nc) * dac + (nb + nc) * dbc - nc * dab) / (na + nb + nc)
                    }
                    dist[index(b, c)] = updated
                }
                active[a] = false
                size[b] += size[a]
                merges.append(Merge(a: a, b: b, height: linkage == .ward ? max(0, height).squareRoot() : height))
            }
        }
        return merges
    }

    /// The partition left after the n − k lowest merges (stable by height on ties), as raw labels.
    static func cut(_ merges: [Merge], n: Int, k: Int) -> [Int] {
        let order = merges.indices.sorted { merges[$0].height != merges[$1].height ? merges[$0].height < merges[$1].height : $0 < $1 }
        var parent = Array(0..<n)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        for m in order.prefix(n - k) {
            let ra = root(merges[m].a), rb = root(merges[m].b)
            if ra != rb { parent[ra] = rb }
        }
        var rootLabel = [Int](repeating: -1, count: n)
        var labels = [Int](repeating: 0, count: n)
        var next = 0
        for i in 0..<n {
            let r = root(i)
            if rootLabel[r] < 0 { rootLabel[r] = next; next += 1 }
            labels[i] = rootLabel[r]
        }
        return labels
    }
}
