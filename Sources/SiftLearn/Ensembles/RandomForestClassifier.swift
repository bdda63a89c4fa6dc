// Random forest classification: bagged Gini trees with feature subsampling (scikit-learn's RandomForestClassifier).
import SiftFrame

/// A random forest of CART classification trees, scikit-learn's `RandomForestClassifier`.
///
/// Every tree is fitted to a bootstrap sample with `maxFeatures` candidate features per node
/// (default `√p`), grown fully by default, and the forest's probability is the mean of the
/// trees' leaf class distributions (scikit-learn's soft voting, not a majority vote). The trees
/// are fitted on all cores; the result depends only on the seed.
///
/// ```swift
/// var rng = SeededGenerator(seed: 7)
/// let forest = try RandomForestClassifier(nEstimators: 200).fit(x, y, classCount: 2, weights: nil, generator: &rng)
/// let p = try forest.predictProba(x).column(1)
/// ```
public struct RandomForestClassifier: ClassifierParameters {
    /// The number of trees (`n_estimators`).
    public var nEstimators: Int
    /// The deepest a node may be (`max_depth`); nil grows until pure or too small.
    public var maxDepth: Int?
    /// The fewest rows a node needs to be split (`min_samples_split`).
    public var minSamplesSplit: Int
    /// The fewest rows each leaf keeps (`min_samples_leaf`, counting distinct rows of the sample).
    public var minSamplesLeaf: Int
    /// Candidate features per node (`max_features`).
    public var maxFeatures: MaxFeatures
    /// Whether each tree sees a bootstrap sample (`bootstrap`); false gives every tree all rows.
    public var bootstrap: Bool

    /// Creates the hyperparameters (scikit-learn's defaults).
    public init(nEstimators: Int = 100, maxDepth: Int? = nil, minSamplesSplit: Int = 2, minSamplesLeaf: Int = 1,
                maxFeatures: MaxFeatures = .sqrt, bootstrap: Bool = true) {
        self.nEstimators = nEstimators
        self.maxDepth = maxDepth
        self.minSamplesSplit = minSamplesSplit
        self.minSamplesLeaf = minSamplesLeaf
        self.maxFeatures = maxFeatures
        self.bootstrap = bootstrap
    }

    /// Fits the forest.
    ///
    /// - Throws: as ``DecisionTreeClassifier/fit(_:_:classCount:weights:generator:)``, and for
    ///   `nEstimators` < 1.
    /// - Complexity: O(p · n) to rank the values once, then `nEstimators` trees over the cores.
    public func fit(_ x: FeatureMatrix, _ y: [Int32], classCount: Int, weights: [Double]?,
                    generator: inout SeededGenerator) throws -> Model {
        try EstimatorChecks.requireClassification(x, y, classCount: classCount, weights: weights)
        try CARTFitting.checkLimits(maxDepth: maxDepth, minSamplesSplit: minSamplesSplit, minSamplesLeaf: minSamplesLeaf,
                                    maxFeatures: maxFeatures)
        try ForestFitting.check(treeCount: nEstimators)
        _ = try CARTFitting.positiveRows(count: x.rowCount, weights: weights)
        let codes = FeatureCodes(exact: x)
        let limits = CARTFitting.limits(maxDepth: maxDepth, minSamplesSplit: minSamplesSplit, minSamplesLeaf: minSamplesLeaf,
                                        maxFeatures: maxFeatures.resolve(featureCount: x.featureCount), parallel: false)
        let labels = FixedStorage(y)
        let k = classCount
        let grown = ForestFitting.grow(treeCount: nEstimators, codes: codes, limits: limits, weights: weights,
                                       bootstrap: bootstrap, outputWidth: k, generator: &generator) { w in
            GiniCriterion(classCount: k, y: UnsafePointer(labels.base), w: w)
        }
        return Model(trees: grown.map(\.0), classCount: k, featureCount: x.featureCount,
                     importances: ForestFitting.importances(grown.map(\.1), featureCount: x.featureCount))
    }

    /// A fitted random forest classifier.
    public struct Model: ClassificationModel, Equatable {
        /// The trees (their outputs are class distributions).
        public let trees: [DecisionTree]
        /// The number of classes.
        public let classCount: Int
        /// The number of features.
        public let featureCount: Int
        let importances: [Double]

        init(trees: [DecisionTree], classCount: Int, featureCount: Int, importances: [Double]) {
            self.trees = trees
            self.classCount = classCount
            self.featureCount = featureCount
            self.importances = importances
        }

        /// The mean over trees of each tree's normalised Gini decrease, normalised to sum to 1.
        public var featureImportances: [Double]? { importances }

        /// The mean of the trees' leaf class distributions.
        ///
        /// - Throws: `FrameError.shapeMismatch` when `x` has another number of features.
        /// - Complexity: O(rows × trees × depth), on all cores.
        public func predictProba(_ x: FeatureMatrix) throws -> ProbabilityMatrix {
            try EstimatorChecks.requireFeatures(x, featureCount)
            guard !trees.isEmpty else {
                return ProbabilityMatrix(rowCount: x.rowCount, classCount: classCount,
                                         values: [Double](repeating: 1 / Double(classCount), count: x.rowCount * classCount))
            }
            let p = TreePrediction.sum(trees, x: x.values, rows: x.rowCount, width: classCount,
                                       initial: [Double](repeating: 0, count: classCount), scale: 1 / Double(trees.count))
            return ProbabilityMatrix(rowCount: x.rowCount, classCount: classCount, values: p)
        }

        private enum CodingKeys: String, CodingKey { case trees, classCount = "class_count", featureCount = "feature_count", importances }

        /// Reads a model, checking every tree against the feature and class counts.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            trees = try c.decode([DecisionTree].self, forKey: .trees)
            classCount = try c.decode(Int.self, forKey: .classCount)
            featureCount = try c.decode(Int.self, forKey: .featureCount)
            importances = try c.decode([Double].self, forKey: .importances)
            for t in trees { try t.validate(featureCount: featureCount, width: classCount) }
            guard importances.count == featureCount else { throw TreeModelDecoding.mismatch("importances") }
        }
    }
}
