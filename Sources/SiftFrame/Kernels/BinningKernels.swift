// Kernels of bin (fixed-width buckets, decimal-aware) and cut (interval labels from edges).

/// Bucketing kernels.
enum BinningKernels {
    // MARK: - bin

    /// A bin width as an integer count of a decimal unit: `width == units / scale`, with
    /// `scale` a power of ten when the width is a short decimal (0.1 is 1 / 10, 2.5 is 25 / 10),
    /// else `units == width` and `scale == 1`.
    struct DecimalWidth: Sendable {
        let units: Double
        let scale: Double

        init(_ width: Double) {
            for d in 0...15 {
                let s = DecimalRounding.tens[d]
                let u = width * s
                if u == u.rounded() && u < DecimalRounding.integralLimit { units = u; scale = s; return }
            }
            units = width
            scale = 1
        }

        /// The edge of bin `k`, `k * width`, as the double nearest the decimal value.
        @inline(__always)
        func edge(_ k: Double) -> Double { k * units / scale }
    }

    /// `floor(x / width) * width` for doubles, placing a value that prints as a bin edge in the
    /// bin that edge starts: bin edges are the doubles nearest `k × width` computed as decimals,
    /// and a value is compared with them directly, so `bin(0.3, 0.1) == 0.3` (numpy's
    /// `floor(0.3 / 0.1) * 0.1` gives 0.2) and the results print as short decimals.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    static func bin(_ x: Double, _ w: DecimalWidth) -> Double {
        var k = (x * w.scale / w.units).rounded(.down)
        if !k.isFinite { return .nan }
        if x >= w.edge(k + 1) { k += 1 } else if x < w.edge(k) { k -= 1 }
        let r = w.edge(k)
        return r == 0 ? 0 : r
    }

    /// Floored integer bins, `floorDiv(x, w) * w`; the flag reports overflow.
    @inline(__always)
    static func bin(_ x: Int64, _ w: Int64) -> (value: Int64, overflow: Bool) {
        var q = x / w
        if x % w != 0 && (x < 0) != (w < 0) { q -= 1 }
        let r = q.multipliedReportingOverflow(by: w)
        return (r.partialValue, r.overflow)
    }

    // MARK: - cut

    /// The interval index of `x` among increasing `edges`: `j` when `edges[j] < x <= edges[j + 1]`
    /// (right-closed, as pandas' `cut`), or nil outside `(edges[0], edges[last]]`.
    ///
    /// - Complexity: O(log edges).
    @inline(__always)
    static func interval(_ x: Double, _ edges: UnsafeBufferPointer<Double>) -> Int? {
        let m = edges.count
        guard m >= 2, x > edges[0], x <= edges[m - 1] else { return nil }
        // The first edge at or above x; the interval ends there.
        var lo = 1, hi = m - 1
        while lo < hi {
            let mid = (lo + hi) >> 1
            if edges[mid] >= x { hi = mid } else { lo = mid + 1 }
        }
        return lo - 1
    }

    /// The labels pandas gives the intervals of `edges`: `(0, 10]`, `(10, 20]`; when any edge is
    /// a double, every edge is written as one (`(0.0, 2.5]`).
    static func defaultLabels(_ edges: [Scalar]) -> [String] {
        let anyDouble = edges.contains { if case .double = $0 { return true } else { return false } }
        let text = edges.map { e -> String in
            if anyDouble, let v = e.numericValue { return Conversion.formatDouble(v) }
            return Conversion.format(e)
        }
        return (0..<(text.count - 1)).map { "(\(text[$0]), \(text[$0 + 1])]" }
    }

    /// `cut(x, edges, labels)`: a dictionary-encoded string column whose entries are the labels
    /// in interval order (so a code's order is the interval's), null where `x` is null or
    /// outside the edges. Repeated labels share one entry.
    ///
    /// - Complexity: O(rows × log edges), split over the cores.
    static func cut(_ x: Column<Double>, edges: [Double], labels: [String]) -> StringColumn {
        var dict = StringDictionaryBuilder(expected: labels.count)
        let labelCodes = labels.map { dict.code(for: $0) }
        let outside = UInt32.max
        let codes = edges.withUnsafeBufferPointer { e -> Column<UInt32> in
            labelCodes.withUnsafeBufferPointer { lc in
                nonisolated(unsafe) let ep = e, lp = lc
                return ParallelMap.map(x) { v in
                    guard let j = interval(v, ep) else { return outside }
                    return lp[j]
                }
            }
        }
        let n = x.count
        let (inside, clean) = codes.values.withUnsafeBufferPointer { cb -> (Bitmap, [UInt32]) in
            nonisolated(unsafe) let c = cb.baseAddress
            let words = ParallelMap.generate(Bitmap.wordCount(for: n)) { w -> UInt64 in
                guard let c else { return 0 }
                var bits: UInt64 = 0
                for i in (w << 6)..<min(n, (w + 1) << 6) where c[i] != outside { bits |= 1 << UInt64(i & 63) }
                return bits
            }
            let clean = ParallelMap.generate(n) { i -> UInt32 in
                guard let c else { return 0 }
                return c[i] == outside ? 0 : c[i]
            }
            return (Bitmap(words: words, count: n), clean)
        }
        let validity = Bitmap.intersect(x.validity, inside)
        return StringColumn(storage: .dictionary(codes: clean, entries: dict.build()), validity: validity)
    }
}
