// Byte-level string kernels: per-distinct-string maps, case mapping, lengths and substring search.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Raw read access to the strings of a ``StringArray`` for the length of a closure.
///
/// Kernels read strings through this view so that a loop over rows does one pointer
/// computation per row instead of an array access (and its checks) per byte.
struct StringArrayView: @unchecked Sendable {
    /// The array's offsets (`count + 1` of them).
    let offsets: UnsafePointer<Int>
    /// The array's bytes (nil only when there are none).
    let bytes: UnsafePointer<UInt8>?
    /// The number of strings.
    let count: Int

    /// The UTF-8 bytes of string `i`.
    @inline(__always)
    subscript(i: Int) -> UnsafeBufferPointer<UInt8> {
        let s = offsets[i], e = offsets[i + 1]
        return UnsafeBufferPointer(start: bytes.map { $0 + s }, count: e - s)
    }

    /// Calls `body` with a view of `array`.
    static func with<R>(_ array: StringArray, _ body: (StringArrayView) throws -> R) rethrows -> R {
        try array.offsets.withUnsafeBufferPointer { o in
            try array.bytes.withUnsafeBufferPointer { b in
                // offsets always has at least one element, so its base address exists.
                try body(StringArrayView(offsets: o.baseAddress!, bytes: b.baseAddress, count: array.count))
            }
        }
    }
}

/// Raw read access to the rows of a ``StringColumn`` of either layout for the length of a closure.
struct StringColumnView: @unchecked Sendable {
    /// The strings: one per row (plain) or the dictionary's entries.
    let strings: StringArrayView
    /// The row codes of a dictionary column; nil for a plain one.
    let codes: UnsafePointer<UInt32>?

    /// The UTF-8 bytes of row `i` (empty for a null row whose code is past the entries).
    @inline(__always)
    subscript(i: Int) -> UnsafeBufferPointer<UInt8> {
        guard let codes else { return strings[i] }
        let c = Int(codes[i])
        return c < strings.count ? strings[c] : UnsafeBufferPointer(start: nil, count: 0)
    }

    /// Calls `body` with a view of `column`.
    static func with<R>(_ column: StringColumn, _ body: (StringColumnView) throws -> R) rethrows -> R {
        switch column.storage {
        case .plain(let a):
            return try StringArrayView.with(a) { try body(StringColumnView(strings: $0, codes: nil)) }
        case .dictionary(let codes, let entries):
            return try StringArrayView.with(entries) { e in
                try codes.withUnsafeBufferPointer { c in try body(StringColumnView(strings: e, codes: c.baseAddress)) }
            }
        }
    }
}

/// Builds a ``StringArray`` from bytes appended in pieces, one string at a time.
struct StringBytesBuilder {
    /// Offsets so far, starting with 0.
    var offsets: [Int]
    /// Bytes so far.
    var bytes: [UInt8]

    /// An empty builder with room for `count` strings and `byteCapacity` bytes.
    init(count: Int, byteCapacity: Int) {
        offsets = [0]
        offsets.reserveCapacity(count + 1)
        bytes = []
        bytes.reserveCapacity(byteCapacity)
    }

    /// Appends bytes to the string being built.
    @inline(__always)
    mutating func append(_ b: UnsafeBufferPointer<UInt8>) { if b.count > 0 { bytes.append(contentsOf: b) } }

    /// Appends bytes to the string being built, each mapped by `f`.
    @inline(__always)
    mutating func append(_ b: UnsafeBufferPointer<UInt8>, mapping f: (UInt8) -> UInt8) {
        let start = bytes.count
        append(b)
        bytes.withUnsafeMutableBufferPointer { out in
            for i in start..<out.count { out[i] = f(out[i]) }
        }
    }

    /// Ends the string being built.
    @inline(__always)
    mutating func finish() { offsets.append(bytes.count) }

    /// The strings built.
    func build() -> StringArray { StringArray(offsets: offsets, bytes: bytes) }
}

/// Kernels of the string functions, over both layouts of ``StringColumn``.
///
/// Work is done once per distinct string: for a dictionary column, once per entry, and the
/// rows then take the entry's result through their codes (a code lookup per row), so `lower`
/// of a country column costs the handful of countries, not the rows. A transformed dictionary
/// is re-interned, because two entries may map to one (`lower("A")` and `lower("a")`), and
/// entries must stay unique. Plain columns are processed row by row on their bytes; nothing
/// creates a Swift `String` per row except the Unicode case mapping of non-ASCII text.
///
/// Everything here works on UTF-8 bytes. Because UTF-8 is self-synchronising, a byte match
/// of valid UTF-8 is a match of whole Unicode scalars; there is no Unicode normalisation, so a
/// precomposed `é` and `e` + combining accent are different strings, as in DuckDB and polars.
enum StringKernels {
    // MARK: - Operands

    /// The operand as a string column of `n` rows (a constant repeated, null as all-null);
    /// nil when it is not a string operand.
    static func column(_ o: Operand, count n: Int) -> StringColumn? {
        switch o {
        case .column(.string(let c)): return c
        case .scalar(.string(let s)):
            if case .string(let c) = AnyColumn(repeating: .string(s), count: n) { return c }
            return nil
        case .scalar(.null):
            if case .string(let c) = AnyColumn.nulls(of: .string, count: n) { return c }
            return nil
        default: return nil
        }
    }

    /// Calls `body` with the bytes of row `i` of a string operand (empty for null).
    static func withBytes<R>(_ o: Operand, _ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch o {
        case .column(.string(let c)): return try c.withUTF8(at: i, body)
        case .scalar(.string(let s)):
            var s = s
            return try s.withUTF8(body)
        default: return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
    }

    // MARK: - Per distinct string

    /// `f` of every row's string as a fixed-width column; the validity is the column's.
    ///
    /// - Complexity: O(entries + rows) for a dictionary column; O(bytes) for a plain one,
    ///   split over the cores.
    static func values<R: ColumnElement>(_ c: StringColumn, _ f: @Sendable (UnsafeBufferPointer<UInt8>) -> R) -> Column<R> {
        let vals: [R]
        switch c.storage {
        case .plain(let a):
            vals = StringArrayView.with(a) { v in ParallelMap.generate(v.count) { f(v[$0]) } }
        case .dictionary(let codes, let entries):
            let table = StringArrayView.with(entries) { v in ParallelMap.generate(v.count) { f(v[$0]) } }
            vals = ParallelMap.lookup(table, codes)
        }
        return Column(values: vals, validity: c.validity)
    }

    /// A string column with `f` applied to every distinct string: `f` appends the result's
    /// bytes to the builder (the kernel ends each string). Null rows of a plain column stay
    /// empty; a dictionary's transformed entries are re-interned so they stay unique.
    ///
    /// - Complexity: O(entries + rows) for a dictionary column; O(bytes) for a plain one.
    static func transform(_ c: StringColumn, _ f: (UnsafeBufferPointer<UInt8>, inout StringBytesBuilder) -> Void) -> StringColumn {
        switch c.storage {
        case .plain(let a):
            let out = transform(a, validity: c.validity, f)
            return StringColumn(storage: .plain(out), validity: c.validity)
        case .dictionary(let codes, let entries):
            let mapped = transform(entries, validity: nil, f)
            return reinterned(codes: codes, entries: mapped, validity: c.validity)
        }
    }

    /// `f` over every string of an array (strings at invalid positions become empty).
    static func transform(_ a: StringArray, validity: Bitmap?, _ f: (UnsafeBufferPointer<UInt8>, inout StringBytesBuilder) -> Void) -> StringArray {
        var b = StringBytesBuilder(count: a.count, byteCapacity: a.bytes.count)
        StringArrayView.with(a) { v in
            if let validity {
                for i in 0..<v.count {
                    if validity[i] { f(v[i], &b) }
                    b.finish()
                }
            } else {
                for i in 0..<v.count { f(v[i], &b); b.finish() }
            }
        }
        return b.build()
    }

    /// A dictionary column whose entries were transformed (and may now repeat): equal entries
    /// are merged and the codes remapped; when nothing merged, the codes are shared as they are.
    static func reinterned(codes: [UInt32], entries: StringArray, validity: Bitmap?) -> StringColumn {
        var dict = StringDictionaryBuilder(expected: entries.count)
        let remap = StringArrayView.with(entries) { v in (0..<v.count).map { dict.code(for: v[$0]) } }
        if dict.count == entries.count {
            return StringColumn(storage: .dictionary(codes: codes, entries: entries), validity: validity)
        }
        return StringColumn(storage: .dictionary(codes: ParallelMap.lookup(remap, codes), entries: dict.build()), validity: validity)
    }

    // MARK: - ASCII

    /// Whether every byte is ASCII (below 0x80), checked eight bytes at a time.
    static func isASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return true }
        let n = b.count
        var acc: UInt64 = 0
        var i = 0
        let raw = UnsafeRawPointer(base)
        while i + 8 <= n {
            acc |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < n { acc |= UInt64(base[i]); i += 1 }
        return acc & 0x8080_8080_8080_8080 == 0
    }

    /// An ASCII letter mapped to lower (`upper == false`) or upper case; other bytes unchanged.
    @inline(__always)
    static func asciiCase(_ x: UInt8, upper: Bool) -> UInt8 {
        if upper { return x &- (UInt8(truncatingIfNeeded: (x &- 97) < 26 ? 1 : 0) << 5) }
        return x &+ (UInt8(truncatingIfNeeded: (x &- 65) < 26 ? 1 : 0) << 5)
    }

    // MARK: - Case mapping

    /// Lower- or upper-cases every string: ASCII bytes by a table-free byte map, other text by
    /// the Unicode default case mapping of Swift's `String` (`"ß"` upper-cases to `"SS"`,
    /// `"É"` lower-cases to `"é"`). The mapping is per scalar, without context: a final
    /// capital sigma lower-cases to `σ`, not `ς`.
    ///
    /// - Complexity: O(bytes); a plain column of pure ASCII is mapped in place of a copy of
    ///   its bytes, split over the cores, and keeps its offsets.
    static func caseMapped(_ c: StringColumn, upper: Bool) -> StringColumn {
        if case .plain(let a) = c.storage, a.bytes.withUnsafeBufferPointer({ isASCII($0) }) {
            let total = a.bytes.count
            let out = [UInt8](unsafeUninitializedCapacity: total) { buf, initialized in
                nonisolated(unsafe) let dst = buf.baseAddress
                a.bytes.withUnsafeBufferPointer { src in
                    nonisolated(unsafe) let s = src.baseAddress
                    Parallel.forEachChunk(count: total, grain: 1 << 18) { r in
                        guard let d = dst, let s else { return }
                        if upper { for i in r { d[i] = asciiCase(s[i], upper: true) } }
                        else { for i in r { d[i] = asciiCase(s[i], upper: false) } }
                    }
                }
                initialized = total
            }
            return StringColumn(storage: .plain(StringArray(offsets: a.offsets, bytes: out)), validity: c.validity)
        }
        return transform(c) { s, out in
            if isASCII(s) {
                out.append(s, mapping: { asciiCase($0, upper: upper) })
            } else {
                let text = String(decoding: s, as: UTF8.self)
                var mapped = upper ? text.uppercased() : text.lowercased()
                mapped.withUTF8 { out.append($0) }
            }
        }
    }

    // MARK: - Length

    /// The number of Unicode scalars in UTF-8 bytes (the bytes that do not continue a scalar).
    @inline(__always)
    static func scalarCount(_ s: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        for x in s { n &+= Int(truncatingIfNeeded: (x & 0xC0) != 0x80 ? 1 : 0) }
        return n
    }

    /// The length of every string in Unicode scalars (what `len` of a string value gives:
    /// `len("é") == 1`, `len("👍🏽") == 2`, a flag of two regional indicators is 2).
    ///
    /// - Complexity: O(bytes), or O(rows) from the offsets when a plain column is pure ASCII.
    static func lengths(_ c: StringColumn) -> Column<Int64> {
        if case .plain(let a) = c.storage, a.bytes.withUnsafeBufferPointer({ isASCII($0) }) {
            let vals = a.offsets.withUnsafeBufferPointer { o -> [Int64] in
                nonisolated(unsafe) let p = o.baseAddress!
                return ParallelMap.generate(a.count) { Int64(p[$0 + 1] - p[$0]) }
            }
            return Column(values: vals, validity: c.validity)
        }
        return values(c) { Int64(scalarCount($0)) }
    }

    // MARK: - Search

    /// Where a search looks for its needle.
    enum Anchor: Sendable {
        /// Anywhere (`contains`).
        case anywhere
        /// At the start (`starts_with`).
        case start
        /// At the end (`ends_with`).
        case end
    }

    /// Whether `needle` occurs in `hay` at the anchor. An empty needle always matches.
    @inline(__always)
    static func matches(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>, _ anchor: Anchor) -> Bool {
        let m = needle.count, n = hay.count
        if m == 0 { return true }
        if m > n { return false }
        guard let h = hay.baseAddress, let k = needle.baseAddress else { return false }
        switch anchor {
        case .start: return equal(h, k, m)
        case .end: return equal(h + (n - m), k, m)
        case .anywhere: return find(h, n, k, m) != nil
        }
    }

    /// Copies `k` bytes: a loop for the short pieces of text most rows hold (a call to `memcpy`
    /// costs more than the copy there), `memcpy` beyond.
    @inline(__always)
    static func copy(_ dst: UnsafeMutablePointer<UInt8>, _ src: UnsafePointer<UInt8>, _ k: Int) {
        if k > 16 { dst.initialize(from: src, count: k); return }
        for j in 0..<k { dst[j] = src[j] }
    }

    /// Byte equality of two buffers of length `m`: a loop for short needles, `memcmp` beyond.
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ m: Int) -> Bool {
        if m > 16 { return memcmp(a, b, m) == 0 }
        for i in 0..<m where a[i] != b[i] { return false }
        return true
    }

    /// The offset of the first occurrence of a non-empty needle, or nil: libc's vectorised
    /// `memchr` finds each candidate first byte, `memcmp` checks the rest.
    ///
    /// - Complexity: O(n × m) in the worst case, O(n) for the needles of real data.
    @inline(__always)
    static func find(_ h: UnsafePointer<UInt8>, _ n: Int, _ k: UnsafePointer<UInt8>, _ m: Int) -> Int? {
        let last = n - m
        let first = Int32(k[0])
        var i = 0
        while i <= last {
            guard let p = memchr(h + i, first, last - i + 1) else { return nil }
            let j = UnsafeRawPointer(p) - UnsafeRawPointer(h)
            if m == 1 || memcmp(h + j + 1, k + 1, m - 1) == 0 { return j }
            i = j + 1
        }
        return nil
    }

    /// Per row, whether the needle occurs at the anchor; the needle is a constant or a column.
    ///
    /// - Complexity: O(bytes) per distinct string with a constant needle (per dictionary entry
    ///   for a dictionary column); O(rows × string length) with a column of needles.
    static func search(_ hay: StringColumn, _ needle: Operand, _ anchor: Anchor, count n: Int) -> Column<Bool> {
        switch needle {
        case .scalar(.string(let k)):
            let key = Array(k.utf8)
            if !key.isEmpty, case .plain(let a) = hay.storage {
                let found = anchor == .anywhere ? containsInRows(a, key) : affixInRows(a, key, atStart: anchor == .start)
                return Column(values: found, validity: hay.validity)
            }
            return key.withUnsafeBufferPointer { kb in
                nonisolated(unsafe) let kp = kb
                return values(hay) { matches($0, kp, anchor) }
            }
        case .column(.string(let ks)):
            let vals = StringColumnView.with(hay) { h in
                StringColumnView.with(ks) { k in ParallelMap.generate(n) { matches(h[$0], k[$0], anchor) } }
            }
            return Column(values: vals, validity: Bitmap.intersect(hay.validity, ks.validity))
        default:
            return Column(values: [Bool](repeating: false, count: n), validity: Bitmap(repeating: false, count: n))
        }
    }

    /// Whether each string of a plain array contains a non-empty needle, found by searching the
    /// whole byte buffer (a vectorised `memchr` over megabytes instead of a call per row) and
    /// mapping each hit to its row; a hit that runs past its row's end is not a match.
    ///
    /// - Complexity: O(bytes), split over the cores by rows.
    static func containsInRows(_ a: StringArray, _ key: [UInt8]) -> [Bool] {
        let n = a.count, m = key.count
        var out = [Bool](repeating: false, count: n)
        StringArrayView.with(a) { v in
            key.withUnsafeBufferPointer { kb in
                out.withUnsafeMutableBufferPointer { ob in
                    nonisolated(unsafe) let kp = kb.baseAddress, o = ob.baseAddress
                    Parallel.forEachChunk(count: n) { r in
                        guard let base = v.bytes, let kp, let o else { return }
                        var row = r.lowerBound
                        var s = v.offsets[r.lowerBound]
                        let end = v.offsets[r.upperBound]
                        while end - s >= m, let hit = find(base + s, end - s, kp, m) {
                            let h = s + hit
                            while v.offsets[row + 1] <= h { row += 1 }
                            let rowEnd = v.offsets[row + 1]
                            if h + m <= rowEnd { o[row] = true }
                            s = rowEnd
                            row += 1
                        }
                    }
                }
            }
        }
        return out
    }

    /// Whether each string of a plain array starts (or ends) with a non-empty needle: one
    /// loop per chunk of rows comparing bytes in place.
    ///
    /// - Complexity: O(rows × needle length), split over the cores.
    static func affixInRows(_ a: StringArray, _ key: [UInt8], atStart: Bool) -> [Bool] {
        let n = a.count, m = key.count
        var out = [Bool](repeating: false, count: n)
        StringArrayView.with(a) { v in
            key.withUnsafeBufferPointer { kb in
                out.withUnsafeMutableBufferPointer { ob in
                    nonisolated(unsafe) let kp = kb.baseAddress, o = ob.baseAddress
                    Parallel.forEachChunk(count: n) { r in
                        guard let base = v.bytes, let kp, let o else { return }
                        for i in r {
                            let s = v.offsets[i], e = v.offsets[i + 1]
                            guard e - s >= m else { continue }
                            o[i] = equal(base + (atStart ? s : e - m), kp, m)
                        }
                    }
                }
            }
        }
        return out
    }
}
