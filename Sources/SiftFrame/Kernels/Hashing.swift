// Deterministic 64-bit hashing for the engine's own hash tables (never Swift's per-process seeded Hasher).

/// Hash functions with fixed constants, so that hash-table layouts (and anything a bug might
/// leak from them) are the same in every process.
public enum Hashing {
    /// Finalises a 64-bit value into a well-mixed hash (the SplitMix64 / MurmurHash3 `fmix64`
    /// finaliser, Steele, Lea & Flood, "Fast splittable pseudorandom number generators", 2014).
    @inlinable @inline(__always)
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Combines two hashes (order matters).
    @inlinable @inline(__always)
    public static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        mix(a ^ (b &* 0x9E37_79B9_7F4A_7C15 &+ 0x632B_E59B_D9B4_E019))
    }

    /// Hashes a byte string eight bytes at a time.
    ///
    /// - Complexity: O(count).
    @inlinable
    public static func hash(bytes: UnsafeRawPointer?, count: Int) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(truncatingIfNeeded: count)
        guard let bytes, count > 0 else { return mix(h) }
        var i = 0
        while i + 8 <= count {
            let w = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ w) &* 0x0000_0100_0000_01B3
            h ^= h >> 29
            i += 8
        }
        if i < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < count {
                tail |= UInt64(bytes.load(fromByteOffset: i, as: UInt8.self)) << shift
                shift += 8
                i += 1
            }
            h = (h ^ tail) &* 0x0000_0100_0000_01B3
        }
        return mix(h)
    }

    /// The smallest power of two that keeps `count` entries at most half full (at least 16).
    @inlinable
    public static func tableCapacity(for count: Int) -> Int {
        var c = 16
        while c < count * 2 { c <<= 1 }
        return c
    }
}
