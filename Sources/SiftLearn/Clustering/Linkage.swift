// The linkages of agglomerative clustering (ward, average, complete).

/// How the distance between two clusters is measured.
public enum Linkage: String, Sendable, Codable, CaseIterable {
    /// The increase in within-cluster sum of squares a merge causes (Ward 1963).
    case ward
    /// The mean distance between the clusters' rows (UPGMA).
    case average
    /// The largest distance between the clusters' rows.
    case complete
}
