// Elementwise maps over typed buffers split across cores, and the rule that non-finite doubles become null.

/// One-input elementwise kernels for the scalar function families (`year`, `round`, `len`, ...).
///
/// Each output slot is written by exactly one chunk of ``Parallel/forEachChunk(count:grain:_:)``,
/// so results never depend on the number of cores. Null slots are mapped too (their values are
/// unspecified but deterministic); callers keep the input's validity.
enum ParallelMap {
    /// `n` values where slot `i` is `f(i)`, computed in parallel chunks.
    ///
    /// - Complexity: O(n) work, split over the cores when `n` is large.
    static func generate<R>(_ n: Int, _ f: @Sendable (Int) -> R) -> [R] {
        if n == 0 { return [] }
        return [R](unsafeUninitializedCapacity: n) { buf, initialized in
            nonisolated(unsafe) let dst = buf.baseAddress!
            Parallel.forEachChunk(count: n) { r in
                for i in r { (dst + i).initialize(to: f(i)) }
            }
            initialized = n
        }
    }

    /// `f` applied to every slot of a column; the validity is kept.
    ///
    /// - Complexity: O(count), split over the cores when the column is long.
    static func map<T: ColumnElement, R: ColumnElement>(_ c: Column<T>, _ f: @Sendable (T) -> R) -> Column<R> {
        let vals = c.values.withUnsafeBufferPointer { src -> [R] in
            nonisolated(unsafe) let s = src.baseAddress
            return generate(c.count) { i in f(s![i]) }
        }
        return Column(values: vals, validity: c.validity)
    }

    /// `f` applied to one side over `n` rows: a constant maps once, null stays null.
    static func map<T: ColumnElement, R: ColumnElement>(_ side: Side<T>, count n: Int, _ f: @Sendable (T) -> R) -> Column<R> {
        switch side {
        case .column(let c): return map(c, f)
        case .constant(let v): return Column(values: [R](repeating: f(v), count: n))
        case .null: return Column(values: [R](repeating: R.zero, count: n), validity: Bitmap(repeating: false, count: n))
        }
    }

    /// `table[codes[i]]` for every row, where codes past the table (null rows of a dictionary
    /// column hold unspecified codes) give `R.zero`.
    ///
    /// - Complexity: O(codes.count), split over the cores.
    static func lookup<R: ColumnElement>(_ table: [R], _ codes: [UInt32]) -> [R] {
        table.withUnsafeBufferPointer { t in
            codes.withUnsafeBufferPointer { c in
                nonisolated(unsafe) let tp = t.baseAddress, cp = c.baseAddress
                let m = t.count
                return generate(c.count) { i in
                    let k = Int(cp![i])
                    return k < m ? tp![k] : R.zero
                }
            }
        }
    }
}

extension Column where T == Double {
    /// The column with NaN and ±infinity turned into nulls: results of the math functions that
    /// would be undefined (`sqrt(-1)`) or overflow (`exp(1000)`) are missing, never stored.
    ///
    /// - Complexity: O(count); no allocation when every value is finite.
    func nonFiniteAsNull() -> Column<Double> {
        let allFinite = values.withUnsafeBufferPointer { v -> Bool in
            var ok = true
            for x in v { ok = ok && x.isFinite }
            return ok
        }
        if allFinite { return self }
        let finite = Bitmap(count: count) { w in
            values.withUnsafeBufferPointer { v in
                for i in 0..<v.count where v[i].isFinite { w[i >> 6] |= 1 << UInt64(i & 63) }
            }
        }
        return Column(values: values, validity: Bitmap.intersect(validity, finite))
    }
}
