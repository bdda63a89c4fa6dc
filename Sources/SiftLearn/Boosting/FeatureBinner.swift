// Quantile binning of features into at most 255 bins plus a missing-value slot (UInt8 codes) for histogram boosting.
import SiftFrame

/// Bins every feature once before boosting, as LightGBM, XGBoost's `hist` and scikit-learn's
/// `HistGradientBoosting*` do, so that split finding works on 256-slot histograms.
///
/// A feature with at most `maxBins` distinct values gets one bin per value, with edges at the
/// midpoints between neighbours (so boosting then splits exactly where CART would). Otherwise
/// the edges are midpoints at the `k / maxBins` quantiles of the values (k = 1 … maxBins − 1),
/// scikit-learn's `_find_binning_thresholds` rule, with repeated edges dropped; heavy ties
/// therefore give fewer bins. A value `v` falls in bin `b` = the number of edges `< v`, so
/// "bin ≤ b" is exactly "v ≤ edges[b]". NaN goes to slot 255, the missing bin.
enum FeatureBinner {
    /// The slot of missing values.
    static let missingSlot = 255

    /// Bins the column-major `values` (`rowCount` per feature; NaN = missing).
    ///
    /// - Precondition: `1 <= maxBins <= 255`.
    /// - Complexity: O(p · n) (one radix sort per feature), the features over the cores.
    static func bin(_ values: UnsafeBufferPointer<Double>, rowCount n: Int, featureCount p: Int, maxBins: Int) -> FeatureCodes<UInt8> {
        precondition(maxBins >= 1 && maxBins <= 255, "at most 255 bins fit a byte beside the missing slot")
        let storage = CodeStorage([UInt8](repeating: UInt8(missingSlot), count: n * p))
        nonisolated(unsafe) let base = values.baseAddress
        let edges = RadixSorter.perFeature(p, rows: n) { f, sorter -> [Double] in
            let col = base! + f * n, cv = storage.base + f * n
            // NaN sorts after every number under orderedBits, so the present values come first.
            let (keys, order) = sorter.sort(count: n) { col[$0].isNaN ? UInt64.max : orderedBits(col[$0]) }
            var present = 0
            while present < n && keys[present] != UInt64.max { present += 1 }
            var distinct: [Double] = []
            var last: UInt64? = nil
            for k in 0..<present where keys[k] != last { distinct.append(col[Int(order[k])] + 0.0); last = keys[k] }
            var e: [Double] = []
            if distinct.count <= maxBins {
                for k in 1..<max(1, distinct.count) { e.append(midpoint(distinct[k - 1], distinct[k])) }
            } else {
                for q in 1..<maxBins {
                    let pos = Int((Double(present) * Double(q) / Double(maxBins)).rounded(.down))
                    guard pos > 0 && pos < present else { continue }
                    let a = col[Int(order[pos - 1])], b = col[Int(order[pos])]
                    guard a != b else { continue }
                    let m = midpoint(a, b)
                    if e.last.map({ m > $0 }) ?? true { e.append(m) }
                }
            }
            // Assign bins along the sorted order: the bin index only grows.
            var bin = 0
            for k in 0..<present {
                let i = Int(order[k]), v = col[i]
                while bin < e.count && e[bin] < v { bin += 1 }
                cv[i] = UInt8(bin)
            }
            return e
        }
        return FeatureCodes(rowCount: n, storage: storage, binCounts: edges.map { $0.count + 1 },
                            slotCounts: [Int](repeating: 256, count: p), missingSlot: missingSlot,
                            splitValues: edges, isExact: false)
    }

    /// The midpoint of `a < b`, or `a` when it rounds up to `b` (then "≤ a" still separates them).
    @inline(__always) static func midpoint(_ a: Double, _ b: Double) -> Double {
        let m = a / 2 + b / 2
        return m < b ? m : a
    }
}
