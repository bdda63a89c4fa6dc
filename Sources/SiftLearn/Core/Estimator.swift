// The estimator contract: hyperparameters fit data and return a separate fitted model (scikit-learn's interface, in types).
import SiftFrame

/// Hyperparameters of a classifier: a plain struct with defaults and no logic (scikit-learn's
/// `__init__` rule), whose `fit` validates the data and returns a fitted model.
///
/// Classes are integer codes `0..<classCount` (the pipeline maps labels to codes and back).
/// Randomness comes in as a generator, so one seed always gives one model.
public protocol ClassifierParameters: Sendable {
    /// The fitted model type.
    associatedtype Model: ClassificationModel

    /// Fits a model.
    ///
    /// - Parameters:
    ///   - x: the features (no NaN).
    ///   - y: a class code in `0..<classCount` per row.
    ///   - classCount: the number of classes (≥ 1; a single class must be handled).
    ///   - weights: a non-negative weight per row, or nil for all 1 (`weights:balanced`).
    ///   - generator: the source of randomness.
    /// - Throws: `FrameError.shapeMismatch` when `y` or `weights` do not have one entry per row,
    ///   `FrameError.invalidArgument` for hyperparameters out of range or data it cannot fit.
    func fit(_ x: FeatureMatrix, _ y: [Int32], classCount: Int, weights: [Double]?,
             generator: inout SeededGenerator) throws -> Model
}

/// A fitted classifier.
public protocol ClassificationModel: Sendable, Codable {
    /// The number of classes it was fitted with.
    var classCount: Int { get }
    /// The number of features it expects.
    var featureCount: Int { get }
    /// Class probabilities, `x.rowCount × classCount`, each row summing to 1 (no NaN).
    ///
    /// - Throws: `FrameError.shapeMismatch` when `x` has a different number of features.
    func predictProba(_ x: FeatureMatrix) throws -> ProbabilityMatrix
    /// One importance per feature (impurity or gain for trees, |coefficient| on scaled features
    /// for linear models), or nil when the model has no intrinsic measure.
    var featureImportances: [Double]? { get }
}

/// Hyperparameters of a regressor (see ``ClassifierParameters``).
public protocol RegressorParameters: Sendable {
    /// The fitted model type.
    associatedtype Model: RegressionModel

    /// Fits a model to numeric targets.
    ///
    /// - Throws: as ``ClassifierParameters/fit(_:_:classCount:weights:generator:)``.
    func fit(_ x: FeatureMatrix, _ y: [Double], weights: [Double]?, generator: inout SeededGenerator) throws -> Model
}

/// A fitted regressor.
public protocol RegressionModel: Sendable, Codable {
    /// The number of features it expects.
    var featureCount: Int { get }
    /// One prediction per row (no NaN).
    ///
    /// - Throws: `FrameError.shapeMismatch` when `x` has a different number of features.
    func predict(_ x: FeatureMatrix) throws -> [Double]
    /// One importance per feature, or nil.
    var featureImportances: [Double]? { get }
}

/// Checks shared by every `fit` and `predict`: one target and weight per row, features matching.
public enum EstimatorChecks {
    /// Throws unless `count` entries match the matrix's rows.
    public static func requireRows(_ x: FeatureMatrix, _ count: Int, _ what: String) throws {
        guard count == x.rowCount else {
            throw FrameError.shapeMismatch("\(what) has \(count) entries for \(x.rowCount) rows")
        }
    }

    /// Throws unless the matrix has the number of features a model was fitted with.
    public static func requireFeatures(_ x: FeatureMatrix, _ expected: Int) throws {
        guard x.featureCount == expected else {
            throw FrameError.shapeMismatch("the model was fitted on \(expected) features, got \(x.featureCount)")
        }
    }

    /// Throws unless the class codes are in range and weights (if any) are finite and non-negative.
    public static func requireClassification(_ x: FeatureMatrix, _ y: [Int32], classCount: Int, weights: [Double]?) throws {
        try requireRows(x, y.count, "the target")
        guard classCount >= 1 else { throw FrameError.invalidArgument("a classifier needs at least one class") }
        if let bad = y.first(where: { $0 < 0 || Int($0) >= classCount }) {
            throw FrameError.invalidArgument("class code \(bad) is outside 0..<\(classCount)")
        }
        try requireWeights(x, weights)
    }

    /// Throws unless weights (if any) match the rows and are finite and non-negative.
    public static func requireWeights(_ x: FeatureMatrix, _ weights: [Double]?) throws {
        guard let weights else { return }
        try requireRows(x, weights.count, "the weights")
        if weights.contains(where: { !$0.isFinite || $0 < 0 }) {
            throw FrameError.invalidArgument("weights must be finite and non-negative")
        }
    }
}
