// Per-group counts of distinct non-null values: one open-addressing hash set of (group, value) pairs.

/// The number of distinct non-null values in each group (`n_unique`).
///
/// Values are reduced to 64-bit keys first: ints, timestamps and durations by their bits,
/// doubles by their bits with `-0.0` folded into `0.0` (they compare equal, as in pandas),
/// strings by dictionary code (dictionary entries are unique, so equal codes mean equal
/// strings). The pairs (group, key) go into one hash set (linear probing, a power-of-two
/// table at most half full, hashed with the engine's fixed ``Hashing``); each pair seen for
/// the first time adds one to its group.
public enum GroupedDistinct {
    /// The number of distinct keys among each group's valid rows.
    ///
    /// - Parameters:
    ///   - keys: one 64-bit key per row (equal keys mean equal values).
    ///   - validity: which rows hold values (nil: all).
    ///   - grouping: the groups.
    /// - Complexity: O(rows) expected.
    public static func counts(_ keys: UnsafeBufferPointer<UInt64>, _ validity: Bitmap?, _ grouping: Grouping) -> [Int] {
        var out = [Int](repeating: 0, count: grouping.groupCount)
        guard keys.count > 0 else { return out }
        var set = PairSet(expected: min(keys.count, 1 << 12))
        out.withUnsafeMutableBufferPointer { o in
            if grouping.isSingle {
                Bitmap.forEachValid(validity, count: keys.count) { i in
                    if set.insert(group: 0, key: keys[i]) { o[0] &+= 1 }
                }
            } else {
                grouping.groupIDs.withUnsafeBufferPointer { ids in
                    Bitmap.forEachValid(validity, count: keys.count) { i in
                        let g = ids[i]
                        if set.insert(group: g, key: keys[i]) { o[Int(g)] &+= 1 }
                    }
                }
            }
        }
        return out
    }

    /// The 64-bit keys of a column's rows (unspecified on null rows), and its validity.
    public static func keys(_ c: AnyColumn) -> ([UInt64], Bitmap?) {
        switch c {
        case .int(let x): return (x.values.map { UInt64(bitPattern: $0) }, x.validity)
        case .double(let x): return (x.values.map { $0 == 0 ? 0 : $0.bitPattern }, x.validity)
        case .bool(let x): return (x.values.map { $0 ? 1 : 0 }, x.validity)
        case .timestamp(let x): return (x.values.map { UInt64(bitPattern: $0.micros) }, x.validity)
        case .duration(let x): return (x.values.map { UInt64(bitPattern: $0.micros) }, x.validity)
        case .string(let s):
            let d = s.dictionaryEncoded()
            guard case .dictionary(let codes, _) = d.storage else { return ([], nil) }
            return (codes.map { UInt64($0) }, s.validity)
        }
    }
}

/// A hash set of (group, key) pairs with open addressing and linear probing.
struct PairSet {
    private var keys: [UInt64]
    private var groups: [Int32]     // -1 marks an empty slot
    private var mask: Int
    private var count = 0

    init(expected: Int) {
        let cap = Hashing.tableCapacity(for: expected)
        keys = [UInt64](repeating: 0, count: cap)
        groups = [Int32](repeating: -1, count: cap)
        mask = cap - 1
    }

    /// Adds a pair; true when it was not there before.
    @inline(__always)
    mutating func insert(group: Int32, key: UInt64) -> Bool {
        let h = Hashing.combine(key, UInt64(UInt32(bitPattern: group)))
        var i = Int(truncatingIfNeeded: h) & mask
        let found: Bool = groups.withUnsafeMutableBufferPointer { gs in
            keys.withUnsafeMutableBufferPointer { ks in
                while true {
                    let g = gs[i]
                    if g < 0 { gs[i] = group; ks[i] = key; return false }
                    if g == group && ks[i] == key { return true }
                    i = (i + 1) & mask
                }
            }
        }
        if found { return false }
        count += 1
        if count * 2 > groups.count { grow() }
        return true
    }

    private mutating func grow() {
        let cap = groups.count * 2
        var nk = [UInt64](repeating: 0, count: cap)
        var ng = [Int32](repeating: -1, count: cap)
        let m = cap - 1
        for s in 0..<groups.count where groups[s] >= 0 {
            let h = Hashing.combine(keys[s], UInt64(UInt32(bitPattern: groups[s])))
            var i = Int(truncatingIfNeeded: h) & m
            while ng[i] >= 0 { i = (i + 1) & m }
            ng[i] = groups[s]
            nk[i] = keys[s]
        }
        keys = nk
        groups = ng
        mask = m
    }
}
