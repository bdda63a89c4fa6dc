// The fitted estimator inside an unsupervised model: one case per algorithm, so saved JSON decodes to its concrete type.
import SiftFrame

/// A fitted unsupervised estimator of any algorithm (an enum, so JSON decodes the concrete type).
public enum FittedUnsupervised: Sendable, Codable {
    /// k-means centres.
    case kmeans(KMeans.Model)
    /// DBSCAN labels and core rows.
    case dbscan(DBSCAN.Model)
    /// A hierarchical clustering cut at k.
    case hclust(AgglomerativeClustering.Model)
    /// An isolation forest.
    case isolation(IsolationForest.Model)

    /// The clustering, if it is one.
    public var clustering: (any ClusteringModel)? {
        switch self {
        case .kmeans(let m): return m
        case .dbscan(let m): return m
        case .hclust(let m): return m
        case .isolation: return nil
        }
    }
}
