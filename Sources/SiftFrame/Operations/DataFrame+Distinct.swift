// Distinct rows: the first occurrence of each key, in order.

extension DataFrame {
    /// The first row of each distinct combination of `columns` (of all columns when empty),
    /// in their original order.
    ///
    /// Every column is kept, as pandas' `drop_duplicates(subset=...)` and polars'
    /// `unique(subset=..., keep="first", maintain_order=True)` do (dplyr's `distinct(a, b)`
    /// would keep only the keys; select them first for that). Null equals null here, as in
    /// `group`. No column is copied: the result is a selection of the first rows.
    ///
    /// ```swift
    /// let firstVisits = try clicks.distinct(["session_id"])
    /// ```
    /// - Parameter columns: the key columns; empty means all columns.
    /// - Throws: ``FrameError/columnNotFound(name:available:)`` for an unknown column.
    /// - Complexity: O(rows × keys) expected.
    public func distinct(_ columns: [String] = []) throws -> DataFrame {
        let keys = columns.isEmpty ? columnNames : columns
        if keys.isEmpty || rowCount < 2 { return self }
        let g = try grouping(by: keys)
        if g.groupCount == rowCount { return self }
        return selecting(rows: RowSelection(indices: g.firstRows, hasNulls: false))
    }
}
