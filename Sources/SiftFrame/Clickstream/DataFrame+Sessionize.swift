// Sessionize: splitting each user's events into sessions at gaps of inactivity, with the order of each event in its session.

extension DataFrame {
    /// The frame with two columns added (or replaced): `session`, an id per session, and
    /// `step`, the 1-based position of the event in its session by time.
    ///
    /// A user's events, taken in time order, start a new session whenever the time since the
    /// user's previous event is more than `gap` (a gap of exactly `gap` stays in the session) —
    /// the inactivity rule of web analytics (Google Analytics' 30-minute timeout), and the pandas
    /// idiom `new = (user != user.shift()) | (time.diff() > gap); session = new.cumsum()` on
    /// rows sorted by user and time.
    ///
    /// - Session ids are `1, 2, ...` in order of user (ascending, as ``Sorting`` orders values)
    ///   and then of session start, the numbering of that pandas idiom.
    /// - Events of a user at the same instant keep their row order, and so do their steps.
    /// - The rows stay in their input order; only the two columns are added.
    /// - A row whose user or time is null gets a null session and a null step: it belongs to
    ///   no user or has no place in time, and it does not split anyone's session.
    ///
    /// ```swift
    /// let s = try clicks.sessionized(user: "user_id", time: "ts", gap: Duration(seconds: 1800))
    /// ```
    /// - Parameters:
    ///   - user: the column that identifies users (any type).
    ///   - time: a timestamp column.
    ///   - gap: the longest pause inside a session; not negative.
    /// - Returns: this frame plus `session` and `step` (ints).
    /// - Throws: ``FrameError/columnNotFound(name:available:)``, ``FrameError/typeMismatch(_:)``
    ///   when `time` is not a timestamp column, ``FrameError/invalidArgument(_:)`` for a negative gap.
    /// - Complexity: O(rows) to group the users plus the radix sort by (user, time).
    public func sessionized(user: String, time: String, gap: Duration) throws -> DataFrame {
        guard gap.micros >= 0 else { throw FrameError.invalidArgument("gap must not be negative, got \(gap)") }
        let users = try column(named: user)
        let times = try ClickstreamInput.timestamps(try column(named: time), named: time)
        let n = rowCount
        let order = Sorting.permutation([(users, .ascending), (.timestamp(times), .ascending)])
        let userIDs = n > 0 ? Grouping(keys: [users]).groupIDs : []
        let valid = Bitmap.intersect(users.validity, times.validity)
        var session = [Int64](repeating: 0, count: n)
        var step = [Int64](repeating: 0, count: n)
        let limit = gap.micros
        times.values.withUnsafeBufferPointer { t in
            userIDs.withUnsafeBufferPointer { u in
                order.withUnsafeBufferPointer { o in
                    session.withUnsafeMutableBufferPointer { s in
                        step.withUnsafeMutableBufferPointer { k in
                            var current: Int64 = 0, position: Int64 = 0
                            var lastUser: Int32 = -1, lastTime: Int64 = 0
                            for i in 0..<n {
                                let r = Int(o[i])
                                // A row without user or time takes no part (its session and step stay null).
                                if let valid, !valid[r] { continue }
                                let (pause, overflow) = t[r].micros.subtractingReportingOverflow(lastTime)
                                if u[r] != lastUser || overflow || pause > limit {
                                    current &+= 1
                                    position = 0
                                }
                                position &+= 1
                                s[r] = current
                                k[r] = position
                                lastUser = u[r]
                                lastTime = t[r].micros
                            }
                        }
                    }
                }
            }
        }
        return try setting("session", to: .int(Column(values: session, validity: valid)))
            .setting("step", to: .int(Column(values: step, validity: valid)))
    }
}
