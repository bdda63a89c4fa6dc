// The concat kernel: arguments formatted as text and joined per row, built a column at a time.

extension StringKernels {
    // MARK: - Concatenation

    /// One argument of `concat`, as the kernel reads it.
    private enum Piece {
        case bytes([UInt8])
        case strings(StringColumn)
        case ints(Column<Int64>)
    }

    /// The number of decimal digits (and sign) of an integer: below 100,000 (years, months,
    /// counts) four independent comparisons summed without branches; beyond, a loop.
    @inline(__always)
    static func decimalLength(_ v: Int64) -> Int {
        @inline(__always) func one(_ b: Bool) -> Int { Int(unsafeBitCast(b, to: UInt8.self)) }
        let m = v.magnitude
        var n: Int
        if m < 100_000 {
            n = 1 &+ one(m >= 10) &+ one(m >= 100) &+ one(m >= 1000) &+ one(m >= 10_000)
        } else {
            n = 6
            var p: UInt64 = 1_000_000
            while n < 19 && m >= p { n += 1; p &*= 10 }
            if n == 19 && m >= p { n = 20 }
        }
        return v < 0 ? n + 1 : n
    }

    /// Writes an integer's decimal digits at `p`, which has room for ``decimalLength(_:)`` bytes:
    /// two digits per division by 100, the pair split with a multiply-shift (`r * 205 >> 11`
    /// is `r / 10` for every `r` below 1029).
    @inline(__always)
    static func writeDecimal(_ v: Int64, _ p: UnsafeMutablePointer<UInt8>, _ len: Int) {
        var m = v.magnitude, i = len
        while m >= 100 {
            let q = m / 100
            let r = m &- q &* 100
            let tens = (r &* 205) >> 11
            i -= 2
            p[i] = UInt8(truncatingIfNeeded: 48 &+ tens)
            p[i + 1] = UInt8(truncatingIfNeeded: 48 &+ r &- tens &* 10)
            m = q
        }
        if m >= 10 {
            let tens = (m &* 205) >> 11
            i -= 2
            p[i] = UInt8(truncatingIfNeeded: 48 &+ tens)
            p[i + 1] = UInt8(truncatingIfNeeded: 48 &+ m &- tens &* 10)
        } else {
            i -= 1
            p[i] = UInt8(truncatingIfNeeded: 48 &+ m)
        }
        if v < 0 { p[0] = 45 }
    }

    /// `concat(a, b, ...)` per row: every argument formatted as `str` formats it (ints in
    /// decimal, doubles in shortest round-trip form, timestamps as `YYYY-MM-DD HH:MM:SS`), then
    /// joined. A row is null when any argument is null there (as `||` in SQL, and pandas' `+`
    /// on strings); wrap an argument in `coalesce(x, "")` to skip its nulls instead.
    ///
    /// The output is built a column at a time: each argument adds its byte lengths per row,
    /// the sums become offsets, and each argument then copies its bytes into place, split over
    /// the cores. A single dictionary column with constants around it is done per entry.
    ///
    /// - Complexity: O(rows × arguments + output bytes).
    static func concat(_ args: [Operand], count n: Int) -> StringColumn {
        var validity: Bitmap? = nil
        for a in args {
            switch a {
            case .scalar(.null): return nullStrings(n)
            case .column(let c): validity = Bitmap.intersect(validity, c.validity)
            default: break
            }
        }
        let pieces: [Piece] = args.map { a in
            switch a {
            case .scalar(let s): return .bytes(Array(Conversion.format(s).utf8))
            case .column(.string(let c)): return .strings(c)
            case .column(.int(let c)): return .ints(c)
            case .column(let c): return .strings(Conversion.format(c))
            case .list(let items): return .bytes(Array(items.map(Conversion.format).joined(separator: ", ").utf8))
            }
        }
        let columns = pieces.filter { if case .bytes = $0 { return false } else { return true } }
        if columns.count == 1, case .strings(let c) = columns[0], case .dictionary = c.storage {
            return concatPerEntry(pieces, c)
        }
        return concatRows(pieces, validity: validity, count: n)
    }

    /// Concatenation when the only column is a dictionary string column: per entry.
    private static func concatPerEntry(_ pieces: [Piece], _ c: StringColumn) -> StringColumn {
        transform(c) { s, out in
            for p in pieces {
                switch p {
                case .bytes(let b): b.withUnsafeBufferPointer { out.append($0) }
                default: out.append(s)
                }
            }
        }
    }

    /// A piece of a concatenation as the row loops read it.
    private enum PieceView {
        case bytes(UnsafeBufferPointer<UInt8>)
        case strings(StringColumnView)
        case ints(UnsafePointer<Int64>)
    }

    /// The views of all pieces, for the row loops: read-only pointers, valid inside `withViews`,
    /// held in a raw buffer so the row loops touch no reference count (an array's would be
    /// retained per row by both threads).
    private struct PieceViews: @unchecked Sendable {
        let views: UnsafeBufferPointer<PieceView>
    }

    /// Opens the storage of every piece in turn (each in its own scope) and calls `body` with
    /// all the views at once.
    private static func withViews<R>(_ pieces: ArraySlice<Piece>, _ acc: [PieceView], _ body: (PieceViews) -> R) -> R {
        guard let p = pieces.first else {
            let buffer = UnsafeMutableBufferPointer<PieceView>.allocate(capacity: acc.count)
            _ = buffer.initialize(from: acc)
            defer { buffer.deallocate() }
            return body(PieceViews(views: UnsafeBufferPointer(buffer)))
        }
        let rest = pieces.dropFirst()
        switch p {
        case .bytes(let b): return b.withUnsafeBufferPointer { withViews(rest, acc + [.bytes($0)], body) }
        case .strings(let c): return StringColumnView.with(c) { withViews(rest, acc + [.strings($0)], body) }
        case .ints(let c):
            return c.values.withUnsafeBufferPointer { vb in
                // Concatenation of no rows never reaches the row loops.
                guard let base = vb.baseAddress else { return withViews(rest, acc + [.bytes(UnsafeBufferPointer(start: nil, count: 0))], body) }
                return withViews(rest, acc + [.ints(base)], body)
            }
        }
    }

    /// Concatenation row by row: a parallel pass puts each row's length in the offsets, they
    /// are summed, and a second parallel pass writes each row's pieces in place. Null rows get
    /// no bytes.
    private static func concatRows(_ pieces: [Piece], validity: Bitmap?, count n: Int) -> StringColumn {
        let mask: [Bool] = validity.map { v in ParallelMap.generate(n) { v[$0] } } ?? []
        return mask.withUnsafeBufferPointer { mb in
            nonisolated(unsafe) let valid = validity == nil ? nil : mb.baseAddress   // nil: every row is valid
            return withViews(pieces[...], []) { pv in
                var offsets = [Int](repeating: 0, count: n + 1)
                offsets.withUnsafeMutableBufferPointer { ob in
                    nonisolated(unsafe) let op = ob.baseAddress
                    Parallel.forEachChunk(count: n) { r in
                        guard let op else { return }
                        for i in r where valid?[i] ?? true {
                            var len = 0
                            for p in pv.views {
                                switch p {
                                case .bytes(let b): len += b.count
                                case .strings(let sv): len += sv[i].count
                                case .ints(let v): len += decimalLength(v[i])
                                }
                            }
                            op[i + 1] = len
                        }
                    }
                    for i in 0..<n { ob[i + 1] += ob[i] }
                }
                let total = offsets[n]
                let bytes = [UInt8](unsafeUninitializedCapacity: total) { buf, initialized in
                    nonisolated(unsafe) let dst = buf.baseAddress
                    offsets.withUnsafeBufferPointer { ob in
                        nonisolated(unsafe) let op = ob.baseAddress
                        Parallel.forEachChunk(count: n) { r in
                            guard let dst, let op else { return }
                            for i in r where valid?[i] ?? true {
                                var out = dst + op[i]
                                for p in pv.views {
                                    switch p {
                                    case .bytes(let b):
                                        if let bp = b.baseAddress, b.count > 0 { copy(out, bp, b.count); out += b.count }
                                    case .strings(let sv):
                                        let s = sv[i]
                                        if let sp = s.baseAddress, s.count > 0 { copy(out, sp, s.count); out += s.count }
                                    case .ints(let v):
                                        let k = decimalLength(v[i])
                                        writeDecimal(v[i], out, k)
                                        out += k
                                    }
                                }
                            }
                        }
                    }
                    initialized = total
                }
                return StringColumn(storage: .plain(StringArray(offsets: offsets, bytes: bytes)), validity: validity)
            }
        }
    }
}
