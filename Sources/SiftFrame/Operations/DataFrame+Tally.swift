// Tally: the number and share of rows per key, most frequent first.

extension DataFrame {
    /// One row per distinct combination of `keys`, with `n` (its number of rows) and `share`
    /// (`n` divided by the frame's rows, a double), sorted by descending `n`, ties by the keys
    /// ascending with nulls last. Null is a key of its own, as in `group`.
    ///
    /// This is dplyr's `count(a, sort = TRUE)` with a share column, or pandas'
    /// `value_counts()` with `normalize` beside it (pandas breaks ties by first appearance;
    /// Sift sorts ties by key so the order never depends on row order).
    ///
    /// ```swift
    /// let t = try clicks.tally(["country"])   // country, n, share
    /// ```
    /// - Parameter keys: at least one column.
    /// - Throws: ``FrameError/columnNotFound(name:available:)`` for an unknown key,
    ///   ``FrameError/invalidArgument(_:)`` for no keys, ``FrameError/duplicateColumn(_:)``
    ///   when a key is itself named `n` or `share`.
    /// - Complexity: O(rows × keys) expected, plus sorting the groups.
    public func tally(_ keys: [String]) throws -> DataFrame {
        guard !keys.isEmpty else { throw FrameError.invalidArgument("tally needs at least one column") }
        let g = try grouping(by: keys)
        let firsts = RowSelection(indices: g.firstRows, hasNulls: false)
        var out = try selectingColumns(keys).selecting(rows: firsts).materialized()
        let sizes = g.sizes()
        let total = Double(rowCount)
        for n in ["n", "share"] where out.index(of: n) != nil { throw FrameError.duplicateColumn(n) }
        out = try out.setting("n", to: .int(Column(values: sizes.map { Int64($0) })))
        out = try out.setting("share", to: .double(Column(values: sizes.map { Double($0) / total })))
        return try out.sorted(by: [SortKey("n", .descending)] + keys.map { SortKey($0) }).materialized()
    }
}
