// Row selection vectors: which rows of a base column a frame shows, materialised only on demand.

/// A list of row indices into a base column, where `-1` stands for a row with no source (a
/// null row, as an unmatched row of a left join produces).
///
/// Frames keep selections instead of copying columns: `where`, `sort`, `head` and the right
/// side of a join produce selections, and a column is gathered only when something reads it.
///
/// ```swift
/// let s = RowSelection([2, 0, -1])
/// s.count       // 3
/// s.hasNulls    // true
/// ```
public struct RowSelection: Sendable, Equatable {
    /// Source row of each output row, or -1 for a null row.
    public let indices: [Int32]
    /// Whether any index is -1.
    public let hasNulls: Bool

    /// The largest number of rows a frame may have: row indices are 32-bit.
    public static let maxRows = Int(Int32.max)

    /// Creates a selection from indices.
    public init(_ indices: [Int32]) {
        self.indices = indices
        self.hasNulls = indices.contains(where: { $0 < 0 })
    }

    /// Creates a selection whose null-row flag the caller already knows.
    public init(indices: [Int32], hasNulls: Bool) {
        self.indices = indices
        self.hasNulls = hasNulls
    }

    /// The rows `range` of the identity selection.
    public init(range: Range<Int>) {
        self.indices = range.map { Int32(truncatingIfNeeded: $0) }
        self.hasNulls = false
    }

    /// The number of selected rows.
    @inlinable public var count: Int { indices.count }

    /// This selection applied after `base`: row `i` of the result is row `base[self[i]]`.
    ///
    /// - Complexity: O(count).
    public func composed(after base: RowSelection) -> RowSelection {
        let b = base.indices
        var anyNull = false
        let out = indices.map { i -> Int32 in
            if i < 0 { anyNull = true; return -1 }
            let j = b[Int(i)]
            if j < 0 { anyNull = true }
            return j
        }
        return RowSelection(indices: out, hasNulls: anyNull)
    }
}
