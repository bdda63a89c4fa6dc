// Dropping rows with nulls: keeps the rows that have a value in every named column (default: all columns).

extension DataFrame {
    /// The rows with no null in the named columns (every column when `columns` is nil or
    /// empty), in order — pandas' `dropna(subset=)`, dplyr's `drop_na`.
    ///
    /// Validity masks are combined a word at a time, through each column's row selection, so
    /// no column is gathered; a frame without nulls in those columns comes back unchanged.
    ///
    /// ```swift
    /// let complete = try clicks.droppingNulls(in: ["price", "colour"])
    /// ```
    /// - Parameter columns: the columns that must hold a value, or nil for all.
    /// - Returns: the kept rows as a selection of this frame.
    /// - Throws: ``FrameError/columnNotFound(name:available:)`` for an unknown column.
    /// - Complexity: O(rows × columns / 64) to combine masks, plus O(kept rows) to select.
    public func droppingNulls(in columns: [String]? = nil) throws -> DataFrame {
        guard let keep = try rowsWithoutNulls(in: columns) else { return self }
        return selecting(rows: RowSelection(indices: keep, hasNulls: false))
    }

    /// ``droppingNulls(in:)`` on a grouped frame: the grouping of the kept rows comes with it
    /// (groups left without rows disappear; the others are renumbered in first-seen order).
    ///
    /// - Complexity: as ``droppingNulls(in:)``, plus O(kept rows) for the grouping.
    public func droppingNulls(in columns: [String]?, grouping: Grouping) throws -> (frame: DataFrame, grouping: Grouping) {
        precondition(grouping.rowCount == rowCount, "grouping does not match the frame")
        guard let keep = try rowsWithoutNulls(in: columns) else { return (self, grouping) }
        return (selecting(rows: RowSelection(indices: keep, hasNulls: false)), grouping.restricted(toRows: keep))
    }

    /// The rows with a value in every named column, or nil when that is every row.
    func rowsWithoutNulls(in columns: [String]?) throws -> [Int32]? {
        let names = (columns?.isEmpty ?? true) ? columnNames : columns ?? []
        var mask: Bitmap? = nil
        for name in names {
            let slot = slots[try requireIndex(of: name)]
            let v = slot.rows.map { gatheredValidity(slot.base.validity, $0) } ?? slot.base.validity
            mask = Bitmap.intersect(mask, v)
        }
        guard let mask, mask.unsetCount > 0 else { return nil }
        return mask.setIndices()
    }
}
