// Training a clustering or anomaly model: the encoder fitted on all rows, then the estimator and its training metrics.
import SiftFrame

/// Fits an ``UnsupervisedModel`` from a frame, as `train kmeans ~ a + b k:3` does.
public enum UnsupervisedTrainer {
    /// Trains a model on every row of `frame`.
    ///
    /// - Throws: `FrameError.invalidArgument` for no rows or bad hyperparameters (including
    ///   hclust above ``AgglomerativeClustering/maxRows`` rows); the encoder's errors.
    /// - Complexity: that of the estimator's fit, plus the silhouette on at most 10,000 rows.
    public static func train(_ frame: DataFrame, algorithm: UnsupervisedAlgorithm, features: [String], formula: String,
                             options o: UnsupervisedOptions) throws -> UnsupervisedModel {
        guard frame.rowCount > 0 else { throw FrameError.invalidArgument("'\(algorithm.rawValue)' needs at least one row") }
        guard !features.isEmpty else { throw FrameError.invalidArgument("'\(algorithm.rawValue)' needs at least one feature") }
        let encoder = try FeatureEncoder.fit(frame, features: features, encoding: algorithm.encoding,
                                             scaling: o.scale ?? algorithm.defaultScaling, imputes: true)
        let x = try encoder.matrix(frame)
        var g = SeededGenerator(seed: o.seed)
        let estimator: FittedUnsupervised
        let metrics: MetricTable
        switch algorithm {
        case .kmeans:
            let m = try KMeans(k: o.k ?? 8).fit(x, generator: &g)
            estimator = .kmeans(m)
            metrics = try UnsupervisedModel.clusteringMetrics(x, labels: m.labels, clusterCount: m.clusterCount, centres: m.centres, noise: false)
        case .dbscan:
            let m = try DBSCAN(eps: o.eps ?? 0.5, minSamples: o.minSamples ?? 5).fit(x)
            estimator = .dbscan(m)
            metrics = try UnsupervisedModel.clusteringMetrics(x, labels: m.labels, clusterCount: m.clusterCount, centres: nil, noise: true)
        case .hclust:
            let m = try AgglomerativeClustering(k: o.k ?? 2, linkage: o.linkage ?? .ward).fit(x)
            estimator = .hclust(m)
            metrics = try UnsupervisedModel.clusteringMetrics(x, labels: m.labels, clusterCount: m.clusterCount, centres: nil, noise: false)
        case .isolation:
            let m = try IsolationForest(nEstimators: o.trees ?? 100, contamination: o.contamination).fit(x, generator: &g)
            estimator = .isolation(m)
            metrics = UnsupervisedModel.anomalyMetrics(try m.scoreSamples(x), threshold: m.threshold)
        }
        return UnsupervisedModel(version: UnsupervisedModel.currentVersion, task: algorithm.isClustering ? .clustering : .anomaly,
                                 algorithm: algorithm, formula: formula, options: o, encoder: encoder, estimator: estimator,
                                 trainingRows: frame.rowCount, trainingMetrics: metrics)
    }
}
