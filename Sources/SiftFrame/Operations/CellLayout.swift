// The shape of a crosstab or pivot: the sorted distinct values of the row key and of the column key.

/// Where each row of a frame lands in a two-way table: its row key's position among the
/// sorted distinct row keys, and its column key's among the sorted distinct column keys.
///
/// Both keys sort ascending with nulls last (see ``Sorting``); the column key's values
/// become column names by their plain text (`Scalar.description`: `3`, `2.5`, `view`,
/// `2008-04-01 00:00:00`), null as `null`.
struct CellLayout {
    /// The widest table built: more distinct column keys than this is almost always a
    /// high-cardinality column given by mistake, and each column costs a row-key count of cells.
    static let maxColumns = 1000

    /// Rows grouped by the row key, and by the column key.
    let rowGroups: Grouping, columnGroups: Grouping
    /// Sorted position of each row-key group, and of each column-key group.
    let rowRank: [Int32], columnRank: [Int32]
    /// The distinct row keys, sorted.
    let rowValues: AnyColumn
    /// The column names: the distinct column keys' text, sorted by key.
    let columnNames: [String]

    /// Lays out a table of `rows` by `columns` (two columns of equal length).
    ///
    /// - Throws: ``FrameError/invalidArgument(_:)`` when `columns` has more than
    ///   ``maxColumns`` distinct values (`columnName` names it in the message).
    init(rows: AnyColumn, columns: AnyColumn, columnName: String) throws {
        rowGroups = Grouping(keys: [rows])
        columnGroups = Grouping(keys: [columns])
        guard columnGroups.groupCount <= CellLayout.maxColumns else {
            throw FrameError.invalidArgument("'\(columnName)' has \(columnGroups.groupCount) distinct values; a table has at most \(CellLayout.maxColumns) columns")
        }
        let (rv, rr) = CellLayout.sortedDistinct(rows, rowGroups)
        let (cv, cr) = CellLayout.sortedDistinct(columns, columnGroups)
        rowValues = rv
        rowRank = rr
        columnRank = cr
        columnNames = (0..<cv.count).map { cv[$0].description }
    }

    /// The distinct values of a column in sorted order, and each group's position in it.
    private static func sortedDistinct(_ column: AnyColumn, _ groups: Grouping) -> (AnyColumn, [Int32]) {
        let values = column.gathered(RowSelection(indices: groups.firstRows, hasNulls: false))
        let perm = Sorting.permutation([(values, .ascending)])
        var rank = [Int32](repeating: 0, count: perm.count)
        for (k, g) in perm.enumerated() { rank[Int(g)] = Int32(k) }
        return (values.gathered(RowSelection(indices: perm, hasNulls: false)), rank)
    }

    /// The number of distinct row keys (the table's rows).
    var rowCount: Int { rowRank.count }

    /// The cell of row `i`: (table row, table column).
    @inline(__always) func cell(ofRow i: Int) -> (Int, Int) {
        (Int(rowRank[Int(rowGroups.groupIDs[i])]), Int(columnRank[Int(columnGroups.groupIDs[i])]))
    }
}
