// Strings as integers for order-based kernels: dictionary codes and the sorted rank of every entry.

/// A string column seen as integers: each row's dictionary code and each code's rank in byte
/// order (UTF-8 byte order is Unicode code point order), so that min, max, mode, rank and
/// n_unique run as integer kernels and the result maps back to strings through the entries.
public struct StringRanks: Sendable {
    /// The code of each row (unspecified on null rows).
    public let codes: [UInt32]
    /// The distinct strings; code `c` is `entries[c]`.
    public let entries: StringArray
    /// The rank of each code among the entries in ascending byte order (0 = smallest).
    public let rankOfCode: [Int64]
    /// The code of each rank (the inverse of `rankOfCode`).
    public let codeOfRank: [UInt32]
    /// The column's validity.
    public let validity: Bitmap?

    /// Ranks the entries of a column (dictionary-encoding a plain column first).
    ///
    /// - Complexity: O(rows) plus O(d log d) comparisons for d distinct strings.
    public init(_ column: StringColumn) {
        let encoded = column.dictionaryEncoded()
        guard case .dictionary(let codes, let entries) = encoded.storage else {
            preconditionFailure("dictionaryEncoded() gives dictionary storage")
        }
        self.codes = codes
        self.entries = entries
        self.validity = column.validity
        let order = entries.bytes.withUnsafeBufferPointer { bytes in
            (0..<entries.count).sorted { a, b in
                let x = UnsafeBufferPointer(rebasing: bytes[entries.offsets[a]..<entries.offsets[a + 1]])
                let y = UnsafeBufferPointer(rebasing: bytes[entries.offsets[b]..<entries.offsets[b + 1]])
                return StringComparison.compareBytes(x, y) < 0
            }
        }
        var ranks = [Int64](repeating: 0, count: entries.count)
        for (r, c) in order.enumerated() { ranks[c] = Int64(r) }
        self.rankOfCode = ranks
        self.codeOfRank = order.map { UInt32(truncatingIfNeeded: $0) }
    }

    /// The rank of every row (0 on null rows), for the integer kernels.
    ///
    /// - Complexity: O(rows).
    public func rowRanks() -> [Int64] {
        let n = codes.count
        return rankOfCode.withUnsafeBufferPointer { r in
            codes.withUnsafeBufferPointer { c in
                Elementwise.fill(n) { (o: UnsafeMutablePointer<Int64>) in
                    for i in 0..<n {
                        let code = Int(c[i])
                        (o + i).initialize(to: code < r.count ? r[code] : 0)
                    }
                }
            }
        }
    }

    /// A string column of one value per group from ranks (nil: null), sharing the entries.
    public func column(fromRanks ranks: [Int64?]) -> StringColumn {
        let codes = ranks.map { $0.map { codeOfRank[Int($0)] } ?? 0 }
        let valid = ranks.contains(where: { $0 == nil }) ? Bitmap(ranks.lazy.map { $0 != nil }) : nil
        return StringColumn(storage: .dictionary(codes: codes, entries: entries), validity: valid)
    }
}
