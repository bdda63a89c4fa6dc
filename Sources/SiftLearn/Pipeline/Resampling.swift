// Rebalancing the training rows: SMOTE oversampling and random undersampling (imbalanced-learn's semantics).
import SiftFrame

/// Resamples a column-major training matrix so every class has as many rows as the largest
/// (SMOTE) or the smallest (undersampling). Applied to the training part only, after encoding.
public enum Resampling {
    /// The number of neighbours SMOTE interpolates towards (`k_neighbors=5`, Chawla et al. 2002).
    public static let smoteNeighbours = 5

    /// SMOTE (Chawla, Bowyer, Hall & Kegelmeyer, "SMOTE: Synthetic Minority Over-sampling
    /// Technique", JAIR 16, 2002, §4.2): for each class below the largest, new rows
    /// `x + u · (x_nn − x)`, `u ~ U[0, 1)`, where `x` cycles through the class's rows in a
    /// seeded order and `x_nn` is one of its `k = 5` nearest neighbours (Euclidean, within the
    /// class) drawn at random. A class of one row is copied. Original rows come first.
    ///
    /// - Returns: the values, row count and classes of the resampled data.
    /// - Complexity: O(Σ n_c² · p) for the neighbour search of the minority classes.
    public static func smote(_ values: [Double], rows n: Int, features p: Int, y: [Int32], classCount k: Int,
                             generator g: inout SeededGenerator) -> (values: [Double], rows: Int, y: [Int32]) {
        var members = [[Int]](repeating: [], count: k)
        for i in 0..<n { members[Int(y[i])].append(i) }
        let target = members.map(\.count).max() ?? 0
        var extra: [[Double]] = [], extraY: [Int32] = []
        func x(_ i: Int, _ j: Int) -> Double { values[j * n + i] }
        for c in 0..<k where !members[c].isEmpty && members[c].count < target {
            let rows = members[c]
            let m = rows.count
            let kk = min(smoteNeighbours, m - 1)
            // Nearest neighbours of every member within the class (brute force).
            var neighbours = [[Int]](repeating: [], count: m)
            if kk > 0 {
                for a in 0..<m {
                    var d: [(Double, Int)] = []
                    d.reserveCapacity(m - 1)
                    for b in 0..<m where b != a {
                        var s = 0.0
                        for j in 0..<p { let t = x(rows[a], j) - x(rows[b], j); s += t * t }
                        d.append((s, b))
                    }
                    d.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
                    neighbours[a] = d.prefix(kk).map(\.1)
                }
            }
            var order = Array(0..<m)
            g.shuffle(&order)
            for t in 0..<(target - m) {
                let a = order[t % m]
                var row = (0..<p).map { x(rows[a], $0) }
                if kk > 0 {
                    let b = neighbours[a][g.below(kk)]
                    let u = g.nextDouble()
                    for j in 0..<p { row[j] += u * (x(rows[b], j) - row[j]) }
                }
                extra.append(row)
                extraY.append(Int32(c))
            }
        }
        let total = n + extra.count
        var out = [Double](repeating: 0, count: total * p)
        for j in 0..<p {
            for i in 0..<n { out[j * total + i] = values[j * n + i] }
            for (e, row) in extra.enumerated() { out[j * total + n + e] = row[j] }
        }
        return (out, total, y + extraY)
    }

    /// Random undersampling (`RandomUnderSampler`): every class keeps a seeded random choice of
    /// as many rows as the smallest class has; the kept rows stay in row order.
    ///
    /// - Returns: the kept row indices.
    /// - Complexity: O(n).
    public static func underSample(_ y: [Int32], classCount k: Int, generator g: inout SeededGenerator) -> [Int] {
        var members = [[Int]](repeating: [], count: k)
        for (i, c) in y.enumerated() { members[Int(c)].append(i) }
        let smallest = members.map(\.count).filter { $0 > 0 }.min() ?? 0
        var keep = [Bool](repeating: false, count: y.count)
        for var rows in members where !rows.isEmpty {
            g.shuffle(&rows)
            for i in rows.prefix(smallest) { keep[i] = true }
        }
        return y.indices.filter { keep[$0] }
    }

    /// The rows `indices` of a column-major matrix of `n` rows and `p` columns.
    public static func gather(_ values: [Double], rows n: Int, features p: Int, _ indices: [Int]) -> [Double] {
        let m = indices.count
        var out = [Double](repeating: 0, count: m * p)
        for j in 0..<p {
            for (k, i) in indices.enumerated() { out[j * m + k] = values[j * n + i] }
        }
        return out
    }
}
