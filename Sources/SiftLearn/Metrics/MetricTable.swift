// The metric list a model reports: classification or regression scores in a fixed order, by name.

/// Named metric values in report order (`accuracy, precision, recall, f1, roc_auc, log_loss`
/// for classifiers; `mae, mse, rmse, r2` for regressors).
public struct MetricTable: Sendable, Equatable, Codable {
    /// Metric names in order.
    public var names: [String]
    /// One value per name.
    public var values: [Double]

    /// Creates a table.
    public init(names: [String], values: [Double]) {
        precondition(names.count == values.count, "one value per metric")
        self.names = names
        self.values = values
    }

    /// The value of a metric, if present.
    public subscript(name: String) -> Double? { names.firstIndex(of: name).map { values[$0] } }

    /// Every metric name any classifier, regressor, clustering or anomaly model reports that
    /// `runs` and `compare` show, in report order.
    public static let allNames = ["accuracy", "precision", "recall", "f1", "roc_auc", "log_loss", "mae", "mse", "rmse", "r2",
                                  "silhouette", "davies_bouldin", "inertia", "anomaly_rate"]

    /// The predicted class of each row: the most probable class, or for two classes
    /// `P(class 1) ≥ threshold` when a threshold is given.
    public static func predictedClasses(_ p: ProbabilityMatrix, threshold: Double? = nil) -> [Int32] {
        if let threshold, p.classCount == 2 {
            return (0..<p.rowCount).map { p[$0, 1] >= threshold ? 1 : 0 }
        }
        return (0..<p.rowCount).map { Int32(p.argmax(row: $0)) }
    }

    /// The classification metrics of probabilities against true classes. ROC AUC is left out
    /// when it is undefined (a single class in `actual`).
    ///
    /// - Complexity: O(n log n) (the AUC's sort).
    public static func classification(_ actual: [Int32], _ p: ProbabilityMatrix, threshold: Double? = nil) -> MetricTable {
        let k = p.classCount
        let predicted = predictedClasses(p, threshold: threshold)
        var names = ["accuracy", "precision", "recall", "f1"]
        var values = [ClassificationMetrics.accuracy(actual, predicted),
                      ClassificationMetrics.precision(actual, predicted, classCount: k),
                      ClassificationMetrics.recall(actual, predicted, classCount: k),
                      ClassificationMetrics.f1(actual, predicted, classCount: k)]
        if let auc = ClassificationMetrics.rocAUC(actual, p) { names.append("roc_auc"); values.append(auc) }
        names.append("log_loss"); values.append(ClassificationMetrics.logLoss(actual, p))
        return MetricTable(names: names, values: values)
    }

    /// The regression metrics of predictions against true values.
    public static func regression(_ actual: [Double], _ predicted: [Double]) -> MetricTable {
        MetricTable(names: ["mae", "mse", "rmse", "r2"],
                    values: [RegressionMetrics.mae(actual, predicted), RegressionMetrics.mse(actual, predicted),
                             RegressionMetrics.rmse(actual, predicted), RegressionMetrics.r2(actual, predicted)])
    }
}
