// Row-major copies of feature matrices and squared Euclidean distances, shared by the clustering loops.
import SiftFrame

/// Row-major copies and squared Euclidean distances: the clustering loops read one row's
/// features contiguously, which the column-major ``FeatureMatrix`` does not give.
enum RowMajor {
    /// The matrix's values row by row: row `i` is `out[i * p ..< (i + 1) * p]`.
    ///
    /// - Complexity: O(n · p).
    static func values(_ x: FeatureMatrix) -> [Double] {
        let n = x.rowCount, p = x.featureCount
        var out = [Double](repeating: 0, count: n * p)
        x.values.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for j in 0..<p {
                    for i in 0..<n { dst[i * p + j] = src[j * n + i] }
                }
            }
        }
        return out
    }

    /// The squared Euclidean distance between `a[ai * p ..< ai * p + p]` and `b[bi * p ..< bi * p + p]`.
    @inline(__always)
    static func squaredDistance(_ a: UnsafeBufferPointer<Double>, _ ai: Int, _ b: UnsafeBufferPointer<Double>, _ bi: Int,
                                _ p: Int) -> Double {
        var s = 0.0
        let oa = ai * p, ob = bi * p
        for j in 0..<p {
            let d = a[oa + j] - b[ob + j]
            s += d * d
        }
        return s
    }

    /// Throws unless the matrix has rows and features a clustering can use.
    static func requireFittable(_ x: FeatureMatrix, _ algorithm: String) throws {
        guard x.featureCount > 0 else { throw FrameError.invalidArgument("\(algorithm) needs at least one feature") }
        guard x.rowCount > 0 else { throw FrameError.invalidArgument("\(algorithm) needs at least one row") }
    }

    /// Cluster labels renumbered in order of first appearance (the cluster of row 0 becomes 0), so
    /// equal partitions give equal labels; negative labels (noise) are kept.
    static func renumberedByFirstAppearance(_ labels: [Int]) -> (labels: [Int], mapping: [Int]) {
        let k = (labels.max() ?? -1) + 1
        var mapping = [Int](repeating: -1, count: max(k, 0))
        var next = 0
        var out = labels
        for i in out.indices where out[i] >= 0 {
            if mapping[out[i]] < 0 { mapping[out[i]] = next; next += 1 }
            out[i] = mapping[out[i]]
        }
        return (out, mapping)
    }
}
