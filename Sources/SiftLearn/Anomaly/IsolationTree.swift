// One isolation tree: random axis splits grown on a subsample, stored as flat arrays.
import SiftFrame

/// An isolation tree (Liu et al. 2008, Algorithm 2), nodes in flat arrays so it encodes as
/// compact JSON. Node 0 is the root; a leaf has `feature == -1` and records its size.
public struct IsolationTree: Sendable, Codable, Equatable {
    /// The split feature of each node, -1 for a leaf.
    public let feature: [Int32]
    /// The split value: rows with `x[feature] < threshold` go left.
    public let threshold: [Double]
    /// The left and right child of each split node (0 for leaves).
    public let left: [Int32], right: [Int32]
    /// The training rows that reached each node.
    public let size: [Int32]

    /// The path length of a row: edges to its leaf plus c(leaf size) (Algorithm 3, PathLength).
    func pathLength(_ x: UnsafeBufferPointer<Double>, row i: Int, p: Int) -> Double {
        var node = 0, depth = 0
        while feature[node] >= 0 {
            node = Int(x[i * p + Int(feature[node])] < threshold[node] ? left[node] : right[node])
            depth += 1
        }
        return Double(depth) + IsolationForest.averagePathLength(Int(size[node]))
    }

    /// Grows trees on row-major values.
    struct Builder {
        let rows: [Double]
        let p: Int
        let heightLimit: Int
        private var feature: [Int32] = [], threshold: [Double] = [], left: [Int32] = [], right: [Int32] = [], size: [Int32] = []

        init(rows: [Double], p: Int, heightLimit: Int) {
            self.rows = rows
            self.p = p
            self.heightLimit = heightLimit
        }

        /// Grows a tree on `sample` (row indices).
        mutating func grow(_ sample: [Int], generator: inout SeededGenerator) -> IsolationTree {
            var members = sample
            _ = node(&members, 0, members.count, depth: 0, generator: &generator)
            return IsolationTree(feature: feature, threshold: threshold, left: left, right: right, size: size)
        }

        /// Builds the node over `members[lo..<hi]`, partitioning that range in place; returns its index.
        private mutating func node(_ members: inout [Int], _ lo: Int, _ hi: Int, depth: Int,
                                   generator: inout SeededGenerator) -> Int {
            let index = feature.count
            feature.append(-1); threshold.append(0); left.append(0); right.append(0); size.append(Int32(hi - lo))
            guard hi - lo > 1, depth < heightLimit else { return index }
            // The features not constant in this node; pick one uniformly.
            var candidates: [(Int, Double, Double)] = []
            for j in 0..<p {
                var mn = Double.infinity, mx = -Double.infinity
                for k in lo..<hi {
                    let v = rows[members[k] * p + j]
                    mn = min(mn, v); mx = max(mx, v)
                }
                if mx > mn { candidates.append((j, mn, mx)) }
            }
            guard !candidates.isEmpty else { return index }
            let (j, mn, mx) = candidates[generator.below(candidates.count)]
            var split = mn + generator.nextDouble() * (mx - mn)
            // Keep both sides non-empty when rounding lands on an end.
            if split <= mn { split = mn.nextUp }
            if split > mx { split = mx }
            var mid = lo
            for k in lo..<hi where rows[members[k] * p + j] < split {
                members.swapAt(k, mid)
                mid += 1
            }
            feature[index] = Int32(j)
            threshold[index] = split
            let l = node(&members, lo, mid, depth: depth + 1, generator: &generator)
            let r = node(&members, mid, hi, depth: depth + 1, generator: &generator)
            left[index] = Int32(l)
            right[index] = Int32(r)
            return index
        }
    }
}
