// Random forest regression: bagged squared-error trees (scikit-learn's RandomForestRegressor).
import SiftFrame

/// A random forest of CART regression trees, scikit-learn's `RandomForestRegressor`: bootstrap
/// samples, `maxFeatures` candidates per node (default all features, scikit-learn's `1.0`, which
/// makes it bagging), and the prediction is the mean of the trees' leaf means.
///
/// ```swift
/// var rng = SeededGenerator(seed: 7)
/// let forest = try RandomForestRegressor(nEstimators: 50, maxDepth: 8).fit(x, revenue, weights: nil, generator: &rng)
/// ```
public struct RandomForestRegressor: RegressorParameters {
    /// The number of trees (`n_estimators`).
    public var nEstimators: Int
    /// The deepest a node may be (`max_depth`); nil for no limit.
    public var maxDepth: Int?
    /// The fewest rows a node needs to be split (`min_samples_split`).
    public var minSamplesSplit: Int
    /// The fewest rows each leaf keeps (`min_samples_leaf`).
    public var minSamplesLeaf: Int
    /// Candidate features per node (`max_features`).
    public var maxFeatures: MaxFeatures
    /// Whether each tree sees a bootstrap sample (`bootstrap`).
    public var bootstrap: Bool

    /// Creates the hyperparameters (scikit-learn's defaults).
    public init(nEstimators: Int = 100, maxDepth: Int? = nil, minSamplesSplit: Int = 2, minSamplesLeaf: Int = 1,
                maxFeatures: MaxFeatures = .all, bootstrap: Bool = true) {
        self.nEstimators = nEstimators
        self.maxDepth = maxDepth
        self.minSamplesSplit = minSamplesSplit
        self.minSamplesLeaf = minSamplesLeaf
        self.maxFeatures = maxFeatures
        self.bootstrap = bootstrap
    }

    /// Fits the forest.
    ///
    /// - Throws: as ``DecisionTreeRegressor/fit(_:_:weights:generator:)``, and for `nEstimators` < 1.
    /// - Complexity: O(p · n) to rank the values once, then `nEstimators` trees over the cores.
    public func fit(_ x: FeatureMatrix, _ y: [Double], weights: [Double]?, generator: inout SeededGenerator) throws -> Model {
        try EstimatorChecks.requireRows(x, y.count, "the target")
        try EstimatorChecks.requireWeights(x, weights)
        try CARTFitting.checkTarget(y)
        try CARTFitting.checkLimits(maxDepth: maxDepth, minSamplesSplit: minSamplesSplit, minSamplesLeaf: minSamplesLeaf,
                                    maxFeatures: maxFeatures)
        try ForestFitting.check(treeCount: nEstimators)
        _ = try CARTFitting.positiveRows(count: x.rowCount, weights: weights)
        let codes = FeatureCodes(exact: x)
        let limits = CARTFitting.limits(maxDepth: maxDepth, minSamplesSplit: minSamplesSplit, minSamplesLeaf: minSamplesLeaf,
                                        maxFeatures: maxFeatures.resolve(featureCount: x.featureCount), parallel: false)
        let targets = DoubleStorage(y)
        let grown = ForestFitting.grow(treeCount: nEstimators, codes: codes, limits: limits, weights: weights,
                                       bootstrap: bootstrap, outputWidth: 1, generator: &generator) { w in
            SquaredErrorCriterion(w: w, y: UnsafePointer(targets.base))
        }
        return Model(trees: grown.map(\.0), featureCount: x.featureCount,
                     importances: ForestFitting.importances(grown.map(\.1), featureCount: x.featureCount))
    }

    /// A fitted random forest regressor.
    public struct Model: RegressionModel, Equatable {
        /// The trees (one output per node, the mean).
        public let trees: [DecisionTree]
        /// The number of features.
        public let featureCount: Int
        let importances: [Double]

        init(trees: [DecisionTree], featureCount: Int, importances: [Double]) {
            self.trees = trees
            self.featureCount = featureCount
            self.importances = importances
        }

        /// The mean over trees of each tree's normalised squared-error decrease, normalised.
        public var featureImportances: [Double]? { importances }

        /// The mean of the trees' predictions.
        ///
        /// - Throws: `FrameError.shapeMismatch` when `x` has another number of features.
        /// - Complexity: O(rows × trees × depth), on all cores.
        public func predict(_ x: FeatureMatrix) throws -> [Double] {
            try EstimatorChecks.requireFeatures(x, featureCount)
            guard !trees.isEmpty else { return [Double](repeating: 0, count: x.rowCount) }
            return TreePrediction.sum(trees, x: x.values, rows: x.rowCount, width: 1, initial: [0], scale: 1 / Double(trees.count))
        }

        private enum CodingKeys: String, CodingKey { case trees, featureCount = "feature_count", importances }

        /// Reads a model, checking every tree against the feature count.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            trees = try c.decode([DecisionTree].self, forKey: .trees)
            featureCount = try c.decode(Int.self, forKey: .featureCount)
            importances = try c.decode([Double].self, forKey: .importances)
            for t in trees { try t.validate(featureCount: featureCount, width: 1) }
            guard importances.count == featureCount else { throw TreeModelDecoding.mismatch("importances") }
        }
    }
}
