// What a displayed frame shows, before it is drawn: the shape line, the rows kept, and each column's cells as display text.
import SiftFrame

/// The content of a frame's display, shared by the terminal table (``TableFormatter``) and the
/// HTML and Markdown reports, so that every form shows the same rows, the same elision and the
/// same number text.
///
/// Long frames keep `headRows` rows from the top and `tailRows` from the bottom (unless
/// `untruncated`); cells are formatted by ``NumberFormat``, control characters escaped and long
/// cells clipped with `…`. Column fitting to a width is left to the renderer.
public struct TableLayout: Sendable {
    /// One column as shown.
    public struct Column: Sendable {
        /// The name, escaped and clipped.
        public var name: String
        /// The type.
        public var type: DataType
        /// The text of each shown row, top to bottom.
        public var cells: [String]
        /// Numbers, bools and durations are right-aligned; strings and timestamps left-aligned.
        public var rightAligned: Bool
    }

    /// Rows of the whole frame.
    public var rowCount: Int
    /// Columns, in order.
    public var columns: [Column]
    /// Rows shown (all of them, or head plus tail).
    public var shownRows: Int
    /// The index of the first shown row after the elision (`…`), when rows were left out.
    public var elideBefore: Int?

    /// Lays out a frame.
    ///
    /// - Complexity: O(shown rows × columns); only the shown rows are gathered.
    public init(_ frame: DataFrame, options: DisplayOptions) {
        let n = frame.rowCount
        rowCount = n
        let limit = options.headRows + options.tailRows
        let shown: [Int32]
        if options.untruncated || n <= limit {
            shown = (0..<n).map { Int32($0) }
            elideBefore = nil
        } else {
            shown = (0..<options.headRows).map { Int32($0) } + ((n - options.tailRows)..<n).map { Int32($0) }
            elideBefore = options.headRows
        }
        shownRows = shown.count
        let view = frame.selecting(rows: RowSelection(indices: shown, hasNulls: false))
        columns = (0..<view.columnCount).map { i in
            let c = view.column(at: i)
            // Timestamps all at midnight in the rows shown print as dates.
            let dateOnly: Bool
            if case .timestamp(let t) = c { dateOnly = NumberFormat.isDateOnly(t) } else { dateOnly = false }
            let cells = (0..<c.count).map { r in
                TableFormatter.clip(TableFormatter.escapeControl(NumberFormat.scalar(c[r], dateOnly: dateOnly)), options)
            }
            let right: Bool
            switch c.type {
            case .int, .double, .bool, .duration: right = true
            case .string, .timestamp: right = false
            }
            return Column(name: TableFormatter.clip(TableFormatter.escapeControl(frame.columnNames[i]), options),
                          type: c.type, cells: cells, rightAligned: right)
        }
    }

    /// `165,474 rows × 14 columns`.
    public static func shapeLine(rows: Int, columns: Int) -> String {
        "\(NumberFormat.grouped(rows)) \(rows == 1 ? "row" : "rows") × \(columns) \(columns == 1 ? "column" : "columns")"
    }
}
