// CART regression tree with squared error (scikit-learn's DecisionTreeRegressor).
import SiftFrame

/// A regression tree grown by CART with the squared-error criterion, scikit-learn's
/// `DecisionTreeRegressor`: every split maximises the decrease of the weighted sum of squared
/// deviations from the node means, and a leaf predicts the weighted mean of its rows. Split
/// rules (midpoint thresholds, ties, categorical codes) are those of ``DecisionTreeClassifier``.
///
/// ```swift
/// var rng = SeededGenerator(seed: 0)
/// let model = try DecisionTreeRegressor(maxDepth: 6).fit(x, revenue, weights: nil, generator: &rng)
/// let predicted = try model.predict(x)
/// ```
public struct DecisionTreeRegressor: RegressorParameters {
    /// The deepest a node may be (`max_depth`); nil for no limit.
    public var maxDepth: Int?
    /// The fewest rows a node needs to be split (`min_samples_split`).
    public var minSamplesSplit: Int
    /// The fewest rows each leaf keeps (`min_samples_leaf`).
    public var minSamplesLeaf: Int
    /// Features examined per node (`max_features`).
    public var maxFeatures: MaxFeatures

    /// Creates the hyperparameters (scikit-learn's defaults).
    public init(maxDepth: Int? = nil, minSamplesSplit: Int = 2, minSamplesLeaf: Int = 1, maxFeatures: MaxFeatures = .all) {
        self.maxDepth = maxDepth
        self.minSamplesSplit = minSamplesSplit
        self.minSamplesLeaf = minSamplesLeaf
        self.maxFeatures = maxFeatures
    }

    /// Fits a tree.
    ///
    /// - Throws: as ``DecisionTreeClassifier/fit(_:_:classCount:weights:generator:)``, and
    ///   `FrameError.invalidArgument` for a non-finite target.
    /// - Complexity: O(p · n log n) to rank the values, then O(n · p) per tree level.
    public func fit(_ x: FeatureMatrix, _ y: [Double], weights: [Double]?, generator: inout SeededGenerator) throws -> Model {
        try EstimatorChecks.requireRows(x, y.count, "the target")
        try EstimatorChecks.requireWeights(x, weights)
        try CARTFitting.checkTarget(y)
        try CARTFitting.checkLimits(maxDepth: maxDepth, minSamplesSplit: minSamplesSplit, minSamplesLeaf: minSamplesLeaf,
                                    maxFeatures: maxFeatures)
        let rows = try CARTFitting.positiveRows(count: x.rowCount, weights: weights)
        let codes = FeatureCodes(exact: x)
        let limits = CARTFitting.limits(maxDepth: maxDepth, minSamplesSplit: minSamplesSplit, minSamplesLeaf: minSamplesLeaf,
                                        maxFeatures: maxFeatures.resolve(featureCount: x.featureCount), parallel: true)
        let (tree, gains) = CARTFitting.regressionTree(
            codes: codes, y: y, weights: weights ?? [Double](repeating: 1, count: x.rowCount), rows: rows,
            limits: limits, generator: &generator)
        return Model(tree: tree, featureCount: x.featureCount, importances: CARTFitting.normalized(gains))
    }

    /// A fitted regression tree.
    public struct Model: RegressionModel, Equatable {
        /// The tree (one output per node, the mean).
        public let tree: DecisionTree
        /// The number of features.
        public let featureCount: Int
        let importances: [Double]

        init(tree: DecisionTree, featureCount: Int, importances: [Double]) {
            self.tree = tree
            self.featureCount = featureCount
            self.importances = importances
        }

        /// The squared-error decrease per feature, normalised to sum to 1.
        public var featureImportances: [Double]? { importances }

        /// The mean of the leaf each row reaches.
        ///
        /// - Throws: `FrameError.shapeMismatch` when `x` has another number of features.
        /// - Complexity: O(rows × depth), on all cores.
        public func predict(_ x: FeatureMatrix) throws -> [Double] {
            try EstimatorChecks.requireFeatures(x, featureCount)
            return TreePrediction.sum([tree], x: x.values, rows: x.rowCount, width: 1, initial: [0], scale: 1)
        }

        private enum CodingKeys: String, CodingKey { case tree, featureCount = "feature_count", importances }

        /// Reads a model, checking the tree against the feature count.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            tree = try c.decode(DecisionTree.self, forKey: .tree)
            featureCount = try c.decode(Int.self, forKey: .featureCount)
            importances = try c.decode([Double].self, forKey: .importances)
            try tree.validate(featureCount: featureCount, width: 1)
            guard importances.count == featureCount else { throw TreeModelDecoding.mismatch("importances") }
        }
    }
}
