// Normalised sort keys: each key column becomes an unsigned code per row whose order is the sort order, nulls last.

/// One key of a sort, as unsigned codes `0 ... maxCode` per row: comparing codes as unsigned
/// integers gives the key's order (ascending or descending), and null rows get `maxCode`, so
/// they come last in both directions.
///
/// Values are first mapped to order-preserving unsigned integers `u`: ints, timestamps and
/// durations by flipping the sign bit; doubles by flipping the sign bit of non-negative values
/// and every bit of negative ones (the IEEE-754 total-order trick, with `-0.0` made `0.0`
/// first so the two zeros tie); bools as 0 and 1; strings by the rank of their dictionary
/// entry in byte order (which is Unicode scalar order), the entries being ranked once. The
/// code is then `u - low` ascending or `high - u` descending, so it needs only as many bits
/// as the key's range: a price of 18...82 needs 7 bits (with room for null).
///
/// A key whose range fills all 64 bits and that has nulls splits into two components: a
/// null flag, then the value.
struct SortComponent {
    /// Where the values come from.
    enum Source {
        case int64([Int64])
        case double([Double])
        case bool([Bool])
        /// Dictionary codes and each entry's rank.
        case ranked(codes: [UInt32], rank: [UInt32])
    }

    /// Which part of a key this component is.
    enum Part {
        case whole
        case nullFlag
        case value
    }

    let source: Source
    let validity: Bitmap?
    let descending: Bool
    /// Smallest and largest `u` over valid rows.
    let low: UInt64, high: UInt64
    let part: Part
    /// The largest code (the null rows' code when there are nulls).
    let maxCode: UInt64

    /// The bits a code needs.
    var bits: Int { 64 - maxCode.leadingZeroBitCount }

    /// The components of one key column.
    ///
    /// - Complexity: O(rows), plus O(entries log entries) comparisons to rank string entries
    ///   (and O(bytes) to dictionary-encode a plain string column first).
    static func components(of column: AnyColumn, descending: Bool) -> [SortComponent] {
        let source: Source
        switch column {
        case .int(let c): source = .int64(c.values)
        case .timestamp(let c): source = .int64(c.values.map(\.micros))
        case .duration(let c): source = .int64(c.values.map(\.micros))
        case .double(let c): source = .double(c.values)
        case .bool(let c): source = .bool(c.values)
        case .string(let s):
            let d = s.dictionaryEncoded()
            guard case .dictionary(let codes, let entries) = d.storage else { preconditionFailure("dictionary expected") }
            source = .ranked(codes: codes, rank: rankEntries(entries))
        }
        let validity = column.validity
        let n = column.count
        let hasNulls = validity != nil
        guard let (low, high) = range(source, validity, count: n) else {
            // No valid value: every row is null and ties; nothing to order by.
            return []
        }
        let span = high &- low
        if hasNulls && span == UInt64.max {
            return [
                SortComponent(source: source, validity: validity, descending: descending, low: low, high: high, part: .nullFlag, maxCode: 1),
                SortComponent(source: source, validity: validity, descending: descending, low: low, high: high, part: .value, maxCode: span),
            ]
        }
        return [SortComponent(source: source, validity: validity, descending: descending, low: low, high: high,
                              part: .whole, maxCode: hasNulls ? span &+ 1 : span)]
    }

    /// Each entry's position when the entries are sorted by bytes.
    ///
    /// - Complexity: O(entries log entries) byte comparisons.
    static func rankEntries(_ entries: StringArray) -> [UInt32] {
        let m = entries.count
        var order = (0..<m).map { UInt32($0) }
        entries.bytes.withUnsafeBufferPointer { bytes in
            entries.offsets.withUnsafeBufferPointer { off in
                order.sort { x, y in
                    let a = UnsafeBufferPointer(rebasing: bytes[off[Int(x)]..<off[Int(x) + 1]])
                    let b = UnsafeBufferPointer(rebasing: bytes[off[Int(y)]..<off[Int(y) + 1]])
                    return StringComparison.compareBytes(a, b) < 0
                }
            }
        }
        var rank = [UInt32](repeating: 0, count: m)
        for (r, e) in order.enumerated() { rank[Int(e)] = UInt32(r) }
        return rank
    }

    @inline(__always) static func orderBits(_ v: Int64) -> UInt64 { v.orderBits }
    @inline(__always) static func orderBits(_ v: Double) -> UInt64 { v.orderBits }

    /// `(low, high)` of `u` over the valid rows, or nil when there is none.
    private static func range(_ source: Source, _ validity: Bitmap?, count n: Int) -> (UInt64, UInt64)? {
        var lo = UInt64.max, hi = UInt64.min
        @inline(__always) func see(_ u: UInt64) { lo = min(lo, u); hi = max(hi, u) }
        switch source {
        case .int64(let v):
            guard let (a, b) = v.withUnsafeBufferPointer({ IntRange.of($0, validity) }) else { return nil }
            return (orderBits(a), orderBits(b))
        case .double(let v):
            v.withUnsafeBufferPointer { p in Bitmap.forEachValid(validity, count: n) { see(orderBits(p[$0])) } }
        case .bool(let v):
            v.withUnsafeBufferPointer { p in Bitmap.forEachValid(validity, count: n) { see(p[$0] ? 1 : 0) } }
        case .ranked(let codes, let rank):
            codes.withUnsafeBufferPointer { c in
                rank.withUnsafeBufferPointer { r in Bitmap.forEachValid(validity, count: n) { see(UInt64(r[Int(c[$0])])) } }
            }
        }
        return lo <= hi ? (lo, hi) : nil
    }

    /// Writes this component's code, shifted left by `shift`, for rows `rows[i]` (or `i` when
    /// `rows` is nil): `out[i] = code << shift` when `overwrite` (with the row index in the low
    /// 32 bits when `withIndex`), else `out[i] |= code << shift`.
    ///
    /// - Complexity: O(count), split across cores.
    func write(_ out: UnsafeMutablePointer<UInt64>, count n: Int, rows: UnsafePointer<Int32>?, shift: Int,
               overwrite: Bool, withIndex: Bool) {
        switch source {
        case .int64(let v): v.withUnsafeBufferPointer { emit(out, n, rows, shift, overwrite, withIndex, $0.baseAddress, rank: nil) }
        case .double(let v): v.withUnsafeBufferPointer { emit(out, n, rows, shift, overwrite, withIndex, $0.baseAddress, rank: nil) }
        case .bool(let v): v.withUnsafeBufferPointer { emit(out, n, rows, shift, overwrite, withIndex, $0.baseAddress, rank: nil) }
        case .ranked(let codes, let rank):
            rank.withUnsafeBufferPointer { r in
                codes.withUnsafeBufferPointer { emit(out, n, rows, shift, overwrite, withIndex, $0.baseAddress, rank: r.baseAddress) }
            }
        }
    }

    /// The per-row loop of ``write(_:count:rows:shift:overwrite:withIndex:)``, one tight loop
    /// per combination of row indirection and validity, in chunks on all cores.
    @inline(__always)
    private func emit<V: OrderBits>(_ out: UnsafeMutablePointer<UInt64>, _ n: Int, _ rows: UnsafePointer<Int32>?, _ shift: Int,
                                    _ overwrite: Bool, _ withIndex: Bool, _ values: UnsafePointer<V>?, rank: UnsafePointer<UInt32>?) {
        let sh = UInt64(shift)
        let lo = low, hi = high, desc = descending, part = part, nullCode = maxCode
        nonisolated(unsafe) let o = out, vals = values, rs = rows, rk = rank
        let validWords = validity?.words
        @Sendable @inline(__always) func code(_ valid: Bool, _ row: Int) -> UInt64 {
            switch part {
            case .nullFlag: return valid ? 0 : 1
            case .whole, .value:
                guard valid else { return part == .whole ? nullCode : 0 }
                let v = vals.unsafelyUnwrapped[row].orderBits
                let x = rk.map { UInt64($0[Int(v)]) } ?? v
                return desc ? hi &- x : x &- lo
            }
        }
        @Sendable @inline(__always) func store(_ i: Int, _ row: Int, _ c: UInt64) {
            if overwrite {
                o[i] = withIndex ? c &<< sh | UInt64(truncatingIfNeeded: row) : c &<< sh
            } else {
                o[i] |= c &<< sh
            }
        }
        if let validWords {
            validWords.withUnsafeBufferPointer { wb in
                nonisolated(unsafe) let w = wb.baseAddress.unsafelyUnwrapped
                Parallel.forEachChunk(count: n) { r in
                    if let rs {
                        for i in r {
                            let row = Int(rs[i])
                            store(i, row, code(w[row &>> 6] &>> UInt64(row & 63) & 1 == 1, row))
                        }
                    } else {
                        for i in r { store(i, i, code(w[i &>> 6] &>> UInt64(i & 63) & 1 == 1, i)) }
                    }
                }
            }
        } else {
            Parallel.forEachChunk(count: n) { r in
                if let rs {
                    for i in r { let row = Int(rs[i]); store(i, row, code(true, row)) }
                } else {
                    for i in r { store(i, i, code(true, i)) }
                }
            }
        }
    }
}

/// Values mapped to unsigned integers whose order is theirs (see ``SortComponent``).
protocol OrderBits: Sendable {
    /// The order-preserving unsigned image of the value.
    var orderBits: UInt64 { get }
}

extension Int64: OrderBits {
    /// The sign bit flipped.
    @inline(__always) var orderBits: UInt64 { UInt64(bitPattern: self) ^ (1 << 63) }
}

extension Double: OrderBits {
    /// IEEE-754 total order: non-negatives get the sign bit set, negatives are inverted; `-0.0` is `0.0` first.
    @inline(__always) var orderBits: UInt64 {
        let b = (self == 0 ? 0.0 : self).bitPattern
        return b >> 63 == 1 ? ~b : b | (1 << 63)
    }
}

extension Bool: OrderBits {
    /// `false` 0, `true` 1.
    @inline(__always) var orderBits: UInt64 { self ? 1 : 0 }
}

extension UInt32: OrderBits {
    /// A dictionary code, looked up in the rank table by the caller.
    @inline(__always) var orderBits: UInt64 { UInt64(self) }
}
