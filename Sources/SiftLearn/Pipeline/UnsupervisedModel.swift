// A fitted clustering or anomaly model: the formula's features, the learned preprocessing, the estimator and its training metrics.
import SiftFrame

/// A clustering or anomaly model as `train kmeans|dbscan|hclust|isolation ~ a + b` makes it.
///
/// Like ``TrainedModel`` it is a fitted pipeline: the ``FeatureEncoder`` (median imputation,
/// one-hot strings, standard scaling by default for the clusterings) is learned from the
/// training rows and reapplied to new ones. There is no holdout: an unsupervised model is fitted
/// on all rows, and its ``trainingMetrics`` are measured on them, in the encoded (scaled) space.
/// The JSON carries `"task": "clustering"` or `"anomaly"` so a loader can tell it from a
/// supervised model.
public struct UnsupervisedModel: Sendable, Codable {
    /// The JSON format version written by this build.
    public static let currentVersion = 1

    /// What the model does.
    public enum Task: String, Sendable, Codable {
        /// Assigns clusters.
        case clustering
        /// Scores anomalies.
        case anomaly
    }

    /// The format version.
    public var version: Int
    /// Clustering or anomaly detection.
    public var task: Task
    /// The algorithm.
    public var algorithm: UnsupervisedAlgorithm
    /// The formula as written (`~ price + page`).
    public var formula: String
    /// The options it was trained with.
    public var options: UnsupervisedOptions
    /// The preprocessing.
    public var encoder: FeatureEncoder
    /// The estimator.
    public var estimator: FittedUnsupervised
    /// The rows it was fitted on.
    public var trainingRows: Int
    /// The metrics on the training rows (see ``clusteringMetrics(_:labels:)`` and ``anomalyMetrics(_:threshold:)``).
    public var trainingMetrics: MetricTable

    /// The input features in formula order.
    public var featureNames: [String] { encoder.features.map(\.name) }

    // MARK: - Predicting

    /// The cluster of each row of a frame (`-1` for DBSCAN noise).
    ///
    /// - Throws: `FrameError.invalidArgument` for an anomaly model; the encoder's errors for a
    ///   missing or retyped feature.
    public func clusters(_ frame: DataFrame) throws -> [Int] {
        guard let c = estimator.clustering else { throw FrameError.invalidArgument("an anomaly model has no clusters; predict gives anomaly_score and is_anomaly") }
        return try c.predict(try encoder.matrix(frame))
    }

    /// The anomaly score (in (0, 1], higher is more anomalous) and flag of each row of a frame.
    ///
    /// - Throws: `FrameError.invalidArgument` for a clustering; the encoder's errors.
    public func anomalies(_ frame: DataFrame) throws -> (scores: [Double], flags: [Bool]) {
        guard case .isolation(let m) = estimator else { throw FrameError.invalidArgument("a clustering has no anomaly scores; predict gives cluster") }
        let s = try m.scoreSamples(try encoder.matrix(frame))
        return (s, s.map { $0 > m.threshold })
    }

    /// The metrics of the model on a frame's rows (the training metrics' names, recomputed).
    ///
    /// - Throws: the encoder's errors.
    public func evaluate(on frame: DataFrame) throws -> MetricTable {
        let x = try encoder.matrix(frame)
        switch estimator {
        case .isolation(let m): return Self.anomalyMetrics(try m.scoreSamples(x), threshold: m.threshold)
        case .kmeans(let m):
            let labels = try m.predict(x)
            return try Self.clusteringMetrics(x, labels: labels, clusterCount: m.clusterCount, centres: m.centres, noise: false)
        case .dbscan(let m):
            return try Self.clusteringMetrics(x, labels: try m.predict(x), clusterCount: m.clusterCount, centres: nil, noise: true)
        case .hclust(let m):
            return try Self.clusteringMetrics(x, labels: try m.predict(x), clusterCount: m.clusterCount, centres: nil, noise: false)
        }
    }

    // MARK: - Metrics

    /// `silhouette`, `davies_bouldin` (NaN where undefined: one cluster), `inertia` (to the
    /// k-means centres, else to the cluster means), `clusters`, `noise` (DBSCAN), then `size_0`,
    /// `size_1`, … (rows per cluster).
    ///
    /// - Complexity: O(min(n, 10,000)² · p) for the silhouette (sampled above 10,000 rows).
    public static func clusteringMetrics(_ x: FeatureMatrix, labels: [Int], clusterCount: Int, centres: [Double]?,
                                         noise: Bool) throws -> MetricTable {
        let sizes = ClusteringMetrics.sizes(labels)
        var names = ["silhouette", "davies_bouldin", "inertia", "clusters"]
        var values = [try ClusteringMetrics.silhouette(x, labels: labels) ?? .nan,
                      try ClusteringMetrics.daviesBouldin(x, labels: labels) ?? .nan,
                      try ClusteringMetrics.inertia(x, labels: labels, centres: centres),
                      Double(clusterCount)]
        if noise { names.append("noise"); values.append(Double(sizes.noise)) }
        for c in 0..<clusterCount {
            names.append("size_\(c)")
            values.append(Double(c < sizes.sizes.count ? sizes.sizes[c] : 0))
        }
        return MetricTable(names: names, values: values)
    }

    /// `anomalies` (rows flagged), `anomaly_rate`, `threshold`, `mean_score`.
    public static func anomalyMetrics(_ scores: [Double], threshold: Double) -> MetricTable {
        let flagged = scores.reduce(0) { $0 + ($1 > threshold ? 1 : 0) }
        let n = Double(max(scores.count, 1))
        return MetricTable(names: ["anomalies", "anomaly_rate", "threshold", "mean_score"],
                           values: [Double(flagged), Double(flagged) / n, threshold, scores.reduce(0, +) / n])
    }
}
