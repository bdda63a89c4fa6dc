// Per-group sample variance in two passes (means, then squared deviations): the kernel of var and std.

/// The sample variance of each group's non-null values.
///
/// Two passes, as ``Statistics/variance(_:)`` does: the group means first (from
/// ``GroupedSum``: exact for ints), then the sum of squared deviations from them, divided by
/// `n - 1`. The two-pass form avoids the catastrophic cancellation of the one-pass
/// `Σx² - (Σx)²/n`, which loses every significant digit when the mean is large next to the
/// spread (Chan, Golub & LeVeque, "Algorithms for Computing the Sample Variance: Analysis and
/// Recommendations", The American Statistician 37(3), 1983). Deviations are summed per group
/// in row order (one group: in row order too), so the result never depends on the cores.
///
/// A group with fewer than two values has no sample variance (nil), as pandas gives NaN.
public enum GroupedVariance {
    /// The sample variance (divisor `n - 1`) of each group of doubles; nil where a group has
    /// fewer than two non-null values.
    ///
    /// - Complexity: O(rows), two passes.
    public static func variances(_ c: Column<Double>, _ grouping: Grouping) -> [Double?] {
        let counts = GroupedSum.validCounts(c.validity, grouping)
        let sums = GroupedSum.sums(c, grouping)
        return c.values.withUnsafeBufferPointer { deviations($0, c.validity, grouping, sums: sums, counts: counts) }
    }

    /// The sample variance of each group of ints (their mean from the exact sum).
    ///
    /// - Complexity: O(rows), two passes.
    public static func variances(_ c: Column<Int64>, _ grouping: Grouping) -> [Double?] {
        let (sums, counts) = GroupedSum.totals(c, grouping)
        return c.values.withUnsafeBufferPointer { deviations($0, c.validity, grouping, sums: sums.map(\.doubleValue), counts: counts) }
    }

    /// The second pass: squared deviations from each group's mean, over `n - 1`.
    static func deviations<T: DoubleConvertible>(_ v: UnsafeBufferPointer<T>, _ validity: Bitmap?, _ grouping: Grouping,
                                                 sums: [Double], counts: [Int]) -> [Double?] {
        let means = zip(sums, counts).map { $1 > 0 ? $0 / Double($1) : 0 }
        var ss = [Double](repeating: 0, count: grouping.groupCount)
        ss.withUnsafeMutableBufferPointer { s in
            if grouping.isSingle {
                let m = means[0]
                var acc = 0.0
                Bitmap.forEachValid(validity, count: v.count) { i in let d = v[i].doubleValue - m; acc += d * d }
                s[0] = acc
            } else {
                means.withUnsafeBufferPointer { m in
                    grouping.groupIDs.withUnsafeBufferPointer { ids in
                        Bitmap.forEachValid(validity, count: v.count) { i in
                            let g = Int(ids[i])
                            let d = v[i].doubleValue - m[g]
                            s[g] += d * d
                        }
                    }
                }
            }
        }
        return (0..<grouping.groupCount).map { g in counts[g] >= 2 ? ss[g] / Double(counts[g] - 1) : nil }
    }
}

/// A number that statistics kernels read as a double.
public protocol DoubleConvertible: Comparable, BitwiseCopyable {
    /// The value as a double (ints beyond 2⁵³ round to the nearest double).
    var doubleValue: Double { get }
}

extension Double: DoubleConvertible {
    /// The value itself.
    @inlinable public var doubleValue: Double { self }
}

extension Int64: DoubleConvertible {
    /// The value, rounded to the nearest double.
    @inlinable public var doubleValue: Double { Double(self) }
}
