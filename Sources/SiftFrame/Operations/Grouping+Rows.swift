// Carrying a grouping through a filter or a sort: the kept rows' groups, renumbered in their new first-seen order.

extension Grouping {
    /// The grouping of the rows `selection` picks (in its order), as `where` and `sort` on a
    /// grouped frame need.
    ///
    /// Groups are renumbered in order of first appearance among the selected rows, so a
    /// grouping always reads the same whichever way it was made; groups with no selected row
    /// disappear (dplyr's `filter` on grouped data shows no empty groups either). A single
    /// group stays single.
    ///
    /// ```swift
    /// let g = Grouping(groupIDs: [0, 1, 0, 2], groupCount: 3, firstRows: [0, 1, 3])
    /// g.selecting(rows: RowSelection([3, 2, 0])).groupIDs   // [0, 1, 1]
    /// ```
    /// - Parameter selection: rows of the grouped frame; it must not hold -1.
    /// - Complexity: O(selection.count + groupCount).
    public func selecting(rows selection: RowSelection) -> Grouping {
        if isSingle { return .single(rowCount: selection.count) }
        precondition(!selection.hasNulls, "a grouping cannot select null rows")
        let n = selection.count
        if n == 0 { return Grouping(groupIDs: [], groupCount: 0, firstRows: []) }
        var renumber = [Int32](repeating: -1, count: groupCount)
        var firsts = [Int32]()
        var next: Int32 = 0
        let ids = [Int32](unsafeUninitializedCapacity: n) { out, initialized in
            groupIDs.withUnsafeBufferPointer { old in
                selection.indices.withUnsafeBufferPointer { sel in
                    renumber.withUnsafeMutableBufferPointer { map in
                        for i in 0..<n {
                            let g = Int(old[Int(sel[i])])
                            var h = map[g]
                            if h < 0 {
                                h = next; map[g] = h; next &+= 1
                                firsts.append(Int32(truncatingIfNeeded: i))
                            }
                            out[i] = h
                        }
                    }
                }
            }
            initialized = n
        }
        return Grouping(groupIDs: ids, groupCount: firsts.count, firstRows: firsts)
    }
}
