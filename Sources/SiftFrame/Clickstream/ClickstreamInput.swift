// Shared input handling of the clickstream operations: typed key columns and the rows whose keys are all present.

/// The columns a clickstream operation reads, checked for type, with the rows that have a
/// value in every one of them.
///
/// Every clickstream operation skips rows with a null key (user, session, item or time): such
/// a row belongs to no user or basket and has no place in time, so it cannot take part in a
/// session, a funnel, a cohort or a pair. Skipping them is what pandas' `groupby` does by
/// default (`dropna=True`); the operations' docs say where a skipped row still shows up.
struct ClickstreamInput {
    /// The key columns, gathered to the kept rows.
    let columns: [AnyColumn]
    /// The rows of the original frame that were kept, or nil when every row was.
    let kept: RowSelection?

    /// The number of kept rows.
    var rowCount: Int { kept?.count ?? (columns.first?.count ?? 0) }

    /// Reads `names` from `frame` and keeps the rows where the first `required` columns are all valid.
    ///
    /// - Throws: ``FrameError/columnNotFound(name:available:)``.
    /// - Complexity: O(rows × columns).
    init(_ frame: DataFrame, _ names: [String], required: Int? = nil) throws {
        let all = try names.map { try frame.column(named: $0) }
        var valid: Bitmap? = nil
        for c in all.prefix(required ?? all.count) { valid = Bitmap.intersect(valid, c.validity) }
        if let valid {
            let sel = RowSelection(indices: valid.setIndices(), hasNulls: false)
            kept = sel
            columns = all.map { $0.gathered(sel) }
        } else {
            kept = nil
            columns = all
        }
    }

    /// A column as timestamps.
    ///
    /// - Throws: ``FrameError/typeMismatch(_:)`` when the column is not a timestamp column.
    static func timestamps(_ column: AnyColumn, named name: String) throws -> Column<Timestamp> {
        guard case .timestamp(let t) = column else {
            throw FrameError.typeMismatch("column '\(name)' is \(column.type), but a time column must be a timestamp (convert it with timestamp(\(name)) or date(\(name)))")
        }
        return t
    }
}
