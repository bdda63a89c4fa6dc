// String kernels that build new text: replace, substr and concat.

extension StringKernels {
    // MARK: - Replace

    /// Appends `s` with every occurrence of `a` replaced by `b`, scanning left to right without
    /// overlaps (`replace("aaa", "aa", "b") == "ba"`). An empty `a` leaves `s` unchanged, as in
    /// SQL's `replace` (Python would insert `b` between every character).
    static func replaceAll(_ s: UnsafeBufferPointer<UInt8>, _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>,
                           into out: inout StringBytesBuilder) {
        guard let sp = s.baseAddress, let ap = a.baseAddress, a.count > 0, s.count >= a.count else { out.append(s); return }
        var pos = 0
        while s.count - pos >= a.count, let hit = find(sp + pos, s.count - pos, ap, a.count) {
            out.append(UnsafeBufferPointer(start: sp + pos, count: hit))
            out.append(b)
            pos += hit + a.count
        }
        out.append(UnsafeBufferPointer(start: sp + pos, count: s.count - pos))
    }

    /// `replace(s, a, b)` per row. With constant `a` and `b` the work is per distinct string.
    ///
    /// - Complexity: O(bytes) per distinct string with constants; O(rows × length) otherwise.
    static func replace(_ c: StringColumn, _ a: Operand, _ b: Operand, count n: Int) -> StringColumn {
        if case .scalar(.string(let x)) = a, case .scalar(.string(let y)) = b {
            let xa = Array(x.utf8), ya = Array(y.utf8)
            return xa.withUnsafeBufferPointer { xp in
                ya.withUnsafeBufferPointer { yp in transform(c) { s, out in replaceAll(s, xp, yp, into: &out) } }
            }
        }
        guard let ac = column(a, count: n), let bc = column(b, count: n) else { return nullStrings(n) }
        let validity = Bitmap.intersect(c.validity, Bitmap.intersect(ac.validity, bc.validity))
        var out = StringBytesBuilder(count: n, byteCapacity: 0)
        for i in 0..<n {
            if validity?[i] ?? true {
                c.withUTF8(at: i) { s in ac.withUTF8(at: i) { x in bc.withUTF8(at: i) { y in replaceAll(s, x, y, into: &out) } } }
            }
            out.finish()
        }
        return StringColumn(storage: .plain(out.build()), validity: validity)
    }

    /// An all-null string column.
    static func nullStrings(_ n: Int) -> StringColumn {
        if case .string(let c) = AnyColumn.nulls(of: .string, count: n) { return c }
        return StringColumn([String?](repeating: nil, count: n))
    }

    // MARK: - Substring

    /// `a + b`, saturating at Int64's bounds.
    @inline(__always)
    static func saturatingAdd(_ a: Int64, _ b: Int64) -> Int64 {
        let r = a.addingReportingOverflow(b)
        return r.overflow ? (b > 0 ? .max : .min) : r.partialValue
    }

    /// The byte range of `substr(s, start, length)`, counted in Unicode scalars from 1.
    ///
    /// The window is positions `start ..< start + length` intersected with the string's
    /// `1 ... len`, so nothing is ever out of range: `start` 0 is the position before the
    /// first scalar (`substr("hello", 0, 2) == "h"`, PostgreSQL's rule); a negative start
    /// counts from the end (`-1` is the last scalar; `substr("hello", -3, 2) == "ll"`, DuckDB's
    /// rule); a nil length runs to the end; a negative length gives the empty string.
    static func substringRange(_ s: UnsafeBufferPointer<UInt8>, start: Int64, length: Int64?) -> Range<Int> {
        if let length, length <= 0 { return 0..<0 }
        let ascii = isASCII(s)
        let total = Int64(ascii ? s.count : scalarCount(s))
        let first: Int64 = start >= 0 ? start : total + start + 1
        let last: Int64 = length.map { saturatingAdd(first, $0) } ?? total + 1
        let lo = max(first, 1), hi = min(last, total + 1)
        guard hi > lo else { return 0..<0 }
        let from = Int(lo - 1), to = Int(hi - 1)   // scalar indices
        if ascii { return from..<to }
        var byteFrom = s.count, byteTo = s.count, k = -1
        for (j, x) in s.enumerated() where (x & 0xC0) != 0x80 {
            k += 1
            if k == from { byteFrom = j }
            if k == to { byteTo = j; break }
        }
        return byteFrom..<byteTo
    }

    /// `substr(s, start [, length])` per row, in Unicode scalars from 1 (see ``substringRange(_:start:length:)``).
    ///
    /// - Complexity: O(bytes) per distinct string with constant bounds; O(rows × length) otherwise.
    static func substring(_ c: StringColumn, start: Side<Int64>, length: Side<Int64>?, count n: Int) -> StringColumn {
        func cut(_ s: UnsafeBufferPointer<UInt8>, _ st: Int64, _ len: Int64?, _ out: inout StringBytesBuilder) {
            let r = substringRange(s, start: st, length: len)
            if !r.isEmpty, let base = s.baseAddress { out.append(UnsafeBufferPointer(start: base + r.lowerBound, count: r.count)) }
        }
        if case .null = start { return nullStrings(n) }
        if case .null? = length { return nullStrings(n) }
        if case .constant(let st) = start {
            switch length {
            case nil: return transform(c) { s, out in cut(s, st, nil, &out) }
            case .constant(let len)?: return transform(c) { s, out in cut(s, st, len, &out) }
            default: break
            }
        }
        func at(_ side: Side<Int64>, _ i: Int) -> Int64 {
            switch side {
            case .column(let col): return col.values[i]
            case .constant(let v): return v
            case .null: return 0
            }
        }
        let validity = Bitmap.intersect(c.validity, Bitmap.intersect(start.validity(count: n), length?.validity(count: n)))
        var out = StringBytesBuilder(count: n, byteCapacity: 0)
        for i in 0..<n {
            if validity?[i] ?? true {
                c.withUTF8(at: i) { s in cut(s, at(start, i), length.map { at($0, i) }, &out) }
            }
            out.finish()
        }
        return StringColumn(storage: .plain(out.build()), validity: validity)
    }

    // MARK: - Concatenation

    /// One argument of `concat`, as the kernel reads it.
    private enum Piece {
        case bytes([UInt8])
        case strings(StringColumn)
        case ints(Column<Int64>)
    }

    /// The number of decimal digits (and sign) of an integer.
    @inline(__always)
    static func decimalLength(_ v: Int64) -> Int {
        var m = v.magnitude, n = v < 0 ? 2 : 1
        while m >= 10 { m /= 10; n += 1 }
        return n
    }

    /// Writes an integer's decimal digits at `p`, which has room for ``decimalLength(_:)`` bytes.
    @inline(__always)
    static func writeDecimal(_ v: Int64, _ p: UnsafeMutablePointer<UInt8>, _ len: Int) {
        var m = v.magnitude, i = len
        repeat { i -= 1; p[i] = UInt8(truncatingIfNeeded: 48 &+ m % 10); m /= 10 } while m > 0
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

    /// Concatenation row by row, one argument at a time (lengths, then bytes).
    private static func concatRows(_ pieces: [Piece], validity: Bitmap?, count n: Int) -> StringColumn {
        var lengths = [Int](repeating: 0, count: n)
        let valid: (Int) -> Bool = { i in validity?[i] ?? true }
        for p in pieces {
            switch p {
            case .bytes(let b):
                for i in 0..<n where valid(i) { lengths[i] += b.count }
            case .ints(let c):
                c.values.withUnsafeBufferPointer { v in for i in 0..<n where valid(i) { lengths[i] += decimalLength(v[i]) } }
            case .strings(let c):
                for i in 0..<n where valid(i) { lengths[i] += c.withUTF8(at: i) { $0.count } }
            }
        }
        var offsets = [Int](repeating: 0, count: n + 1)
        for i in 0..<n { offsets[i + 1] = offsets[i] + lengths[i] }
        let total = offsets[n]
        var cursor = Array(offsets.prefix(n))
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { buf, initialized in
            guard let dst = buf.baseAddress else { initialized = 0; return }
            for p in pieces {
                switch p {
                case .bytes(let b):
                    guard !b.isEmpty else { continue }
                    b.withUnsafeBufferPointer { src in
                        for i in 0..<n where valid(i) {
                            (dst + cursor[i]).update(from: src.baseAddress!, count: src.count)
                            cursor[i] += src.count
                        }
                    }
                case .ints(let c):
                    c.values.withUnsafeBufferPointer { v in
                        for i in 0..<n where valid(i) {
                            let len = decimalLength(v[i])
                            writeDecimal(v[i], dst + cursor[i], len)
                            cursor[i] += len
                        }
                    }
                case .strings(let c):
                    for i in 0..<n where valid(i) {
                        c.withUTF8(at: i) { s in
                            if let sp = s.baseAddress, s.count > 0 { (dst + cursor[i]).update(from: sp, count: s.count) }
                            cursor[i] += s.count
                        }
                    }
                }
            }
            initialized = total
        }
        return StringColumn(storage: .plain(StringArray(offsets: offsets, bytes: bytes)), validity: validity)
    }
}
