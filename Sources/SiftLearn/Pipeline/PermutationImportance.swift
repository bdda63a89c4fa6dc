// Permutation importance on the holdout (Breiman 2001; scikit-learn's sklearn.inspection.permutation_importance).
import SiftFrame

/// The drop in a model's holdout score when one input feature's values are shuffled across
/// the holdout rows, breaking its link to the target (Breiman, "Random Forests", 2001, §10;
/// `permutation_importance` with `n_repeats`). A one-hot feature's columns are shuffled
/// together, so the importance is per input feature. The score is ROC AUC for binary
/// classifiers, accuracy for multi-class ones and R² for regressors.
public enum PermutationImportance {
    /// Shuffles per feature (`n_repeats`; scikit-learn's default is 5).
    public static let repeats = 5

    /// The mean score drop per input feature, in the encoder's feature order.
    ///
    /// - Parameters:
    ///   - values: the encoded holdout, column-major.
    ///   - holdout: its true values.
    /// - Complexity: O(features × repeats × predict(holdout)).
    public static func compute(_ model: TrainedModel, values: [Double], holdout h: TrainedModel.Holdout) throws -> [Double] {
        let names = model.encoder.outputNames, kinds = model.encoder.outputKinds
        let n = h.rows
        func score(_ x: [Double]) throws -> Double {
            if model.isClassifier {
                let p = try model.estimator.probabilities(x, rows: n, names: names, kinds: kinds)
                if p.classCount == 2, let auc = ClassificationMetrics.rocAUC(h.classes, p) { return auc }
                return ClassificationMetrics.accuracy(h.classes, MetricTable.predictedClasses(p))
            }
            return RegressionMetrics.r2(h.values, try model.estimator.predictions(x, rows: n, names: names, kinds: kinds))
        }
        let base = try score(values)
        let sources = model.encoder.outputSources
        var g = SeededGenerator(seed: model.options.seed)
        var out: [Double] = []
        for f in model.encoder.features.indices {
            let columns = sources.indices.filter { sources[$0] == f }
            var drop = 0.0
            for _ in 0..<repeats {
                var order = Array(0..<n)
                g.shuffle(&order)
                var x = values
                for j in columns {
                    for i in 0..<n { x[j * n + i] = values[j * n + order[i]] }
                }
                drop += base - (try score(x))
            }
            out.append(drop / Double(repeats))
        }
        return out
    }
}
