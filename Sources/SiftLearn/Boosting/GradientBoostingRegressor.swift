// Histogram gradient boosting for regression with squared loss.
import SiftFrame

/// Gradient-boosted trees on binned features for regression with the squared loss: the same
/// algorithm as ``GradientBoostingClassifier`` with `g = F − y`, `h = 1` (so a leaf is the
/// shrunken mean residual `-η G / (H + λ)`) and the weighted mean as the start.
///
/// The defaults are XGBoost's; `GradientBoostingRegressor(learningRate: 0.1, maxDepth: 3,
/// lambda: 0, minChildWeight: 0)` is scikit-learn's `GradientBoostingRegressor()` on binned
/// features.
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let model = try GradientBoostingRegressor(maxDepth: 3).fit(x, revenue, weights: nil, generator: &rng)
/// ```
public struct GradientBoostingRegressor: RegressorParameters {
    /// Boosting rounds (`n_estimators`).
    public var nEstimators: Int
    /// Shrinkage of each tree (`learning_rate`).
    public var learningRate: Double
    /// The deepest a node may be (`max_depth`); nil for no limit.
    public var maxDepth: Int?
    /// The most leaves per tree (`max_leaf_nodes`), grown best-first; nil for no limit.
    public var maxLeafNodes: Int?
    /// The fewest rows a leaf keeps (`min_samples_leaf`).
    public var minSamplesLeaf: Int
    /// The smallest hessian sum (here: weight) a leaf keeps (`min_child_weight`).
    public var minChildWeight: Double
    /// L2 penalty on leaf weights (`lambda`).
    public var lambda: Double
    /// The gain a split must exceed (`gamma`).
    public var gamma: Double
    /// Bins per feature, at most 255 (`max_bins`).
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

    /// Fits the ensemble (the generator is not used).
    ///
    /// - Throws: as ``GradientBoostingClassifier/fit(_:_:classCount:weights:generator:)``, and
    ///   `FrameError.invalidArgument` for a non-finite target.
    /// - Complexity: O(p · n) to bin, then `nEstimators` trees of O(depth · n · p) each.
    public func fit(_ x: FeatureMatrix, _ y: [Double], weights: [Double]?, generator: inout SeededGenerator) throws -> Model {
        try fit(allowingMissing: FeatureMatrixWithMissing(x), y, weights: weights, generator: &generator)
    }

    /// Fits the ensemble on features that may have missing values (NaN).
    ///
    /// - Throws: as ``fit(_:_:weights:generator:)``.
    public func fit(allowingMissing x: FeatureMatrixWithMissing, _ y: [Double], weights: [Double]?,
                    generator: inout SeededGenerator) throws -> Model {
        guard y.count == x.rowCount else { throw FrameError.shapeMismatch("the target has \(y.count) entries for \(x.rowCount) rows") }
        if let weights {
            guard weights.count == x.rowCount else { throw FrameError.shapeMismatch("the weights have \(weights.count) entries for \(x.rowCount) rows") }
            if weights.contains(where: { !$0.isFinite || $0 < 0 }) { throw FrameError.invalidArgument("weights must be finite and non-negative") }
        }
        try CARTFitting.checkTarget(y)
        try settings.check()
        let ensemble = try GradientBoosting.fit(values: x.values, rows: x.rowCount, features: x.featureCount, y: y,
                                                weights: weights, loss: .squared, settings: settings)
        return Model(ensemble: ensemble)
    }

    /// A fitted boosting regressor.
    public struct Model: RegressionModel, Equatable {
        let ensemble: BoostedTrees

        init(ensemble: BoostedTrees) { self.ensemble = ensemble }

        /// The number of features.
        public var featureCount: Int { ensemble.featureCount }
        /// The trees, one per round.
        public var trees: [DecisionTree] { ensemble.trees }
        /// The total split gain per feature (XGBoost's `total_gain`).
        public var totalGain: [Double] { ensemble.totalGain }
        /// The total gain per feature as shares summing to 1.
        public var featureImportances: [Double]? { ensemble.gainShares }

        /// The start plus every tree's leaf value.
        ///
        /// - Throws: `FrameError.shapeMismatch` when `x` has another number of features.
        /// - Complexity: O(rows × trees × depth), on all cores.
        public func predict(_ x: FeatureMatrix) throws -> [Double] {
            try EstimatorChecks.requireFeatures(x, featureCount)
            return ensemble.raw(x.values, rows: x.rowCount, missingAware: false)
        }

        /// Predictions for rows that may have missing values.
        ///
        /// - Throws: `FrameError.shapeMismatch` when `x` has another number of features.
        public func predict(allowingMissing x: FeatureMatrixWithMissing) throws -> [Double] {
            guard x.featureCount == featureCount else {
                throw FrameError.shapeMismatch("the model was fitted on \(featureCount) features, got \(x.featureCount)")
            }
            return ensemble.raw(x.values, rows: x.rowCount, missingAware: true)
        }

        private enum CodingKeys: String, CodingKey { case ensemble }

        /// Reads a model, checking that it is a squared-loss ensemble.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            ensemble = try c.decode(BoostedTrees.self, forKey: .ensemble)
            guard ensemble.loss == .squared else { throw TreeModelDecoding.mismatch("loss") }
        }
    }
}
