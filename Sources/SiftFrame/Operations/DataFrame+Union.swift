// Appending the rows of one frame to another, columns matched by name.

extension DataFrame {
    /// This frame's rows followed by `other`'s, with columns matched by name (the other frame
    /// may order them differently; the result keeps this frame's order).
    ///
    /// Both frames must have the same set of columns. Types must agree per column, except
    /// that an int column and a double column give a double column, and a column holding only
    /// nulls (such as `derive x = null` makes, or a column of an empty frame) takes the other
    /// frame's type. This is SQL's `UNION ALL` by name (polars' `concat(how="vertical")`
    /// with pandas' name matching): duplicates are kept.
    ///
    /// ```swift
    /// let all = try january.union(february)
    /// ```
    /// - Parameter other: the rows to append.
    /// - Throws: ``FrameError/schemaMismatch(_:)`` listing the columns only one frame has, or
    ///   naming a column whose types cannot be combined.
    /// - Complexity: O(rows of both) per column (the result is materialised).
    public func union(_ other: DataFrame) throws -> DataFrame {
        let mine = Set(columnNames), theirs = Set(other.columnNames)
        if mine != theirs {
            var parts: [String] = []
            let onlyHere = columnNames.filter { !theirs.contains($0) }
            let onlyThere = other.columnNames.filter { !mine.contains($0) }
            if !onlyHere.isEmpty { parts.append("only in the first frame: " + onlyHere.map { "'\($0)'" }.joined(separator: ", ")) }
            if !onlyThere.isEmpty { parts.append("only in the other: " + onlyThere.map { "'\($0)'" }.joined(separator: ", ")) }
            throw FrameError.schemaMismatch("union needs frames with the same columns; " + parts.joined(separator: "; "))
        }
        var columns: [(String, AnyColumn)] = []
        for (i, name) in columnNames.enumerated() {
            var a = column(at: i)
            var b = try other.column(named: name)
            if a.type != b.type {
                if a.nullCount == a.count { a = .nulls(of: b.type, count: a.count) }
                else if b.nullCount == b.count { b = .nulls(of: a.type, count: b.count) }
                else if !(a.type.isNumeric && b.type.isNumeric) {
                    throw FrameError.schemaMismatch("union: column '\(name)' is \(a.type) in the first frame but \(b.type) in the other")
                }
            }
            columns.append((name, try AnyColumn.concatenated([a, b])))
        }
        if columns.isEmpty { return self }
        return try DataFrame(columns: columns)
    }
}
