// The loops of k-means: greedy k-means++ seeding, nearest-centre assignment and Lloyd's update.
import SiftFrame

/// The numeric core of ``KMeans``, on row-major values.
enum Lloyd {
    /// One run's outcome.
    struct Result {
        var centres: [Double]
        var labels: [Int]
        var inertia: Double
        var iterations: Int
    }

    /// Greedy k-means++ seeding (Arthur & Vassilvitskii 2007, §2.2 "D² weighting", with the
    /// `2 + ⌊ln k⌋` local trials of scikit-learn's `_kmeans_plusplus`): the first centre is a
    /// uniform row; each next one is the best of several rows drawn with probability
    /// proportional to the squared distance to the nearest centre so far, "best" meaning the
    /// lowest resulting potential Σ min D².
    ///
    /// - Complexity: O(k · trials · n · p).
    static func seedPlusPlus(_ rows: [Double], n: Int, p: Int, k: Int, generator: inout SeededGenerator) -> [Double] {
        var centres = [Double](repeating: 0, count: k * p)
        let trials = 2 + Int(log(Double(k)))
        rows.withUnsafeBufferPointer { x in
            let first = generator.below(n)
            for j in 0..<p { centres[j] = x[first * p + j] }
            var closest = [Double](repeating: 0, count: n)
            var potential = 0.0
            for i in 0..<n {
                closest[i] = RowMajor.squaredDistance(x, i, x, first, p)
                potential += closest[i]
            }
            var candidate = [Double](repeating: 0, count: n)
            var bestDistances = [Double](repeating: 0, count: n)
            for c in 1..<max(k, 1) {
                var bestRow = -1, bestPotential = Double.infinity
                for _ in 0..<trials {
                    // Draw a row with probability closest[i] / potential (a linear search of the
                    // running sum: O(n), no worse than the distance pass that follows).
                    let target = generator.nextDouble() * potential
                    var running = 0.0, row = n - 1
                    for i in 0..<n {
                        running += closest[i]
                        if running > target { row = i; break }
                    }
                    var pot = 0.0
                    for i in 0..<n {
                        candidate[i] = min(closest[i], RowMajor.squaredDistance(x, i, x, row, p))
                        pot += candidate[i]
                    }
                    if pot < bestPotential {
                        bestPotential = pot; bestRow = row
                        swap(&candidate, &bestDistances)
                    }
                }
                for j in 0..<p { centres[c * p + j] = x[bestRow * p + j] }
                swap(&closest, &bestDistances)
                potential = bestPotential
            }
        }
        return centres
    }

    /// The nearest centre of each row (lowest index on ties), with the inertia and each row's
    /// squared distance to its centre.
    ///
    /// - Complexity: O(n · k · p).
    static func assign(_ rows: [Double], n: Int, p: Int, centres: [Double], k: Int) -> (labels: [Int], distances: [Double], inertia: Double) {
        var labels = [Int](repeating: 0, count: n)
        var distances = [Double](repeating: 0, count: n)
        var inertia = 0.0
        rows.withUnsafeBufferPointer { x in
            centres.withUnsafeBufferPointer { c in
                for i in 0..<n {
                    var best = 0, bestD = Double.infinity
                    for m in 0..<k {
                        let d = RowMajor.squaredDistance(x, i, c, m, p)
                        if d < bestD { bestD = d; best = m }
                    }
                    labels[i] = best
                    distances[i] = bestD
                    inertia += bestD
                }
            }
        }
        return (labels, distances, inertia)
    }

    /// Lloyd's iterations from `centres` (Lloyd, "Least squares quantization in PCM", 1982):
    /// assign, then move every centre to the mean of its rows, until the labels stop changing
    /// or Σ ‖shift‖² ≤ `tolerance`; a final assignment gives the labels and inertia.
    ///
    /// - Complexity: O(iterations · n · k · p).
    static func run(_ rows: [Double], n: Int, p: Int, centres start: [Double], maxIter: Int, tolerance: Double) -> Result {
        let k = start.count / p
        var centres = start
        var labels = [Int](repeating: -1, count: n)
        var iterations = 0
        for _ in 0..<maxIter {
            iterations += 1
            let step = assign(rows, n: n, p: p, centres: centres, k: k)
            if step.labels == labels { break }
            labels = step.labels
            var next = [Double](repeating: 0, count: k * p)
            var counts = [Int](repeating: 0, count: k)
            rows.withUnsafeBufferPointer { x in
                for i in 0..<n {
                    let c = labels[i]
                    counts[c] += 1
                    for j in 0..<p { next[c * p + j] += x[i * p + j] }
                }
            }
            relocateEmpty(rows, p: p, counts: &counts, sums: &next, labels: labels, distances: step.distances)
            var shift = 0.0
            for c in 0..<k {
                let count = Double(counts[c])
                for j in 0..<p {
                    // A cluster that stayed empty (more clusters than distinct rows) keeps its centre.
                    next[c * p + j] = count > 0 ? next[c * p + j] / count : centres[c * p + j]
                    let d = next[c * p + j] - centres[c * p + j]
                    shift += d * d
                }
            }
            centres = next
            if shift <= tolerance { break }
        }
        let final = assign(rows, n: n, p: p, centres: centres, k: k)
        return Result(centres: centres, labels: final.labels, inertia: final.inertia, iterations: iterations)
    }

    /// Gives each empty cluster the row farthest from its current centre (largest distance first,
    /// lowest row on ties), taking that row out of its old cluster's sums.
    private static func relocateEmpty(_ rows: [Double], p: Int, counts: inout [Int], sums: inout [Double],
                                      labels: [Int], distances: [Double]) {
        let empty = counts.indices.filter { counts[$0] == 0 }
        guard !empty.isEmpty else { return }
        let far = distances.indices.sorted { distances[$0] != distances[$1] ? distances[$0] > distances[$1] : $0 < $1 }
        var used = 0
        for c in empty {
            // Skip rows whose cluster would become empty in turn.
            while used < far.count, counts[labels[far[used]]] <= 1 { used += 1 }
            guard used < far.count else { return }
            let i = far[used]
            used += 1
            let old = labels[i]
            counts[old] -= 1
            counts[c] = 1
            for j in 0..<p {
                sums[old * p + j] -= rows[i * p + j]
                sums[c * p + j] = rows[i * p + j]
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
