// Hash joins of two frames on key columns: inner, left, outer and anti, producing row selections on both sides.

/// Which rows a join keeps.
public enum JoinKind: String, Sendable, CaseIterable {
    /// Pairs of rows whose keys are equal.
    case inner
    /// Every left row, with its matches, or with nulls on the right when it has none.
    case left
    /// As `left`, followed by the right rows that matched no left row (nulls on the left).
    case outer
    /// The left rows that match no right row (left columns only).
    case anti
}

extension DataFrame {
    /// Joins `right` to this frame on key columns that both frames have.
    ///
    /// Output order: left rows in order, each followed by its matches in right-row order; an
    /// outer join then appends the right rows that matched nothing, in their order. Null keys
    /// never match (SQL semantics): a left row with a null key is kept only by `left`, `outer`
    /// and `anti`, with nulls on the right, and a right row with a null key appears only in an
    /// outer join's appended rows. Key types must agree, except that ints and doubles compare
    /// numerically (`3` matches `3.0`).
    ///
    /// Columns: the left frame's columns, then the right frame's non-key columns; a right
    /// column whose name the left frame already has gets the suffix `_right` (polars'
    /// convention). The key columns appear once: from the left, except that an outer join's
    /// appended rows take their keys from the right (an int key joined to a double key is then
    /// a double column). An anti join gives the left columns only.
    ///
    /// Nothing is copied when it need not be: the right columns are selections of the right
    /// frame, and the left columns are selections of the left frame, or the left columns
    /// themselves when every left row appears once, in order (a left join on a unique right
    /// key, the common lookup join).
    ///
    /// ```swift
    /// let events = try DataFrame(columns: [("s", .int(Column<Int64>([1, 2, 1, 3])))])
    /// let sessions = try DataFrame(columns: [("s", .int(Column<Int64>([1, 2]))), ("n", .int(Column<Int64>([2, 1])))])
    /// let j = try events.joined(with: sessions, on: ["s"], how: .left)
    /// // s: 1 2 1 3; n: 2 1 2 null
    /// ```
    /// - Parameters:
    ///   - right: the frame to join.
    ///   - keys: key column names, present in both frames, at least one, none repeated.
    ///   - how: the kind of join.
    /// - Throws: ``FrameError/columnNotFound(name:available:)`` for a key a frame lacks,
    ///   ``FrameError/schemaMismatch(_:)`` for key types that cannot be compared,
    ///   ``FrameError/invalidArgument(_:)`` for no or repeated keys,
    ///   ``FrameError/duplicateColumn(_:)`` when a suffixed name is still taken.
    /// - Complexity: O(left + right + output) expected.
    public func joined(with right: DataFrame, on keys: [String], how: JoinKind = .inner) throws -> DataFrame {
        guard !keys.isEmpty else { throw FrameError.invalidArgument("join needs at least one key column") }
        var seen = Set<String>()
        for k in keys where !seen.insert(k).inserted { throw FrameError.invalidArgument("join key '\(k)' given twice") }
        let leftKeys = try keys.map { try column(named: $0) }
        let rightKeys = try keys.map { k -> AnyColumn in
            guard let i = right.index(of: k) else {
                throw FrameError.context("in the right frame of the join", .columnNotFound(name: k, available: right.columnNames))
            }
            return right.column(at: i)
        }
        for (k, (a, b)) in zip(keys, zip(leftKeys, rightKeys)) where !JoinKeys.compatible(a.type, b.type) {
            throw FrameError.schemaMismatch("join key '\(k)' is \(a.type) on the left but \(b.type) on the right")
        }
        if how == .left, keys.count == 1, case .int(let l) = leftKeys[0], case .int(let r) = rightKeys[0],
           let rows = LookupJoin.rightRows(left: l, right: r) {
            // The lookup join: every left row once, in order, with its only match.
            let rightPart = right.selecting(rows: rows)
            var slots = zip(columnNames, self.slots).map { ($0, $1) }
            let taken = Set(columnNames)
            for (i, name) in right.columnNames.enumerated() where !keys.contains(name) {
                slots.append((taken.contains(name) ? name + "_right" : name, rightPart.slots[i]))
            }
            return try DataFrame(slots: slots, rowCount: rowCount)
        }
        let codes = try JoinKeys.encode(keys, left: leftKeys, right: rightKeys)
        let plan = JoinPlan(codes: codes, how: how)

        // Left columns.
        let appended = plan.appendedRight.count
        let total = plan.leftCount + appended
        var slots: [(String, Slot)] = []
        let leftPart: DataFrame
        if plan.leftIsIdentity && appended == 0 {
            leftPart = self
        } else {
            let idx = appended == 0 ? plan.leftRows() : plan.leftRows() + [Int32](repeating: -1, count: appended)
            leftPart = selecting(rows: RowSelection(indices: idx, hasNulls: appended > 0))
        }
        for (i, name) in columnNames.enumerated() {
            if appended > 0, let k = keys.firstIndex(of: name) {
                // The appended rows take their key from the right side.
                let top = leftKeys[k].gathered(RowSelection(indices: plan.leftRows(), hasNulls: false))
                let bottom = rightKeys[k].gathered(RowSelection(indices: plan.appendedRight, hasNulls: false))
                slots.append((name, Slot(base: try AnyColumn.concatenated([top, bottom]), rows: nil)))
            } else {
                slots.append((name, leftPart.slots[i]))
            }
        }
        if how == .anti { return try DataFrame(slots: slots, rowCount: total) }

        // Right columns (non-key), as a selection of the right frame.
        let rightIdx = appended == 0 ? plan.rightRows : plan.rightRows + plan.appendedRight
        let rightPart = right.selecting(rows: RowSelection(indices: rightIdx, hasNulls: plan.rightHasNulls))
        let taken = Set(columnNames)
        for (i, name) in right.columnNames.enumerated() where !keys.contains(name) {
            slots.append((taken.contains(name) ? name + "_right" : name, rightPart.slots[i]))
        }
        return try DataFrame(slots: slots, rowCount: total)
    }
}

/// Which left and right rows a join produces, worked out from the key codes.
///
/// The right rows are bucketed by code (a counting sort, so each bucket keeps right-row
/// order); each left row then emits its bucket. Counting and filling run chunk by chunk on all
/// cores, each chunk writing its own stretch of the output. When every left row comes out
/// once, in order (the lookup join), no left indices are stored at all, and each output row's
/// right row is found directly.
struct JoinPlan {
    /// The number of output rows before any appended right rows.
    private(set) var leftCount = 0
    /// The left row of each output row, unless ``leftIsIdentity``.
    private var leftStorage: [Int32] = []
    /// The right row of each output row, -1 for none (empty for anti joins).
    private(set) var rightRows: [Int32] = []
    /// Whether `rightRows` holds -1.
    private(set) var rightHasNulls = false
    /// Right rows that matched no left row (outer joins only).
    private(set) var appendedRight: [Int32] = []
    /// Whether the output's left rows are `0 ..< left row count`, each once.
    private(set) var leftIsIdentity = false

    /// The left row of each output row (before any appended right rows).
    func leftRows() -> [Int32] {
        leftIsIdentity ? [Int32](hugeUninitializedCount: leftCount) { o in for i in 0..<o.count { o[i] = Int32(truncatingIfNeeded: i) } } : leftStorage
    }

    init(codes: JoinKeys, how: JoinKind) {
        let nl = codes.left.count, card = codes.count
        // Buckets of right rows by code.
        var offsets = [Int32](repeating: 0, count: card + 1)
        var bucketRows = [Int32](repeating: 0, count: codes.right.count)
        codes.right.withUnsafeBufferPointer { rc in
            offsets.withUnsafeMutableBufferPointer { off in
                for c in rc where c >= 0 { off[Int(c) + 1] &+= 1 }
                for c in 0..<card { off[c + 1] &+= off[c] }
                var cursor = Array(off.dropLast())
                bucketRows.withUnsafeMutableBufferPointer { rows in
                    for r in 0..<rc.count where rc[r] >= 0 {
                        let c = Int(rc[r])
                        rows[Int(cursor[c])] = Int32(truncatingIfNeeded: r)
                        cursor[c] &+= 1
                    }
                }
            }
        }
        let emitsUnmatched = how == .left || how == .outer
        let withRight = how != .anti
        let chunks = Parallel.chunkCount(count: nl)
        // Per chunk: output rows, most matches of one left row, left rows with no match.
        var stats = [(total: Int, most: Int, none: Int)](repeating: (0, 0, 0), count: chunks)
        codes.left.withUnsafeBufferPointer { lcb in
            offsets.withUnsafeBufferPointer { ob in
                stats.withUnsafeMutableBufferPointer { sb in
                    nonisolated(unsafe) let lc = lcb.baseAddress, off = ob.baseAddress, st = sb.baseAddress.unsafelyUnwrapped
                    Parallel.forEach(chunks) { k in
                        var total = 0, most = 0, none = 0
                        for i in Parallel.chunkRange(k, of: chunks, count: nl) {
                            let c = Int(lc.unsafelyUnwrapped[i])
                            let m = c >= 0 ? Int(off.unsafelyUnwrapped[c + 1] &- off.unsafelyUnwrapped[c]) : 0
                            most = Swift.max(most, m)
                            none &+= m == 0 ? 1 : 0
                            switch how {
                            case .inner: total &+= m
                            case .left, .outer: total &+= Swift.max(m, 1)
                            case .anti: total &+= m == 0 ? 1 : 0
                            }
                        }
                        st[k] = (total, most, none)
                    }
                }
            }
        }
        let unmatchedLeft = stats.reduce(0) { $0 + $1.none }
        let most = stats.reduce(0) { Swift.max($0, $1.most) }
        let total = stats.reduce(0) { $0 + $1.total }
        leftCount = total
        // Left and outer joins put -1 on the right for each left row that matched nothing.
        rightHasNulls = emitsUnmatched && unmatchedLeft > 0
        // Each left row exactly once, in order.
        switch how {
        case .inner: leftIsIdentity = unmatchedLeft == 0 && most <= 1
        case .left, .outer: leftIsIdentity = most <= 1
        case .anti: leftIsIdentity = unmatchedLeft == nl
        }

        if leftIsIdentity {
            // Output row i is left row i: its right row (if any) is its bucket's only row.
            if withRight {
                rightRows = codes.left.withUnsafeBufferPointer { lcb in
                    offsets.withUnsafeBufferPointer { ob in
                        bucketRows.withUnsafeBufferPointer { bb in
                            nonisolated(unsafe) let lc = lcb.baseAddress, off = ob.baseAddress, rows = bb.baseAddress
                            return [Int32](hugeUninitializedCount: nl) { out in
                                nonisolated(unsafe) let o = out.baseAddress
                                Parallel.forEachChunk(count: nl) { r in
                                    for i in r {
                                        let c = Int(lc.unsafelyUnwrapped[i])
                                        let a = c >= 0 ? Int(off.unsafelyUnwrapped[c]) : 0
                                        let has = c >= 0 && off.unsafelyUnwrapped[c + 1] > off.unsafelyUnwrapped[c]
                                        o.unsafelyUnwrapped[i] = has ? rows.unsafelyUnwrapped[a] : -1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        } else {
            var starts = [Int](repeating: 0, count: chunks + 1)
            for k in 0..<chunks { starts[k + 1] = starts[k] + stats[k].total }
            var lout = [Int32](hugeUninitializedCount: total) { _ in }
            var rout = withRight ? [Int32](hugeUninitializedCount: total) { _ in } : []
            let begin = starts
            codes.left.withUnsafeBufferPointer { lcb in
                offsets.withUnsafeBufferPointer { ob in
                    bucketRows.withUnsafeBufferPointer { bb in
                        lout.withUnsafeMutableBufferPointer { lb in
                            rout.withUnsafeMutableBufferPointer { rb in
                                nonisolated(unsafe) let lc = lcb.baseAddress, off = ob.baseAddress, rows = bb.baseAddress
                                nonisolated(unsafe) let lo = lb.baseAddress, ro = rb.baseAddress
                                Parallel.forEach(chunks) { k in
                                    var j = begin[k]
                                    for i in Parallel.chunkRange(k, of: chunks, count: nl) {
                                        let c = Int(lc.unsafelyUnwrapped[i])
                                        let a = c >= 0 ? Int(off.unsafelyUnwrapped[c]) : 0
                                        let b = c >= 0 ? Int(off.unsafelyUnwrapped[c + 1]) : 0
                                        let row = Int32(truncatingIfNeeded: i)
                                        if a == b {
                                            if how == .inner { continue }
                                            lo.unsafelyUnwrapped[j] = row
                                            if withRight { ro.unsafelyUnwrapped[j] = -1 }
                                            j &+= 1
                                        } else if how != .anti {
                                            for m in a..<b {
                                                lo.unsafelyUnwrapped[j] = row
                                                ro.unsafelyUnwrapped[j] = rows.unsafelyUnwrapped[m]
                                                j &+= 1
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            leftStorage = lout
            rightRows = rout
        }
        if how == .outer {
            var matched = [Bool](repeating: false, count: card)
            for c in codes.left where c >= 0 { matched[Int(c)] = true }
            appendedRight = (0..<codes.right.count).compactMap { r in
                let c = codes.right[r]
                return c < 0 || !matched[Int(c)] ? Int32(truncatingIfNeeded: r) : nil
            }
        }
    }
}

/// The left join on one int key whose right values are distinct and in a small range (a
/// per-session or per-customer table joined back to its events): each left row's right row is
/// read from a table indexed by key, in one parallel pass, with no codes or counts in between.
enum LookupJoin {
    /// The right row of each left row (-1 for none), or nil when the right keys repeat or span
    /// too wide a range for a direct table (the general join handles those).
    ///
    /// - Complexity: O(left + right + range of the right keys).
    static func rightRows(left: Column<Int64>, right: Column<Int64>) -> RowSelection? {
        guard let (low, high) = right.values.withUnsafeBufferPointer({ IntRange.of($0, right.validity) }) else { return nil }
        let range = UInt64(bitPattern: high &- low)
        guard KeyGrouper.isDense(range: range, rows: right.count) else { return nil }
        var rowOf = [Int32](repeating: -1, count: Int(range) + 1)
        var unique = true
        right.values.withUnsafeBufferPointer { v in
            rowOf.withUnsafeMutableBufferPointer { t in
                Bitmap.forEachValid(right.validity, count: v.count) { i in
                    let slot = Int(v[i] &- low)
                    if t[slot] >= 0 { unique = false }
                    t[slot] = Int32(truncatingIfNeeded: i)
                }
            }
        }
        guard unique else { return nil }
        let n = left.count
        let chunks = Parallel.chunkCount(count: n)
        var misses = [Bool](repeating: false, count: chunks)
        let rows = left.values.withUnsafeBufferPointer { lv in
            rowOf.withUnsafeBufferPointer { tb in
                misses.withUnsafeMutableBufferPointer { mb in
                    nonisolated(unsafe) let src = lv.baseAddress, table = tb.baseAddress.unsafelyUnwrapped, miss = mb.baseAddress.unsafelyUnwrapped
                    let words = left.validity?.words
                    return [Int32](hugeUninitializedCount: n) { out in
                        nonisolated(unsafe) let o = out.baseAddress.unsafelyUnwrapped
                        Parallel.forEach(chunks) { k in
                            var any = false
                            for i in Parallel.chunkRange(k, of: chunks, count: n) {
                                let x = src.unsafelyUnwrapped[i]
                                let valid = words.map { $0[i >> 6] >> UInt64(i & 63) & 1 == 1 } ?? true
                                let r = valid && x >= low && x <= high ? table[Int(x &- low)] : -1
                                any = any || r < 0
                                o[i] = r
                            }
                            miss[k] = any
                        }
                    }
                }
            }
        }
        return RowSelection(indices: rows, hasNulls: misses.contains(true))
    }
}
