// scikit-learn's train_test_split(stratify=y, random_state=seed), draw for draw, for benchmarks against its anchors.

/// The train and test rows scikit-learn's `train_test_split(X, y, test_size=t, random_state=s,
/// stratify=y)` returns, computed with NumPy's stream (``NumpyRandomState``) in the order
/// `StratifiedShuffleSplit._iter_indices` draws (scikit-learn 1.9, `model_selection/_split.py`):
/// test size `ceil(t · n)`; per-class train and test counts by `_approximate_mode` (floors of
/// the proportional shares, the leftover rows given to the largest remainders, ties drawn at
/// random); each class's rows (ascending) permuted; the train and test lists permuted again.
///
/// ```swift
/// let (train, test) = StratifiedShuffleSplit.split(labels: y, testSize: 0.2, seed: 0)
/// ```
public enum StratifiedShuffleSplit {
    /// The row indices of the train and test parts, in scikit-learn's order.
    ///
    /// - Parameters:
    ///   - labels: one class label per row (any integers).
    ///   - testSize: the test share, in (0, 1).
    ///   - seed: scikit-learn's `random_state`.
    /// - Complexity: O(n log n).
    public static func split(labels: [Int], testSize: Double, seed: UInt32) -> (train: [Int], test: [Int]) {
        let n = labels.count
        let nTest = Int((testSize * Double(n)).rounded(.up)), nTrain = n - nTest
        let classes = Array(Set(labels)).sorted()
        let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        var members = [[Int]](repeating: [], count: classes.count)
        for (i, l) in labels.enumerated() { if let c = classIndex[l] { members[c].append(i) } }
        let counts = members.map(\.count)
        var rng = NumpyRandomState(seed: seed)
        let trainCounts = approximateMode(counts, draws: nTrain, rng: &rng)
        let testCounts = approximateMode(zip(counts, trainCounts).map { $0 - $1 }, draws: nTest, rng: &rng)
        var train: [Int] = [], test: [Int] = []
        for c in classes.indices {
            let p = rng.permutation(counts[c])
            let rows = p.map { members[c][$0] }
            train += rows[0..<trainCounts[c]]
            test += rows[trainCounts[c]..<(trainCounts[c] + testCounts[c])]
        }
        rng.shuffle(&train)
        rng.shuffle(&test)
        return (train, test)
    }

    /// scikit-learn's `_approximate_mode(class_counts, n_draws, rng)`: the floors of
    /// `counts / total · draws`, then one more for the classes with the largest remainders
    /// until `draws` is reached, choosing among equal remainders with `rng.choice(…, replace=False)`
    /// (which takes the first entries of a permutation).
    static func approximateMode(_ counts: [Int], draws: Int, rng: inout NumpyRandomState) -> [Int] {
        let total = Double(counts.reduce(0, +))
        let continuous = counts.map { Double($0) / total * Double(draws) }
        var floored = continuous.map { $0.rounded(.down) }
        var need = draws - Int(floored.reduce(0, +))
        guard need > 0 else { return floored.map { Int($0) } }
        let remainder = zip(continuous, floored).map { $0 - $1 }
        for value in Set(remainder).sorted(by: >) {
            let inds = remainder.indices.filter { remainder[$0] == value }
            let now = min(inds.count, need)
            let chosen = rng.permutation(inds.count).prefix(now).map { inds[$0] }
            for i in chosen { floored[i] += 1 }
            need -= now
            if need == 0 { break }
        }
        return floored.map { Int($0) }
    }
}
