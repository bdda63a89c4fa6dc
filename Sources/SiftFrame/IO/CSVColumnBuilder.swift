// Builds one column of a CSV read block by block, inferring its type over the whole file.

/// A failure in one cell: the record (in the index being appended) and what went wrong.
struct CSVCellError: Error {
    /// The record in the index.
    var record: Int
    /// The message (without file and line).
    var message: String
}

/// Parses one column's fields straight from the block bytes into typed arrays.
///
/// Inference keeps the narrowest type that every non-null field so far fits: nothing yet
/// (all null), then `int`, widening to `double` when a decimal appears; `bool`, `timestamp`;
/// anything else is `string`. Widening int to double converts the values in place; a column that
/// turns out to be text after typed rows is marked ``Kind/deferred`` and rebuilt as strings by
/// a second pass over the file (the original text of earlier rows is gone by then).
///
/// Arrays grow one block at a time from a capacity reserved up front from the estimated row
/// count (untouched capacity costs address space, not memory). Strings are interned into a
/// dictionary until they prove to be high-cardinality (more than ``plainThreshold`` distinct
/// values and more than half the rows), then stored plainly.
final class CSVColumnBuilder: @unchecked Sendable {
    /// What the column holds so far.
    enum Kind: Equatable {
        case empty, int, double, bool, timestamp, duration, string, deferred
    }

    /// Distinct strings a column may have before it can switch to plain storage: below this a
    /// dictionary is always kept (its codes are 4 bytes a row against 8 for plain offsets, and
    /// grouping, joining and comparing on it is integer work).
    static let plainThreshold = 1 << 16

    let name: String
    /// The type from `types:`, which fixes the kind and turns parse failures into errors.
    let fixed: DataType?
    private(set) var kind: Kind
    private(set) var count = 0
    private var capacityHint: Int
    private let nulls: CSVNullTokens
    /// Whether string bytes still need UTF-8 validation (false for Latin-1 input, which is
    /// converted to UTF-8 by the reader).
    private let validate: Bool

    private var words: [UInt64] = []
    private var nullCount = 0
    private var ints: [Int64] = []
    private var doubles: [Double] = []
    private var bools: [Bool] = []
    private var stamps: [Timestamp] = []
    private var durations: [Duration] = []
    private var codes: [UInt32] = []
    private var dict: StringDictionaryBuilder? = nil
    private var plain: StringArrayBuilder? = nil
    private var scratch: [UInt8] = []

    init(name: String, fixed: DataType?, nulls: CSVNullTokens, validateUTF8: Bool, capacityHint: Int) {
        self.name = name
        self.fixed = fixed
        self.nulls = nulls
        self.validate = validateUTF8
        self.capacityHint = max(16, capacityHint)
        switch fixed {
        case nil: kind = .empty
        case .int?: kind = .int
        case .double?: kind = .double
        case .bool?: kind = .bool
        case .timestamp?: kind = .timestamp
        case .duration?: kind = .duration
        case .string?: kind = .string
        }
    }

    // MARK: - Appending a block

    /// Appends field `column` of every record of `index`.
    ///
    /// - Throws: ``CSVCellError`` for a value that does not parse under `types:`, or invalid UTF-8.
    func append(_ b: UnsafePointer<UInt8>, _ index: CSVRecordIndex, column j: Int) throws {
        let n = index.count
        guard n > 0, kind != .deferred else { count += n; return }
        let base = count
        let needWords = (base + n + 63) >> 6
        if words.count < needWords {
            if words.isEmpty { words.reserveCapacity((capacityHint + 63) >> 6) }
            words.append(contentsOf: repeatElement(0, count: needWords - words.count))
        }
        extend(to: base + n)
        var r = 0
        while r < n {
            let failed: Int
            switch kind {
            case .empty: failed = appendEmpty(b, index, j, from: r, base: base)
            case .int: failed = appendFixed(&ints, b, index, j, from: r, base: base) { NumberParser.parseInt($0) }
            case .double: failed = appendFixed(&doubles, b, index, j, from: r, base: base) { NumberParser.parseDouble($0) }
            case .bool: failed = appendFixed(&bools, b, index, j, from: r, base: base) { NumberParser.parseBool($0) }
            case .timestamp: failed = appendFixed(&stamps, b, index, j, from: r, base: base) { TimestampParser.parse(bytes: $0) }
            case .duration: failed = appendFixed(&durations, b, index, j, from: r, base: base) { NumberParser.parseDuration($0) }
            case .string: failed = try appendStrings(b, index, j, from: r, base: base)
            case .deferred: failed = n
            }
            if failed >= n { break }
            try promote(b, index, j, record: failed, base: base, total: base + n)
            r = failed
            if kind == .deferred { break }
        }
        count = base + n
        if kind == .string, let d = dict, d.count > CSVColumnBuilder.plainThreshold, d.count * 2 > count { switchToPlain() }
    }

    /// Makes the current kind's array `total` long (new slots zero).
    private func extend(to total: Int) {
        @inline(__always) func grow<T>(_ a: inout [T], _ zero: T) {
            if a.count < total {
                if a.isEmpty { a.reserveCapacity(max(capacityHint, total)) }
                a.append(contentsOf: repeatElement(zero, count: total - a.count))
            }
        }
        switch kind {
        case .int: grow(&ints, 0)
        case .double: grow(&doubles, 0)
        case .bool: grow(&bools, false)
        case .timestamp: grow(&stamps, .zero)
        case .duration: grow(&durations, .zero)
        case .string: if plain == nil { if dict == nil { dict = StringDictionaryBuilder(expected: 64) }; grow(&codes, 0) }
        case .empty, .deferred: break
        }
    }

    /// The text of a field (unescaped when quoted) passed to `body`; nil for a null field.
    @inline(__always)
    private func withField<R>(_ b: UnsafePointer<UInt8>, _ index: CSVRecordIndex, _ r: Int, _ j: Int,
                              _ body: (UnsafeBufferPointer<UInt8>?) throws -> R) rethrows -> R {
        let f = index.field(r, j)
        if !f.quoted {
            let len = f.end &- f.start
            if nulls.isNull(b + f.start, len) { return try body(nil) }
            return try body(UnsafeBufferPointer(start: b + f.start, count: len))
        }
        CSVField.unescape(b, start: f.start, end: f.end, into: &scratch)
        return try scratch.withUnsafeBufferPointer { try body($0) }
    }

    /// Records rows `from...` of an all-null column until the first value; returns its record.
    private func appendEmpty(_ b: UnsafePointer<UInt8>, _ index: CSVRecordIndex, _ j: Int, from: Int, base: Int) -> Int {
        for r in from..<index.count {
            let isNull = withField(b, index, r, j) { $0 == nil }
            if !isNull { return r }
            nullCount += 1
        }
        return index.count
    }

    /// Parses rows `from...` into `array` at `base + r`; returns the first record that does not parse.
    @inline(__always)
    private func appendFixed<T>(_ array: inout [T], _ b: UnsafePointer<UInt8>, _ index: CSVRecordIndex, _ j: Int,
                                from: Int, base: Int, _ parse: (UnsafeBufferPointer<UInt8>) -> T?) -> Int {
        let n = index.count
        var nullsHere = 0
        var failed = n
        let c = index.columns
        let rs = index.recordStarts, fe = index.fieldEnds
        let tokens = nulls
        array.withUnsafeMutableBufferPointer { out in
            words.withUnsafeMutableBufferPointer { w in
                var r = from
                while r < n {
                    let e = fe[r &* c &+ j]
                    let start = j == 0 ? Int(rs[r]) : Int(fe[r &* c &+ j &- 1] & CSVRecordIndex.offsetMask) &+ 1
                    let end = Int(e & CSVRecordIndex.offsetMask)
                    let row = base &+ r
                    if e & CSVRecordIndex.quotedFlag == 0 {
                        let len = end &- start
                        if tokens.isNull(b + start, len) {
                            nullsHere &+= 1
                        } else if let v = parse(UnsafeBufferPointer(start: b + start, count: len)) {
                            out[row] = v
                            w[row >> 6] |= 1 << UInt64(row & 63)
                        } else if let v = parse(CSVField.trimmed(UnsafeBufferPointer(start: b + start, count: len))) {
                            out[row] = v
                            w[row >> 6] |= 1 << UInt64(row & 63)
                        } else {
                            failed = r
                            break
                        }
                    } else {
                        CSVField.unescape(b, start: start, end: end, into: &scratch)
                        let v = scratch.withUnsafeBufferPointer { parse(CSVField.trimmed($0)) }
                        guard let v else { failed = r; break }
                        out[row] = v
                        w[row >> 6] |= 1 << UInt64(row & 63)
                    }
                    r &+= 1
                }
            }
        }
        nullCount += nullsHere
        return failed
    }

    /// Interns rows `from...` (or appends them plainly); returns `index.count`.
    private func appendStrings(_ b: UnsafePointer<UInt8>, _ index: CSVRecordIndex, _ j: Int, from: Int, base: Int) throws -> Int {
        let n = index.count
        if plain != nil {
            for r in from..<n {
                try withField(b, index, r, j) { f in
                    guard let f else { plain!.appendEmpty(); nullCount += 1; return }
                    if validate && !UTF8Validation.isValid(f.baseAddress ?? b, f.count) { throw invalidUTF8(r) }
                    plain!.append(utf8: f)
                    let row = base + r
                    words[row >> 6] |= 1 << UInt64(row & 63)
                }
            }
            return n
        }
        var d = dict ?? StringDictionaryBuilder(expected: 64)
        dict = nil
        defer { dict = d }
        try codes.withUnsafeMutableBufferPointer { out in
            for r in from..<n {
                try withField(b, index, r, j) { f in
                    guard let f else { nullCount += 1; return }
                    let before = d.count
                    let code = d.code(for: f)
                    if validate && d.count != before && !UTF8Validation.isValid(f.baseAddress ?? b, f.count) { throw invalidUTF8(r) }
                    let row = base + r
                    out[row] = code
                    words[row >> 6] |= 1 << UInt64(row & 63)
                }
            }
        }
        return n
    }

    private func invalidUTF8(_ r: Int) -> CSVCellError {
        CSVCellError(record: r, message: "invalid UTF-8 in column '\(name)' (if the file is Latin-1, load it with encoding:\"latin-1\")")
    }

    // MARK: - Changing type

    /// Handles a field that does not fit the current kind: widens the column, or reports the
    /// field when its type was given.
    private func promote(_ b: UnsafePointer<UInt8>, _ index: CSVRecordIndex, _ j: Int, record r: Int, base: Int, total: Int) throws {
        let text = withField(b, index, r, j) { f in f.map { Array($0) } ?? [] }
        if let fixed {
            let shown = String(decoding: text.prefix(60), as: UTF8.self)
            throw CSVCellError(record: r, message: "column '\(name)': cannot read '\(shown)' as \(fixed)")
        }
        let next = text.withUnsafeBufferPointer { CSVColumnBuilder.infer(CSVField.trimmed($0)) }
        switch (kind, next) {
        case (.empty, _):
            kind = next
        case (.int, .double), (.int, .int):
            doubles = ints.map { Double($0) }
            ints = []
            kind = .double
        default:
            // Text after typed values: the earlier rows' text is gone, so a second pass reads it.
            kind = .deferred
            ints = []; doubles = []; bools = []; stamps = []; durations = []
            return
        }
        extend(to: total)
    }

    /// The narrowest kind a (non-null) field fits.
    static func infer(_ f: UnsafeBufferPointer<UInt8>) -> Kind {
        if NumberParser.parseInt(f) != nil { return .int }
        if NumberParser.parseDouble(f) != nil { return .double }
        if NumberParser.parseBool(f) != nil { return .bool }
        if TimestampParser.parse(bytes: f) != nil { return .timestamp }
        return .string
    }

    private func switchToPlain() {
        guard let d = dict else { return }
        let entries = d.build()
        var p = StringArrayBuilder(capacity: max(capacityHint, count), byteCapacity: entries.bytes.count * 2)
        entries.bytes.withUnsafeBufferPointer { bytes in
            for row in 0..<count {
                if words[row >> 6] >> UInt64(row & 63) & 1 != 0 {
                    let c = Int(codes[row])
                    p.append(utf8: UnsafeBufferPointer(rebasing: bytes[entries.offsets[c]..<entries.offsets[c + 1]]))
                } else {
                    p.appendEmpty()
                }
            }
        }
        plain = p
        dict = nil
        codes = []
    }

    // MARK: - Finishing

    /// The finished column (nil when it is ``Kind/deferred`` and must be rebuilt as text).
    func finish() -> AnyColumn? {
        let validity: Bitmap? = nullCount == 0 ? nil : Bitmap(words: Array(words.prefix(Bitmap.wordCount(for: count))), count: count)
        switch kind {
        case .empty: return AnyColumn.nulls(of: fixed ?? .untypedNull, count: count)
        case .int: return .int(Column(values: trimmed(ints), validity: validity))
        case .double: return .double(Column(values: trimmed(doubles), validity: validity))
        case .bool: return .bool(Column(values: trimmed(bools), validity: validity))
        case .timestamp: return .timestamp(Column(values: trimmed(stamps), validity: validity))
        case .duration: return .duration(Column(values: trimmed(durations), validity: validity))
        case .string:
            if let p = plain { return .string(StringColumn(storage: .plain(p.build()), validity: validity)) }
            let entries = dict?.build() ?? .empty
            let col = StringColumn(storage: .dictionary(codes: trimmed(codes), entries: entries), validity: validity)
            // High-cardinality columns are plain: a dictionary as large as the column saves nothing.
            if entries.count * 2 > count && count >= 2 { return .string(col.plainEncoded()) }
            return .string(col)
        case .deferred: return nil
        }
    }

    private func trimmed<T>(_ a: [T]) -> [T] {
        if a.count == count { return a }
        if a.isEmpty { return [] }
        return Array(a.prefix(count))
    }
}
