// Group membership of rows: dense group ids in order of first appearance.

/// Which group each row of a frame belongs to.
///
/// Groups are numbered `0..<groupCount` in order of their first row (the order `group` shows
/// keys in), and `firstRows[g]` is the first row of group `g`. A frame that is not grouped is
/// one group: ``single(rowCount:)`` stores no per-row ids, and kernels check ``isSingle`` to
/// take their plain loop.
///
/// ```swift
/// let g = Grouping(groupIDs: [0, 1, 0], groupCount: 2, firstRows: [0, 1])
/// g.sizes()   // [2, 1]
/// ```
public struct Grouping: Sendable, Equatable {
    /// The group of each row (empty when ``isSingle``).
    public let groupIDs: [Int32]
    /// The number of groups.
    public let groupCount: Int
    /// The first row of each group.
    public let firstRows: [Int32]
    /// The number of rows.
    public let rowCount: Int
    /// Whether all rows form one group and `groupIDs` is empty.
    public let isSingle: Bool

    /// Creates a grouping from per-row ids numbered in first-seen order.
    public init(groupIDs: [Int32], groupCount: Int, firstRows: [Int32]) {
        precondition(firstRows.count == groupCount, "one first row per group")
        self.groupIDs = groupIDs
        self.groupCount = groupCount
        self.firstRows = firstRows
        self.rowCount = groupIDs.count
        self.isSingle = false
    }

    private init(singleOf rowCount: Int) {
        self.groupIDs = []
        self.groupCount = 1
        self.firstRows = [0]
        self.rowCount = rowCount
        self.isSingle = true
    }

    /// All rows as one group (an ungrouped frame, even an empty one, has one group).
    public static func single(rowCount: Int) -> Grouping { Grouping(singleOf: rowCount) }

    /// The group of row `i`.
    @inlinable public func group(ofRow i: Int) -> Int { isSingle ? 0 : Int(groupIDs[i]) }

    /// The number of rows in each group.
    ///
    /// - Complexity: O(rowCount).
    public func sizes() -> [Int] {
        if isSingle { return [rowCount] }
        var out = [Int](repeating: 0, count: groupCount)
        groupIDs.withUnsafeBufferPointer { ids in
            out.withUnsafeMutableBufferPointer { o in for g in ids { o[Int(g)] &+= 1 } }
        }
        return out
    }

    /// The rows of each group, in row order: rows `rows[offsets[g] ..< offsets[g + 1]]` belong
    /// to group `g` (a counting sort of the ids).
    ///
    /// - Complexity: O(rowCount + groupCount).
    public func rowsByGroup() -> (offsets: [Int], rows: [Int32]) {
        if isSingle { return ([0, rowCount], (0..<rowCount).map { Int32(truncatingIfNeeded: $0) }) }
        var offsets = [Int](repeating: 0, count: groupCount + 1)
        for g in groupIDs { offsets[Int(g) + 1] &+= 1 }
        for g in 0..<groupCount { offsets[g + 1] &+= offsets[g] }
        var cursor = offsets
        var rows = [Int32](repeating: 0, count: rowCount)
        groupIDs.withUnsafeBufferPointer { ids in
            rows.withUnsafeMutableBufferPointer { r in
                cursor.withUnsafeMutableBufferPointer { c in
                    for i in 0..<ids.count {
                        let g = Int(ids[i])
                        r[c[g]] = Int32(truncatingIfNeeded: i)
                        c[g] &+= 1
                    }
                }
            }
        }
        return (offsets, rows)
    }
}
