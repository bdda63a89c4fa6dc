// Finds the records and fields of a block of CSV bytes (RFC 4180 quoting) without copying any field.

/// Where the fields of a block's complete records are: one start offset per record and one end
/// offset per field, all relative to the block.
///
/// Field `j` of record `r` ends at `fieldEnd(r, j)` and starts one byte after the end of field
/// `j - 1` (the delimiter), or at `recordStarts[r]` for the first field. A quoted field's range
/// includes its quotes and its end carries ``quotedFlag``; ``CSVField`` unescapes it. A `\r`
/// before the record's `\n` is not part of the last field.
///
/// The buffers are raw and reused from block to block; their capacity is set by
/// ``reserve(bytes:columns:)`` from the block length, which bounds the number of records and
/// fields (every kept record of `c` fields spans at least `c` bytes, or `c - 1` at the end).
final class CSVRecordIndex: @unchecked Sendable {
    /// Set on a field end when the field began with a quote.
    static let quotedFlag: UInt32 = 1 << 31
    /// The offset bits of a field end.
    static let offsetMask: UInt32 = ~quotedFlag

    /// Fields per record.
    let columns: Int
    private(set) var recordStarts: UnsafeMutablePointer<UInt32>
    private(set) var fieldEnds: UnsafeMutablePointer<UInt32>
    private var recordCapacity = 0
    private var fieldCapacity = 0
    /// Records kept.
    var count = 0
    /// Records left out for a wrong field count (`bad_rows: skip`).
    var skipped = 0
    /// Line breaks in the bytes tokenized (inside quotes included, blank lines included).
    var newlines = 0
    /// The first record with the wrong field count: its offset and how many fields it had.
    var badRecord: (offset: Int, fields: Int)? = nil
    /// The offset of a quote that the input ends inside.
    var unterminatedQuote: Int? = nil

    init(columns: Int) {
        self.columns = max(1, columns)
        recordStarts = .allocate(capacity: 1)
        fieldEnds = .allocate(capacity: 1)
    }

    deinit {
        recordStarts.deallocate()
        fieldEnds.deallocate()
    }

    /// Empties the index and makes room for the records of `bytes` bytes.
    func reset(bytes: Int) {
        let records = bytes + 2
        let fields = bytes + columns + 2
        if records > recordCapacity {
            recordStarts.deallocate()
            recordCapacity = records
            recordStarts = .allocate(capacity: records)
        }
        if fields > fieldCapacity {
            fieldEnds.deallocate()
            fieldCapacity = fields
            fieldEnds = .allocate(capacity: fields)
        }
        count = 0
        skipped = 0
        newlines = 0
        badRecord = nil
        unterminatedQuote = nil
    }

    /// Where field `j` of record `r` starts and ends, and whether it is quoted.
    @inline(__always)
    func field(_ r: Int, _ j: Int) -> (start: Int, end: Int, quoted: Bool) {
        let e = fieldEnds[r &* columns &+ j]
        let start = j == 0 ? Int(recordStarts[r]) : Int(fieldEnds[r &* columns &+ j &- 1] & CSVRecordIndex.offsetMask) &+ 1
        return (start, Int(e & CSVRecordIndex.offsetMask), e & CSVRecordIndex.quotedFlag != 0)
    }
}

/// The CSV tokenizer: a byte loop that records field boundaries.
enum CSVTokenizer {
    /// Tokenizes records starting at `start` until a record would start at or after `stopAt`,
    /// the end of the bytes is reached, or an error is found.
    ///
    /// A record is complete when its line break is inside `0 ..< limit`, or, when `atEnd`, when
    /// `limit` is reached. An incomplete record is left for the next block. Quotes open only at
    /// the first byte of a field; inside quotes `""` is a quote and delimiters and line breaks
    /// are data; bytes after a closing quote up to the delimiter are kept (as pandas does).
    /// Blank lines are skipped unless the file has one column (then they are empty fields).
    ///
    /// - Parameters:
    ///   - b: the block.
    ///   - start: where the first record starts.
    ///   - limit: the end of the valid bytes.
    ///   - stopAt: no record starts at or after this offset (`limit` to take everything).
    ///   - atEnd: whether `limit` is the end of the input.
    ///   - delimiter: the field separator.
    ///   - skipBad: count and drop records with the wrong field count instead of stopping.
    ///   - index: receives the records (appended).
    /// - Returns: the offset after the last complete record.
    /// - Complexity: O(limit - start).
    static func tokenize(_ b: UnsafePointer<UInt8>, start: Int, limit: Int, stopAt: Int, atEnd: Bool,
                         delimiter d: UInt8, skipBad: Bool, into index: CSVRecordIndex) -> Int {
        let c = index.columns
        let rs = index.recordStarts, fe = index.fieldEnds
        var count = index.count
        var newlines = index.newlines
        var pos = start
        defer {
            index.count = count
            index.newlines = newlines
        }
        while pos < stopAt {
            let recordStart = pos
            // Blank lines.
            if c != 1 {
                if b[pos] == 10 { pos += 1; newlines += 1; continue }
                if b[pos] == 13 {
                    if pos + 1 < limit {
                        if b[pos + 1] == 10 { pos += 2; newlines += 1; continue }
                    } else if !atEnd {
                        return recordStart
                    } else {
                        pos += 1
                        continue
                    }
                }
            }
            let fieldBase = count &* c
            var nf = 0
            var quotedNewlines = 0
            var p = pos
            record: while true {
                let fieldStart = p
                var quoted: UInt32 = 0
                if p < limit && b[p] == 34 {
                    quoted = CSVRecordIndex.quotedFlag
                    p += 1
                    while true {
                        while p < limit && b[p] != 34 {
                            if b[p] == 10 { quotedNewlines += 1 }
                            p += 1
                        }
                        if p >= limit {
                            if !atEnd { return recordStart }
                            index.unterminatedQuote = fieldStart
                            return recordStart
                        }
                        if p + 1 < limit {
                            if b[p + 1] == 34 { p += 2; continue }
                        } else if !atEnd {
                            return recordStart   // cannot tell `""` from a closing quote yet
                        }
                        p += 1
                        break
                    }
                }
                while p < limit {
                    let ch = b[p]
                    if ch == d || ch == 10 { break }
                    p += 1
                }
                if p >= limit {
                    if !atEnd { return recordStart }
                    var end = p
                    if end > fieldStart && b[end - 1] == 13 { end -= 1 }
                    if nf < c { fe[fieldBase + nf] = UInt32(truncatingIfNeeded: end) | quoted }
                    nf += 1
                    break record
                }
                if b[p] == d {
                    if nf < c { fe[fieldBase + nf] = UInt32(truncatingIfNeeded: p) | quoted }
                    nf += 1
                    p += 1
                    continue record
                }
                // A line break ends the record.
                var end = p
                if end > fieldStart && b[end - 1] == 13 { end -= 1 }
                if nf < c { fe[fieldBase + nf] = UInt32(truncatingIfNeeded: end) | quoted }
                nf += 1
                newlines += 1
                p += 1
                break record
            }
            newlines += quotedNewlines
            pos = p
            if nf == c {
                rs[count] = UInt32(truncatingIfNeeded: recordStart)
                count += 1
            } else if skipBad {
                index.skipped += 1
            } else {
                index.badRecord = (recordStart, nf)
                return pos
            }
        }
        return pos
    }

    /// Splits one record into field byte ranges (any number of fields), for the header and the
    /// delimiter sniffer. Leading blank lines are skipped.
    ///
    /// - Returns: the fields, where the record started, where the next one starts and how many
    ///   line breaks were passed; nil when the record is not complete in `0 ..< limit` (and
    ///   `atEnd` is false), or when there is no record at all. `unterminated` is set when the
    ///   input ends inside quotes.
    static func splitRecord(_ b: UnsafePointer<UInt8>, start: Int, limit: Int, atEnd: Bool, delimiter d: UInt8)
        -> (fields: [(start: Int, end: Int, quoted: Bool)], recordStart: Int, next: Int, newlines: Int, unterminated: Bool)? {
        var p = start
        var newlines = 0
        while p < limit && (b[p] == 10 || b[p] == 13) {
            if b[p] == 10 { newlines += 1 }
            p += 1
        }
        guard p < limit else { return nil }
        let recordStart = p
        var fields: [(Int, Int, Bool)] = []
        while true {
            let fs = p
            var quoted = false
            if p < limit && b[p] == 34 {
                quoted = true
                p += 1
                while true {
                    while p < limit && b[p] != 34 { if b[p] == 10 { newlines += 1 }; p += 1 }
                    if p >= limit {
                        if !atEnd { return nil }
                        return (fields, recordStart, p, newlines, true)
                    }
                    if p + 1 < limit && b[p + 1] == 34 { p += 2; continue }
                    if p + 1 >= limit && !atEnd { return nil }
                    p += 1
                    break
                }
            }
            while p < limit && b[p] != d && b[p] != 10 { p += 1 }
            if p >= limit && !atEnd { return nil }
            var end = p
            let lineEnd = p >= limit || b[p] == 10
            if lineEnd && end > fs && b[end - 1] == 13 { end -= 1 }
            fields.append((fs, end, quoted))
            if p >= limit { return (fields, recordStart, p, newlines, false) }
            if b[p] == 10 { return (fields, recordStart, p + 1, newlines + 1, false) }
            p += 1
        }
    }
}
