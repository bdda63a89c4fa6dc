// String kernels that edit text: replace (whole-buffer scans) and substr (windows in Unicode scalars).

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
            if case .plain(let arr) = c.storage {
                return StringColumn(storage: .plain(replacePlain(arr, xa, ya)), validity: c.validity)
            }
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

    /// Calls `body(row, offset)` for each hit of a non-empty needle inside the rows `r` of an
    /// array, scanning the rows' bytes as one buffer, left to right without overlaps; a hit
    /// that runs past its row's end is skipped.
    @inline(__always)
    static func forEachHit(_ v: StringArrayView, _ base: UnsafePointer<UInt8>, _ k: UnsafePointer<UInt8>, _ m: Int,
                           rows r: Range<Int>, _ body: (_ row: Int, _ offset: Int) -> Void) {
        var row = r.lowerBound
        var s = v.offsets[row]
        let end = v.offsets[r.upperBound]
        while end - s >= m, let hit = find(base + s, end - s, k, m) {
            let h = s + hit
            while v.offsets[row + 1] <= h { row += 1 }
            let rowEnd = v.offsets[row + 1]
            if h + m <= rowEnd { body(row, h); s = h + m } else { s = rowEnd }
        }
    }

    /// `replace` over a whole plain array without a pass per row: the hits of each chunk of
    /// rows are counted in the chunk's bytes, the counts give the new offsets, and each chunk
    /// then copies its bytes with the replacements into place, both passes split over the
    /// cores. With no hit the array is returned as it is, sharing its storage.
    ///
    /// - Complexity: O(bytes).
    static func replacePlain(_ a: StringArray, _ x: [UInt8], _ y: [UInt8]) -> StringArray {
        let n = a.count, m = x.count, growth = y.count - x.count
        guard m > 0, n > 0 else { return a }
        return StringArrayView.with(a) { v in
            x.withUnsafeBufferPointer { xb in
                y.withUnsafeBufferPointer { yb in
                    guard let base = v.bytes, let xp = xb.baseAddress else { return a }
                    nonisolated(unsafe) let src = base, key = xp, rep = yb
                    if growth == 0, let yp = yb.baseAddress {
                        return sameLengthReplace(a, v, src, key, yp, m)
                    }
                    var hits = [Int](repeating: 0, count: n)
                    hits.withUnsafeMutableBufferPointer { hb in
                        nonisolated(unsafe) let h = hb.baseAddress
                        Parallel.forEachChunk(count: n) { r in
                            guard let h else { return }
                            forEachHit(v, src, key, m, rows: r) { row, _ in h[row] += 1 }
                        }
                    }
                    var offsets = [Int](repeating: 0, count: n + 1)
                    var totalHits = 0
                    for i in 0..<n {
                        offsets[i + 1] = offsets[i] + (v.offsets[i + 1] - v.offsets[i]) + hits[i] * growth
                        totalHits += hits[i]
                    }
                    if totalHits == 0 { return a }
                    let total = offsets[n]
                    let bytes = [UInt8](unsafeUninitializedCapacity: total) { buf, initialized in
                        nonisolated(unsafe) let dst = buf.baseAddress
                        offsets.withUnsafeBufferPointer { ob in
                            nonisolated(unsafe) let op = ob.baseAddress
                            Parallel.forEachChunk(count: n) { r in
                                guard let dst, let op else { return }
                                var out = dst + op[r.lowerBound]
                                var copied = v.offsets[r.lowerBound]
                                forEachHit(v, src, key, m, rows: r) { _, h in
                                    if h > copied { out.initialize(from: src + copied, count: h - copied); out += h - copied }
                                    if let rp = rep.baseAddress, rep.count > 0 { out.initialize(from: rp, count: rep.count); out += rep.count }
                                    copied = h + m
                                }
                                let end = v.offsets[r.upperBound]
                                if end > copied { out.initialize(from: src + copied, count: end - copied) }
                            }
                        }
                        initialized = total
                    }
                    return StringArray(offsets: offsets, bytes: bytes)
                }
            }
        }
    }

    /// `replace` where the replacement is as long as the needle: the offsets stay, the bytes
    /// are copied (a byte map when both are one byte), and the hits overwritten in place.
    private static func sameLengthReplace(_ a: StringArray, _ v: StringArrayView, _ src: UnsafePointer<UInt8>,
                                          _ key: UnsafePointer<UInt8>, _ rep: UnsafePointer<UInt8>, _ m: Int) -> StringArray {
        let n = a.count, total = a.bytes.count
        nonisolated(unsafe) let s = src, k = key, y = rep
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { buf, initialized in
            nonisolated(unsafe) let dst = buf.baseAddress
            if m == 1 {
                let from = k[0], to = y[0]
                Parallel.forEachChunk(count: total, grain: 1 << 18) { r in
                    guard let dst else { return }
                    for i in r { let b = s[i]; dst[i] = b == from ? to : b }
                }
            } else {
                Parallel.forEachChunk(count: n) { r in
                    guard let dst else { return }
                    let lo = v.offsets[r.lowerBound], hi = v.offsets[r.upperBound]
                    if hi > lo { (dst + lo).initialize(from: s + lo, count: hi - lo) }
                    forEachHit(v, s, k, m, rows: r) { _, h in (dst + h).update(from: y, count: m) }
                }
            }
            initialized = total
        }
        return StringArray(offsets: a.offsets, bytes: bytes)
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
    static func substringRange(_ s: UnsafeBufferPointer<UInt8>, start: Int64, length: Int64?, ascii known: Bool = false) -> Range<Int> {
        if let length, length <= 0 { return 0..<0 }
        let ascii = known || isASCII(s)
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
            var len: Int64?? = nil
            switch length {
            case nil: len = .some(nil)
            case .constant(let l)?: len = .some(l)
            default: break
            }
            if let len {
                if case .plain(let a) = c.storage {
                    let ascii = a.bytes.withUnsafeBufferPointer { isASCII($0) }
                    if ascii, st > 0 {
                        // Byte positions are character positions: the window is arithmetic.
                        let from = Int(clamping: st - 1), count = len.map { Int(clamping: $0) }
                        return StringColumn(storage: .plain(slicedASCII(a, from: from, count: count)), validity: c.validity)
                    }
                    return StringColumn(storage: .plain(sliced(a) { substringRange($0, start: st, length: len, ascii: ascii) }), validity: c.validity)
                }
                return transform(c) { s, out in cut(s, st, len, &out) }
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

    /// A new array holding one byte range of each string: each row's range length goes into
    /// the offsets, which are summed, and a second parallel pass finds the range again and
    /// copies its bytes into place (recomputing is cheaper than storing a range per row).
    ///
    /// - Complexity: O(rows + bytes examined by `range`).
    static func sliced(_ a: StringArray, _ range: @Sendable (UnsafeBufferPointer<UInt8>) -> Range<Int>) -> StringArray {
        let n = a.count
        return StringArrayView.with(a) { v in
            var offsets = [Int](repeating: 0, count: n + 1)
            offsets.withUnsafeMutableBufferPointer { ob in
                nonisolated(unsafe) let op = ob.baseAddress
                Parallel.forEachChunk(count: n) { r in
                    guard let op else { return }
                    for i in r { op[i + 1] = range(v[i]).count }
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
                        for i in r where op[i + 1] > op[i] {
                            let s = v[i]
                            guard let sp = s.baseAddress else { continue }
                            let k = range(s)
                            copy(dst + op[i], sp + k.lowerBound, k.count)
                        }
                    }
                }
                initialized = total
            }
            return StringArray(offsets: offsets, bytes: bytes)
        }
    }

    /// `sliced` for pure ASCII text and a window starting at byte `from` of each string,
    /// `count` bytes long (nil: to the end), with no per-row call.
    static func slicedASCII(_ a: StringArray, from: Int, count: Int?) -> StringArray {
        let n = a.count
        return StringArrayView.with(a) { v in
            var offsets = [Int](repeating: 0, count: n + 1)
            offsets.withUnsafeMutableBufferPointer { ob in
                nonisolated(unsafe) let op = ob.baseAddress
                Parallel.forEachChunk(count: n) { r in
                    guard let op else { return }
                    for i in r {
                        let len = v.offsets[i + 1] - v.offsets[i]
                        let lo = min(from, len)
                        op[i + 1] = count.map { min($0, len - lo) } ?? len - lo
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
                        guard let dst, let op, let src = v.bytes else { return }
                        for i in r {
                            let k = op[i + 1] - op[i]
                            if k > 0 { copy(dst + op[i], src + v.offsets[i] + from, k) }
                        }
                    }
                }
                initialized = total
            }
            return StringArray(offsets: offsets, bytes: bytes)
        }
    }
}
