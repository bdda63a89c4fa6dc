// Column names for a read frame: defaults, snake_case cleaning and de-duplication.

/// Turns the names a file gives into the names of a frame.
public enum ColumnNames {
    /// `column_1 ... column_n`, the names of a file without a header.
    public static func defaults(_ n: Int) -> [String] { n <= 0 ? [] : (1...n).map { "column_\($0)" } }

    /// A name as a snake_case identifier, after R's `janitor::clean_names`:
    /// `session ID` -> `session_id`, `page 1 (main category)` -> `page_1_main_category`,
    /// `userId` -> `user_id`, `Größe %` -> `grosse_percent`.
    ///
    /// Latin letters lose their accents (`é` -> `e`, `ß` -> `ss`, `ł` -> `l`; the Latin-1 and
    /// Latin Extended-A blocks) and are lowercased; a lowercase letter or digit followed by a
    /// capital starts a new word, as does the last capital of a run followed by a lowercase letter
    /// (`HTTPServer` -> `http_server`); `%` and `#` become `percent` and `number`; every run of
    /// other characters becomes one `_`, with none at either end. A name that would start with a
    /// digit gets an `x` in front (as janitor does); a name with nothing left is empty (the caller
    /// names it by position).
    public static func clean(_ name: String) -> String {
        // Letters and digits, with nil for a separator.
        var units: [Character?] = []
        for s in name.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                let ch = Character(s)
                if ch.isLetter || ch.isNumber { units.append(ch) }
                else if ch == "%" { units.append(nil); units.append(contentsOf: "percent".map { $0 }); units.append(nil) }
                else if ch == "#" { units.append(nil); units.append(contentsOf: "number".map { $0 }); units.append(nil) }
                else { units.append(nil) }
            } else if v >= 0xC0 && v < 0x180 {
                let folded = latinFolding[Int(v - 0xC0)]
                if folded.isEmpty { units.append(nil) } else { units.append(contentsOf: folded.map { $0 }) }
            } else if v >= 0x300 && v < 0x370 {
                continue   // combining accents of decomposed letters
            } else {
                units.append(nil)
            }
        }
        var out = ""
        var pending = false
        for (i, u) in units.enumerated() {
            guard let ch = u else { pending = true; continue }
            if ch.isUppercase, i > 0, let p = units[i - 1] {
                let nextIsLower = i + 1 < units.count && (units[i + 1]?.isLowercase ?? false)
                if p.isLowercase || p.isNumber || (p.isUppercase && nextIsLower) { pending = true }
            }
            if pending && !out.isEmpty { out += "_" }
            pending = false
            out += ch.lowercased()
        }
        if let f = out.first, f.isNumber { out = "x" + out }
        return out
    }

    /// The unaccented form of U+00C0 ... U+017F (`""`: not a letter, so a separator).
    private static let latinFolding: [String] = [
        "A", "A", "A", "A", "A", "A", "ae", "C", "E", "E", "E", "E", "I", "I", "I", "I", "D", "N", "O", "O", "O", "O",
        "O", "", "O", "U", "U", "U", "U", "Y", "th", "ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e",
        "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y", "A",
        "a", "A", "a", "A", "a", "C", "c", "C", "c", "C", "c", "C", "c", "D", "d", "D", "d", "E", "e", "E", "e", "E",
        "e", "E", "e", "E", "e", "G", "g", "G", "g", "G", "g", "G", "g", "H", "h", "H", "h", "I", "i", "I", "i", "I",
        "i", "I", "i", "I", "i", "ij", "ij", "J", "j", "K", "k", "k", "L", "l", "L", "l", "L", "l", "L", "l", "L",
        "l", "N", "n", "N", "n", "N", "n", "n", "N", "n", "O", "o", "O", "o", "O", "o", "oe", "oe", "R", "r", "R",
        "r", "R", "r", "S", "s", "S", "s", "S", "s", "S", "s", "T", "t", "T", "t", "T", "t", "U", "u", "U", "u", "U",
        "u", "U", "u", "U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z", "s",
    ]

    /// Final names: empty names become `column_i` (their 1-based position), and a repeated
    /// name gets the smallest suffix `_2`, `_3`, ... that no other column has, in order of
    /// appearance (`a, a, a` -> `a, a_2, a_3`).
    ///
    /// - Complexity: O(n) expected.
    public static func unique(_ names: [String]) -> [String] {
        let base = names.enumerated().map { $0.element.isEmpty ? "column_\($0.offset + 1)" : $0.element }
        var taken = Set(base)
        var used = Set<String>()
        return base.map { n in
            if used.insert(n).inserted { return n }
            var k = 2
            while taken.contains("\(n)_\(k)") { k += 1 }
            taken.insert("\(n)_\(k)")
            return "\(n)_\(k)"
        }
    }
}
