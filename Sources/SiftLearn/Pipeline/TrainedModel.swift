// A fitted model: the formula's target and features, the learned preprocessing, the estimator and its holdout results.
import SiftFrame

/// A supervised model as `train` makes it — a fitted pipeline in scikit-learn's sense.
///
/// It holds everything learned at fit time (the ``FeatureEncoder``'s medians, scales and
/// levels, the class labels, the estimator) and reapplies it to new rows, so predictions on a
/// frame loaded later, or on one row built from a record, use the training statistics only.
/// The holdout's true values and scores are kept so `evaluate`, `confusion`, `threshold` and
/// `plot roc` need no data. It encodes as versioned JSON (``currentVersion``).
public struct TrainedModel: Sendable, Codable {
    /// The JSON format version written by this build; a file of a later version is refused.
    public static let currentVersion = 1

    /// What the target column held.
    public enum TargetKind: String, Sendable, Codable {
        /// Bool classes.
        case bool
        /// String classes.
        case string
        /// Numbers (regression).
        case number
    }

    /// The holdout's true values and the model's scores on it.
    public struct Holdout: Sendable, Codable, Equatable {
        /// The number of holdout rows.
        public var rows: Int
        /// True class codes (classifiers).
        public var classes: [Int32]
        /// True values (regressors).
        public var values: [Double]
        /// Row-major class probabilities (classifiers) or predictions (regressors).
        public var scores: [Double]
    }

    /// K-fold cross-validation metrics on the training part.
    public struct CrossValidation: Sendable, Codable, Equatable {
        /// The number of folds.
        public var folds: Int
        /// Metric names.
        public var names: [String]
        /// Mean over the folds.
        public var means: [Double]
        /// Sample standard deviation over the folds (n − 1).
        public var deviations: [Double]
    }

    /// The format version this model was written with.
    public var version: Int
    /// The algorithm.
    public var algorithm: Algorithm
    /// The formula as written (`price_2 ~ . - session_id`).
    public var formula: String
    /// The target column.
    public var target: String
    /// What the target held.
    public var targetKind: TargetKind
    /// Class labels by code, sorted (`false`, `true` for bools); empty for regression.
    public var classLabels: [String]
    /// The options it was trained with.
    public var options: TrainingOptions
    /// The preprocessing.
    public var encoder: FeatureEncoder
    /// The estimator.
    public var estimator: FittedEstimator
    /// Rows the estimator was fitted on (before resampling).
    public var trainingRows: Int
    /// The holdout, when `split:` was below 1.
    public var holdout: Holdout?
    /// Cross-validation results, when `cv:` was given.
    public var crossValidation: CrossValidation?
    /// Importance names (features, or one-hot columns for linear models), descending.
    public var importanceNames: [String]
    /// Importance values, parallel to ``importanceNames``.
    public var importanceValues: [Double]

    /// Whether the model classifies.
    public var isClassifier: Bool { targetKind != .number }
    /// The number of classes (0 for a regressor).
    public var classCount: Int { classLabels.count }
    /// The input features in formula order.
    public var featureNames: [String] { encoder.features.map(\.name) }

    /// Checks that the parts of a decoded model agree (a hand-edited or damaged file must be an
    /// error, never a crash at predict time).
    ///
    /// - Throws: `FrameError.invalidArgument` naming the first disagreement.
    public func validate() throws {
        func bad(_ what: String) -> FrameError { .invalidArgument("damaged model: \(what)") }
        guard estimator.featureCount == encoder.outputNames.count else { throw bad("the estimator expects \(estimator.featureCount) features, the encoder makes \(encoder.outputNames.count)") }
        if isClassifier {
            guard estimator.classCount == classLabels.count, !classLabels.isEmpty else { throw bad("class labels do not match the estimator") }
        } else if estimator.classCount != nil {
            throw bad("a regression target with a classifier")
        }
        if encoder.features.contains(where: { !($0.scale.isFinite && $0.scale != 0 && $0.shift.isFinite && $0.median.isFinite) }) {
            throw bad("a feature has a zero or non-finite scale")
        }
        if let h = holdout {
            let width = isClassifier ? classLabels.count : 1
            guard h.rows >= 0, h.scores.count == h.rows * width,
                  isClassifier ? h.classes.count == h.rows : h.values.count == h.rows,
                  h.classes.allSatisfy({ $0 >= 0 && Int($0) < classLabels.count }) else { throw bad("the holdout does not match its row count") }
        }
        guard importanceNames.count == importanceValues.count else { throw bad("importances do not match their names") }
        if let cv = crossValidation, cv.means.count != cv.names.count || cv.deviations.count != cv.names.count {
            throw bad("cross-validation results do not match their names")
        }
    }

    // MARK: - Predicting

    /// Class probabilities for a frame's rows.
    ///
    /// - Throws: `FrameError` when a feature column is missing or of another type.
    public func probabilities(_ frame: DataFrame) throws -> ProbabilityMatrix {
        if isClassifier, let etas = try linearPredictors(frame) { return linearProbabilities(etas, rows: frame.rowCount) }
        var out: [Double] = []
        out.reserveCapacity(frame.rowCount * max(1, classCount))
        var k = max(1, classCount)
        for block in Self.blocks(frame) {
            let values = try encoder.transform(block)
            let p = try estimator.probabilities(values, rows: block.rowCount, names: encoder.outputNames, kinds: encoder.outputKinds)
            out += p.values
            k = p.classCount
        }
        return ProbabilityMatrix(rowCount: frame.rowCount, classCount: k, values: out)
    }

    /// Numeric predictions for a frame's rows.
    ///
    /// - Throws: as ``probabilities(_:)``.
    public func predictions(_ frame: DataFrame) throws -> [Double] {
        if !isClassifier, let etas = try linearPredictors(frame), let eta = etas.first { return eta }
        var out: [Double] = []
        out.reserveCapacity(frame.rowCount)
        for block in Self.blocks(frame) {
            let values = try encoder.transform(block)
            out += try estimator.predictions(values, rows: block.rowCount, names: encoder.outputNames, kinds: encoder.outputKinds)
        }
        return out
    }

    /// Rows per prediction block: the encoded block (rows × columns doubles) stays a few MB
    /// even with many one-hot columns, instead of rows × columns for the whole frame.
    static let predictionBlock = 65_536

    /// The frame in blocks of ``predictionBlock`` rows (one empty block for an empty frame).
    static func blocks(_ frame: DataFrame) -> [DataFrame] {
        let n = frame.rowCount
        guard n > predictionBlock else { return [frame] }
        return stride(from: 0, to: n, by: predictionBlock).map { start in
            frame.selecting(rows: RowSelection(range: start..<min(n, start + predictionBlock)))
        }
    }

    /// The holdout's class probabilities as a matrix.
    public var holdoutProbabilities: ProbabilityMatrix? {
        guard let h = holdout, isClassifier, h.rows > 0 else { return nil }
        return ProbabilityMatrix(rowCount: h.rows, classCount: classCount, values: h.scores)
    }

    /// The holdout metrics (nil without a holdout).
    public var holdoutMetrics: MetricTable? {
        guard let h = holdout, h.rows > 0 else { return nil }
        if let p = holdoutProbabilities { return MetricTable.classification(h.classes, p) }
        return MetricTable.regression(h.values, h.scores)
    }

    // MARK: - Targets

    /// The class code of each row of a target column; nil for null rows.
    ///
    /// - Throws: `FrameError.typeMismatch` for a column of another type,
    ///   `FrameError.invalidArgument` for a class not seen in training.
    public func classCodes(_ column: AnyColumn) throws -> [Int32?] {
        switch (targetKind, column) {
        case (.bool, .bool(let c)):
            return try (0..<c.count).map { i in
                guard let v = c[i] else { return nil }
                guard let k = classLabels.firstIndex(of: String(v)) else {
                    throw FrameError.invalidArgument("class '\(v)' of '\(target)' was not in the training data (classes: \(classLabels.joined(separator: ", ")))")
                }
                return Int32(k)
            }
        case (.string, .string(let s)):
            var index: [String: Int32] = [:]
            for (i, l) in classLabels.enumerated() { index[l] = Int32(i) }
            return try (0..<s.count).map { i in
                guard let v = s[i] else { return nil }
                guard let c = index[v] else {
                    throw FrameError.invalidArgument("class '\(v)' of '\(target)' was not in the training data (classes: \(classLabels.joined(separator: ", ")))")
                }
                return c
            }
        default:
            throw FrameError.typeMismatch("target '\(target)' was a \(targetKind.rawValue) in training, got \(FrameError.withArticle("\(column.type) column"))")
        }
    }

    /// Scores the model on a frame that has the target column (rows with a null target are
    /// left out).
    ///
    /// - Throws: `FrameError` for a missing target or feature, or a class not seen in training.
    public func evaluate(on frame: DataFrame) throws -> MetricTable {
        guard frame.index(of: target) != nil else {
            throw FrameError.invalidArgument("the frame has no target column '\(target)' to evaluate against")
        }
        let column = try frame.column(named: target)
        if isClassifier {
            let codes = try classCodes(column)
            let keep = codes.indices.filter { codes[$0] != nil }
            let rows = frame.selecting(rows: RowSelection(indices: keep.map { Int32($0) }, hasNulls: false))
            return MetricTable.classification(keep.map { codes[$0] ?? 0 }, try probabilities(rows))
        }
        guard column.type.isNumeric else {
            throw FrameError.typeMismatch("target '\(target)' was a number in training, got \(FrameError.withArticle("\(column.type) column"))")
        }
        let y = FeatureEncoder.numericValues(column)
        let keep = y.indices.filter { !y[$0].isNaN }
        let rows = frame.selecting(rows: RowSelection(indices: keep.map { Int32($0) }, hasNulls: false))
        return MetricTable.regression(keep.map { y[$0] }, try predictions(rows))
    }
}
