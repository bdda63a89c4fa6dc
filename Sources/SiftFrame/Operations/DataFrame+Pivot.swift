// Pivot: an aggregate of one expression for every pair of values of two columns, as a wide table.

extension DataFrame {
    /// A wide table of an aggregate: one row per distinct value of `rows` (sorted, nulls
    /// last), one column per distinct value of `columns` (sorted, nulls last, named by the
    /// value's text, null as `null`), each cell the aggregate `value` over the rows with
    /// that pair of values, null where there are none (pandas' `pivot_table` with
    /// `dropna=False`, the index as the first column).
    ///
    /// `value` is evaluated once per (rows, columns) group with
    /// ``ExpressionEvaluator/aggregate(_:)``, so it is any group-level expression:
    /// `mean(price)`, `sum(price) / count()`.
    ///
    /// ```swift
    /// let p = try clicks.pivot(rows: "country", columns: "page", value: .call("mean", [.column("price")]))
    /// ```
    /// - Parameters:
    ///   - rows: the column whose values become rows.
    ///   - columns: the column whose values become columns.
    ///   - value: the aggregate expression.
    ///   - registry: where functions are looked up.
    /// - Throws: ``FrameError/columnNotFound(name:available:)`` for an unknown column,
    ///   ``FrameError/invalidArgument(_:)`` for more than 1000 column values or a bare column
    ///   outside an aggregate, and the aggregate's own errors.
    /// - Complexity: O(rows) expected plus the aggregate's cost, plus the table's cells.
    public func pivot(rows: String, columns: String, value: Expr, registry: FunctionRegistry = .shared) throws -> DataFrame {
        let a = try column(named: rows), b = try column(named: columns)
        let layout = try CellLayout(rows: a, columns: b, columnName: columns)
        let cells = Grouping(keys: [a, b])
        let keys = rows == columns ? [rows] : [rows, columns]
        let perCell = try ExpressionEvaluator(frame: self, grouping: cells, keys: keys, registry: registry).aggregate(value)
        let height = layout.rowCount, width = layout.columnNames.count
        var cellGroup = [Int32](repeating: -1, count: height * width)
        for g in 0..<cells.groupCount {
            let (r, k) = layout.cell(ofRow: Int(cells.firstRows[g]))
            cellGroup[k * height + r] = Int32(g)
        }
        var out: [(String, AnyColumn)] = [(rows, layout.rowValues)]
        for (k, name) in layout.columnNames.enumerated() {
            let sel = Array(cellGroup[(k * height)..<((k + 1) * height)])
            out.append((name, perCell.gathered(RowSelection(sel))))
        }
        return try DataFrame(columns: out)
    }
}
