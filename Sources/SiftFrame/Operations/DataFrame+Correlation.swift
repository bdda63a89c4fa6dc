// Pearson correlation matrices over numeric columns, using pairwise-complete observations as pandas does.

extension DataFrame {
    /// The Pearson correlation of every pair of the named numeric columns (all int and double
    /// columns when `columns` is nil or empty), as a matrix frame: a string column `column`
    /// naming the row's variable, then one double column per variable.
    ///
    /// Each pair uses the rows where both columns have a value (pairwise-complete
    /// observations, pandas' `DataFrame.corr()` default), so one column's nulls do not remove
    /// rows from the other pairs. The coefficient is computed in two passes (means first, then
    /// the sums of products of deviations: r = Σ(x−x̄)(y−ȳ) / √(Σ(x−x̄)² Σ(y−ȳ)²); Pearson 1896,
    /// in the centred form that avoids the cancellation of the raw-moment formula), clamped to
    /// [−1, 1]. The diagonal is exactly 1. A pair with fewer than two common rows, or where
    /// either column is constant over the common rows, gives null — where pandas gives NaN,
    /// which Sift's columns never hold.
    ///
    /// ```swift
    /// let m = try clicks.correlation(of: ["price", "page", "order"])
    /// // column  price  page  order
    /// ```
    /// - Parameter columns: the variables, in the order the matrix shows them.
    /// - Returns: a k × (k + 1) frame for k variables.
    /// - Throws: ``FrameError/columnNotFound(name:available:)`` for an unknown column,
    ///   ``FrameError/typeMismatch(_:)`` for a non-numeric one, ``FrameError/invalidArgument(_:)``
    ///   for a column named twice or a variable called `column`.
    /// - Complexity: O(k² × rows). Columns without nulls are summed together in one blocked
    ///   pass; each pair involving a column with nulls makes its own pass. Both split across cores.
    public func correlation(of columns: [String]? = nil) throws -> DataFrame {
        let names = (columns?.isEmpty ?? true) ? schema.filter { $0.type.isNumeric }.map(\.name) : columns ?? []
        var vars: [Column<Double>] = []
        for (i, name) in names.enumerated() {
            let type = try self.type(of: name)
            guard type.isNumeric else {
                throw FrameError.typeMismatch("cannot correlate \(type) column '\(name)'; corr needs int or double columns")
            }
            if names[..<i].contains(name) { throw FrameError.invalidArgument("column '\(name)' is named twice") }
            if name == "column" { throw FrameError.invalidArgument("cannot correlate a variable called 'column' (the matrix's name column); rename it first") }
            guard case .double(let x) = try Conversion.cast(try column(named: name), to: .double) else { preconditionFailure("cast to double") }
            vars.append(x)
        }
        let k = vars.count
        var r = [Double?](repeating: nil, count: k * k)
        // Columns without nulls share their rows: one blocked pass gives all their pairs.
        let full = (0..<k).filter { vars[$0].validity == nil }
        let fullPairs = Correlation.gram(full.map { vars[$0] }, rows: rowCount)
        for (a, i) in full.enumerated() {
            for (b, j) in full.enumerated() where b <= a {
                r[i * k + j] = fullPairs[a * full.count + b]
                r[j * k + i] = fullPairs[a * full.count + b]
            }
        }
        // Pairs with a null-bearing column use their own common rows.
        var pairs: [(Int, Int)] = []
        for i in 0..<k { for j in 0...i where vars[i].validity != nil || vars[j].validity != nil { pairs.append((i, j)) } }
        let columnsByIndex = vars, pairList = pairs
        r.withUnsafeMutableBufferPointer { buf in
            nonisolated(unsafe) let out = buf
            let work = { @Sendable (p: Int) in
                let vars = columnsByIndex, pairs = pairList
                let (i, j) = pairs[p]
                let v = Correlation.pearson(vars[i], vars[j], same: i == j)
                out[i * k + j] = v
                out[j * k + i] = v
            }
            if rowCount * pairs.count < 1 << 18 {
                for p in pairs.indices { work(p) }
            } else {
                Parallel.forEach(pairs.count, work)
            }
        }
        var cols: [(String, AnyColumn)] = [("column", .string(StringColumn(names.map { Optional($0) })))]
        for j in 0..<k { cols.append((names[j], .double(Column((0..<k).map { r[$0 * k + j] })))) }
        return try DataFrame(columns: cols)
    }
}

/// The correlation kernel.
enum Correlation {
    /// Pearson's r over the rows where both columns are valid; nil for fewer than two such rows
    /// or a constant column. With `same`, x and y are one column and the result is exactly 1.
    ///
    /// Sums run in a fixed order (four interleaved lanes without nulls, row order with them),
    /// so results are reproducible to the last digit.
    ///
    /// - Complexity: O(rows), two passes.
    static func pearson(_ x: Column<Double>, _ y: Column<Double>, same: Bool) -> Double? {
        precondition(x.count == y.count, "columns differ in length")
        return x.values.withUnsafeBufferPointer { xs in
            y.values.withUnsafeBufferPointer { ys in
                guard let mask = Bitmap.intersect(x.validity, y.validity) else { return coefficient(xs, ys, same: same) }
                return maskedCoefficient(xs, ys, mask, same: same)
            }
        }
    }

    /// r over the rows set in `mask`, in the same two passes as ``coefficient(_:_:same:)`` but
    /// reading the rows in place (no packed copy), one validity word at a time.
    static func maskedCoefficient(_ x: UnsafeBufferPointer<Double>, _ y: UnsafeBufferPointer<Double>, _ mask: Bitmap,
                                  same: Bool) -> Double? {
        let n = mask.setCount
        guard n >= 2 else { return nil }
        var sx = 0.0, sy = 0.0
        var xlo = Double.infinity, xhi = -Double.infinity, ylo = Double.infinity, yhi = -Double.infinity
        forEachSet(mask) { i in
            let a = x[i], b = y[i]
            sx += a; sy += b
            xlo = Swift.min(xlo, a); xhi = Swift.max(xhi, a); ylo = Swift.min(ylo, b); yhi = Swift.max(yhi, b)
        }
        guard xlo != xhi, ylo != yhi else { return nil }
        let mx = sx / Double(n), my = sy / Double(n)
        var sxx = 0.0, syy = 0.0, sxy = 0.0
        forEachSet(mask) { i in
            let dx = x[i] - mx, dy = y[i] - my
            sxx += dx * dx; syy += dy * dy; sxy += dx * dy
        }
        return finish(sxx: sxx, syy: syy, sxy: sxy, same: same)
    }

    /// Calls `body` with every set row of a mask, in order (full words in a plain loop).
    @inline(__always) static func forEachSet(_ mask: Bitmap, _ body: (Int) -> Void) {
        let n = mask.count
        mask.words.withUnsafeBufferPointer { words in
            for wi in 0..<words.count {
                let w = words[wi]
                if w == 0 { continue }
                let base = wi << 6
                if w == ~0 {
                    for i in base..<(base + 64) { body(i) }
                } else {
                    for b in 0..<Swift.min(64, n - base) where (w >> UInt64(b)) & 1 == 1 { body(base + b) }
                }
            }
        }
    }

    /// r from the sums of squared and multiplied deviations; nil for a zero or overflowing
    /// variance. The divisor is √(Σdx² Σdy²) as pandas computes it (exact for perfectly
    /// correlated integers), with separate roots only when the product overflows.
    static func finish(sxx: Double, syy: Double, sxy: Double, same: Bool) -> Double? {
        guard sxx > 0, syy > 0, sxx.isFinite, syy.isFinite else { return nil }
        if same { return 1 }
        let product = sxx * syy
        let r = sxy / (product.isFinite ? product.squareRoot() : sxx.squareRoot() * syy.squareRoot())
        guard r.isFinite else { return nil }
        return Swift.min(1, Swift.max(-1, r))
    }

    /// r of two equally long, fully valid buffers.
    static func coefficient(_ x: UnsafeBufferPointer<Double>, _ y: UnsafeBufferPointer<Double>, same: Bool) -> Double? {
        let n = x.count
        guard n >= 2, !isConstant(x), !isConstant(y) else { return nil }
        let mx = Statistics.sum(x) / Double(n), my = Statistics.sum(y) / Double(n)
        var a = (0.0, 0.0, 0.0, 0.0), b = (0.0, 0.0, 0.0, 0.0), c = (0.0, 0.0, 0.0, 0.0)
        var i = 0
        while i + 4 <= n {
            let dx0 = x[i] - mx, dx1 = x[i + 1] - mx, dx2 = x[i + 2] - mx, dx3 = x[i + 3] - mx
            let dy0 = y[i] - my, dy1 = y[i + 1] - my, dy2 = y[i + 2] - my, dy3 = y[i + 3] - my
            a.0 += dx0 * dx0; a.1 += dx1 * dx1; a.2 += dx2 * dx2; a.3 += dx3 * dx3
            b.0 += dy0 * dy0; b.1 += dy1 * dy1; b.2 += dy2 * dy2; b.3 += dy3 * dy3
            c.0 += dx0 * dy0; c.1 += dx1 * dy1; c.2 += dx2 * dy2; c.3 += dx3 * dy3
            i += 4
        }
        while i < n {
            let dx = x[i] - mx, dy = y[i] - my
            a.0 += dx * dx; b.0 += dy * dy; c.0 += dx * dy
            i += 1
        }
        return finish(sxx: (a.0 + a.1) + (a.2 + a.3), syy: (b.0 + b.1) + (b.2 + b.3), sxy: (c.0 + c.1) + (c.2 + c.3), same: same)
    }

    /// Whether every value equals the first (checked exactly, since a mean of equal values
    /// need not equal them and would leave tiny nonzero deviations).
    static func isConstant(_ x: UnsafeBufferPointer<Double>) -> Bool {
        guard let first = x.first else { return true }
        for v in x where v != first { return false }
        return true
    }

    /// Rows per block of ``gram(_:rows:)``: the block of every column stays in cache while all
    /// pairs are summed over it.
    static let blockRows = 2048

    /// r of every pair of equally long, fully valid columns (`result[a * k + b]`), from one pass
    /// over the data: each column is centred on its mean, and the products of deviations are
    /// summed block by block (blocks in parallel), the block sums then added in block order.
    /// The order of summation depends only on the row count, never on the number of cores.
    ///
    /// - Complexity: O(k² × rows) arithmetic, O(k × rows) memory traffic.
    static func gram(_ columns: [Column<Double>], rows n: Int) -> [Double?] {
        let k = columns.count
        var out = [Double?](repeating: nil, count: k * k)
        guard k > 0, n >= 2 else { return out }
        let means = columns.map { c in c.values.withUnsafeBufferPointer { Statistics.sum($0) / Double(n) } }
        let constant = columns.map { c in c.values.withUnsafeBufferPointer { isConstant($0) } }
        let blocks = (n + blockRows - 1) / blockRows
        let pairCount = k * (k + 1) / 2
        var partial = [Double](repeating: 0, count: blocks * pairCount)
        partial.withUnsafeMutableBufferPointer { buf in
            nonisolated(unsafe) let sums = buf
            let cols = columns
            Parallel.forEachChunk(count: blocks, grain: 8) { range in
                var centred = [Double](repeating: 0, count: k * blockRows)
                centred.withUnsafeMutableBufferPointer { c in
                    for block in range {
                        let lo = block * blockRows, m = Swift.min(n, lo + blockRows) - lo
                        for (a, col) in cols.enumerated() {
                            col.values.withUnsafeBufferPointer { v in
                                for i in 0..<m { c[a * blockRows + i] = v[lo + i] - means[a] }
                            }
                        }
                        var p = block * pairCount
                        for a in 0..<k {
                            for b in 0...a {
                                sums[p] = dot(UnsafeBufferPointer(rebasing: c[(a * blockRows)..<(a * blockRows + m)]),
                                              UnsafeBufferPointer(rebasing: c[(b * blockRows)..<(b * blockRows + m)]))
                                p += 1
                            }
                        }
                    }
                }
            }
        }
        var total = [Double](repeating: 0, count: pairCount)
        for block in 0..<blocks { for p in 0..<pairCount { total[p] += partial[block * pairCount + p] } }
        func s(_ a: Int, _ b: Int) -> Double { total[a * (a + 1) / 2 + b] }
        for a in 0..<k where !constant[a] {
            for b in 0...a where !constant[b] {
                out[a * k + b] = finish(sxx: s(a, a), syy: s(b, b), sxy: s(a, b), same: a == b)
                out[b * k + a] = out[a * k + b]
            }
        }
        return out
    }

    /// Σ x·y in four interleaved lanes.
    @inline(__always) static func dot(_ x: UnsafeBufferPointer<Double>, _ y: UnsafeBufferPointer<Double>) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        let n = x.count
        var i = 0
        while i + 4 <= n {
            s0 += x[i] * y[i]; s1 += x[i + 1] * y[i + 1]; s2 += x[i + 2] * y[i + 2]; s3 += x[i + 3] * y[i + 3]
            i += 4
        }
        while i < n { s0 += x[i] * y[i]; i += 1 }
        return (s0 + s1) + (s2 + s3)
    }
}
