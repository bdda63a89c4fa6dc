// Quantiles without sorting: selection of order statistics in expected linear time, for histogram bins and box plots.

/// The order statistics charts need (quartiles, medians), found by selection instead of a sort.
///
/// Selection is Hoare's FIND (C. A. R. Hoare, "Algorithm 65: Find", CACM 4(7), 1961) with a
/// median-of-three pivot and a three-way partition (E. W. Dijkstra's "Dutch national flag"), so
/// data with few distinct values — counts, ratings — takes linear time too. Should the pivots
/// keep missing (an adversarial order), a range still unsettled after 64 rounds is sorted,
/// which bounds the worst case at O(n log n), as introselect does (D. R. Musser,
/// "Introspective Sorting and Selection Algorithms", 1997).
///
/// Quantiles interpolate between order statistics exactly as `Statistics.quantile(sorted:_:)`
/// does (Hyndman & Fan's definition 7, pandas' and NumPy's default), so a chart's numbers
/// agree with `describe` and `quantile` to the last bit.
enum OrderStatistics {
    /// The `k`-th smallest value (0-based) of `b[lo..<hi]`, rearranging that range so that
    /// everything before `k` is ≤ it and everything after is ≥ it.
    ///
    /// - Precondition: `lo <= k < hi <= b.count`, and no value is NaN.
    /// - Complexity: O(hi - lo) expected.
    static func select(_ b: UnsafeMutableBufferPointer<Double>, _ k: Int, from lo0: Int, to hi0: Int) -> Double {
        precondition(lo0 <= k && k < hi0 && hi0 <= b.count, "selection index out of range")
        var lo = lo0, hi = hi0 - 1
        var rounds = 0
        while lo < hi {
            rounds += 1
            if rounds > 64 {
                var slice = UnsafeMutableBufferPointer(rebasing: b[lo...hi])
                slice.sort()
                return b[k]
            }
            let a = b[lo], m = b[lo + (hi - lo) / 2], z = b[hi]
            let pivot = max(min(a, m), min(max(a, m), z))
            var lt = lo, i = lo, gt = hi
            while i <= gt {
                let v = b[i]
                if v < pivot { b.swapAt(lt, i); lt += 1; i += 1 } else if v > pivot { b.swapAt(i, gt); gt -= 1 } else { i += 1 }
            }
            if k < lt { hi = lt - 1 } else if k > gt { lo = gt + 1 } else { return pivot }
        }
        return b[k]
    }

    /// Linearly interpolated quantiles of finite values, in the order of `qs`; rearranges `values`.
    ///
    /// ```swift
    /// var x: [Double] = [7, 1, 5, 3]
    /// OrderStatistics.quantiles(&x, [0.25, 0.5, 0.75])   // [2.5, 4, 5.5]
    /// ```
    /// - Precondition: every q is in [0, 1]; `values` holds no NaN.
    /// - Returns: empty when `values` is empty.
    /// - Complexity: O(n × qs.count) expected, O(n) for a fixed handful of quantiles.
    static func quantiles(_ values: inout [Double], _ qs: [Double]) -> [Double] {
        let n = values.count
        guard n > 0 else { return [] }
        // The order statistics needed: ⌊h⌋ and ⌊h⌋ + 1 of each position h = (n - 1) q.
        var needed: [Int] = []
        for q in qs {
            precondition(q >= 0 && q <= 1, "quantile must be in [0, 1]")
            let lo = Int((Double(n - 1) * q).rounded(.down))
            needed.append(lo)
            needed.append(min(lo + 1, n - 1))
        }
        let order = Array(Set(needed)).sorted()
        var found: [Int: Double] = [:]
        values.withUnsafeMutableBufferPointer { b in
            var start = 0
            for k in order {
                // Each selection leaves everything after k at least as large, so the next
                // (larger) index is selected in what remains.
                found[k] = OrderStatistics.select(b, k, from: start, to: n)
                start = k + 1
            }
        }
        return qs.map { q in
            let h = Double(n - 1) * q
            let lo = Int(h.rounded(.down)), hi = min(lo + 1, n - 1)
            let frac = h - Double(lo)
            let a = found[lo] ?? 0, b = found[hi] ?? 0
            return frac == 0 ? a : a + frac * (b - a)
        }
    }
}
