// Per-group counts of distinct non-null values: a bitmap over (group, value) when values are dense, else a hash set of pairs.

/// The number of distinct non-null values in each group (`n_unique`).
///
/// Values are reduced to integer keys: ints, timestamps and durations by their value,
/// doubles by their bits with `-0.0` folded into `0.0` (they compare equal, as in pandas),
/// strings by dictionary code (entries are unique, so equal codes mean equal strings), bools
/// as 0 and 1. Two strategies, chosen by the data:
/// - dense keys (the span `max - min + 1` times the number of groups fits in a bitmap of at
///   most ``denseBitLimit(rows:)`` bits: dictionary codes, ids, small ints): one bit per
///   (group, key); a row that sets a clear bit adds one to its group.
/// - otherwise: one hash set of (group, key) pairs (linear probing, a power-of-two table at
///   most half full, hashed with the engine's fixed ``Hashing``); a pair seen for the first
///   time adds one to its group. A row equal to the row before it (same group and key) skips
///   the lookup.
///
/// Both are exact.
public enum GroupedDistinct {
    /// The largest bitmap the dense strategy uses for `rows` rows: 16 bits per row (2 bytes,
    /// a quarter of one int column), and at least 2²⁴ bits (2 MiB) so small inputs with wide
    /// key spans still take it.
    public static func denseBitLimit(rows: Int) -> Int { max(1 << 24, 16 * rows) }

    /// The number of distinct non-null values in each group of a column.
    ///
    /// - Complexity: O(rows + bitmap words) for dense keys, O(rows) expected otherwise.
    public static func counts(_ c: AnyColumn, _ grouping: Grouping) -> [Int] {
        switch c {
        case .int(let x): return x.values.withUnsafeBufferPointer { counts($0, x.validity, grouping) }
        case .timestamp(let x):
            return x.values.withUnsafeBufferPointer { $0.withMemoryRebound(to: Int64.self) { counts($0, x.validity, grouping) } }
        case .duration(let x):
            return x.values.withUnsafeBufferPointer { $0.withMemoryRebound(to: Int64.self) { counts($0, x.validity, grouping) } }
        case .double(let x):
            let bits = x.values.map { Int64(bitPattern: $0 == 0 ? 0 : $0.bitPattern) }
            return bits.withUnsafeBufferPointer { counts($0, x.validity, grouping) }
        case .bool(let x):
            let bits = x.values.map { $0 ? UInt32(1) : 0 }
            return bits.withUnsafeBufferPointer { counts($0, x.validity, grouping) }
        case .string(let s):
            guard case .dictionary(let codes, _) = s.dictionaryEncoded().storage else { return [] }
            return codes.withUnsafeBufferPointer { counts($0, s.validity, grouping) }
        }
    }

    /// The number of distinct keys among each group's valid rows.
    ///
    /// - Parameters:
    ///   - keys: one key per row (equal keys mean equal values; null rows' keys are ignored).
    ///   - validity: which rows hold values (nil: all).
    ///   - grouping: the groups.
    /// - Complexity: O(rows) expected.
    public static func counts<T: FixedWidthInteger & BitwiseCopyable>(_ keys: UnsafeBufferPointer<T>, _ validity: Bitmap?,
                                                                     _ grouping: Grouping) -> [Int] {
        let n = keys.count
        let groups = grouping.groupCount
        guard n > 0, groups > 0 else { return [Int](repeating: 0, count: groups) }
        let words = validity?.words ?? []
        return words.withUnsafeBufferPointer { wBuf in
            nonisolated(unsafe) let w = validity == nil ? nil : wBuf.baseAddress
            nonisolated(unsafe) let k = keys.baseAddress!
            // The key span, from the valid rows (chunks on separate cores; min and max are exact).
            let spans = GroupedSum.chunkedScatter(count: n, groups: 1, zero: (Int64.max, Int64.min),
                                                  merge: { a, b in a = (min(a.0, b.0), max(a.1, b.1)) }) { r, out in
                var lo = Int64.max, hi = Int64.min
                GroupedSum.forEachValid(w, r) { i in
                    let x = Int64(truncatingIfNeeded: k[i])
                    lo = x < lo ? x : lo
                    hi = x > hi ? x : hi
                }
                out[0] = (lo, hi)
            }
            let (lo, hi) = spans[0]
            guard lo <= hi else { return [Int](repeating: 0, count: groups) }
            let (span, spanOverflow) = hi.subtractingReportingOverflow(lo)
            if !spanOverflow, span < Int64(Int32.max), case let (bits, o) = Int(span + 1).multipliedReportingOverflow(by: groups),
               !o, bits <= denseBitLimit(rows: n) {
                return grouping.groupIDs.withUnsafeBufferPointer { ids in
                    dense(k, w, n, ids.baseAddress, groups: groups, lo: lo, span: Int(span + 1))
                }
            }
            return grouping.groupIDs.withUnsafeBufferPointer { ids in hashed(k, w, n, grouping.isSingle ? nil : ids.baseAddress, groups: groups) }
        }
    }

    /// The dense strategy: bit `(key - lo) × groups + g` per (group, key), and a group's
    /// count goes up when a row sets a bit that was clear. Keys are interleaved across groups
    /// so that rows with nearby keys (ids issued over time) touch nearby words whatever their
    /// group; one pass, in row order.
    static func dense<T: FixedWidthInteger>(_ k: UnsafePointer<T>, _ w: UnsafePointer<UInt64>?, _ n: Int, _ ids: UnsafePointer<Int32>?,
                                            groups: Int, lo: Int64, span: Int) -> [Int] {
        let wordCount = Bitmap.wordCount(for: groups * span)
        let bits = UnsafeMutablePointer<UInt64>.allocate(capacity: max(1, wordCount))
        bits.initialize(repeating: 0, count: wordCount)
        defer { bits.deallocate() }
        var counts = [Int](repeating: 0, count: groups)
        let single = groups == 1 || ids == nil
        counts.withUnsafeMutableBufferPointer { c in
            GroupedSum.forEachValid(w, 0..<n) { i in
                let g = single ? 0 : Int(ids![i])
                let bit = Int(Int64(truncatingIfNeeded: k[i]) &- lo) &* groups &+ g
                let mask: UInt64 = 1 << UInt64(bit & 63)
                let old = bits[bit >> 6]
                bits[bit >> 6] = old | mask
                c[g] &+= old & mask == 0 ? 1 : 0
            }
        }
        return counts
    }

    /// The hashed strategy: one open-addressing set of (group, key) pairs.
    static func hashed<T: FixedWidthInteger>(_ k: UnsafePointer<T>, _ w: UnsafePointer<UInt64>?, _ n: Int, _ ids: UnsafePointer<Int32>?,
                                             groups: Int) -> [Int] {
        var out = [Int](repeating: 0, count: groups)
        var set = PairSet(expected: min(n, 1 << 12))
        defer { set.release() }
        var prevGroup: Int32 = -1, prevKey: UInt64 = 0
        out.withUnsafeMutableBufferPointer { o in
            GroupedSum.forEachValid(w, 0..<n) { i in
                let g = ids.map { $0[i] } ?? 0
                let key = UInt64(truncatingIfNeeded: Int64(truncatingIfNeeded: k[i]))
                if g == prevGroup && key == prevKey { return }
                prevGroup = g; prevKey = key
                if set.insert(group: g, key: key) { o[Int(g)] &+= 1 }
            }
        }
        return out
    }
}

/// A hash set of (group, key) pairs: open addressing, linear probing, slots of 16 bytes so a
/// probe touches one cache line.
struct PairSet {
    private struct Slot {
        var key: UInt64
        var group: Int32     // -1 marks an empty slot
    }
    private var slots: UnsafeMutablePointer<Slot>
    private var capacity: Int
    private var count = 0

    init(expected: Int) {
        capacity = Hashing.tableCapacity(for: expected)
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Slot(key: 0, group: -1), count: capacity)
    }

    /// Frees the table; the set must not be used afterwards.
    func release() { slots.deallocate() }

    @inline(__always)
    static func hash(_ group: Int32, _ key: UInt64) -> Int {
        Int(truncatingIfNeeded: Hashing.combine(key, UInt64(UInt32(bitPattern: group))))
    }

    /// Adds a pair; true when it was not there before.
    @inline(__always)
    mutating func insert(group: Int32, key: UInt64) -> Bool {
        let mask = capacity - 1
        var i = PairSet.hash(group, key) & mask
        while true {
            let s = slots[i]
            if s.group < 0 { break }
            if s.group == group && s.key == key { return false }
            i = (i + 1) & mask
        }
        slots[i] = Slot(key: key, group: group)
        count += 1
        if count * 2 > capacity { grow() }
        return true
    }

    private mutating func grow() {
        let newCapacity = capacity * 2
        let fresh = UnsafeMutablePointer<Slot>.allocate(capacity: newCapacity)
        fresh.initialize(repeating: Slot(key: 0, group: -1), count: newCapacity)
        let mask = newCapacity - 1
        for s in 0..<capacity where slots[s].group >= 0 {
            var i = PairSet.hash(slots[s].group, slots[s].key) & mask
            while fresh[i].group >= 0 { i = (i + 1) & mask }
            fresh[i] = slots[s]
        }
        slots.deallocate()
        slots = fresh
        capacity = newCapacity
    }
}
