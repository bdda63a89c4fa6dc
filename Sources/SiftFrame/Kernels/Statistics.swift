// Numeric summary kernels shared by aggregates, describe, fill and corr: quantiles, variance, mode.

/// Summary statistics over contiguous doubles, with the conventions LANGUAGE.md fixes.
///
/// - Quantiles interpolate linearly between order statistics (pandas' and NumPy's default,
///   Hyndman & Fan's "definition 7"): for `n` sorted values and `q` in [0, 1], position
///   `h = (n - 1) q`, result `x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋ + 1] - x[⌊h⌋])`.
/// - Variance is the sample variance (divisor `n - 1`), computed in two passes (mean, then
///   squared deviations), which avoids the cancellation of the one-pass sum-of-squares formula
///   (Chan, Golub & LeVeque, "Algorithms for Computing the Sample Variance", 1983). It is null
///   (nil) for fewer than two values, as pandas gives NaN.
/// - The mode breaks ties by the smallest value.
public enum Statistics {
    /// The `q`-quantile of values already sorted ascending; nil when empty.
    ///
    /// - Precondition: `0 <= q <= 1`.
    /// - Complexity: O(1).
    @inlinable
    public static func quantile(sorted x: UnsafeBufferPointer<Double>, _ q: Double) -> Double? {
        precondition(q >= 0 && q <= 1, "quantile must be in [0, 1]")
        let n = x.count
        guard n > 0 else { return nil }
        let h = Double(n - 1) * q
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, n - 1)
        let frac = h - Double(lo)
        return frac == 0 ? x[lo] : x[lo] + frac * (x[hi] - x[lo])
    }

    /// The `q`-quantile of unsorted values (sorts a copy); nil when empty.
    ///
    /// - Complexity: O(n log n).
    public static func quantile(_ values: [Double], _ q: Double) -> Double? {
        let s = values.sorted()
        return s.withUnsafeBufferPointer { quantile(sorted: $0, q) }
    }

    /// The arithmetic mean; nil when empty.
    ///
    /// - Complexity: O(n).
    @inlinable
    public static func mean(_ x: UnsafeBufferPointer<Double>) -> Double? {
        guard !x.isEmpty else { return nil }
        return sum(x) / Double(x.count)
    }

    /// The sum, accumulated in a fixed order (four interleaved partial sums combined at the
    /// end), so that every caller and every run gives the same last digits.
    ///
    /// - Complexity: O(n).
    @inlinable
    public static func sum(_ x: UnsafeBufferPointer<Double>) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        let n = x.count
        var i = 0
        while i + 4 <= n {
            s0 += x[i]; s1 += x[i + 1]; s2 += x[i + 2]; s3 += x[i + 3]
            i += 4
        }
        while i < n { s0 += x[i]; i += 1 }
        return (s0 + s1) + (s2 + s3)
    }

    /// The sample variance (divisor n - 1); nil for fewer than two values.
    ///
    /// - Complexity: O(n), two passes.
    @inlinable
    public static func variance(_ x: UnsafeBufferPointer<Double>) -> Double? {
        guard x.count >= 2, let m = mean(x) else { return nil }
        var ss = 0.0
        for v in x { let d = v - m; ss += d * d }
        return ss / Double(x.count - 1)
    }

    /// The most frequent value, ties broken by the smallest; nil when empty.
    ///
    /// - Complexity: O(n log n).
    public static func mode<T: Comparable>(_ values: [T]) -> T? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        var best = s[0], bestCount = 0
        var i = 0
        while i < s.count {
            var j = i
            while j < s.count && s[j] == s[i] { j += 1 }
            if j - i > bestCount { best = s[i]; bestCount = j - i }
            i = j
        }
        return best
    }
}
