// The boosting loop shared by the classifier and regressor: bin once, then per round gradients, a Newton tree, updates.
import Foundation
import SiftFrame

/// Hyperparameters common to both boosting estimators (see ``GradientBoostingClassifier``).
struct BoostingSettings: Sendable {
    var nEstimators: Int
    var learningRate: Double
    var maxDepth: Int?
    var maxLeafNodes: Int?
    var minSamplesLeaf: Int
    var minChildWeight: Double
    var lambda: Double
    var gamma: Double
    var maxBins: Int

    /// Throws for values outside what the algorithm accepts.
    func check() throws {
        func bad(_ s: String) -> FrameError { FrameError.invalidArgument(s) }
        guard nEstimators >= 1 else { throw bad("n_estimators must be at least 1, got \(nEstimators)") }
        guard learningRate > 0 && learningRate.isFinite else { throw bad("learning_rate must be positive, got \(learningRate)") }
        if let d = maxDepth, d < 1 { throw bad("max_depth must be at least 1, got \(d)") }
        if let l = maxLeafNodes, l < 2 { throw bad("max_leaf_nodes must be at least 2, got \(l)") }
        guard minSamplesLeaf >= 1 else { throw bad("min_samples_leaf must be at least 1, got \(minSamplesLeaf)") }
        guard minChildWeight >= 0 && minChildWeight.isFinite else { throw bad("min_child_weight must be non-negative, got \(minChildWeight)") }
        guard lambda >= 0 && lambda.isFinite else { throw bad("lambda must be non-negative, got \(lambda)") }
        guard gamma >= 0 && gamma.isFinite else { throw bad("gamma must be non-negative, got \(gamma)") }
        guard maxBins >= 2 && maxBins <= 255 else { throw bad("max_bins must be in 2...255, got \(maxBins)") }
    }
}

/// A fitted boosted ensemble: the loss, the starting scores and the trees, round by round.
struct BoostedTrees: Sendable, Equatable, Codable {
    /// The loss it was fitted with (fixes the raw-score width and the link).
    var loss: BoostingLoss
    /// Starting raw scores, `loss.width` of them.
    var initial: [Double]
    /// The trees, `loss.width` per round (tree `t` adds to raw score `t % width`).
    var trees: [DecisionTree]
    /// The number of features.
    var featureCount: Int
    /// The total gain (eq. 7 of Chen & Guestrin 2016) of the splits on each feature.
    var totalGain: [Double]

    private enum CodingKeys: String, CodingKey {
        case loss, initial, trees, featureCount = "feature_count", totalGain = "total_gain"
    }

    /// Reads an ensemble and checks its trees, widths and numbers.
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        loss = try c.decode(BoostingLoss.self, forKey: .loss)
        initial = try c.decode([Double].self, forKey: .initial)
        trees = try c.decode([DecisionTree].self, forKey: .trees)
        featureCount = try c.decode(Int.self, forKey: .featureCount)
        totalGain = try c.decode([Double].self, forKey: .totalGain)
        if case .softmax(let k) = loss, k < 3 { throw TreeModelDecoding.mismatch("classes") }
        guard initial.count == loss.width, initial.allSatisfy(\.isFinite), totalGain.count == featureCount else {
            throw TreeModelDecoding.mismatch("starting scores or gains")
        }
        for t in trees { try t.validate(featureCount: featureCount, width: 1) }
    }

    init(loss: BoostingLoss, initial: [Double], trees: [DecisionTree], featureCount: Int, totalGain: [Double]) {
        self.loss = loss
        self.initial = initial
        self.trees = trees
        self.featureCount = featureCount
        self.totalGain = totalGain
    }

    /// The raw scores of every row (`loss.width` per row).
    ///
    /// - Complexity: O(rows × trees × depth), on all cores.
    func raw(_ values: [Double], rows n: Int, missingAware: Bool) -> [Double] {
        let k = loss.width
        return TreePrediction.sum(trees, offsets: k == 1 ? nil : trees.indices.map { $0 % k }, x: values, rows: n,
                                  width: k, initial: initial, scale: 1, missingAware: missingAware)
    }

    /// Total gains as shares summing to 1 (zeros when nothing was split).
    var gainShares: [Double] { CARTFitting.normalized(totalGain) }
}

/// Histogram gradient boosting (Friedman 2001 with the second-order trees of Chen & Guestrin
/// 2016): features are binned once (``FeatureBinner``); each round computes every row's
/// gradient and hessian, grows a tree on them with ``NewtonCriterion`` (gain eq. 7, leaf weight
/// eq. 5 shrunk by the learning rate) and adds its leaf values to the rows' raw scores, read off
/// the builder's leaf ranges without walking the tree.
enum GradientBoosting {
    /// Fits an ensemble.
    ///
    /// - Parameters:
    ///   - values: column-major features, NaN marking a missing value.
    ///   - y: the target (class codes as doubles for the classification losses).
    /// - Complexity: O(p · n) to bin, then per round O(n) for gradients and O(depth · n · p)
    ///   histogram updates at most (half with subtraction), on all cores.
    static func fit(values: [Double], rows n: Int, features p: Int, y: [Double], weights: [Double]?,
                    loss: BoostingLoss, settings s: BoostingSettings) throws -> BoostedTrees {
        let rows = try CARTFitting.positiveRows(count: n, weights: weights)
        let codes = values.withUnsafeBufferPointer { FeatureBinner.bin($0, rowCount: n, featureCount: p, maxBins: s.maxBins) }
        let k = loss.width
        let initial = loss.initial(y, weights: weights)
        var limits = TreeLimits()
        limits.maxDepth = s.maxDepth ?? Int.max
        limits.maxLeafNodes = s.maxLeafNodes ?? Int.max
        limits.minSamplesLeaf = s.minSamplesLeaf
        limits.minSamplesSplit = 2 * s.minSamplesLeaf
        limits.minimumGain = s.gamma
        limits.subtractHistograms = true
        limits.parallel = true
        let m = rows.count
        let raw = FixedStorage([Double](repeating: 0, count: n * k))
        for i in 0..<n { for c in 0..<k { raw.base[i * k + c] = initial[c] } }
        let pairs = FixedStorage([Double](repeating: 0, count: 2 * n))
        let prob = FixedStorage([Double](repeating: 0, count: k > 1 ? n * k : 1))
        let target = FixedStorage(y), weight = FixedStorage(weights ?? [])
        let rowList = FixedStorage(rows)
        let hasWeights = weights != nil
        let criterion = NewtonCriterion(pairs: UnsafePointer(pairs.base), lambda: s.lambda, minChildWeight: s.minChildWeight,
                                        learningRate: s.learningRate)
        let builder = TreeBuilder(codes: codes, criterion: criterion, limits: limits)
        var trees: [DecisionTree] = []
        trees.reserveCapacity(s.nEstimators * k)
        var gains = [Double](repeating: 0, count: p)
        var unused = SeededGenerator(seed: 0)  // every feature is examined, so no draws happen
        for _ in 0..<s.nEstimators {
            if case .softmax = loss { softmax(raw: raw, into: prob, rows: rowList, count: m, classes: k) }
            for c in 0..<k {
                gradients(loss: loss, klass: c, raw: raw, prob: prob, y: target, w: hasWeights ? weight : nil,
                          rows: rowList, count: m, into: pairs)
                let grown = builder.grow(rowSet: UnsafeBufferPointer(start: rowList.base, count: m), generator: &unused)
                let order = builder.rowOrder
                for leaf in grown.leaves {
                    let v = grown.outputs[Int(leaf.node)]
                    for j in Int(leaf.start)..<Int(leaf.end) { raw.base[Int(order[j]) * k + c] += v }
                }
                for f in 0..<p { gains[f] += grown.featureGains[f] }
                trees.append(DecisionTree(grown, outputWidth: 1))
            }
        }
        return BoostedTrees(loss: loss, initial: initial, trees: trees, featureCount: p, totalGain: gains)
    }

    /// Fills `(g_i, h_i)` for class `c` (weighted), in chunks on all cores.
    private static func gradients(loss: BoostingLoss, klass c: Int, raw: FixedStorage<Double>, prob: FixedStorage<Double>,
                                  y: FixedStorage<Double>, w: FixedStorage<Double>?, rows: FixedStorage<Int32>, count m: Int,
                                  into pairs: FixedStorage<Double>) {
        let k = loss.width
        Parallel.forEachChunk(count: m, grain: 1 << 14) { chunk in
            let out = pairs.base, r = raw.base, t = y.base, rl = rows.base
            for j in chunk {
                let i = Int(rl[j])
                var g: Double, h: Double
                switch loss {
                case .squared:
                    g = r[i] - t[i]; h = 1
                case .logistic:
                    let p = BoostingLoss.sigmoid(r[i])
                    g = p - t[i]; h = p * (1 - p)
                case .softmax:
                    let p = prob.base[i * k + c]
                    g = p - (Int(t[i]) == c ? 1 : 0); h = p * (1 - p)
                }
                if let w { let wi = w.base[i]; g *= wi; h *= wi }
                out[2 * i] = g; out[2 * i + 1] = h
            }
        }
    }

    /// Softmax of each fitted row's raw scores into `prob`.
    private static func softmax(raw: FixedStorage<Double>, into prob: FixedStorage<Double>, rows: FixedStorage<Int32>,
                                count m: Int, classes k: Int) {
        Parallel.forEachChunk(count: m, grain: 1 << 13) { chunk in
            let r = raw.base, out = prob.base, rl = rows.base
            for j in chunk {
                let i = Int(rl[j])
                var mx = -Double.infinity
                for c in 0..<k { mx = max(mx, r[i * k + c]) }
                var s = 0.0
                for c in 0..<k { let e = exp(r[i * k + c] - mx); out[i * k + c] = e; s += e }
                for c in 0..<k { out[i * k + c] /= s }
            }
        }
    }
}
