// Building a grouping from key columns: rows with equal keys share a group, numbered in first-seen order.

extension Grouping {
    /// Groups rows by the values of one or more key columns of equal length.
    ///
    /// Groups are numbered in order of first appearance, and null is a key of its own (two
    /// null keys are equal), as LANGUAGE.md's `group` requires.
    ///
    /// ```swift
    /// let g = Grouping(keys: [.int(Column<Int64>([7, nil, 7]))])
    /// g.groupIDs   // [0, 1, 0]
    /// ```
    /// - Parameter keys: the key columns (at least one), all with the same count.
    /// - Complexity: O(rows × keys) expected.
    ///
    /// Interim implementation (boxed keys); the engine's hash group-by replaces it.
    public init(keys: [AnyColumn]) {
        precondition(!keys.isEmpty, "grouping needs at least one key")
        let n = keys[0].count
        precondition(keys.allSatisfy { $0.count == n }, "key columns differ in length")
        var ids = [Int32](repeating: 0, count: n)
        var firsts: [Int32] = []
        var seen: [[Scalar]: Int32] = [:]
        for i in 0..<n {
            let k = keys.map { $0[i] }
            if let g = seen[k] { ids[i] = g; continue }
            let g = Int32(truncatingIfNeeded: firsts.count)
            seen[k] = g
            firsts.append(Int32(truncatingIfNeeded: i))
            ids[i] = g
        }
        self.init(groupIDs: ids, groupCount: firsts.count, firstRows: firsts)
    }
}

extension DataFrame {
    /// The grouping of this frame's rows by the named key columns (see ``Grouping/init(keys:)``).
    ///
    /// - Throws: ``FrameError/columnNotFound(name:available:)`` for an unknown key.
    public func grouping(by names: [String]) throws -> Grouping {
        guard !names.isEmpty else { return .single(rowCount: rowCount) }
        return Grouping(keys: try names.map { try column(named: $0) })
    }
}
