// Funnel: how many sessions reach each step of an ordered list of events, with the rates between steps.

extension DataFrame {
    /// A funnel table: one row per step with `step` (the step's value), `count` (sessions that
    /// reached it), `rate_from_prev`, `rate_from_first` and `drop_off`.
    ///
    /// A session counts at step k when its events contain steps 1, 2, …, k in that order, with
    /// anything in between (a *closed, ordered* funnel: PostHog's "sequential" funnel, or in
    /// pandas a per-session scan for the steps in turn). Each session's events are taken in row
    /// order, or by `time` when it is given (ties keep row order). Matching is greedy — each
    /// step is matched at its first occurrence after the previous step's match — which finds
    /// the longest prefix of the steps that occurs in order, so a session counts at step k
    /// exactly when it reached all of 1…k in order. A step repeated in the list must occur that
    /// many times.
    ///
    /// - `count` at a step never exceeds the count at the step before.
    /// - `rate_from_prev` is `count / previous count` (1 for the first step), `rate_from_first`
    ///   is `count / first count`; both are null when the divisor is 0.
    /// - `drop_off` is the number of sessions lost since the previous step (0 for the first).
    /// - Rows with a null session key (or a null time, when `time` is given) are skipped; a
    ///   null event matches no step.
    ///
    /// ```swift
    /// let f = try clicks.funnel(event: "event", steps: [.string("view"), .string("cart")], by: "session_id")
    /// ```
    /// - Parameters:
    ///   - event: a string, int or bool column.
    ///   - steps: the step values, first to last, of the event column's type; at least one.
    ///   - by: the column that identifies sessions (any type).
    ///   - time: an optional timestamp column that orders each session's events.
    /// - Throws: ``FrameError/columnNotFound(name:available:)``, ``FrameError/typeMismatch(_:)``
    ///   for an event column of another type or steps that do not match it,
    ///   ``FrameError/invalidArgument(_:)`` for no steps or more than 127.
    /// - Complexity: O(rows) to group the sessions and scan the events (plus a sort by time).
    public func funnel(event: String, steps: [Scalar], by: String, time: String? = nil) throws -> DataFrame {
        guard !steps.isEmpty else { throw FrameError.invalidArgument("a funnel needs at least one step") }
        // Per-session progress is an Int8: 127 steps is far beyond any funnel anyone reads.
        guard steps.count <= 127 else { throw FrameError.invalidArgument("a funnel has at most 127 steps, got \(steps.count)") }
        let input = try ClickstreamInput(self, [by] + (time.map { [$0] } ?? []) + [event], required: time == nil ? 1 : 2)
        let events = input.columns[input.columns.count - 1]
        let (keys, stepKeys, eventValid) = try Self.funnelKeys(events, steps, name: event)
        let n = input.rowCount
        let sessions = n > 0 ? Grouping(keys: [input.columns[0]]) : Grouping(groupIDs: [], groupCount: 0, firstRows: [])
        var order: [Int32]? = nil
        if let time {
            let t = try ClickstreamInput.timestamps(input.columns[1], named: time)
            order = Sorting.permutation([(.timestamp(t), .ascending)])
        }
        var reached = [Int8](repeating: 0, count: sessions.groupCount)
        let k = Int8(steps.count)
        keys.withUnsafeBufferPointer { key in
            stepKeys.withUnsafeBufferPointer { want in
                sessions.groupIDs.withUnsafeBufferPointer { g in
                    reached.withUnsafeMutableBufferPointer { state in
                        @inline(__always) func visit(_ r: Int) {
                            let s = state[Int(g[r])]
                            if s < k && key[r] == want[Int(s)] && eventValid.map({ $0[r] }) ?? true {
                                state[Int(g[r])] = s &+ 1
                            }
                        }
                        if let order {
                            for i in 0..<n { visit(Int(order[i])) }
                        } else {
                            for r in 0..<n { visit(r) }
                        }
                    }
                }
            }
        }
        var counts = [Int64](repeating: 0, count: steps.count + 1)
        for s in reached { counts[Int(s)] &+= 1 }
        // counts[j] is now the number of sessions that stopped after j steps; sum from the top.
        for j in stride(from: steps.count - 1, through: 0, by: -1) { counts[j] &+= counts[j + 1] }
        let reachedAt = Array(counts[1...])
        let first = reachedAt[0]
        var fromPrev = [Double](), fromFirst = [Double](), prevValid = [Bool](), firstValid = [Bool]()
        var dropOff = [Int64]()
        for (j, c) in reachedAt.enumerated() {
            let prev = j == 0 ? c : reachedAt[j - 1]
            fromPrev.append(prev > 0 ? Double(c) / Double(prev) : 0)
            prevValid.append(prev > 0)
            fromFirst.append(first > 0 ? Double(c) / Double(first) : 0)
            firstValid.append(first > 0)
            dropOff.append(prev - c)
        }
        return try DataFrame(columns: [
            ("step", try AnyColumn(steps, type: events.type)),
            ("count", .int(Column(values: reachedAt))),
            ("rate_from_prev", .double(Column(values: fromPrev, validity: Bitmap(prevValid)))),
            ("rate_from_first", .double(Column(values: fromFirst, validity: Bitmap(firstValid)))),
            ("drop_off", .int(Column(values: dropOff))),
        ])
    }

    /// The events and the steps as comparable 64-bit keys: dictionary codes for strings (a
    /// step absent from the dictionary gets -1, which no row has), values for ints, 0/1 for bools.
    private static func funnelKeys(_ events: AnyColumn, _ steps: [Scalar], name: String) throws -> ([Int64], [Int64], Bitmap?) {
        func mismatch(_ s: Scalar) -> FrameError {
            .typeMismatch("step \(s) is \(s.type.map { "a \($0)" } ?? "null"), but '\(name)' is a \(events.type) column")
        }
        switch events {
        case .string(let c):
            let d = c.dictionaryEncoded()
            guard case .dictionary(let codes, let entries) = d.storage else { preconditionFailure("dictionary expected") }
            var codeOf = [String: Int64]()
            for e in 0..<entries.count { codeOf[entries[e]] = Int64(e) }
            let want = try steps.map { s -> Int64 in
                guard case .string(let v) = s else { throw mismatch(s) }
                return codeOf[v] ?? -1
            }
            return (codes.map { Int64($0) }, want, d.validity)
        case .int(let c):
            let want = try steps.map { s -> Int64 in
                guard case .int(let v) = s else { throw mismatch(s) }
                return v
            }
            return (c.values, want, c.validity)
        case .bool(let c):
            let want = try steps.map { s -> Int64 in
                guard case .bool(let v) = s else { throw mismatch(s) }
                return v ? 1 : 0
            }
            return (c.values.map { $0 ? 1 : 0 }, want, c.validity)
        default:
            throw FrameError.typeMismatch("funnel events must be a string, int or bool column; '\(name)' is \(events.type)")
        }
    }
}
