// Validity bitmaps: one bit per row, set = valid, least significant bit first (Arrow's layout).

/// A fixed-length sequence of bits, packed 64 to a word, with its set-bit count cached.
///
/// Columns use a bitmap as their validity mask: bit `i` set means row `i` holds a value.
/// Bits past `count` in the last word are always zero, so word-wise operations (and, or,
/// popcount) never see garbage.
///
/// ```swift
/// let valid = Bitmap([true, false, true])
/// valid.setCount   // 2
/// valid[1]         // false
/// ```
public struct Bitmap: Sendable, Equatable {
    /// The packed words, `(count + 63) / 64` of them.
    public let words: [UInt64]
    /// The number of bits.
    public let count: Int
    /// The number of set bits (valid rows), computed once.
    public let setCount: Int

    /// The number of unset bits (null rows).
    @inlinable public var unsetCount: Int { count - setCount }

    /// Number of words needed for `count` bits.
    @inlinable public static func wordCount(for count: Int) -> Int { (count + 63) >> 6 }

    /// Creates a bitmap from packed words, clearing any bits past `count`.
    ///
    /// - Complexity: O(count / 64).
    public init(words: [UInt64], count: Int) {
        precondition(words.count == Bitmap.wordCount(for: count), "bitmap word count does not match bit count")
        var w = words
        let tail = count & 63
        if tail != 0 { w[w.count - 1] &= (UInt64(1) << UInt64(tail)) &- 1 }
        self.words = w
        self.count = count
        var total = 0
        for x in w { total &+= x.nonzeroBitCount }
        self.setCount = total
    }

    /// Creates a bitmap of `count` bits, all set or all clear.
    public init(repeating value: Bool, count: Int) {
        self.init(words: [UInt64](repeating: value ? ~0 : 0, count: Bitmap.wordCount(for: count)), count: count)
    }

    /// Creates a bitmap from booleans.
    public init<S: Sequence>(_ bits: S) where S.Element == Bool {
        var words: [UInt64] = []
        var n = 0
        var current: UInt64 = 0
        for b in bits {
            if b { current |= UInt64(1) << UInt64(n & 63) }
            n += 1
            if n & 63 == 0 { words.append(current); current = 0 }
        }
        if n & 63 != 0 { words.append(current) }
        self.init(words: words, count: n)
    }

    /// Creates a bitmap of `count` bits by filling zeroed words in place.
    ///
    /// - Parameter body: receives the zero-initialised words; bits past `count` are cleared afterwards.
    public init(count: Int, filling body: (inout UnsafeMutableBufferPointer<UInt64>) throws -> Void) rethrows {
        let n = Bitmap.wordCount(for: count)
        let w = try [UInt64](unsafeUninitializedCapacity: n) { buf, initialized in
            buf.initialize(repeating: 0)
            try body(&buf)
            initialized = n
        }
        self.init(words: w, count: count)
    }

    /// Whether bit `i` is set.
    @inlinable public subscript(i: Int) -> Bool {
        precondition(i >= 0 && i < count, "bitmap index out of range")
        return words[i >> 6] >> UInt64(i & 63) & 1 == 1
    }

    /// The bitwise and of two bitmaps of equal length.
    public static func & (a: Bitmap, b: Bitmap) -> Bitmap {
        precondition(a.count == b.count, "bitmap lengths differ")
        return Bitmap(words: zip(a.words, b.words).map { $0 & $1 }, count: a.count)
    }

    /// The bitwise or of two bitmaps of equal length.
    public static func | (a: Bitmap, b: Bitmap) -> Bitmap {
        precondition(a.count == b.count, "bitmap lengths differ")
        return Bitmap(words: zip(a.words, b.words).map { $0 | $1 }, count: a.count)
    }

    /// The complement (bits past `count` stay clear).
    public static prefix func ~ (a: Bitmap) -> Bitmap {
        Bitmap(words: a.words.map { ~$0 }, count: a.count)
    }

    /// The and of two optional validity masks, where nil means all valid.
    public static func intersect(_ a: Bitmap?, _ b: Bitmap?) -> Bitmap? {
        switch (a, b) {
        case (nil, nil): return nil
        case (let x?, nil): return x
        case (nil, let y?): return y
        case (let x?, let y?): return x & y
        }
    }

    /// The indices of the set bits, in increasing order.
    ///
    /// - Complexity: O(count / 64 + setCount).
    public func setIndices() -> [Int32] {
        var out = [Int32]()
        out.reserveCapacity(setCount)
        for (wi, word) in words.enumerated() {
            var w = word
            while w != 0 {
                let bit = w.trailingZeroBitCount
                out.append(Int32(truncatingIfNeeded: wi << 6 | bit))
                w &= w &- 1
            }
        }
        return out
    }

    /// Visits the words of a validity mask the way every kernel should (DuckDB's scalar executor):
    /// full words take the fast path, empty words are skipped, mixed words are tested bit by bit.
    ///
    /// - Parameters:
    ///   - validity: the mask, or nil when every row is valid.
    ///   - count: the number of rows.
    ///   - body: called with each valid row index, in increasing order.
    @inlinable
    public static func forEachValid(_ validity: Bitmap?, count: Int, _ body: (Int) throws -> Void) rethrows {
        guard let validity else {
            for i in 0..<count { try body(i) }
            return
        }
        try validity.words.withUnsafeBufferPointer { words in
            for wi in 0..<words.count {
                let word = words[wi]
                if word == 0 { continue }
                let base = wi << 6
                if word == ~0 {
                    for i in base..<(base + 64) { try body(i) }
                } else {
                    var w = word
                    while w != 0 {
                        try body(base | w.trailingZeroBitCount)
                        w &= w &- 1
                    }
                }
            }
        }
    }
}
