// What the one tree builder plugs in: per-row statistics, the split score, the leaf value (ML-From-Scratch's design).

/// The part of a tree that depends on the task: which statistics a histogram slot sums, how good
/// a child is, and what a leaf outputs. ``TreeBuilder`` does the rest (histograms, scans,
/// partitions, growth order) for CART classification (``GiniCriterion``), CART regression
/// (``SquaredErrorCriterion``) and gradient boosting (``NewtonCriterion``), the way
/// ML-From-Scratch's `DecisionTree` takes an impurity function and a leaf-value function.
///
/// All three criteria share one form: a child's *score* `S(stats)` is such that the gain of a
/// split is `S(left) + S(right) - S(parent)` —
/// - Gini: `S = Σ_k w_k² / W`, and the gain is the weighted Gini decrease
///   `W·G(parent) - W_L·G(left) - W_R·G(right)` with `G = 1 - Σ_k (w_k/W)²` (Breiman et al.,
///   *Classification and Regression Trees*, 1984, §4.3);
/// - squared error: `S = (Σ w y)² / W`, the gain being the decrease of the weighted sum of squared
///   deviations;
/// - Newton: `S = ½ G² / (H + λ)`, the gain being eq. 7 of Chen & Guestrin, "XGBoost: A Scalable
///   Tree Boosting System", KDD 2016 (without `γ`, which the builder applies as a minimum gain).
///
/// Implementations hold unsafe pointers into arrays that outlive the fit, hence `@unchecked Sendable`.
protocol SplitCriterion: Sendable {
    /// Doubles summed per histogram slot.
    var width: Int { get }
    /// Doubles output per node.
    var outputWidth: Int { get }
    /// Adds the statistics of `rows`, whose codes are `codes[row]`, to `hist[code · width ...]`
    /// and counts them in `counts[code]`.
    func accumulate<Code: FixedWidthInteger & UnsignedInteger>(
        rows: UnsafeBufferPointer<Int32>, codes: UnsafePointer<Code>,
        hist: UnsafeMutablePointer<Double>, counts: UnsafeMutablePointer<Int32>)
    /// Adds one row's statistics to `stats`.
    func add(row: Int, to stats: UnsafeMutablePointer<Double>)
    /// The score of a child with `stats` (see the type's discussion).
    func score(_ stats: UnsafePointer<Double>) -> Double
    /// Whether a child with `stats` may exist (positive weight, enough hessian).
    func isAdmissible(_ stats: UnsafePointer<Double>) -> Bool
    /// Whether no split of the node can help (a single class, a constant target).
    func isPure(_ stats: UnsafePointer<Double>, rows: UnsafeBufferPointer<Int32>) -> Bool
    /// Writes the node's output (class distribution, mean, or Newton step) to `out`.
    func output(_ stats: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>)
}

/// Gini impurity for classification (scikit-learn's `criterion="gini"`).
///
/// Slot statistics are the weight of each class; a node outputs the weighted class
/// distribution, which scikit-learn's `predict_proba` returns and a forest averages.
struct GiniCriterion: SplitCriterion, @unchecked Sendable {
    let classCount: Int
    let y: UnsafePointer<Int32>
    let w: UnsafePointer<Double>
    var width: Int { classCount }
    var outputWidth: Int { classCount }

    @inline(__always)
    func accumulate<Code: FixedWidthInteger & UnsignedInteger>(
        rows: UnsafeBufferPointer<Int32>, codes: UnsafePointer<Code>,
        hist: UnsafeMutablePointer<Double>, counts: UnsafeMutablePointer<Int32>) {
        let k = classCount
        if k == 2 {
            for r in rows {
                let i = Int(r), c = Int(codes[i])
                hist[2 &* c &+ Int(y[i])] += w[i]
                counts[c] &+= 1
            }
        } else {
            for r in rows {
                let i = Int(r), c = Int(codes[i])
                hist[k &* c &+ Int(y[i])] += w[i]
                counts[c] &+= 1
            }
        }
    }

    @inline(__always) func add(row: Int, to stats: UnsafeMutablePointer<Double>) { stats[Int(y[row])] += w[row] }

    @inline(__always)
    func score(_ s: UnsafePointer<Double>) -> Double {
        if classCount == 2 {
            // The general loop's arithmetic, unrolled for the common binary case.
            let total = s[0] + s[1]
            return total > 0 ? (s[0] * s[0] + s[1] * s[1]) / total : 0
        }
        var total = 0.0, squares = 0.0
        for k in 0..<classCount { total += s[k]; squares += s[k] * s[k] }
        return total > 0 ? squares / total : 0
    }

    @inline(__always)
    func isAdmissible(_ s: UnsafePointer<Double>) -> Bool {
        if classCount == 2 { return s[0] + s[1] > 0 }
        var total = 0.0
        for k in 0..<classCount { total += s[k] }
        return total > 0
    }

    func isPure(_ s: UnsafePointer<Double>, rows: UnsafeBufferPointer<Int32>) -> Bool {
        var total = 0.0, largest = 0.0
        for k in 0..<classCount { total += s[k]; largest = max(largest, s[k]) }
        // Sums of children are parents minus siblings, so "zero" can be a rounding residue.
        return largest >= total * (1 - 1e-12)
    }

    func output(_ s: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        var total = 0.0
        for k in 0..<classCount { total += max(0, s[k]) }
        for k in 0..<classCount { out[k] = total > 0 ? max(0, s[k]) / total : 1 / Double(classCount) }
    }
}

/// Squared error for regression (scikit-learn's `criterion="squared_error"`).
///
/// Slot statistics are `(Σ w, Σ w y)`; a node outputs the weighted mean. The weights are read
/// through a pointer so that a forest can refill them for every bootstrap sample.
struct SquaredErrorCriterion: SplitCriterion, @unchecked Sendable {
    let w: UnsafePointer<Double>
    let y: UnsafePointer<Double>
    var width: Int { 2 }
    var outputWidth: Int { 1 }

    @inline(__always)
    func accumulate<Code: FixedWidthInteger & UnsignedInteger>(
        rows: UnsafeBufferPointer<Int32>, codes: UnsafePointer<Code>,
        hist: UnsafeMutablePointer<Double>, counts: UnsafeMutablePointer<Int32>) {
        for r in rows {
            let i = Int(r), c = Int(codes[i]), wi = w[i]
            hist[2 &* c] += wi
            hist[2 &* c &+ 1] += wi * y[i]
            counts[c] &+= 1
        }
    }

    @inline(__always) func add(row: Int, to s: UnsafeMutablePointer<Double>) {
        s[0] += w[row]; s[1] += w[row] * y[row]
    }

    @inline(__always) func score(_ s: UnsafePointer<Double>) -> Double { s[0] > 0 ? s[1] * s[1] / s[0] : 0 }
    @inline(__always) func isAdmissible(_ s: UnsafePointer<Double>) -> Bool { s[0] > 0 }

    func isPure(_ s: UnsafePointer<Double>, rows: UnsafeBufferPointer<Int32>) -> Bool {
        guard let first = rows.first else { return true }
        let v = y[Int(first)]
        for r in rows where y[Int(r)] != v { return false }
        return true
    }

    func output(_ s: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        out[0] = s[0] > 0 ? s[1] / s[0] : 0
    }
}

/// Second-order statistics for gradient boosting: slots sum `(G, H)`, the gradient and hessian
/// of the loss, and a node outputs the shrunken Newton step `-η G / (H + λ)`, the optimal leaf
/// weight of eq. 5 of Chen & Guestrin (2016) times the learning rate `η`.
struct NewtonCriterion: SplitCriterion, @unchecked Sendable {
    /// `(g_i, h_i)` per row, interleaved, already multiplied by the row weight.
    let pairs: UnsafePointer<Double>
    /// L2 regularisation λ of the leaf weights.
    let lambda: Double
    /// The smallest hessian sum a child may have (XGBoost's `min_child_weight`).
    let minChildWeight: Double
    /// Shrinkage η.
    let learningRate: Double
    var width: Int { 2 }
    var outputWidth: Int { 1 }

    @inline(__always)
    func accumulate<Code: FixedWidthInteger & UnsignedInteger>(
        rows: UnsafeBufferPointer<Int32>, codes: UnsafePointer<Code>,
        hist: UnsafeMutablePointer<Double>, counts: UnsafeMutablePointer<Int32>) {
        accumulatePairs(rows: rows, codes: codes, pairs: pairs, hist: hist, counts: counts)
    }

    @inline(__always) func add(row: Int, to s: UnsafeMutablePointer<Double>) {
        s[0] += pairs[2 &* row]; s[1] += pairs[2 &* row &+ 1]
    }

    @inline(__always)
    func score(_ s: UnsafePointer<Double>) -> Double {
        let d = s[1] + lambda
        return d > 0 ? 0.5 * s[0] * s[0] / d : 0
    }

    @inline(__always) func isAdmissible(_ s: UnsafePointer<Double>) -> Bool { s[1] >= minChildWeight && s[1] > 0 }

    func isPure(_ s: UnsafePointer<Double>, rows: UnsafeBufferPointer<Int32>) -> Bool { false }

    func output(_ s: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        let d = s[1] + lambda
        out[0] = d > 1e-300 ? -learningRate * s[0] / d : 0
    }
}

/// The histogram loop of pair statistics (boosting's gradient and hessian): `hist[2c] += a_i`, `hist[2c+1] += b_i`.
@inline(__always)
func accumulatePairs<Code: FixedWidthInteger & UnsignedInteger>(
    rows: UnsafeBufferPointer<Int32>, codes: UnsafePointer<Code>, pairs: UnsafePointer<Double>,
    hist: UnsafeMutablePointer<Double>, counts: UnsafeMutablePointer<Int32>) {
    for r in rows {
        let i = Int(r), c = Int(codes[i])
        hist[2 &* c] += pairs[2 &* i]
        hist[2 &* c &+ 1] += pairs[2 &* i &+ 1]
        counts[c] &+= 1
    }
}
