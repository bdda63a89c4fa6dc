// Sorting frames: stable, multi-key, ascending or descending per key, nulls last, by radix sort on packed normalised keys.

/// The direction of one sort key.
public enum SortDirection: String, Sendable, Equatable {
    /// Smallest first.
    case ascending
    /// Largest first.
    case descending
}

/// One key of a sort: a column and its direction.
public struct SortKey: Sendable, Equatable {
    /// The column's name.
    public var column: String
    /// Its direction.
    public var direction: SortDirection

    /// Creates a key.
    public init(_ column: String, _ direction: SortDirection = .ascending) {
        self.column = column
        self.direction = direction
    }
}

/// The sort permutation of key columns.
public enum Sorting {
    /// The rows in sorted order: by the first key, ties by the second, and so on; rows that
    /// tie on every key keep their order (the sort is stable). Nulls come last whatever the
    /// direction (pandas' `na_position="last"`, DuckDB's default). Ints, doubles, timestamps
    /// and durations compare by value (`-0.0` ties `0.0`), bools `false` before `true`, and
    /// strings by their bytes, which is Unicode scalar order (not a locale's collation).
    ///
    /// Every key becomes a code of as few bits as its range needs (see `SortComponent`);
    /// codes are packed into 64-bit words, most significant key first. When all keys fit in
    /// 32 bits, the row index takes the low half of the same word and one radix sort of
    /// 8-byte elements does everything; wider keys sort one word at a time, last word first
    /// (LSD over words), each pass stable.
    ///
    /// ```swift
    /// let p = Sorting.permutation([(.int(Column<Int64>([3, nil, 1, 3])), .descending)])
    /// p   // [0, 3, 2, 1]
    /// ```
    /// - Parameter keys: key columns of equal length with their directions.
    /// - Returns: the row indices in sorted order.
    /// - Complexity: O(rows × ⌈key bits / 11⌉), split across cores; plus ranking the
    ///   distinct strings of string keys (O(d log d) comparisons).
    public static func permutation(_ keys: [(AnyColumn, SortDirection)]) -> [Int32] {
        let n = keys.first?.0.count ?? 0
        precondition(keys.allSatisfy { $0.0.count == n }, "sort keys differ in length")
        let components = keys.flatMap { SortComponent.components(of: $0.0, descending: $0.1 == .descending) }.filter { $0.bits > 0 }
        if n < 2 || components.isEmpty { return (0..<n).map { Int32(truncatingIfNeeded: $0) } }

        // Pack greedily into words of at most 64 bits, most significant component first.
        var words: [[SortComponent]] = [[]]
        var used = 0
        for c in components {
            if used + c.bits > 64 { words.append([]); used = 0 }
            words[words.count - 1].append(c)
            used += c.bits
        }

        var perm: [Int32]? = nil
        let buffer = UnsafeMutablePointer<UInt64>.allocateHuge(n)
        let scratch = UnsafeMutablePointer<UInt64>.allocateHuge(n)
        defer { buffer.deallocate(); scratch.deallocate() }
        for word in words.reversed() {
            let bits = word.reduce(0) { $0 + $1.bits }
            let packIndex = bits <= 32
            func fill(_ rows: UnsafePointer<Int32>?) {
                var shift = (packIndex ? 32 : 0) + bits
                for (j, c) in word.enumerated() {
                    shift -= c.bits
                    c.write(buffer, count: n, rows: rows, shift: shift, overwrite: j == 0, withIndex: packIndex && j == 0)
                }
            }
            if let p = perm { p.withUnsafeBufferPointer { fill($0.baseAddress) } } else { fill(nil) }
            if packIndex {
                perm = RadixSort.sortedRows(buffer, scratch: scratch, count: n, lowBit: 32, bits: bits)
            } else {
                let pairs = UnsafeMutablePointer<KeyedRow>.allocateHuge(n)
                let pairScratch = UnsafeMutablePointer<KeyedRow>.allocateHuge(n)
                defer { pairs.deallocate(); pairScratch.deallocate() }
                if let p = perm {
                    for i in 0..<n { (pairs + i).initialize(to: KeyedRow(key: buffer[i], row: p[i])) }
                } else {
                    for i in 0..<n { (pairs + i).initialize(to: KeyedRow(key: buffer[i], row: Int32(truncatingIfNeeded: i))) }
                }
                perm = RadixSort.sortedRows(pairs, scratch: pairScratch, count: n, lowBit: 0, bits: bits)
            }
        }
        return perm ?? []
    }
}

extension DataFrame {
    /// The frame's rows in sorted order (see ``Sorting/permutation(_:)``): stable, nulls last
    /// in both directions. No column is copied; every column gets the permutation as its
    /// selection.
    ///
    /// ```swift
    /// let s = try df.sorted(by: [SortKey("price", .descending), SortKey("session_id")])
    /// ```
    /// - Parameter keys: the sort keys, most significant first; none leaves the frame as it is.
    /// - Throws: ``FrameError/columnNotFound(name:available:)`` for an unknown key.
    /// - Complexity: as ``Sorting/permutation(_:)``.
    public func sorted(by keys: [SortKey]) throws -> DataFrame {
        if keys.isEmpty { return self }
        return selecting(rows: try sortPermutation(by: keys))
    }

    /// The sorted order of the rows as a selection (see ``sorted(by:)``).
    ///
    /// - Throws: ``FrameError/columnNotFound(name:available:)`` for an unknown key.
    public func sortPermutation(by keys: [SortKey]) throws -> RowSelection {
        let cols = try keys.map { (try column(named: $0.column), $0.direction) }
        return RowSelection(indices: Sorting.permutation(cols), hasNulls: false)
    }
}
