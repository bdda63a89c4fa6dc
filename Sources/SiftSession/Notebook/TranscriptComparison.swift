// Compares a replayed transcript with the saved one: numbers within 1e-9 relative, everything else exactly.

/// The comparison rule of `sift test`.
///
/// Both texts are split into runs of number and non-number characters. They match when the
/// non-number runs are identical and each pair of numbers agrees within a relative tolerance
/// of 1e-9 (so a transcript survives a change of summation order in the last digits).
public enum TranscriptComparison {
    /// The relative tolerance for numbers.
    public static let relativeTolerance = 1e-9

    /// Whether `actual` matches `expected` under the rule.
    public static func matches(_ actual: String, _ expected: String) -> Bool {
        if actual == expected { return true }
        let a = tokens(actual), e = tokens(expected)
        guard a.count == e.count else { return false }
        for (x, y) in zip(a, e) {
            switch (x, y) {
            case (.text(let s), .text(let t)): if s != t { return false }
            case (.number(let s, let u), .number(let t, let v)):
                if s == t { continue }
                let scale = max(abs(u), abs(v))
                if !(abs(u - v) <= relativeTolerance * scale) { return false }
            default: return false
            }
        }
        return true
    }

    enum Token { case text(Substring), number(Substring, Double) }

    /// Splits text into number and non-number runs. A number is an optional `-`, digits with an
    /// optional fraction, and an optional exponent; a `-` only counts when no letter or digit
    /// comes right before it (so `a-1` keeps its dash as text).
    static func tokens(_ s: String) -> [Token] {
        let chars = Array(s.utf8)
        var out: [Token] = []
        var i = 0, textStart = 0
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        func isWordChar(_ c: UInt8) -> Bool { isDigit(c) || (c | 0x20 >= 97 && c | 0x20 <= 122) || c == 95 || c == 46 }
        func sub(_ a: Int, _ b: Int) -> Substring {
            let lo = s.utf8.index(s.utf8.startIndex, offsetBy: a), hi = s.utf8.index(s.utf8.startIndex, offsetBy: b)
            return Substring(s[lo..<hi])
        }
        while i < chars.count {
            let c = chars[i]
            let prevWord = i > 0 && isWordChar(chars[i - 1])
            let startsNumber = (isDigit(c) && !prevWord) || (c == 45 && i + 1 < chars.count && isDigit(chars[i + 1]) && !prevWord)
            if !startsNumber { i += 1; continue }
            var j = i + (c == 45 ? 1 : 0)
            while j < chars.count && isDigit(chars[j]) { j += 1 }
            if j + 1 < chars.count && chars[j] == 46 && isDigit(chars[j + 1]) {
                j += 1
                while j < chars.count && isDigit(chars[j]) { j += 1 }
            }
            if j < chars.count && (chars[j] == 101 || chars[j] == 69) {
                var k = j + 1
                if k < chars.count && (chars[k] == 43 || chars[k] == 45) { k += 1 }
                if k < chars.count && isDigit(chars[k]) {
                    while k < chars.count && isDigit(chars[k]) { k += 1 }
                    j = k
                }
            }
            // A number glued to letters after it (a unit, an identifier) is text.
            if j < chars.count && isWordChar(chars[j]) && chars[j] != 46 { i = j; continue }
            if textStart < i { out.append(.text(sub(textStart, i))) }
            let text = sub(i, j)
            out.append(.number(text, Double(String(text)) ?? .nan))
            i = j
            textStart = j
        }
        if textStart < chars.count { out.append(.text(sub(textStart, chars.count))) }
        return out
    }
}
