// The options of an unsupervised `train` (k:, eps:, min:, linkage:, trees:, contamination:, seed:, scale:).

/// The options of an unsupervised `train`, with scikit-learn's defaults where nil.
public struct UnsupervisedOptions: Sendable, Equatable, Codable {
    /// The seed of the estimator's randomness (k-means++ seeding, isolation subsamples).
    public var seed: Int = 42
    /// The scaling of numeric features, or nil for the algorithm's default.
    public var scale: FeatureEncoder.Scaling?
    /// `k:` — clusters for kmeans (default 8) and hclust (default 2).
    public var k: Int?
    /// `eps:` — DBSCAN's radius in scaled units (default 0.5).
    public var eps: Double?
    /// `min:` — DBSCAN's `min_samples` (default 5).
    public var minSamples: Int?
    /// `linkage:` — hclust's linkage (default ward).
    public var linkage: Linkage?
    /// `trees:` — the isolation forest's `n_estimators` (default 100).
    public var trees: Int?
    /// `contamination:` — the expected anomaly share (default: the fixed 0.5 score cut).
    public var contamination: Double?

    /// The defaults (`seed:42`).
    public init() {}

    /// The options as `name:value` text in a fixed order: the seed (for the algorithms that use
    /// randomness: kmeans and isolation), then those given.
    public func text(for algorithm: UnsupervisedAlgorithm) -> String {
        func num(_ d: Double) -> String { d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : "\(d)" }
        var parts = algorithm == .kmeans || algorithm == .isolation ? ["seed:\(seed)"] : []
        if let scale { parts.append("scale:\(scale.rawValue)") }
        if let k { parts.append("k:\(k)") }
        if let eps { parts.append("eps:\(num(eps))") }
        if let minSamples { parts.append("min:\(minSamples)") }
        if let linkage { parts.append("linkage:\(linkage.rawValue)") }
        if let trees { parts.append("trees:\(trees)") }
        if let contamination { parts.append("contamination:\(num(contamination))") }
        return parts.joined(separator: " ")
    }
}
