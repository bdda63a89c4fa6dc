// The clustering and anomaly algorithms of `train ALGO ~ a + b`, and their options.

/// An unsupervised algorithm of `train ALGO ~ a + b` (a formula without a target).
public enum UnsupervisedAlgorithm: String, Sendable, Codable, CaseIterable {
    /// k-means (``KMeans``).
    case kmeans
    /// DBSCAN (``DBSCAN``).
    case dbscan
    /// Agglomerative clustering (``AgglomerativeClustering``).
    case hclust
    /// Isolation forest anomaly scores (``IsolationForest``).
    case isolation

    /// Whether it clusters (false: it scores anomalies).
    public var isClustering: Bool { self != .isolation }

    /// The hyperparameter options of `train` that apply, besides `seed:` and `scale:`.
    public var hyperparameters: [String] {
        switch self {
        case .kmeans: return ["k"]
        case .dbscan: return ["eps", "min"]
        case .hclust: return ["k", "linkage"]
        case .isolation: return ["trees", "contamination"]
        }
    }

    /// The scaling used unless `scale:` says otherwise: standard for the clusterings, whose
    /// Euclidean distances would otherwise be dominated by the widest feature; none for the
    /// isolation forest, whose random splits do not depend on scale.
    public var defaultScaling: FeatureEncoder.Scaling { isClustering ? .standard : .none }

    /// How string features are encoded: one-hot for distances, codes for the isolation trees.
    public var encoding: FeatureEncoder.Encoding { isClustering ? .oneHot : .codes }
}
