// Typed group-by kernels: one key column (or a pair of dense code columns) to dense group ids in first-seen order.

/// Row keys seen as 64-bit integers, so one pair of loops (direct indexing, hashing) serves ints,
/// timestamps, durations, dictionary codes, bools and combined codes of several keys.
protocol RowKeys {
    /// The number of rows.
    var count: Int { get }
    /// The key of row `i` (unspecified for a null row; callers check validity first).
    func key(_ i: Int) -> Int64
}

/// Keys read from a buffer of 64-bit values (ints, timestamps, durations, normalised doubles).
struct Int64RowKeys: RowKeys {
    let base: UnsafePointer<Int64>?
    let count: Int
    @inline(__always) func key(_ i: Int) -> Int64 { base.unsafelyUnwrapped[i] }
}

/// Keys read from dictionary codes.
struct CodeRowKeys: RowKeys {
    let base: UnsafePointer<UInt32>?
    let count: Int
    @inline(__always) func key(_ i: Int) -> Int64 { Int64(base.unsafelyUnwrapped[i]) }
}

/// Keys read from booleans (false 0, true 1).
struct BoolRowKeys: RowKeys {
    let base: UnsafePointer<Bool>?
    let count: Int
    @inline(__always) func key(_ i: Int) -> Int64 { base.unsafelyUnwrapped[i] ? 1 : 0 }
}

/// Assigns group ids to rows by one key, in order of first appearance, null being a key of its own.
///
/// Each column type takes its fastest path: a dense integer range (a small range of ints,
/// dictionary codes, bools) by direct indexing into a table of `range + 2` slots; other
/// integers, timestamps, durations and doubles (by bit pattern, `-0.0` as `0.0`) through an
/// ``IntKeyTable``; plain strings by hashing their bytes in a ``StringDictionaryBuilder``.
enum KeyGrouper {
    /// The largest key range indexed directly when it exceeds the row count: 64K slots (256 KB,
    /// within L2) are cheap to clear even for a handful of rows.
    static let smallDenseRange = 1 << 16

    /// Whether a key range is worth a direct table: at most one slot per row (so the table is
    /// never larger than the ids it produces), or small in absolute terms.
    static func isDense(range: UInt64, rows: Int) -> Bool {
        range < UInt64(max(rows, smallDenseRange))
    }

    /// The grouping of rows by one column.
    ///
    /// - Complexity: O(rows) expected (plus O(bytes) for strings).
    static func group(_ column: AnyColumn) -> Grouping {
        switch column {
        case .int(let c): return groupInt64(c.values, c.validity)
        case .timestamp(let c): return c.values.withUnsafeBytes { groupInt64($0.bindMemory(to: Int64.self), c.validity) }
        case .duration(let c): return c.values.withUnsafeBytes { groupInt64($0.bindMemory(to: Int64.self), c.validity) }
        case .double(let c): return groupInt64(normalisedBits(c.values), c.validity)
        case .bool(let c):
            return c.values.withUnsafeBufferPointer { p in
                groupDense(BoolRowKeys(base: p.baseAddress, count: p.count), c.validity, low: 0, range: 1)
            }
        case .string(let s):
            switch s.storage {
            case .dictionary(let codes, let entries):
                let range = UInt64(max(entries.count, 1) - 1)
                return codes.withUnsafeBufferPointer { p in
                    let keys = CodeRowKeys(base: p.baseAddress, count: p.count)
                    if isDense(range: range, rows: p.count) { return groupDense(keys, s.validity, low: 0, range: Int(range)) }
                    return groupHashed(keys, s.validity)
                }
            case .plain(let a):
                return groupPlainStrings(a, s.validity)
            }
        }
    }

    /// Doubles as keys: their bit patterns, with `-0.0` made `0.0` so the two zeros are one key
    /// (columns hold no NaN, so every other pair of equal doubles has equal bits).
    static func normalisedBits(_ values: [Double]) -> [Int64] {
        values.map { Int64(bitPattern: ($0 == 0 ? 0.0 : $0).bitPattern) }
    }

    static func groupInt64(_ values: [Int64], _ validity: Bitmap?) -> Grouping {
        values.withUnsafeBufferPointer { groupInt64($0, validity) }
    }

    static func groupInt64(_ p: UnsafeBufferPointer<Int64>, _ validity: Bitmap?) -> Grouping {
        let keys = Int64RowKeys(base: p.baseAddress, count: p.count)
        guard let (low, high) = IntRange.of(p, validity) else {
            return groupDense(keys, validity, low: 0, range: 0)  // every row null (or no rows)
        }
        let range = UInt64(bitPattern: high &- low)
        if isDense(range: range, rows: p.count) { return groupDense(keys, validity, low: low, range: Int(range)) }
        return groupHashed(keys, validity)
    }

    /// Groups rows by the tuple of several key columns.
    ///
    /// Each key is grouped on its own into dense ids; the ids of consecutive keys are packed
    /// into one mixed-radix integer per row (`id * nextCount + nextID`) while the product of
    /// their group counts stays below 2^62, and that integer column is grouped once at the end
    /// (or earlier, when the next key would not fit). Twelve keys cost twelve one-key groupings,
    /// twelve cheap packing passes and about one hash grouping of the tuples. Keys with a single
    /// group split nothing and are skipped.
    ///
    /// - Complexity: O(rows × keys) expected; memory: one packed column and one key's ids.
    static func groupTuples(_ keys: [AnyColumn]) -> Grouping {
        var current = group(keys[0])
        let n = current.rowCount
        var packed: [Int64]? = nil      // the keys so far as mixed-radix numbers, once there are two
        var radix = UInt64(max(current.groupCount, 1))
        for key in keys.dropFirst() {
            let g = group(key)
            if g.groupCount <= 1 { continue }
            if packed == nil && current.groupCount <= 1 {
                current = g
                radix = UInt64(g.groupCount)
                continue
            }
            let (product, overflow) = radix.multipliedReportingOverflow(by: UInt64(g.groupCount))
            if let p = packed, overflow || product >= 1 << 62 {
                // Group counts are below 2^31, so after this the next product is below 2^62.
                current = groupInt64(p, nil)
                packed = nil
                radix = UInt64(current.groupCount)
            }
            var p = packed ?? current.groupIDs.map { Int64($0) }
            let c = Int64(g.groupCount)
            p.withUnsafeMutableBufferPointer { out in
                g.groupIDs.withUnsafeBufferPointer { ids in
                    for i in 0..<n { out[i] = out[i] &* c &+ Int64(ids[i]) }
                }
            }
            packed = p
            radix &*= UInt64(g.groupCount)
        }
        if let p = packed { return groupInt64(p, nil) }
        return current
    }

    // MARK: - Direct indexing

    /// Groups keys known to lie in `low ... low + range` through a table of `range + 2` slots
    /// (the last one for null), in one pass.
    ///
    /// - Complexity: O(rows + range).
    static func groupDense<K: RowKeys>(_ keys: K, _ validity: Bitmap?, low: Int64, range: Int) -> Grouping {
        let n = keys.count
        if n == 0 { return Grouping(groupIDs: [], groupCount: 0, firstRows: []) }
        let slotCount = range + 2
        let nullSlot = range + 1
        let table = UnsafeMutablePointer<Int32>.allocate(capacity: slotCount)
        defer { table.deallocate() }
        table.initialize(repeating: -1, count: slotCount)
        var firsts = [Int32]()
        firsts.reserveCapacity(min(n, slotCount))
        var next: Int32 = 0
        let ids = [Int32](unsafeUninitializedCapacity: n) { out, initialized in
            let o = out.baseAddress.unsafelyUnwrapped
            HugePages.advise(UnsafeMutableRawPointer(o), byteCount: n * 4)
            if let validity {
                validity.words.withUnsafeBufferPointer { w in
                    for i in 0..<n {
                        let valid = w[i &>> 6] &>> UInt64(i & 63) & 1 == 1
                        let slot = valid ? Int(truncatingIfNeeded: keys.key(i) &- low) : nullSlot
                        var g = table[slot]
                        if g < 0 {
                            g = next; table[slot] = g; next &+= 1
                            firsts.append(Int32(truncatingIfNeeded: i))
                        }
                        o[i] = g
                    }
                }
            } else {
                for i in 0..<n {
                    let slot = Int(truncatingIfNeeded: keys.key(i) &- low)
                    var g = table[slot]
                    if g < 0 {
                        g = next; table[slot] = g; next &+= 1
                        firsts.append(Int32(truncatingIfNeeded: i))
                    }
                    o[i] = g
                }
            }
            initialized = n
        }
        return Grouping(groupIDs: ids, groupCount: firsts.count, firstRows: firsts)
    }

    // MARK: - Hashing

    /// Groups arbitrary 64-bit keys through an ``IntKeyTable``.
    ///
    /// - Complexity: O(rows) expected.
    static func groupHashed<K: RowKeys>(_ keys: K, _ validity: Bitmap?) -> Grouping {
        let n = keys.count
        let table = IntKeyTable(expected: min(n, 1 << 12))
        var firsts = [Int32]()
        var nullAt: Int32 = -1
        var ids = [Int32](unsafeUninitializedCapacity: n) { out, initialized in
            let o = out.baseAddress
            HugePages.advise(UnsafeMutableRawPointer(o), byteCount: n * 4)
            func visit(_ i: Int) {
                let before = table.count
                let g = table.insert(keys.key(i))
                if table.count != before { firsts.append(Int32(truncatingIfNeeded: i)) }
                o.unsafelyUnwrapped[i] = g
            }
            if let validity {
                for i in 0..<n {
                    if validity[i] { visit(i) } else {
                        if nullAt < 0 { nullAt = Int32(truncatingIfNeeded: table.count); firsts.append(Int32(truncatingIfNeeded: i)) }
                        o.unsafelyUnwrapped[i] = -1
                    }
                }
            } else {
                for i in 0..<n { visit(i) }
            }
            initialized = n
        }
        if nullAt >= 0 { placeNullGroup(&ids, at: nullAt) }
        return Grouping(groupIDs: ids, groupCount: firsts.count, firstRows: firsts)
    }

    /// Fixes ids after a pass that numbered the valid keys alone and marked null rows `-1`: the
    /// null group takes the number `nullAt` it has in first-seen order and later groups move up.
    /// (The pass appended the null group's first row to the first rows when it met it, so those
    /// are already in first-seen order.)
    static func placeNullGroup(_ ids: inout [Int32], at nullAt: Int32) {
        ids.withUnsafeMutableBufferPointer { p in
            for i in 0..<p.count {
                let g = p[i]
                p[i] = g < 0 ? nullAt : g &+ (g >= nullAt ? 1 : 0)
            }
        }
    }

    // MARK: - Strings

    /// Groups plain strings by their bytes.
    ///
    /// - Complexity: O(total bytes) expected.
    static func groupPlainStrings(_ a: StringArray, _ validity: Bitmap?) -> Grouping {
        let n = a.count
        var dict = StringDictionaryBuilder(expected: min(n, 1 << 12))
        var firsts = [Int32]()
        var nullAt: Int32 = -1
        var ids = [Int32](repeating: 0, count: n)
        a.bytes.withUnsafeBufferPointer { bytes in
            a.offsets.withUnsafeBufferPointer { off in
                ids.withUnsafeMutableBufferPointer { o in
                    for i in 0..<n {
                        if let validity, !validity[i] {
                            if nullAt < 0 { nullAt = Int32(truncatingIfNeeded: dict.count); firsts.append(Int32(truncatingIfNeeded: i)) }
                            o[i] = -1
                            continue
                        }
                        let before = dict.count
                        let s = UnsafeBufferPointer(rebasing: bytes[off[i]..<off[i + 1]])
                        let g = Int32(truncatingIfNeeded: dict.code(for: s))
                        if dict.count != before { firsts.append(Int32(truncatingIfNeeded: i)) }
                        o[i] = g
                    }
                }
            }
        }
        if nullAt >= 0 { placeNullGroup(&ids, at: nullAt) }
        return Grouping(groupIDs: ids, groupCount: firsts.count, firstRows: firsts)
    }
}

/// The smallest and largest valid values of an integer buffer.
enum IntRange {
    /// `(min, max)` over the valid rows, or nil when there is none.
    ///
    /// - Complexity: O(rows), split across cores for large inputs.
    static func of(_ p: UnsafeBufferPointer<Int64>, _ validity: Bitmap?) -> (Int64, Int64)? {
        let n = p.count
        if n == 0 { return nil }
        if let validity, validity.setCount == 0 { return nil }
        let chunks = Parallel.chunkCount(count: n)
        let result = UnsafeMutablePointer<(Int64, Int64)>.allocate(capacity: chunks)
        defer { result.deallocate() }
        result.initialize(repeating: (Int64.max, Int64.min), count: chunks)
        nonisolated(unsafe) let src = p.baseAddress.unsafelyUnwrapped
        nonisolated(unsafe) let res = result
        Parallel.forEach(chunks) { k in
            let r = Parallel.chunkRange(k, of: chunks, count: n)
            var lo = Int64.max, hi = Int64.min
            if let validity {
                validity.words.withUnsafeBufferPointer { w in
                    for i in r where w[i &>> 6] &>> UInt64(i & 63) & 1 == 1 {
                        let v = src[i]
                        lo = Swift.min(lo, v); hi = Swift.max(hi, v)
                    }
                }
            } else {
                for i in r {
                    let v = src[i]
                    lo = Swift.min(lo, v); hi = Swift.max(hi, v)
                }
            }
            res[k] = (lo, hi)
        }
        var lo = Int64.max, hi = Int64.min
        for k in 0..<chunks { lo = Swift.min(lo, result[k].0); hi = Swift.max(hi, result[k].1) }
        return lo <= hi ? (lo, hi) : nil
    }
}
