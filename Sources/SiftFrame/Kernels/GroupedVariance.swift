// Per-group sample variance in two passes (means, then squared deviations): the kernel of var and std.

/// The sample variance of each group's non-null values.
///
/// Two passes, as ``Statistics/variance(_:)`` does: the group means first (from
/// ``GroupedSum``), then the sum of squared deviations from them, divided by `n - 1`. The
/// two-pass form avoids the catastrophic cancellation of the one-pass `Σx² - (Σx)²/n`, which
/// loses every significant digit when the mean is large next to the spread (Chan, Golub &
/// LeVeque, "Algorithms for Computing the Sample Variance: Analysis and Recommendations",
/// The American Statistician 37(3), 1983). Deviations are summed per group in row order.
///
/// A group with fewer than two values has no sample variance (nil), as pandas gives NaN.
public enum GroupedVariance {
    /// The sample variance (divisor `n - 1`) of each group; nil where a group has fewer than
    /// two non-null values.
    ///
    /// - Complexity: O(rows), two passes.
    public static func variances(_ c: Column<Double>, _ grouping: Grouping) -> [Double?] {
        let counts = GroupedSum.validCounts(c.validity, grouping)
        let sums = GroupedSum.sums(c, grouping)
        let means = zip(sums, counts).map { $1 > 0 ? $0 / Double($1) : 0 }
        var ss = [Double](repeating: 0, count: grouping.groupCount)
        c.values.withUnsafeBufferPointer { v in
            ss.withUnsafeMutableBufferPointer { s in
                if grouping.isSingle {
                    let m = means[0]
                    var acc = 0.0
                    Bitmap.forEachValid(c.validity, count: v.count) { i in let d = v[i] - m; acc += d * d }
                    s[0] = acc
                } else {
                    means.withUnsafeBufferPointer { m in
                        grouping.groupIDs.withUnsafeBufferPointer { ids in
                            Bitmap.forEachValid(c.validity, count: v.count) { i in
                                let g = Int(ids[i])
                                let d = v[i] - m[g]
                                s[g] += d * d
                            }
                        }
                    }
                }
            }
        }
        return (0..<grouping.groupCount).map { g in counts[g] >= 2 ? ss[g] / Double(counts[g] - 1) : nil }
    }
}
