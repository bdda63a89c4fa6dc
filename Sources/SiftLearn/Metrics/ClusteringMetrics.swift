// Clustering quality: silhouette, Davies–Bouldin, inertia and cluster sizes (scikit-learn's sklearn.metrics).
import SiftFrame

/// Internal measures of a clustering, computed from the features and the labels alone.
///
/// Rows labelled `-1` (DBSCAN noise) are left out of every measure, since noise is not a
/// cluster; ``sizes(_:)`` reports them separately. Distances are Euclidean.
public enum ClusteringMetrics {
    /// Above this many (non-noise) rows the silhouette is computed on a deterministic sample of
    /// this many rows (seed 0, without replacement), as `silhouette_score(sample_size=)` does:
    /// the exact value needs all n² distances, 10⁸ at this size.
    public static let silhouetteSampleSize = 10_000

    /// The mean silhouette coefficient (Rousseeuw, "Silhouettes: a graphical aid to the
    /// interpretation and validation of cluster analysis", J. Comput. Appl. Math. 20, 1987):
    /// for each row, a = mean distance to the other rows of its cluster, b = the lowest mean
    /// distance to the rows of another cluster, s = (b − a) / max(a, b), and s = 0 for a row
    /// alone in its cluster (scikit-learn's convention). In [−1, 1]; higher is better.
    ///
    /// - Parameters:
    ///   - sampleSize: the most rows used; more are sampled down to this (seed 0).
    /// - Returns: the mean of s, or nil when there are fewer than 2 clusters or as many
    ///   clusters as rows (scikit-learn raises there: the measure is undefined).
    /// - Complexity: O(m² · p) for m = min(rows, `sampleSize`), O(m · p + k) memory.
    public static func silhouette(_ x: FeatureMatrix, labels: [Int], sampleSize: Int = silhouetteSampleSize) throws -> Double? {
        try EstimatorChecks.requireRows(x, labels.count, "the labels")
        var kept = labels.indices.filter { labels[$0] >= 0 }
        if kept.count > max(sampleSize, 2) {
            var rng = SeededGenerator(seed: 0)
            rng.shuffle(&kept)
            kept = Array(kept.prefix(max(sampleSize, 2))).sorted()
        }
        let (codes, k) = denseCodes(kept.map { labels[$0] })
        let m = kept.count
        guard k >= 2, k < m else { return nil }
        let p = x.featureCount
        let rows = RowMajor.values(x.rows(kept))
        var counts = [Int](repeating: 0, count: k)
        for c in codes { counts[c] += 1 }
        var total = 0.0
        var sums = [Double](repeating: 0, count: k)
        rows.withUnsafeBufferPointer { r in
          codes.withUnsafeBufferPointer { code in
            sums.withUnsafeMutableBufferPointer { sums in
            for i in 0..<m {
                for c in 0..<k { sums[c] = 0 }
                for j in 0..<m where j != i {
                    sums[code[j]] += RowMajor.squaredDistance(r, i, r, j, p).squareRoot()
                }
                let own = codes[i]
                guard counts[own] > 1 else { continue }
                let a = sums[own] / Double(counts[own] - 1)
                var b = Double.infinity
                for c in 0..<k where c != own && counts[c] > 0 { b = min(b, sums[c] / Double(counts[c])) }
                let denominator = max(a, b)
                total += denominator > 0 ? (b - a) / denominator : 0
            }
            }
          }
        }
        return total / Double(m)
    }

    /// The Davies–Bouldin index (Davies & Bouldin, "A Cluster Separation Measure", IEEE PAMI 1(2),
    /// 1979), as scikit-learn computes it: Sᵢ = mean distance of cluster i's rows to its
    /// centroid, Mᵢⱼ = distance between centroids, DB = mean over i of maxⱼ≠ᵢ (Sᵢ + Sⱼ) / Mᵢⱼ.
    /// Lower is better; 0 when every Sᵢ or every Mᵢⱼ is 0; a pair of coinciding centroids
    /// contributes nothing (scikit-learn sets Mᵢⱼ = ∞ there).
    ///
    /// - Returns: the index, or nil with fewer than 2 clusters or as many clusters as rows.
    /// - Complexity: O(n · p + k² · p).
    public static func daviesBouldin(_ x: FeatureMatrix, labels: [Int]) throws -> Double? {
        try EstimatorChecks.requireRows(x, labels.count, "the labels")
        let kept = labels.indices.filter { labels[$0] >= 0 }
        let (codes, k) = denseCodes(kept.map { labels[$0] })
        guard k >= 2, k < kept.count else { return nil }
        let p = x.featureCount
        let rows = RowMajor.values(x.rows(kept))
        let centroids = means(rows, codes: codes, k: k, p: p)
        var scatter = [Double](repeating: 0, count: k), counts = [Int](repeating: 0, count: k)
        rows.withUnsafeBufferPointer { r in
            centroids.withUnsafeBufferPointer { c in
                for (i, code) in codes.enumerated() {
                    scatter[code] += RowMajor.squaredDistance(r, i, c, code, p).squareRoot()
                    counts[code] += 1
                }
            }
        }
        for c in 0..<k { scatter[c] /= Double(counts[c]) }
        var separations: [Double] = []
        centroids.withUnsafeBufferPointer { c in
            for i in 0..<k { for j in 0..<k { separations.append(RowMajor.squaredDistance(c, i, c, j, p).squareRoot()) } }
        }
        if scatter.allSatisfy({ $0 == 0 }) || separations.allSatisfy({ $0 == 0 }) { return 0 }
        var total = 0.0
        for i in 0..<k {
            var worst = 0.0
            for j in 0..<k where j != i {
                let m = separations[i * k + j]
                if m > 0 { worst = max(worst, (scatter[i] + scatter[j]) / m) }
            }
            total += worst
        }
        return total / Double(k)
    }

    /// The within-cluster sum of squared distances to `centres` (row-major, one per label), or to
    /// each cluster's mean when `centres` is nil. With a k-means model's centres this is its
    /// inertia (scikit-learn's `inertia_`).
    ///
    /// - Throws: `FrameError.shapeMismatch` when the labels or centres do not fit the matrix,
    ///   `FrameError.invalidArgument` for a label without a centre.
    /// - Complexity: O(n · p).
    public static func inertia(_ x: FeatureMatrix, labels: [Int], centres: [Double]? = nil) throws -> Double {
        try EstimatorChecks.requireRows(x, labels.count, "the labels")
        let p = x.featureCount
        let kept = labels.indices.filter { labels[$0] >= 0 }
        let rows = RowMajor.values(x.rows(kept))
        let codes: [Int], k: Int
        if let centres {
            guard p > 0, centres.count % p == 0 else {
                throw FrameError.shapeMismatch("\(centres.count) centre values do not fill rows of \(p) features")
            }
            codes = kept.map { labels[$0] }
            k = centres.count / p
            if let bad = codes.first(where: { $0 >= k }) {
                throw FrameError.invalidArgument("label \(bad) has no centre (there are \(k))")
            }
        } else {
            (codes, k) = denseCodes(kept.map { labels[$0] })
        }
        let c = centres ?? means(rows, codes: codes, k: k, p: p)
        var total = 0.0
        rows.withUnsafeBufferPointer { r in
            c.withUnsafeBufferPointer { cb in
                for (i, code) in codes.enumerated() { total += RowMajor.squaredDistance(r, i, cb, code, p) }
            }
        }
        return total
    }

    /// The rows in each cluster `0...max label`, and the noise rows (label `-1`).
    public static func sizes(_ labels: [Int]) -> (sizes: [Int], noise: Int) {
        var sizes = [Int](repeating: 0, count: (labels.max() ?? -1) + 1)
        var noise = 0
        for l in labels { if l >= 0 { sizes[l] += 1 } else { noise += 1 } }
        return (sizes, noise)
    }

    /// Labels mapped onto `0..<k` in ascending order of label.
    private static func denseCodes(_ labels: [Int]) -> ([Int], Int) {
        let distinct = Array(Set(labels)).sorted()
        var code = [Int: Int]()
        for (i, l) in distinct.enumerated() { code[l] = i }
        return (labels.map { code[$0] ?? 0 }, distinct.count)
    }

    /// Per-cluster means, row-major.
    private static func means(_ rows: [Double], codes: [Int], k: Int, p: Int) -> [Double] {
        var out = [Double](repeating: 0, count: k * p), counts = [Int](repeating: 0, count: k)
        for (i, c) in codes.enumerated() {
            counts[c] += 1
            for j in 0..<p { out[c * p + j] += rows[i * p + j] }
        }
        for c in 0..<k where counts[c] > 0 { for j in 0..<p { out[c * p + j] /= Double(counts[c]) } }
        return out
    }
}

extension ClusteringMetrics {
    /// The adjusted Rand index of two labellings of the same rows (Hubert & Arabie, "Comparing
    /// partitions", Journal of Classification 2, 1985): the Rand index corrected for chance, 1 for
    /// identical partitions whatever the label numbers, about 0 for independent ones. Noise labels
    /// count as one more cluster, as in scikit-learn's `adjusted_rand_score`.
    ///
    /// - Returns: the index; 1 when both labellings put every row in one cluster or every row alone
    ///   (scikit-learn's special cases).
    /// - Complexity: O(n log n).
    public static func adjustedRandIndex(_ a: [Int], _ b: [Int]) throws -> Double {
        guard a.count == b.count else {
            throw FrameError.shapeMismatch("labellings of \(a.count) and \(b.count) rows cannot be compared")
        }
        func pairs(_ m: Int) -> Double { Double(m) * Double(m - 1) / 2 }
        let n = a.count
        let sortedA = a.sorted(), sortedB = b.sorted()
        let joint = zip(a, b).map { Pair(a: $0, b: $1) }.sorted()
        func runs<T: Equatable>(_ v: [T]) -> [Int] {
            var out: [Int] = [], run = 0
            for i in v.indices {
                if i > 0, v[i] != v[i - 1] { out.append(run); run = 0 }
                run += 1
            }
            if run > 0 { out.append(run) }
            return out
        }
        let index = runs(joint).reduce(0) { $0 + pairs($1) }
        let sumA = runs(sortedA).reduce(0) { $0 + pairs($1) }, sumB = runs(sortedB).reduce(0) { $0 + pairs($1) }
        let total = pairs(n)
        let expected = total > 0 ? sumA * sumB / total : 0
        let maximum = (sumA + sumB) / 2
        guard maximum != expected else { return 1 }
        return (index - expected) / (maximum - expected)
    }

    private struct Pair: Comparable {
        var a: Int, b: Int
        static func < (l: Pair, r: Pair) -> Bool { l.a != r.a ? l.a < r.a : l.b < r.b }
    }
}
