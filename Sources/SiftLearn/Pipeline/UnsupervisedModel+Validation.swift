// Checks that a loaded clustering or anomaly model is consistent, so a damaged file is an error, never a crash at predict.
import SiftFrame

extension UnsupervisedModel {
    /// Throws unless every array agrees with the sizes it claims: the encoder's output columns
    /// with the estimator's features, centres and core rows with clusters × features, labels in
    /// range, and every isolation tree's nodes pointing forward to nodes that exist (no cycles).
    ///
    /// - Throws: `FrameError.invalidArgument` naming the first disagreement.
    /// - Complexity: O(size of the model).
    public func validate() throws {
        func bad(_ what: String) -> FrameError { .invalidArgument("damaged model: \(what)") }
        let p = encoder.outputNames.count
        guard p > 0 else { throw bad("no features") }
        switch estimator {
        case .kmeans(let m):
            guard m.featureCount == p, m.clusterCount >= 1, m.centres.count == m.clusterCount * p,
                  m.centres.allSatisfy(\.isFinite) else { throw bad("k-means centres do not match \(p) features") }
            guard m.labels.allSatisfy({ $0 >= 0 && $0 < m.clusterCount }) else { throw bad("a label outside the clusters") }
        case .dbscan(let m):
            guard m.featureCount == p, m.eps > 0, m.eps.isFinite, m.coreRows.count == m.coreLabels.count * p,
                  m.coreRows.allSatisfy(\.isFinite) else { throw bad("DBSCAN core rows do not match \(p) features") }
            guard (m.coreLabels + m.labels).allSatisfy({ $0 >= -1 && $0 < m.clusterCount }) else { throw bad("a label outside the clusters") }
        case .hclust(let m):
            guard m.featureCount == p, m.clusterCount >= 1, m.centroids.count == m.clusterCount * p,
                  m.centroids.allSatisfy(\.isFinite) else { throw bad("hclust centroids do not match \(p) features") }
            guard m.labels.allSatisfy({ $0 >= 0 && $0 < m.clusterCount }) else { throw bad("a label outside the clusters") }
        case .isolation(let m):
            guard m.featureCount == p, m.sampleSize >= 1, !m.trees.isEmpty, m.threshold.isFinite else {
                throw bad("the isolation forest does not match \(p) features")
            }
            for (t, tree) in m.trees.enumerated() {
                let n = tree.feature.count
                guard n > 0, [tree.threshold.count, tree.left.count, tree.right.count, tree.size.count].allSatisfy({ $0 == n }) else {
                    throw bad("isolation tree \(t) has arrays of different lengths")
                }
                for i in 0..<n where tree.feature[i] >= 0 {
                    let l = Int(tree.left[i]), r = Int(tree.right[i])
                    guard Int(tree.feature[i]) < p, l > i, r > i, l < n, r < n else {
                        throw bad("isolation tree \(t) node \(i) points outside the tree")
                    }
                }
            }
        }
    }
}
