// Guesses a CSV file's delimiter from its first lines.

/// Chooses the delimiter among `,` `;` `\t` `|`.
///
/// Each candidate splits the first ``sampleRecords`` complete records (quote-aware). A
/// candidate is consistent when every record then has the same number of fields, more than one.
/// The consistent candidate with the most fields wins; ties go to the earlier candidate in the
/// order above. When none is consistent, the candidate whose most common field count (above
/// one) covers the most records wins; when no candidate splits anything, `,` is used (a
/// one-column file).
enum CSVSniffer {
    /// The candidates, in order of preference.
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]
    /// How many records are looked at: enough to see past a title-like first line, few enough
    /// to stay in the first block.
    static let sampleRecords = 20

    /// The delimiter of the bytes `0 ..< length` (the start of the input).
    static func sniff(_ b: UnsafePointer<UInt8>, length: Int, atEnd: Bool) -> UInt8 {
        var best: (delimiter: UInt8, fields: Int, consistent: Bool, support: Int)? = nil
        for d in candidates {
            var counts: [Int] = []
            var pos = 0
            while counts.count < sampleRecords,
                  let rec = CSVTokenizer.splitRecord(b, start: pos, limit: length, atEnd: atEnd, delimiter: d) {
                counts.append(rec.fields.count)
                if rec.unterminated || rec.next <= pos { break }
                pos = rec.next
            }
            guard let first = counts.first else { continue }
            let consistent = first > 1 && counts.allSatisfy { $0 == first }
            var tally: [Int: Int] = [:]
            for c in counts where c > 1 { tally[c, default: 0] += 1 }
            // The most common count, larger counts first on ties (deterministic).
            let mode = tally.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key > $1.key }.first
            let fields = consistent ? first : (mode?.key ?? 1)
            let support = consistent ? counts.count : (mode?.value ?? 0)
            guard fields > 1 else { continue }
            let candidate = (d, fields, consistent, support)
            guard let cur = best else { best = candidate; continue }
            if consistent != cur.consistent {
                if consistent { best = candidate }
            } else if consistent {
                if fields > cur.fields { best = candidate }
            } else if support > cur.support || (support == cur.support && fields > cur.fields) {
                best = candidate
            }
        }
        return best?.delimiter ?? UInt8(ascii: ",")
    }
}
