// The contract shared by fitted clusterings: labels for the training rows and a predict for new ones.
import SiftFrame

/// A fitted clustering: it assigns each row of a matrix to a cluster `0..<clusterCount`, or to
/// noise (`-1`, DBSCAN only, as in scikit-learn).
public protocol ClusteringModel: Sendable, Codable {
    /// The number of features it expects.
    var featureCount: Int { get }
    /// The number of clusters found (noise is not a cluster).
    var clusterCount: Int { get }
    /// The cluster of each training row, in row order (`-1` for noise).
    var labels: [Int] { get }
    /// The cluster of each row of `x` (`-1` for noise).
    ///
    /// - Throws: `FrameError.shapeMismatch` when `x` has a different number of features.
    func predict(_ x: FeatureMatrix) throws -> [Int]
}
