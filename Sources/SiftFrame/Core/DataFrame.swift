// A frame: an ordered list of uniquely named, equally long columns, each possibly behind a row selection.

/// An immutable table of named columns.
///
/// Each column is held as a base column plus an optional ``RowSelection``; the column a user
/// sees is the base gathered by the selection. Filtering, sorting and joining set selections
/// instead of copying, and ``column(at:)`` gathers only the columns that are read. A column an
/// operation does not change is never copied.
///
/// ```swift
/// let df = try DataFrame(columns: [
///     ("user", .int(Column<Int64>([1, 2, 2]))),
///     ("price", .double(Column<Double>([9.5, nil, 3]))),
/// ])
/// df.rowCount                  // 3
/// try df.column(named: "price")[1]   // .null
/// ```
public struct DataFrame: Sendable {
    /// A column as stored: a base column and the rows of it that this frame shows.
    public struct Slot: Sendable {
        /// The column the rows come from.
        public let base: AnyColumn
        /// The rows of `base`, in order; nil means all of them.
        public let rows: RowSelection?

        /// The column's type.
        public var type: DataType { base.type }

        /// The column this slot shows, gathering it if it has a selection.
        public func materialized() -> AnyColumn { rows.map { base.gathered($0) } ?? base }
    }

    /// Column names, in order.
    public private(set) var columnNames: [String]
    /// The stored columns, parallel to `columnNames`.
    public private(set) var slots: [Slot]
    /// The number of rows.
    public let rowCount: Int

    /// Creates a frame of materialised columns.
    ///
    /// - Throws: ``FrameError/duplicateColumn(_:)`` for a repeated name, and
    ///   ``FrameError/shapeMismatch(_:)`` when the columns' lengths differ.
    public init(columns: [(String, AnyColumn)]) throws {
        try self.init(slots: columns.map { ($0.0, Slot(base: $0.1, rows: nil)) }, rowCount: columns.first?.1.count ?? 0)
    }

    /// Creates a frame from stored columns.
    ///
    /// - Throws: as ``init(columns:)``; also when `rowCount` exceeds ``RowSelection/maxRows``.
    public init(slots: [(String, Slot)], rowCount: Int) throws {
        guard rowCount <= RowSelection.maxRows else {
            throw FrameError.shapeMismatch("a frame holds at most \(RowSelection.maxRows) rows, got \(rowCount)")
        }
        var seen = Set<String>()
        for (name, slot) in slots {
            guard seen.insert(name).inserted else { throw FrameError.duplicateColumn(name) }
            let n = slot.rows?.count ?? slot.base.count
            guard n == rowCount else {
                throw FrameError.shapeMismatch("height of column '\(name)' (\(n)) does not match frame height (\(rowCount))")
            }
        }
        self.columnNames = slots.map(\.0)
        self.slots = slots.map(\.1)
        self.rowCount = rowCount
    }

    /// A frame with no columns and no rows.
    public static let empty = DataFrame(unchecked: [], [], 0)

    /// The number of columns.
    public var columnCount: Int { columnNames.count }

    /// Column names and types, in order.
    public var schema: [(name: String, type: DataType)] { zip(columnNames, slots).map { ($0, $1.type) } }

    /// The position of a column, or nil.
    public func index(of name: String) -> Int? { columnNames.firstIndex(of: name) }

    /// The position of a column.
    ///
    /// - Throws: ``FrameError/columnNotFound(name:available:)``.
    public func requireIndex(of name: String) throws -> Int {
        guard let i = index(of: name) else { throw FrameError.columnNotFound(name: name, available: columnNames) }
        return i
    }

    /// The type of a column.
    ///
    /// - Throws: ``FrameError/columnNotFound(name:available:)``.
    public func type(of name: String) throws -> DataType { slots[try requireIndex(of: name)].type }

    /// Column `i`, materialised.
    ///
    /// - Complexity: O(1) without a selection; O(rows) when it has to gather.
    public func column(at i: Int) -> AnyColumn { slots[i].materialized() }

    /// A column by name, materialised.
    ///
    /// - Throws: ``FrameError/columnNotFound(name:available:)``.
    public func column(named name: String) throws -> AnyColumn { column(at: try requireIndex(of: name)) }

    /// The frame with every column materialised (no selections left).
    ///
    /// - Complexity: O(rows × columns) for selected columns.
    public func materialized() -> DataFrame {
        var out = self
        out.slots = slots.map { $0.rows == nil ? $0 : Slot(base: $0.materialized(), rows: nil) }
        return out
    }

    /// The rows named by `selection` (index -1 gives an all-null row), without copying any column.
    ///
    /// - Complexity: O(selection.count) per column that already has a selection.
    public func selecting(rows selection: RowSelection) -> DataFrame {
        var out = self
        out.slots = slots.map { Slot(base: $0.base, rows: $0.rows.map { selection.composed(after: $0) } ?? selection) }
        out.setRowCount(selection.count)
        return out
    }

    private mutating func setRowCount(_ n: Int) {
        self = DataFrame(unchecked: columnNames, slots, n)
    }

    private init(unchecked names: [String], _ slots: [Slot], _ rowCount: Int) {
        self.columnNames = names
        self.slots = slots
        self.rowCount = rowCount
    }

    /// The frame with a column added at the end, or replaced in place when the name exists.
    ///
    /// - Throws: ``FrameError/shapeMismatch(_:)`` when the column's length differs from the
    ///   frame's (a frame with no columns takes any length).
    public func setting(_ name: String, to column: AnyColumn) throws -> DataFrame {
        if columnCount > 0 && column.count != rowCount {
            throw FrameError.shapeMismatch("height of column '\(name)' (\(column.count)) does not match frame height (\(rowCount))")
        }
        var names = columnNames, s = slots
        if let i = index(of: name) { s[i] = Slot(base: column, rows: nil) } else { names.append(name); s.append(Slot(base: column, rows: nil)) }
        return DataFrame(unchecked: names, s, columnCount == 0 ? column.count : rowCount)
    }

    /// The named columns, in the given order.
    ///
    /// - Throws: ``FrameError/columnNotFound(name:available:)``, ``FrameError/duplicateColumn(_:)``.
    public func selectingColumns(_ names: [String]) throws -> DataFrame {
        var seen = Set<String>()
        var s: [Slot] = []
        for n in names {
            guard seen.insert(n).inserted else { throw FrameError.duplicateColumn(n) }
            s.append(slots[try requireIndex(of: n)])
        }
        return DataFrame(unchecked: names, s, rowCount)
    }

    /// The frame without the named columns.
    ///
    /// - Throws: ``FrameError/columnNotFound(name:available:)`` for a name the frame lacks.
    public func droppingColumns(_ names: [String]) throws -> DataFrame {
        for n in names { _ = try requireIndex(of: n) }
        let drop = Set(names)
        return try selectingColumns(columnNames.filter { !drop.contains($0) })
    }

    /// The frame with columns renamed (`[old: new]` pairs applied at once, order kept).
    ///
    /// - Throws: ``FrameError/columnNotFound(name:available:)`` for an unknown old name,
    ///   ``FrameError/duplicateColumn(_:)`` when two columns would share a name.
    public func renaming(_ pairs: [(old: String, new: String)]) throws -> DataFrame {
        var names = columnNames
        for (old, new) in pairs { names[try requireIndex(of: old)] = new }
        var seen = Set<String>()
        for n in names where !seen.insert(n).inserted { throw FrameError.duplicateColumn(n) }
        return DataFrame(unchecked: names, slots, rowCount)
    }

    /// Row `i` as scalars (slow: for display and tests).
    public func row(_ i: Int) -> [Scalar] {
        slots.map { slot in
            guard let rows = slot.rows else { return slot.base[i] }
            let j = rows.indices[i]
            return j < 0 ? .null : slot.base[Int(j)]
        }
    }
}

extension DataFrame: Equatable {
    /// Frames are equal when they have the same column names, types and rows.
    public static func == (a: DataFrame, b: DataFrame) -> Bool {
        guard a.columnNames == b.columnNames, a.rowCount == b.rowCount else { return false }
        for i in 0..<a.columnCount where a.column(at: i) != b.column(at: i) { return false }
        return true
    }
}
