// Building a grouping from key columns: rows with equal keys share a group, numbered in first-seen order.

extension Grouping {
    /// Groups rows by the values of one or more key columns of equal length.
    ///
    /// Groups are numbered in order of first appearance, and null is a key of its own (two
    /// null keys are equal), as LANGUAGE.md's `group` requires. Doubles compare by value, so
    /// `-0.0` and `0.0` are one key (columns never hold NaN). Strings compare by bytes,
    /// whatever their layout.
    ///
    /// Each key takes a typed path (see `KeyGrouper`): a dense integer range by direct
    /// indexing, other integers, timestamps and doubles through an open-addressing table, dictionary strings by
    /// their codes, plain strings by hashing their bytes. Several keys are grouped one at a
    /// time into dense ids; the ids of as many keys as fit in 62 bits combine into one integer
    /// (`id * nextCount + nextID`, a mixed-radix number), which is grouped once (again when
    /// more keys remain), so the result is still numbered in first-seen order of the whole tuple.
    ///
    /// ```swift
    /// let g = Grouping(keys: [.int(Column<Int64>([7, nil, 7]))])
    /// g.groupIDs    // [0, 1, 0]
    /// g.firstRows   // [0, 1]
    /// ```
    /// - Parameter keys: the key columns (at least one), all with the same count. With no
    ///   rows, the grouping has no groups.
    /// - Complexity: O(rows × keys) expected, plus O(bytes) for plain strings.
    public init(keys: [AnyColumn]) {
        precondition(!keys.isEmpty, "grouping needs at least one key")
        let n = keys[0].count
        precondition(keys.allSatisfy { $0.count == n }, "key columns differ in length")
        self = KeyGrouper.groupTuples(keys)
    }
}

extension DataFrame {
    /// The grouping of this frame's rows by the named key columns (see ``Grouping/init(keys:)``).
    ///
    /// No names give the whole frame as one group.
    ///
    /// - Throws: ``FrameError/columnNotFound(name:available:)`` for an unknown key.
    /// - Complexity: O(rows × keys) expected.
    public func grouping(by names: [String]) throws -> Grouping {
        guard !names.isEmpty else { return .single(rowCount: rowCount) }
        return Grouping(keys: try names.map { try column(named: $0) })
    }
}
