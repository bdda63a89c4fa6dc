// Cohort retention: users grouped by the period of their first event, and the share of each cohort active in each later period.

/// The calendar unit of a cohort analysis.
public enum CohortPeriod: String, Sendable, CaseIterable {
    /// Calendar days (UTC).
    case day
    /// ISO weeks, starting Monday.
    case week
    /// Calendar months.
    case month

    /// The number of the period an instant falls in, counted from an arbitrary origin, so that
    /// consecutive periods have consecutive numbers.
    @inline(__always)
    func index(_ micros: Int64) -> Int64 {
        switch self {
        case .day: return CalendarKernels.split(micros).days
        case .week:
            // Mondays are day 4 + 7k (1970-01-05 was one), so this division is exact.
            let d = CalendarKernels.split(micros).days
            return (d &- CalendarKernels.weekday(days: d) &- 4) / 7
        case .month:
            let (y, m, _) = CalendarKernels.civil(CalendarKernels.split(micros).days)
            return y &* 12 &+ (m &- 1)
        }
    }

    /// The first instant of period number `index`.
    func start(_ index: Int64) -> Timestamp {
        switch self {
        case .day: return Timestamp(micros: index &* Calendar.microsPerDay)
        case .week: return Timestamp(micros: (index &* 7 &+ 4) &* Calendar.microsPerDay)
        case .month:
            let y = index >= 0 ? index / 12 : (index - 11) / 12
            let m = index - y * 12 + 1
            return Timestamp(micros: CalendarKernels.days(year: y, month: m, day: 1) &* Calendar.microsPerDay)
        }
    }
}

extension DataFrame {
    /// A retention matrix: one row per cohort (the period of a user's first event), with
    /// `cohort` (the period's first instant), `users` (the cohort's size) and one column per
    /// period offset, `p0`, `p1`, …: the share of the cohort's users with at least one event
    /// that many periods after their first.
    ///
    /// This is the classic cohort table (pandas: `cohort = first period per user`, `offset =
    /// period - cohort`, `nunique(user)` per (cohort, offset) divided by the cohort size).
    ///
    /// - `p0` is always 1. A cell is null when its period lies after the last period in the
    ///   data (it could not have been observed), and 0 when it was observed with no one active.
    /// - Cohorts are in time order; offsets run from 0 to the span of the data.
    /// - Rows with a null user or a null time are skipped.
    ///
    /// ```swift
    /// let r = try clicks.cohortRetention(user: "user_id", time: "ts", period: .month)
    /// ```
    /// - Parameters:
    ///   - user: the column that identifies users (any type).
    ///   - time: a timestamp column.
    ///   - period: the calendar unit of cohorts and offsets.
    /// - Throws: ``FrameError/columnNotFound(name:available:)``, ``FrameError/typeMismatch(_:)``
    ///   when `time` is not a timestamp column, ``FrameError/invalidArgument(_:)`` when the data
    ///   spans more than 1,000 periods.
    /// - Complexity: O(rows) expected (a hash of user and offset), plus O(cohorts × offsets) for the matrix.
    public func cohortRetention(user: String, time: String, period: CohortPeriod) throws -> DataFrame {
        let input = try ClickstreamInput(self, [user, time])
        let times = try ClickstreamInput.timestamps(input.columns[1], named: time)
        let n = input.rowCount
        guard n > 0 else {
            return try DataFrame(columns: [("cohort", .timestamp(Column(values: []))), ("users", .int(Column(values: []))),
                                           ("p0", .double(Column(values: [])))])
        }
        let users = Grouping(keys: [input.columns[0]])
        let periods = times.values.map { period.index($0.micros) }
        var low = Int64.max, high = Int64.min
        for p in periods { low = Swift.min(low, p); high = Swift.max(high, p) }
        let span = Int(high - low)
        // The counts take (periods)² cells; 1,000 periods (8 MB, more columns than anyone reads,
        // almost three years of days) is the limit.
        guard span < 1_000 else {
            throw FrameError.invalidArgument("the data spans \(span + 1) \(period.rawValue)s; a cohort table has at most 1000 periods, so use a longer period")
        }
        var first = [Int64](repeating: .max, count: users.groupCount)
        users.groupIDs.withUnsafeBufferPointer { g in
            periods.withUnsafeBufferPointer { p in
                first.withUnsafeMutableBufferPointer { f in
                    for i in 0..<n { f[Int(g[i])] = Swift.min(f[Int(g[i])], p[i]) }
                }
            }
        }
        // active[c * width + o]: users of cohort c (numbered from `low`) active at offset o.
        let width = span + 1
        var active = [Int64](repeating: 0, count: width * width)
        var size = [Int64](repeating: 0, count: width)
        for f in first { size[Int(f - low)] &+= 1 }
        let seen = IntKeyTable(expected: Swift.min(n, 1 << 16))
        users.groupIDs.withUnsafeBufferPointer { g in
            periods.withUnsafeBufferPointer { p in
                first.withUnsafeBufferPointer { f in
                    active.withUnsafeMutableBufferPointer { cells in
                        for i in 0..<n {
                            let u = Int(g[i])
                            let offset = Int(p[i] - f[u])
                            let before = seen.count
                            _ = seen.insert(Int64(u) &* Int64(width) &+ Int64(offset))
                            if seen.count != before { cells[Int(f[u] - low) * width + offset] &+= 1 }
                        }
                    }
                }
            }
        }
        let cohorts = (0..<width).filter { size[$0] > 0 }
        var columns: [(String, AnyColumn)] = [
            ("cohort", .timestamp(Column(values: cohorts.map { period.start(low + Int64($0)) }))),
            ("users", .int(Column(values: cohorts.map { size[$0] }))),
        ]
        for o in 0..<width {
            let cells = cohorts.map { c -> Double? in
                c + o <= span ? Double(active[c * width + o]) / Double(size[c]) : nil
            }
            columns.append(("p\(o)", .double(Column(cells))))
        }
        return try DataFrame(columns: columns)
    }
}
