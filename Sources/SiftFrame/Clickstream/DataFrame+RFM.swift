// RFM: one row per customer with recency, frequency and monetary value, their 1-5 scores and a segment.

extension DataFrame {
    /// An RFM table: one row per customer, in order of first appearance, with the customer
    /// column, `recency_days`, `frequency`, `monetary`, the scores `r`, `f`, `m` and `segment`.
    ///
    /// Each row of the frame is one transaction (filter to purchases first in an event log).
    ///
    /// - `recency_days`: days (a double) from the customer's last transaction to `now`, which
    ///   defaults to the latest time in the data.
    /// - `frequency`: the customer's number of rows; `monetary`: the sum of `amount` (int for
    ///   an int column), null when every amount is null — as `count()` and `sum` in `agg`.
    /// - Scores and segments follow ``RFMScoring`` (the rules of `stdlib/rfm.sift`): quintiles
    ///   over all customers, recency reversed, segment from `r` and `f`. A null `monetary`
    ///   has a null `m`.
    /// - Rows with a null customer or a null time are skipped (null amounts still count as
    ///   transactions).
    ///
    /// ```swift
    /// let t = try orders.rfm(customer: "user_id", time: "ts", amount: "price")
    /// ```
    /// - Parameters:
    ///   - customer: the column that identifies customers (any type).
    ///   - time: a timestamp column.
    ///   - amount: an int or double column.
    ///   - now: the instant recency is measured to; nil for the latest time in the data.
    /// - Throws: ``FrameError/columnNotFound(name:available:)``, ``FrameError/typeMismatch(_:)``
    ///   for a time column that is not a timestamp or a non-numeric amount,
    ///   ``FrameError/invalidArgument(_:)`` when `now` is before some customer's last transaction.
    /// - Complexity: O(rows) to group and aggregate, plus O(customers log customers) for the quintiles.
    public func rfm(customer: String, time: String, amount: String, now: Timestamp? = nil) throws -> DataFrame {
        let input = try ClickstreamInput(self, [customer, time, amount], required: 2)
        let times = try ClickstreamInput.timestamps(input.columns[1], named: time)
        let amounts = input.columns[2]
        guard amounts.type.isNumeric else {
            throw FrameError.typeMismatch("amount column '\(amount)' is \(amounts.type); rfm needs an int or double column")
        }
        let n = input.rowCount
        let groups = n > 0 ? Grouping(keys: [input.columns[0]]) : Grouping(groupIDs: [], groupCount: 0, firstRows: [])
        let m = groups.groupCount
        var last = [Int64](repeating: .min, count: m)
        var frequency = [Int64](repeating: 0, count: m)
        var anyAmount = [Bool](repeating: false, count: m)
        groups.groupIDs.withUnsafeBufferPointer { g in
            anyAmount.withUnsafeMutableBufferPointer { any in
                Bitmap.forEachValid(amounts.validity, count: n) { any[Int(g[$0])] = true }
            }
            times.values.withUnsafeBufferPointer { t in
                last.withUnsafeMutableBufferPointer { latest in
                    frequency.withUnsafeMutableBufferPointer { count in
                        for i in 0..<n {
                            let k = Int(g[i])
                            latest[k] = Swift.max(latest[k], t[i].micros)
                            count[k] &+= 1
                        }
                    }
                }
            }
        }
        let monetary = try Self.groupSums(amounts, groups).withValidity(anyAmount.allSatisfy { $0 } ? nil : Bitmap(anyAmount))
        let latest = last.max() ?? 0
        let reference = now?.micros ?? latest
        if let now, m > 0, latest > now.micros {
            throw FrameError.invalidArgument("now: \(now) is before the latest transaction (\(Timestamp(micros: latest))); filter the rows to before it first")
        }
        // The stdlib computes seconds(now - last) / 86400; the same two divisions give the same doubles.
        let recency = last.map { Duration(micros: reference - $0).seconds / 86_400 }
        let r = RFMScoring.quintiles(recency.map { Optional($0) }).map { $0.map { 6 - $0 } }
        let f = RFMScoring.quintiles(frequency.map { Optional(Double($0)) })
        let monetaryDoubles: [Double?]
        switch monetary {
        case .int(let c): monetaryDoubles = (0..<m).map { c[$0].map(Double.init) }
        case .double(let c): monetaryDoubles = (0..<m).map { c[$0] }
        default: monetaryDoubles = []
        }
        let mScore = RFMScoring.quintiles(monetaryDoubles)
        let segment = (0..<m).map { i -> String? in
            guard let ri = r[i], let fi = f[i] else { return nil }
            return RFMScoring.segment(r: ri, f: fi)
        }
        let firsts = RowSelection(indices: groups.firstRows, hasNulls: false)
        var columns: [(String, AnyColumn)] = [
            (customer, input.columns[0].gathered(firsts)),
            ("recency_days", .double(Column(values: recency))),
            ("frequency", .int(Column(values: frequency))),
            ("monetary", monetary),
            ("r", .int(Column(r))), ("f", .int(Column(f))), ("m", .int(Column(mScore))),
            ("segment", .string(StringColumn(segment).dictionaryEncoded())),
        ]
        if ["recency_days", "frequency", "monetary", "r", "f", "m", "segment"].contains(customer) {
            columns[0].0 = "customer"
        }
        return try DataFrame(columns: columns)
    }

    /// The sum of a numeric column per group with the kernels of `sum` in `agg` (exact for ints,
    /// the same summation order for doubles), so the stdlib's `agg monetary = sum(x)` agrees to the bit.
    ///
    /// - Throws: ``FrameError/invalidArgument(_:)`` when an int sum overflows.
    private static func groupSums(_ values: AnyColumn, _ groups: Grouping) throws -> AnyColumn {
        switch values {
        case .int(let c):
            let (sums, _) = GroupedSum.totals(c, groups)
            return .int(Column(values: try sums.map { s in
                guard let v = s.value else { throw FrameError.invalidArgument("integer overflow in the monetary sum; cast the amount to double with float(x) first") }
                return v
            }))
        case .double(let c):
            return .double(Column(values: GroupedSum.sums(c, groups)))
        default:
            return .double(Column(values: [Double](repeating: 0, count: groups.groupCount)))
        }
    }
}
