// Interns UTF-8 strings into dense codes in first-seen order (the dictionary of a string column).

/// Assigns each distinct string a code `0, 1, 2, ...` in the order strings are first seen,
/// keeping the distinct strings in a packed ``StringArrayBuilder``.
///
/// An open-addressing table (power-of-two size, at most half full, linear probing) maps
/// string hashes to codes; equal hashes are confirmed by comparing bytes.
///
/// ```swift
/// var d = StringDictionaryBuilder()
/// d.code(for: "view")   // 0
/// d.code(for: "cart")   // 1
/// d.code(for: "view")   // 0
/// ```
public struct StringDictionaryBuilder: Sendable {
    /// The distinct strings, in code order.
    public private(set) var entries = StringArrayBuilder()
    private var slots: [Int32]          // code + 1, or 0 for empty
    private var hashes: [UInt64] = []   // hash of each entry, by code
    private var mask: Int

    /// Creates an empty dictionary sized for about `expected` distinct strings.
    public init(expected: Int = 16) {
        let cap = Hashing.tableCapacity(for: expected)
        slots = [Int32](repeating: 0, count: cap)
        mask = cap - 1
    }

    /// The number of distinct strings.
    public var count: Int { entries.count }

    /// The code of a string given as bytes, adding it when new.
    ///
    /// - Complexity: amortised O(length of the string).
    public mutating func code(for utf8: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let h = Hashing.hash(bytes: UnsafeRawPointer(utf8.baseAddress), count: utf8.count)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s == 0 { break }
            let c = Int(s - 1)
            if hashes[c] == h && equals(c, utf8) { return UInt32(c) }
            i = (i + 1) & mask
        }
        let c = entries.count
        entries.append(utf8: utf8)
        hashes.append(h)
        slots[i] = Int32(c + 1)
        if entries.count * 2 > slots.count { grow() }
        return UInt32(c)
    }

    /// The code of a string, adding it when new.
    public mutating func code(for s: String) -> UInt32 {
        var s = s
        return s.withUTF8 { code(for: $0) }
    }

    /// The code of a string if it is present, without adding it.
    public func existingCode(for utf8: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let h = Hashing.hash(bytes: UnsafeRawPointer(utf8.baseAddress), count: utf8.count)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s == 0 { return nil }
            let c = Int(s - 1)
            if hashes[c] == h && equals(c, utf8) { return UInt32(c) }
            i = (i + 1) & mask
        }
    }

    private func equals(_ c: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = entries.offsets[c], end = entries.offsets[c + 1]
        guard end - start == utf8.count else { return false }
        return entries.bytes.withUnsafeBufferPointer { b in
            utf8.count == 0 || memcmpEqual(b.baseAddress! + start, utf8.baseAddress!, utf8.count)
        }
    }

    private mutating func grow() {
        let cap = slots.count * 2
        var fresh = [Int32](repeating: 0, count: cap)
        let m = cap - 1
        for c in 0..<hashes.count {
            var i = Int(truncatingIfNeeded: hashes[c]) & m
            while fresh[i] != 0 { i = (i + 1) & m }
            fresh[i] = Int32(c + 1)
        }
        slots = fresh
        mask = m
    }

    /// Finishes the dictionary's entries.
    public func build() -> StringArray { entries.build() }
}

/// Byte equality of two buffers of equal length.
@inlinable
func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    var i = 0
    while i + 8 <= n {
        if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) { return false }
        i += 8
    }
    while i < n {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}
