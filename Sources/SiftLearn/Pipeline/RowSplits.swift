// Seeded row splits: the stratified holdout of `split:` and the folds of `cv:`.
import SiftFrame

/// Train/holdout and K-fold partitions of row indices.
public enum RowSplits {
    /// Splits rows `0..<classes.count` (or `0..<count` without classes) into a training part
    /// with `fraction` of the rows and a holdout with the rest, both in row order.
    ///
    /// With classes the split is stratified: each class gives `round(fraction × n_c)` rows to
    /// training (ties to even), so both parts keep the class shares, as
    /// `train_test_split(stratify=y)` does. The rows are chosen from one seeded shuffle.
    ///
    /// - Complexity: O(n).
    public static func holdout(count n: Int, classes: [Int32]?, fraction: Double, seed: Int) -> (train: [Int], holdout: [Int]) {
        guard fraction < 1 else { return (Array(0..<n), []) }
        var g = SeededGenerator(seed: seed)
        var order = Array(0..<n)
        g.shuffle(&order)
        var inTrain = [Bool](repeating: false, count: n)
        if let classes {
            let k = Int(classes.max() ?? 0) + 1
            var sizes = [Int](repeating: 0, count: k)
            for c in classes { sizes[Int(c)] += 1 }
            var wanted = sizes.map { Int((fraction * Double($0)).rounded(.toNearestOrEven)) }
            for i in order where wanted[Int(classes[i])] > 0 {
                inTrain[i] = true
                wanted[Int(classes[i])] -= 1
            }
        } else {
            for i in order.prefix(Int((fraction * Double(n)).rounded(.toNearestOrEven))) { inTrain[i] = true }
        }
        return ((0..<n).filter { inTrain[$0] }, (0..<n).filter { !inTrain[$0] })
    }

    /// K folds of rows `0..<n`: each row in exactly one fold; with classes each class is dealt
    /// round-robin over the folds after a seeded shuffle (stratified K-fold), so folds keep
    /// the class shares. Each fold lists its rows in row order.
    ///
    /// - Complexity: O(n).
    public static func folds(count n: Int, classes: [Int32]?, k: Int, seed: Int) -> [[Int]] {
        var g = SeededGenerator(seed: seed)
        var order = Array(0..<n)
        g.shuffle(&order)
        var fold = [Int](repeating: 0, count: n)
        if let classes {
            var next = [Int](repeating: 0, count: Int(classes.max() ?? 0) + 1)
            for i in order {
                let c = Int(classes[i])
                fold[i] = next[c] % k
                next[c] += 1
            }
        } else {
            for (position, i) in order.enumerated() { fold[i] = position % k }
        }
        var out = [[Int]](repeating: [], count: k)
        for i in 0..<n { out[fold[i]].append(i) }
        return out
    }

    /// Class weights `n / (k · n_c)` per row (scikit-learn's `compute_class_weight("balanced")`),
    /// `k` counting the classes present.
    public static func balancedWeights(_ y: [Int32], classCount: Int) -> [Double] {
        var sizes = [Int](repeating: 0, count: classCount)
        for c in y { sizes[Int(c)] += 1 }
        let present = Double(sizes.filter { $0 > 0 }.count)
        let w = sizes.map { $0 == 0 ? 0 : Double(y.count) / (present * Double($0)) }
        return y.map { w[Int($0)] }
    }
}
