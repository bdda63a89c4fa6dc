// An open-addressing hash table from 64-bit keys to dense ids, the engine's core of group-by and join on integers.

/// Maps `Int64` keys to ids `0, 1, 2, ...` in the order keys are first inserted.
///
/// The table is a power-of-two array of slots kept at most half full, probed linearly from
/// ``Hashing/mix(_:)`` of the key, so layouts are the same in every process (never Swift's
/// seeded `Hasher`). Slots store the key and its id side by side, so a probe touches one
/// cache line. Storage is manually allocated so the hot loop runs on raw pointers without
/// copy-on-write checks; the table is a class only to own that storage.
///
/// Integers, timestamps and durations use it directly; doubles by their bit pattern (after
/// turning `-0.0` into `0.0`); several keys by their combined dense codes.
///
/// ```swift
/// let t = IntKeyTable(expected: 4)
/// t.insert(70)   // 0
/// t.insert(-3)   // 1
/// t.insert(70)   // 0
/// t.find(5)      // -1
/// ```
final class IntKeyTable {
    /// One slot: the key and its id (`-1` when empty).
    struct Slot {
        var key: Int64
        var id: Int32
    }

    private(set) var slots: UnsafeMutablePointer<Slot>
    private(set) var capacity: Int
    /// The number of distinct keys inserted.
    private(set) var count = 0

    /// Creates an empty table sized for about `expected` keys (it grows as needed).
    init(expected: Int) {
        capacity = Hashing.tableCapacity(for: max(expected, 8))
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Slot(key: 0, id: -1), count: capacity)
    }

    deinit { slots.deallocate() }

    /// The id of `key`, adding it with the next id when it is new.
    ///
    /// - Complexity: amortised O(1).
    @inline(__always)
    func insert(_ key: Int64) -> Int32 {
        let mask = capacity &- 1
        var i = Int(truncatingIfNeeded: Hashing.mix(UInt64(bitPattern: key))) & mask
        while true {
            let s = slots[i]
            if s.id < 0 { break }
            if s.key == key { return s.id }
            i = (i &+ 1) & mask
        }
        let id = Int32(truncatingIfNeeded: count)
        slots[i] = Slot(key: key, id: id)
        count &+= 1
        if count &* 2 > capacity { grow() }
        return id
    }

    /// The id of `key`, or -1 when it was never inserted.
    ///
    /// - Complexity: O(1) expected.
    @inline(__always)
    func find(_ key: Int64) -> Int32 {
        let mask = capacity &- 1
        var i = Int(truncatingIfNeeded: Hashing.mix(UInt64(bitPattern: key))) & mask
        while true {
            let s = slots[i]
            if s.id < 0 { return -1 }
            if s.key == key { return s.id }
            i = (i &+ 1) & mask
        }
    }

    private func grow() {
        let newCap = capacity << 1
        let fresh = UnsafeMutablePointer<Slot>.allocate(capacity: newCap)
        fresh.initialize(repeating: Slot(key: 0, id: -1), count: newCap)
        let mask = newCap - 1
        for j in 0..<capacity where slots[j].id >= 0 {
            let s = slots[j]
            var i = Int(truncatingIfNeeded: Hashing.mix(UInt64(bitPattern: s.key))) & mask
            while fresh[i].id >= 0 { i = (i &+ 1) & mask }
            fresh[i] = s
        }
        slots.deallocate()
        slots = fresh
        capacity = newCap
    }
}
