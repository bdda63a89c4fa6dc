// Histogram gradient boosting for classification: log loss (binary) or softmax with one tree per class per round.
import SiftFrame

/// Gradient-boosted trees on binned features for classification — the design of XGBoost's
/// `tree_method="hist"`, LightGBM and scikit-learn's `HistGradientBoostingClassifier`.
///
/// Features are binned once into at most `maxBins` quantile bins (``FeatureBinner``). Each round
/// fits a tree to the gradient and hessian of the log loss (binary: one raw score, `σ` link) or
/// of the multinomial loss (`K ≥ 3` classes: one tree per class per round, softmax link),
/// choosing splits by the second-order gain (Chen & Guestrin, "XGBoost", KDD 2016, eq. 7) with
/// L2 penalty `lambda` and minimum gain `gamma`, and setting each leaf to the Newton step
/// `-G / (H + λ)` (eq. 5) times `learningRate`. Histograms of the smaller child are built from
/// its rows and the sibling's are the parent's minus those; large nodes spread features over
/// the cores. The start is the log-odds of the weighted base rate (softmax: log class shares).
///
/// The defaults are XGBoost's (`n_estimators` 100, `learning_rate` 0.3, `max_depth` 6,
/// `lambda` 1, `min_child_weight` 1, `gamma` 0, 256 bins); `maxLeafNodes` grows best-first,
/// as LightGBM and scikit-learn do (their setting: `maxDepth: nil, maxLeafNodes: 31,
/// learningRate: 0.1, lambda: 0, minSamplesLeaf: 20, minChildWeight: 1e-3`).
///
/// Missing values: ``fit(allowingMissing:_:classCount:weights:generator:)`` accepts NaN; each
/// split tries the missing rows on both sides and keeps the better (XGBoost's sparsity-aware
/// split finding); a node that saw none sends them to its larger child.
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let model = try GradientBoostingClassifier(nEstimators: 200, learningRate: 0.1)
///     .fit(x, y, classCount: 2, weights: nil, generator: &rng)
/// ```
public struct GradientBoostingClassifier: ClassifierParameters {
    /// Boosting rounds (`n_estimators`).
    public var nEstimators: Int
    /// Shrinkage of each tree (`learning_rate`, η).
    public var learningRate: Double
    /// The deepest a node may be (`max_depth`); nil for no limit (then set `maxLeafNodes`).
    public var maxDepth: Int?
    /// The most leaves per tree (`max_leaf_nodes`), grown best-first; nil for no limit.
    public var maxLeafNodes: Int?
    /// The fewest rows a leaf keeps (`min_samples_leaf`).
    public var minSamplesLeaf: Int
    /// The smallest hessian sum a leaf keeps (`min_child_weight`).
    public var minChildWeight: Double
    /// L2 penalty on leaf weights (`lambda`, scikit-learn's `l2_regularization`).
    public var lambda: Double
    /// The gain a split must exceed (`gamma`, LightGBM's `min_split_gain`).
    public var gamma: Double
    /// Bins per feature, at most 255 (`max_bins`; XGBoost's 256 counts the missing bin).
    public var maxBins: Int

    /// Creates the hyperparameters (XGBoost's defaults).
    public init(nEstimators: Int = 100, learningRate: Double = 0.3, maxDepth: Int? = 6, maxLeafNodes: Int? = nil,
                minSamplesLeaf: Int = 1, minChildWeight: Double = 1, lambda: Double = 1, gamma: Double = 0, maxBins: Int = 255) {
        self.nEstimators = nEstimators
        self.learningRate = learningRate
        self.maxDepth = maxDepth
        self.maxLeafNodes = maxLeafNodes
        self.minSamplesLeaf = minSamplesLeaf
        self.minChildWeight = minChildWeight
        self.lambda = lambda
        self.gamma = gamma
        self.maxBins = maxBins
    }

    var settings: BoostingSettings {
        BoostingSettings(nEstimators: nEstimators, learningRate: learningRate, maxDepth: maxDepth, maxLeafNodes: maxLeafNodes,
                         minSamplesLeaf: minSamplesLeaf, minChildWeight: minChildWeight, lambda: lambda, gamma: gamma,
                         maxBins: maxBins)
    }

    /// Fits the ensemble (the generator is not used: nothing is sampled).
    ///
    /// - Throws: `FrameError.shapeMismatch` for mismatched `y`/`weights`,
    ///   `FrameError.invalidArgument` for out-of-range hyperparameters, class codes or weights.
    /// - Complexity: O(p · n) to bin, then `nEstimators × K` trees of O(depth · n · p) each.
    public func fit(_ x: FeatureMatrix, _ y: [Int32], classCount: Int, weights: [Double]?,
                    generator: inout SeededGenerator) throws -> Model {
        try fit(allowingMissing: FeatureMatrixWithMissing(x), y, classCount: classCount, weights: weights, generator: &generator)
    }

    /// Fits the ensemble on features that may have missing values (NaN).
    ///
    /// - Throws: as ``fit(_:_:classCount:weights:generator:)``.
    public func fit(allowingMissing x: FeatureMatrixWithMissing, _ y: [Int32], classCount: Int, weights: [Double]?,
                    generator: inout SeededGenerator) throws -> Model {
        guard y.count == x.rowCount else { throw FrameError.shapeMismatch("the target has \(y.count) entries for \(x.rowCount) rows") }
        guard classCount >= 1 else { throw FrameError.invalidArgument("a classifier needs at least one class") }
        if let bad = y.first(where: { $0 < 0 || Int($0) >= classCount }) {
            throw FrameError.invalidArgument("class code \(bad) is outside 0..<\(classCount)")
        }
        if let weights {
            guard weights.count == x.rowCount else { throw FrameError.shapeMismatch("the weights have \(weights.count) entries for \(x.rowCount) rows") }
            if weights.contains(where: { !$0.isFinite || $0 < 0 }) { throw FrameError.invalidArgument("weights must be finite and non-negative") }
        }
        try settings.check()
        if classCount == 1 {
            _ = try CARTFitting.positiveRows(count: x.rowCount, weights: weights)
            return Model(classCount: 1, ensemble: BoostedTrees(loss: .logistic, initial: [0], trees: [], featureCount: x.featureCount,
                                                               totalGain: [Double](repeating: 0, count: x.featureCount)))
        }
        let loss: BoostingLoss = classCount == 2 ? .logistic : .softmax(classes: classCount)
        let ensemble = try GradientBoosting.fit(values: x.values, rows: x.rowCount, features: x.featureCount,
                                                y: y.map { Double($0) }, weights: weights, loss: loss, settings: settings)
        return Model(classCount: classCount, ensemble: ensemble)
    }

    /// A fitted boosting classifier.
    public struct Model: ClassificationModel, Equatable {
        /// The number of classes.
        public let classCount: Int
        let ensemble: BoostedTrees

        init(classCount: Int, ensemble: BoostedTrees) {
            self.classCount = classCount
            self.ensemble = ensemble
        }

        /// The number of features.
        public var featureCount: Int { ensemble.featureCount }
        /// The trees, round by round (`K` per round for `K ≥ 3` classes).
        public var trees: [DecisionTree] { ensemble.trees }
        /// The total split gain per feature (eq. 7 of Chen & Guestrin 2016, XGBoost's `total_gain`).
        public var totalGain: [Double] { ensemble.totalGain }
        /// The total gain per feature as shares summing to 1.
        public var featureImportances: [Double]? { ensemble.gainShares }

        /// Class probabilities: `σ` of the raw score (binary) or the softmax of the class scores.
        ///
        /// - Throws: `FrameError.shapeMismatch` when `x` has another number of features.
        /// - Complexity: O(rows × trees × depth), on all cores.
        public func predictProba(_ x: FeatureMatrix) throws -> ProbabilityMatrix {
            try EstimatorChecks.requireFeatures(x, featureCount)
            return probabilities(x.values, rows: x.rowCount, missingAware: false)
        }

        /// Class probabilities for rows that may have missing values (they follow each split's
        /// learned direction).
        ///
        /// - Throws: `FrameError.shapeMismatch` when `x` has another number of features.
        public func predictProba(allowingMissing x: FeatureMatrixWithMissing) throws -> ProbabilityMatrix {
            guard x.featureCount == featureCount else {
                throw FrameError.shapeMismatch("the model was fitted on \(featureCount) features, got \(x.featureCount)")
            }
            return probabilities(x.values, rows: x.rowCount, missingAware: true)
        }

        private func probabilities(_ values: [Double], rows n: Int, missingAware: Bool) -> ProbabilityMatrix {
            guard classCount > 1 else { return ProbabilityMatrix(rowCount: n, classCount: 1, values: [Double](repeating: 1, count: n)) }
            let raw = ensemble.raw(values, rows: n, missingAware: missingAware)
            return ProbabilityMatrix(rowCount: n, classCount: classCount,
                                     values: BoostingLoss.probabilities(raw: raw, rows: n, classes: classCount))
        }

        private enum CodingKeys: String, CodingKey { case classCount = "class_count", ensemble }

        /// Reads a model, checking that the ensemble's loss fits the class count.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            classCount = try c.decode(Int.self, forKey: .classCount)
            ensemble = try c.decode(BoostedTrees.self, forKey: .ensemble)
            let fits: Bool
            switch ensemble.loss {
            case .logistic: fits = classCount <= 2
            case .softmax(let k): fits = k == classCount
            case .squared: fits = false
            }
            guard fits, classCount >= 1 else { throw TreeModelDecoding.mismatch("classes") }
        }
    }
}
