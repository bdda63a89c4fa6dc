// Which rows of a column equal one value: the lookup of `recommend`.

extension AnyColumn {
    /// A mask that is true where the row equals `value` and false elsewhere (null rows, and
    /// every row when `value` is null or of another type, are false). Ints and doubles compare
    /// by value; strings by bytes.
    ///
    /// - Complexity: O(rows); O(entries + rows) for a dictionary string column.
    func equalityMask(_ value: Scalar) -> Column<Bool> {
        let n = count
        var out = [Bool](repeating: false, count: n)
        out.withUnsafeMutableBufferPointer { o in
            switch (self, value) {
            case (.int(let c), .int(let v)):
                c.values.withUnsafeBufferPointer { p in Bitmap.forEachValid(c.validity, count: n) { o[$0] = p[$0] == v } }
            case (.int(let c), .double(let v)):
                c.values.withUnsafeBufferPointer { p in Bitmap.forEachValid(c.validity, count: n) { o[$0] = Double(p[$0]) == v } }
            case (.double(let c), .double(let v)):
                c.values.withUnsafeBufferPointer { p in Bitmap.forEachValid(c.validity, count: n) { o[$0] = p[$0] == v } }
            case (.double(let c), .int(let v)):
                c.values.withUnsafeBufferPointer { p in Bitmap.forEachValid(c.validity, count: n) { o[$0] = p[$0] == Double(v) } }
            case (.bool(let c), .bool(let v)):
                c.values.withUnsafeBufferPointer { p in Bitmap.forEachValid(c.validity, count: n) { o[$0] = p[$0] == v } }
            case (.timestamp(let c), .timestamp(let v)):
                c.values.withUnsafeBufferPointer { p in Bitmap.forEachValid(c.validity, count: n) { o[$0] = p[$0] == v } }
            case (.duration(let c), .duration(let v)):
                c.values.withUnsafeBufferPointer { p in Bitmap.forEachValid(c.validity, count: n) { o[$0] = p[$0] == v } }
            case (.string(let c), .string(let v)):
                let d = c.dictionaryEncoded()
                guard case .dictionary(let codes, let entries) = d.storage else { return }
                guard let code = (0..<entries.count).first(where: { entries[$0] == v }) else { return }
                let want = UInt32(code)
                codes.withUnsafeBufferPointer { p in Bitmap.forEachValid(c.validity, count: n) { o[$0] = p[$0] == want } }
            default:
                return
            }
        }
        return Column(values: out)
    }
}
