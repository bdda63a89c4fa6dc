// A string column: packed UTF-8 (plain) or dictionary-encoded codes, plus a validity bitmap.

/// An immutable column of strings.
///
/// Two layouts hold the same logical values:
/// - `.plain`: a ``StringArray`` with one entry per row (null rows hold the empty string);
/// - `.dictionary`: one `UInt32` code per row indexing a ``StringArray`` of distinct entries.
///   Entries are unique (two codes never name the same string), but a dictionary may hold
///   entries that no row uses (after a filter). Null rows hold an unspecified code.
///
/// Low-cardinality columns (event names, product codes, countries) are dictionary-encoded by
/// the CSV reader, which makes equality, grouping and joining on them integer work, and lets
/// filters, sorts and joins move 4-byte codes instead of bytes.
///
/// ```swift
/// let events = StringColumn(["view", nil, "cart", "view"]).dictionaryEncoded()
/// events[2]          // "cart"
/// events.nullCount   // 1
/// ```
public struct StringColumn: Sendable {
    /// How the strings are stored.
    public enum Storage: Sendable {
        /// One packed string per row.
        case plain(StringArray)
        /// One code per row into unique dictionary entries.
        case dictionary(codes: [UInt32], entries: StringArray)
    }

    /// The storage.
    public let storage: Storage
    /// The validity mask, or nil when no row is null.
    public let validity: Bitmap?

    /// Creates a column from storage and a validity mask (dropped when it has no null).
    public init(storage: Storage, validity: Bitmap? = nil) {
        let n: Int
        switch storage {
        case .plain(let a): n = a.count
        case .dictionary(let codes, _): n = codes.count
        }
        if let validity { precondition(validity.count == n, "validity length does not match strings") }
        self.storage = storage
        self.validity = (validity?.unsetCount ?? 0) == 0 ? nil : validity
    }

    /// Creates a plain column from optional strings.
    public init(_ strings: [String?]) {
        var b = StringArrayBuilder(capacity: strings.count)
        for s in strings {
            if let s { b.append(s) } else { b.appendEmpty() }
        }
        let hasNull = strings.contains(where: { $0 == nil })
        self.init(storage: .plain(b.build()), validity: hasNull ? Bitmap(strings.lazy.map { $0 != nil }) : nil)
    }

    /// The number of rows.
    public var count: Int {
        switch storage {
        case .plain(let a): return a.count
        case .dictionary(let codes, _): return codes.count
        }
    }

    /// The number of null rows.
    @inlinable public var nullCount: Int { validity?.unsetCount ?? 0 }

    /// Whether row `i` holds a value.
    @inlinable public func isValid(_ i: Int) -> Bool { validity.map { $0[i] } ?? true }

    /// The string of row `i`, or nil when it is null.
    public subscript(i: Int) -> String? {
        guard isValid(i) else { return nil }
        switch storage {
        case .plain(let a): return a[i]
        case .dictionary(let codes, let entries): return entries[Int(codes[i])]
        }
    }

    /// Calls `body` with the UTF-8 bytes of row `i` (empty for a null row).
    @inlinable
    public func withUTF8<R>(at i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch storage {
        case .plain(let a): return try a.withUTF8(at: i, body)
        case .dictionary(let codes, let entries):
            let c = Int(codes[i])
            // A null row's code is unspecified and may be past the entries.
            guard c < entries.count else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
            return try entries.withUTF8(at: c, body)
        }
    }

    /// The same values in dictionary layout (entries in first-seen order).
    ///
    /// - Complexity: O(total bytes) for a plain column; O(1) when already encoded.
    public func dictionaryEncoded() -> StringColumn {
        guard case .plain(let a) = storage else { return self }
        var dict = StringDictionaryBuilder(expected: min(a.count, 1024))
        var codes = [UInt32](repeating: 0, count: a.count)
        a.bytes.withUnsafeBufferPointer { bytes in
            for i in 0..<a.count where isValid(i) {
                let s = a.offsets[i], e = a.offsets[i + 1]
                codes[i] = dict.code(for: UnsafeBufferPointer(rebasing: bytes[s..<e]))
            }
        }
        return StringColumn(storage: .dictionary(codes: codes, entries: dict.build()), validity: validity)
    }

    /// The same values in plain layout.
    ///
    /// - Complexity: O(total bytes).
    public func plainEncoded() -> StringColumn {
        guard case .dictionary(let codes, let entries) = storage else { return self }
        var b = StringArrayBuilder(capacity: codes.count)
        entries.bytes.withUnsafeBufferPointer { bytes in
            for i in 0..<codes.count {
                if isValid(i) {
                    let c = Int(codes[i])
                    b.append(utf8: UnsafeBufferPointer(rebasing: bytes[entries.offsets[c]..<entries.offsets[c + 1]]))
                } else {
                    b.appendEmpty()
                }
            }
        }
        return StringColumn(storage: .plain(b.build()), validity: validity)
    }
}

extension StringColumn: Equatable {
    /// Columns are equal when they hold the same strings and nulls, whatever their layouts.
    public static func == (a: StringColumn, b: StringColumn) -> Bool {
        guard a.count == b.count, a.nullCount == b.nullCount else { return false }
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }
}
