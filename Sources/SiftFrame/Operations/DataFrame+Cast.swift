// Casting columns to other types with the rules of Conversion; a value that does not convert is an error naming column, row and value.

extension DataFrame {
    /// The frame with some columns converted to other types, in place.
    ///
    /// The rules are ``Conversion``'s (the `int`, `float` and `str` functions share them):
    /// strings are parsed strictly, doubles truncate toward zero into ints, timestamps and
    /// durations convert to and from seconds. A value that cannot be converted is an error,
    /// not a null — as pandas' `astype` and polars' strict `cast` — naming the column, the
    /// first bad row (1-based, counting this frame's rows) and its value; turn such values into
    /// nulls first (`derive x = if(...)`) when that is what is wanted.
    ///
    /// ```swift
    /// let typed = try raw.casting([("price", .int), ("ts", .timestamp)])
    /// // for "abc" in row 3: column 'price': cannot cast 'abc' (row 3) to int
    /// ```
    /// - Parameter casts: column names and target types; each column at most once.
    /// - Returns: the frame with the converted columns.
    /// - Throws: ``FrameError/columnNotFound(name:available:)``; ``FrameError/typeMismatch(_:)``
    ///   for a pair of types with no conversion (see ``isCastable(from:to:)``); the conversion's
    ///   ``FrameError/invalidArgument(_:)`` wrapped in ``FrameError/context(_:_:)`` naming the column;
    ///   ``FrameError/invalidArgument(_:)`` for a column named twice.
    /// - Complexity: O(rows) per column; strings are parsed once per distinct dictionary entry.
    public func casting(_ casts: [(column: String, to: DataType)]) throws -> DataFrame {
        var out = self
        var done: [String] = []
        for (name, type) in casts {
            if done.contains(name) { throw FrameError.invalidArgument("column '\(name)' is cast twice") }
            done.append(name)
            let c = try column(named: name)
            guard DataFrame.isCastable(from: c.type, to: type) else {
                throw FrameError.typeMismatch("cannot cast \(c.type) column '\(name)' to \(type)")
            }
            do {
                out = try out.setting(name, to: try Conversion.cast(c, to: type))
            } catch let e as FrameError {
                throw FrameError.context("column '\(name)'", e)
            }
        }
        return out
    }

    /// Whether ``Conversion/cast(_:to:)-(AnyColumn,_)`` converts a column of one type to
    /// another (possibly failing on particular values): every type to itself and to string,
    /// string to every type, and among int, double, bool, timestamp and duration all pairs but
    /// those between bool, timestamp and duration.
    public static func isCastable(from: DataType, to: DataType) -> Bool {
        if from == to || from == .string || to == .string { return true }
        switch (from, to) {
        case (.int, _), (.double, _): return true
        case (_, .int), (_, .double): return true
        default: return false
        }
    }
}
