// CART classification tree with Gini impurity (scikit-learn's DecisionTreeClassifier).
import SiftFrame

/// A classification tree grown by CART with the Gini criterion, scikit-learn's
/// `DecisionTreeClassifier`.
///
/// Splits are the best Gini decrease over every feature (or `maxFeatures` drawn at random),
/// with thresholds at midpoints between distinct values present in the node, so equal values
/// are never separated. Categorical features are split on their integer codes as if ordered
/// (scikit-learn's behaviour with ordinal-encoded strings). Ties between equally good splits go
/// to the lower feature index, then the lower threshold (scikit-learn breaks them at random).
/// Leaves predict the weighted class distribution of their training rows.
///
/// ```swift
/// var rng = SeededGenerator(seed: 0)
/// let model = try DecisionTreeClassifier(maxDepth: 3).fit(x, y, classCount: 2, weights: nil, generator: &rng)
/// let p = try model.predictProba(x)   // p[i, 1] = P(class 1)
/// ```
public struct DecisionTreeClassifier: ClassifierParameters {
    /// The deepest a node may be (`max_depth`); nil grows until leaves are pure or too small.
    public var maxDepth: Int?
    /// The fewest rows a node needs to be split (`min_samples_split`).
    public var minSamplesSplit: Int
    /// The fewest rows each leaf keeps (`min_samples_leaf`).
    public var minSamplesLeaf: Int
    /// Features examined per node (`max_features`; forests use fewer than all).
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
    /// Rows with weight 0 are left out; `min_samples_*` count rows, the Gini uses weights.
    ///
    /// - Throws: `FrameError.shapeMismatch` for mismatched `y`/`weights`,
    ///   `FrameError.invalidArgument` for out-of-range hyperparameters, class codes, weights,
    ///   or no row with positive weight.
    /// - Complexity: O(p · n log n) to rank the values, then O(n · p) per tree level.
    public func fit(_ x: FeatureMatrix, _ y: [Int32], classCount: Int, weights: [Double]?,
                    generator: inout SeededGenerator) throws -> Model {
        try EstimatorChecks.requireClassification(x, y, classCount: classCount, weights: weights)
        try CARTFitting.checkLimits(maxDepth: maxDepth, minSamplesSplit: minSamplesSplit, minSamplesLeaf: minSamplesLeaf,
                                    maxFeatures: maxFeatures)
        let rows = try CARTFitting.positiveRows(count: x.rowCount, weights: weights)
        let codes = FeatureCodes(exact: x)
        let limits = CARTFitting.limits(maxDepth: maxDepth, minSamplesSplit: minSamplesSplit, minSamplesLeaf: minSamplesLeaf,
                                        maxFeatures: maxFeatures.resolve(featureCount: x.featureCount), parallel: true)
        let (tree, gains) = CARTFitting.classificationTree(
            codes: codes, y: y, classCount: classCount, weights: weights ?? [Double](repeating: 1, count: x.rowCount),
            rows: rows, limits: limits, generator: &generator)
        return Model(tree: tree, classCount: classCount, featureCount: x.featureCount,
                     importances: CARTFitting.normalized(gains))
    }

    /// A fitted classification tree.
    public struct Model: ClassificationModel, Equatable {
        /// The tree (its outputs are class distributions).
        public let tree: DecisionTree
        /// The number of classes.
        public let classCount: Int
        /// The number of features.
        public let featureCount: Int
        let importances: [Double]

        init(tree: DecisionTree, classCount: Int, featureCount: Int, importances: [Double]) {
            self.tree = tree
            self.classCount = classCount
            self.featureCount = featureCount
            self.importances = importances
        }

        /// The Gini decrease contributed by each feature, weighted by the rows reaching the
        /// split, normalised to sum to 1 (scikit-learn's `feature_importances_`; all 0 for a
        /// tree without splits).
        public var featureImportances: [Double]? { importances }

        /// The class distribution of the leaf each row reaches.
        ///
        /// - Throws: `FrameError.shapeMismatch` when `x` has another number of features.
        /// - Complexity: O(rows × depth), on all cores.
        public func predictProba(_ x: FeatureMatrix) throws -> ProbabilityMatrix {
            try EstimatorChecks.requireFeatures(x, featureCount)
            let p = TreePrediction.sum([tree], x: x.values, rows: x.rowCount, width: classCount,
                                       initial: [Double](repeating: 0, count: classCount), scale: 1)
            return ProbabilityMatrix(rowCount: x.rowCount, classCount: classCount, values: p)
        }

        private enum CodingKeys: String, CodingKey { case tree, classCount = "class_count", featureCount = "feature_count", importances }

        /// Reads a model, checking the tree against the feature and class counts.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            tree = try c.decode(DecisionTree.self, forKey: .tree)
            classCount = try c.decode(Int.self, forKey: .classCount)
            featureCount = try c.decode(Int.self, forKey: .featureCount)
            importances = try c.decode([Double].self, forKey: .importances)
            try tree.validate(featureCount: featureCount, width: classCount)
            guard importances.count == featureCount else { throw TreeModelDecoding.mismatch("importances") }
        }
    }
}

/// Shared decoding failures of tree models.
enum TreeModelDecoding {
    static func mismatch(_ what: String) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "damaged model: \(what) do not match the features"))
    }
}
