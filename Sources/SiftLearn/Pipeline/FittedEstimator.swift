// The fitted estimator inside a model: one case per algorithm and task, so a saved model decodes to its concrete type.
import SiftFrame

/// A fitted estimator of any supported algorithm.
///
/// An enum rather than an existential, so that JSON decoding knows the concrete model type.
public enum FittedEstimator: Sendable, Codable {
    /// A CART classification tree.
    case treeClassifier(DecisionTreeClassifier.Model)
    /// A random forest classifier.
    case forestClassifier(RandomForestClassifier.Model)
    /// Gradient-boosted classification trees.
    case boostClassifier(GradientBoostingClassifier.Model)
    /// A CART regression tree.
    case treeRegressor(DecisionTreeRegressor.Model)
    /// A random forest regressor.
    case forestRegressor(RandomForestRegressor.Model)
    /// Gradient-boosted regression trees.
    case boostRegressor(GradientBoostingRegressor.Model)
    /// Logistic regression.
    case logisticClassifier(LogisticRegression.Model)
    /// A linear regression (least squares, ridge or lasso).
    case linearRegressor(LinearModel)
    /// Gaussian naive Bayes.
    case bayesClassifier(GaussianNB.Model)
    /// A multi-layer perceptron classifier.
    case mlpClassifier(MLPClassifier.Model)

    /// Whether missing values go to the estimator as NaN (histogram boosting's native handling).
    public var handlesMissing: Bool {
        switch self {
        case .boostClassifier, .boostRegressor: return true
        default: return false
        }
    }

    /// Class probabilities of column-major values with `rows` rows.
    ///
    /// - Throws: `FrameError.typeMismatch` for a regressor, and the estimator's shape errors.
    public func probabilities(_ values: [Double], rows: Int, names: [String], kinds: [FeatureKind]) throws -> ProbabilityMatrix {
        switch self {
        case .treeClassifier(let m): return try m.predictProba(try FeatureMatrix(rowCount: rows, names: names, kinds: kinds, values: values))
        case .forestClassifier(let m): return try m.predictProba(try FeatureMatrix(rowCount: rows, names: names, kinds: kinds, values: values))
        case .boostClassifier(let m): return try m.predictProba(allowingMissing: try Self.withMissing(values, rows: rows, names: names))
        case .logisticClassifier(let m): return try m.predictProba(try FeatureMatrix(rowCount: rows, names: names, kinds: kinds, values: values))
        case .bayesClassifier(let m): return try m.predictProba(try FeatureMatrix(rowCount: rows, names: names, kinds: kinds, values: values))
        case .mlpClassifier(let m): return try m.predictProba(try FeatureMatrix(rowCount: rows, names: names, kinds: kinds, values: values))
        default: throw FrameError.typeMismatch("a regression model has no class probabilities")
        }
    }

    /// Numeric predictions of column-major values with `rows` rows.
    ///
    /// - Throws: `FrameError.typeMismatch` for a classifier, and the estimator's shape errors.
    public func predictions(_ values: [Double], rows: Int, names: [String], kinds: [FeatureKind]) throws -> [Double] {
        switch self {
        case .treeRegressor(let m): return try m.predict(try FeatureMatrix(rowCount: rows, names: names, kinds: kinds, values: values))
        case .forestRegressor(let m): return try m.predict(try FeatureMatrix(rowCount: rows, names: names, kinds: kinds, values: values))
        case .boostRegressor(let m): return try m.predict(allowingMissing: try Self.withMissing(values, rows: rows, names: names))
        case .linearRegressor(let m): return try m.predict(try FeatureMatrix(rowCount: rows, names: names, kinds: kinds, values: values))
        default: throw FrameError.typeMismatch("a classifier predicts classes, not numbers")
        }
    }

    /// The number of feature columns it was fitted on.
    public var featureCount: Int {
        switch self {
        case .treeClassifier(let m): return m.featureCount
        case .forestClassifier(let m): return m.featureCount
        case .boostClassifier(let m): return m.featureCount
        case .treeRegressor(let m): return m.featureCount
        case .forestRegressor(let m): return m.featureCount
        case .boostRegressor(let m): return m.featureCount
        case .logisticClassifier(let m): return m.featureCount
        case .linearRegressor(let m): return m.featureCount
        case .bayesClassifier(let m): return m.featureCount
        case .mlpClassifier(let m): return m.featureCount
        }
    }

    /// The number of classes of a classifier (nil for a regressor).
    public var classCount: Int? {
        switch self {
        case .treeClassifier(let m): return m.classCount
        case .forestClassifier(let m): return m.classCount
        case .boostClassifier(let m): return m.classCount
        case .logisticClassifier(let m): return m.classCount
        case .bayesClassifier(let m): return m.classCount
        case .mlpClassifier(let m): return m.classCount
        case .treeRegressor, .forestRegressor, .boostRegressor, .linearRegressor: return nil
        }
    }

    /// The estimator's own importance per feature column, if it has one.
    public var featureImportances: [Double]? {
        switch self {
        case .treeClassifier(let m): return m.featureImportances
        case .forestClassifier(let m): return m.featureImportances
        case .boostClassifier(let m): return m.featureImportances
        case .treeRegressor(let m): return m.featureImportances
        case .forestRegressor(let m): return m.featureImportances
        case .boostRegressor(let m): return m.featureImportances
        case .logisticClassifier(let m): return m.featureImportances
        case .linearRegressor(let m): return m.featureImportances
        case .bayesClassifier(let m): return m.featureImportances
        case .mlpClassifier(let m): return m.featureImportances
        }
    }

    /// Coefficient rows (one per feature column; one row, or one per class for multinomial
    /// logistic regression) and their intercepts, for linear models (else nil).
    public var coefficients: (values: [[Double]], intercepts: [Double])? {
        switch self {
        case .logisticClassifier(let m): return (m.coefficients, m.intercepts)
        case .linearRegressor(let m): return ([m.coefficients], [m.intercept])
        default: return nil
        }
    }

    static func withMissing(_ values: [Double], rows: Int, names: [String]) throws -> FeatureMatrixWithMissing {
        let columns = names.indices.map { j in Array(values[(j * rows)..<((j + 1) * rows)]) }
        if names.isEmpty { return try FeatureMatrixWithMissing(columns: [], names: []) }
        return try FeatureMatrixWithMissing(columns: columns, names: names)
    }
}

/// Builds and fits the estimator of an algorithm from `train`'s options.
public enum EstimatorFactory {
    /// Fits a classifier.
    ///
    /// - Throws: `FrameError.invalidArgument` for an algorithm that does not classify or bad
    ///   hyperparameters, and the estimator's errors.
    public static func classifier(_ algorithm: Algorithm, _ o: TrainingOptions, values: [Double], rows: Int,
                                  names: [String], kinds: [FeatureKind], y: [Int32], classCount: Int,
                                  weights: [Double]?, generator g: inout SeededGenerator) throws -> FittedEstimator {
        func matrix() throws -> FeatureMatrix { try FeatureMatrix(rowCount: rows, names: names, kinds: kinds, values: values) }
        switch algorithm {
        case .tree:
            return .treeClassifier(try DecisionTreeClassifier(maxDepth: o.depth).fit(matrix(), y, classCount: classCount, weights: weights, generator: &g))
        case .forest:
            return .forestClassifier(try RandomForestClassifier(nEstimators: o.trees ?? 100, maxDepth: o.depth)
                .fit(matrix(), y, classCount: classCount, weights: weights, generator: &g))
        case .boost:
            let p = GradientBoostingClassifier(nEstimators: o.rounds ?? 100, learningRate: o.rate ?? 0.3, maxDepth: o.depth ?? 6)
            return .boostClassifier(try p.fit(allowingMissing: try FittedEstimator.withMissing(values, rows: rows, names: names), y,
                                              classCount: classCount, weights: weights, generator: &g))
        case .logistic:
            // alpha: is the penalty strength, scikit-learn's 1 / C (default C = 1).
            let c = o.alpha.map { $0 > 0 ? 1 / $0 : 1e12 } ?? 1
            return .logisticClassifier(try LogisticRegression(c: c).fit(matrix(), y, classCount: classCount, weights: weights, generator: &g))
        case .bayes:
            return .bayesClassifier(try GaussianNB().fit(matrix(), y, classCount: classCount, weights: weights, generator: &g))
        case .mlp:
            // depth: is the number of hidden layers (1 or 2, 100 ReLU units each), rounds: the most epochs.
            let p = MLPClassifier(hiddenLayerSizes: [Int](repeating: 100, count: o.depth ?? 1), alpha: o.alpha ?? 1e-4,
                                  learningRateInit: o.rate ?? 1e-3, maxIter: o.rounds ?? 200)
            return .mlpClassifier(try p.fit(matrix(), y, classCount: classCount, weights: weights, generator: &g))
        default:
            throw FrameError.invalidArgument("'\(algorithm.rawValue)' is not available yet")
        }
    }

    /// Fits a regressor.
    ///
    /// - Throws: as ``classifier(_:_:values:rows:names:kinds:y:classCount:weights:generator:)``.
    public static func regressor(_ algorithm: Algorithm, _ o: TrainingOptions, values: [Double], rows: Int,
                                 names: [String], kinds: [FeatureKind], y: [Double], weights: [Double]?,
                                 generator g: inout SeededGenerator) throws -> FittedEstimator {
        func matrix() throws -> FeatureMatrix { try FeatureMatrix(rowCount: rows, names: names, kinds: kinds, values: values) }
        switch algorithm {
        case .tree:
            return .treeRegressor(try DecisionTreeRegressor(maxDepth: o.depth).fit(matrix(), y, weights: weights, generator: &g))
        case .forest:
            return .forestRegressor(try RandomForestRegressor(nEstimators: o.trees ?? 100, maxDepth: o.depth)
                .fit(matrix(), y, weights: weights, generator: &g))
        case .boost:
            let p = GradientBoostingRegressor(nEstimators: o.rounds ?? 100, learningRate: o.rate ?? 0.3, maxDepth: o.depth ?? 6)
            return .boostRegressor(try p.fit(allowingMissing: try FittedEstimator.withMissing(values, rows: rows, names: names), y,
                                             weights: weights, generator: &g))
        case .linear:
            return .linearRegressor(try LinearRegression().fit(matrix(), y, weights: weights, generator: &g))
        case .ridge:
            return .linearRegressor(try Ridge(alpha: o.alpha ?? 1).fit(matrix(), y, weights: weights, generator: &g))
        case .lasso:
            return .linearRegressor(try Lasso(alpha: o.alpha ?? 1).fit(matrix(), y, weights: weights, generator: &g))
        default:
            throw FrameError.invalidArgument("'\(algorithm.rawValue)' is not available yet")
        }
    }
}
