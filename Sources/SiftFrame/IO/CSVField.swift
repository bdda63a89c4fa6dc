// Field-level helpers of the CSV reader: null tokens, unescaping quoted fields, UTF-8 checks.

/// The null tokens of a read, matched against unquoted fields without making strings.
///
/// A field can only be a token when its length is one of the tokens' lengths and its first byte
/// starts one of them, so numbers (which start with a digit or sign) are rejected in two tests.
struct CSVNullTokens: Sendable {
    let matchesEmpty: Bool
    private let tokens: [[UInt8]]
    private let lengthMask: UInt64
    private let firstBytes: (UInt64, UInt64, UInt64, UInt64)

    init(_ texts: [String]) {
        matchesEmpty = texts.contains("")
        let t = texts.filter { !$0.isEmpty }.map { Array($0.utf8) }
        tokens = t
        var mask: UInt64 = 0
        var fb: [UInt64] = [0, 0, 0, 0]
        for tok in t {
            if tok.count < 64 { mask |= 1 << UInt64(tok.count) } else { mask |= 1 << 63 }
            fb[Int(tok[0] >> 6)] |= 1 << UInt64(tok[0] & 63)
        }
        lengthMask = mask
        firstBytes = (fb[0], fb[1], fb[2], fb[3])
    }

    /// Whether the `n` bytes at `p` are a null token.
    @inline(__always)
    func isNull(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        if n == 0 { return matchesEmpty }
        guard lengthMask >> UInt64(min(n, 63)) & 1 != 0 else { return false }
        let c = p[0]
        let word: UInt64
        switch c >> 6 {
        case 0: word = firstBytes.0
        case 1: word = firstBytes.1
        case 2: word = firstBytes.2
        default: word = firstBytes.3
        }
        guard word >> UInt64(c & 63) & 1 != 0 else { return false }
        return slowMatch(p, n)
    }

    private func slowMatch(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        for t in tokens where t.count == n {
            if t.withUnsafeBufferPointer({ memcmpEqual($0.baseAddress!, p, n) }) { return true }
        }
        return false
    }
}

/// Helpers on the bytes of one field.
enum CSVField {
    /// The content of a quoted field whose raw bytes `start ..< end` begin with a quote: `""`
    /// becomes `"`, and bytes after the closing quote are kept as they are.
    static func unescape(_ b: UnsafePointer<UInt8>, start: Int, end: Int, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var i = start + 1
        while i < end {
            let c = b[i]
            if c == 34 {
                if i + 1 < end && b[i + 1] == 34 {
                    out.append(34)
                    i += 2
                    continue
                }
                i += 1
                while i < end { out.append(b[i]); i += 1 }
                break
            }
            out.append(c)
            i += 1
        }
    }

    /// The field's text as a Swift string (for messages and names; never on the hot path).
    static func text(_ b: UnsafePointer<UInt8>, start: Int, end: Int, quoted: Bool) -> String {
        if quoted {
            var out: [UInt8] = []
            unescape(b, start: start, end: end, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
        return String(decoding: UnsafeBufferPointer(start: b + start, count: end - start), as: UTF8.self)
    }

    /// The bytes without leading and trailing spaces and tabs.
    @inline(__always)
    static func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lo = 0, hi = b.count
        while lo < hi && (b[lo] == 32 || b[lo] == 9) { lo += 1 }
        while hi > lo && (b[hi - 1] == 32 || b[hi - 1] == 9) { hi -= 1 }
        return UnsafeBufferPointer(rebasing: b[lo..<hi])
    }
}

/// UTF-8 validation (the well-formed byte sequences of Unicode 15, table 3-7: no overlong
/// forms, no surrogates, nothing above U+10FFFF).
enum UTF8Validation {
    /// Whether the `n` bytes at `p` are well-formed UTF-8.
    ///
    /// - Complexity: O(n); ASCII runs are checked eight bytes at a time.
    @inline(__always)
    static func isValid(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i + 8 <= n {
            if UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return slowIsValid(p, n, from: i) }
            i += 8
        }
        while i < n {
            if p[i] >= 0x80 { return slowIsValid(p, n, from: i) }
            i += 1
        }
        return true
    }

    static func slowIsValid(_ p: UnsafePointer<UInt8>, _ n: Int, from start: Int) -> Bool {
        var i = start
        while i < n {
            let c = p[i]
            if c < 0x80 { i += 1; continue }
            @inline(__always) func cont(_ k: Int) -> Bool { i + k < n && p[i + k] & 0xC0 == 0x80 }
            if c >= 0xC2 && c <= 0xDF {
                guard cont(1) else { return false }
                i += 2
            } else if c >= 0xE0 && c <= 0xEF {
                guard i + 1 < n else { return false }
                let c1 = p[i + 1]
                let lo: UInt8 = c == 0xE0 ? 0xA0 : 0x80
                let hi: UInt8 = c == 0xED ? 0x9F : 0xBF
                guard c1 >= lo && c1 <= hi, cont(2) else { return false }
                i += 3
            } else if c >= 0xF0 && c <= 0xF4 {
                guard i + 1 < n else { return false }
                let c1 = p[i + 1]
                let lo: UInt8 = c == 0xF0 ? 0x90 : 0x80
                let hi: UInt8 = c == 0xF4 ? 0x8F : 0xBF
                guard c1 >= lo && c1 <= hi, cont(2), cont(3) else { return false }
                i += 4
            } else {
                return false
            }
        }
        return true
    }
}
