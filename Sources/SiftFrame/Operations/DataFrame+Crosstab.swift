// Crosstab: counts of rows for every pair of values of two columns, as a wide table.

extension DataFrame {
    /// A two-way frequency table: one row per distinct value of `rows` (sorted, nulls last),
    /// and one int column per distinct value of `columns` (sorted, nulls last, named by the
    /// value's text, null as `null`), holding the number of rows with that pair of values,
    /// 0 where there is none. The first column is named `rows` (pandas' `crosstab` with the
    /// index as a column).
    ///
    /// ```swift
    /// let t = try clicks.crosstab(rows: "country", columns: "page")
    /// // country, 1, 2, 3, 4, 5
    /// ```
    /// - Throws: ``FrameError/columnNotFound(name:available:)`` for an unknown column;
    ///   ``FrameError/invalidArgument(_:)`` when `columns` has more than 1000 distinct values;
    ///   ``FrameError/duplicateColumn(_:)`` when a value's text equals the `rows` name.
    /// - Complexity: O(rows) expected, plus the table's cells.
    public func crosstab(rows: String, columns: String) throws -> DataFrame {
        let a = try column(named: rows), b = try column(named: columns)
        let layout = try CellLayout(rows: a, columns: b, columnName: columns)
        let height = layout.rowCount, width = layout.columnNames.count
        var counts = [Int64](repeating: 0, count: height * width)
        counts.withUnsafeMutableBufferPointer { c in
            for i in 0..<rowCount {
                let (r, k) = layout.cell(ofRow: i)
                c[k * height + r] &+= 1
            }
        }
        var out: [(String, AnyColumn)] = [(rows, layout.rowValues)]
        for (k, name) in layout.columnNames.enumerated() {
            out.append((name, .int(Column(values: Array(counts[(k * height)..<((k + 1) * height)])))))
        }
        return try DataFrame(columns: out)
    }
}
