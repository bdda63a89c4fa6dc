// Typed arrays from frame columns for SiftPlot: numbers as doubles with NaN for null, categories as codes in first-seen order.
import SiftFrame
import SiftLang
import SiftPlot

/// Turns columns into the plain arrays chart constructors take.
enum PlotColumns {
    /// The column's values as doubles, NaN where null: ints and doubles as numbers,
    /// timestamps as microseconds since the epoch, durations in seconds, bools as 0 and 1.
    ///
    /// - Complexity: O(n), one pass over the typed buffer.
    static func doubles(_ c: AnyColumn) -> [Double] {
        func fill<T>(_ values: [T], _ validity: Bitmap?, _ f: (T) -> Double) -> [Double] {
            var out = [Double](repeating: .nan, count: values.count)
            out.withUnsafeMutableBufferPointer { o in
                values.withUnsafeBufferPointer { v in
                    if validity == nil {
                        for i in 0..<v.count { o[i] = f(v[i]) }
                    } else {
                        Bitmap.forEachValid(validity, count: v.count) { o[$0] = f(v[$0]) }
                    }
                }
            }
            return out
        }
        switch c {
        case .int(let col): return fill(col.values, col.validity) { Double($0) }
        case .double(let col): return fill(col.values, col.validity) { $0 }
        case .timestamp(let col): return fill(col.values, col.validity) { Double($0.micros) }
        case .duration(let col): return fill(col.values, col.validity) { Double($0.micros) / 1_000_000 }
        case .bool(let col): return fill(col.values, col.validity) { $0 ? 1 : 0 }
        case .string(let col): return [Double](repeating: .nan, count: col.count)
        }
    }

    /// A category per row: codes numbered in order of first appearance, null a category of its
    /// own labelled `null` (as `group` treats it), labels as values display.
    ///
    /// String columns go through their dictionary (building one for plain storage), so no
    /// per-row string is made; other types group through the engine's key grouping.
    ///
    /// - Returns: the codes and labels, and the code of the null category if there is one.
    /// - Complexity: O(n) expected.
    static func categories(_ c: AnyColumn) -> (groups: PlotGroups, nullCode: Int?) {
        if case .string(let s) = c {
            let d = s.dictionaryEncoded()
            guard case .dictionary(let codes, let entries) = d.storage else { return (PlotGroups(codes: [], labels: []), nil) }
            var remap = [Int32](repeating: -1, count: entries.count)
            var nullCode: Int32 = -1
            var labels: [String] = []
            var out = [Int32](repeating: 0, count: codes.count)
            for i in 0..<codes.count {
                if d.isValid(i) {
                    let k = Int(codes[i])
                    if remap[k] < 0 { remap[k] = Int32(labels.count); labels.append(entries[k]) }
                    out[i] = remap[k]
                } else {
                    if nullCode < 0 { nullCode = Int32(labels.count); labels.append("null") }
                    out[i] = nullCode
                }
            }
            return (PlotGroups(codes: out, labels: labels), nullCode < 0 ? nil : Int(nullCode))
        }
        guard c.count > 0 else { return (PlotGroups(codes: [], labels: []), nil) }
        let g = Grouping(keys: [c])
        let dateOnly = isDateOnly(c)
        let labels = g.firstRows.map { NumberFormat.scalar(c[Int($0)], dateOnly: dateOnly) }
        let nullCode = g.firstRows.firstIndex { !c.isValid(Int($0)) }
        return (PlotGroups(codes: g.groupIDs, labels: labels), nullCode)
    }

    /// The series of a `by:` column: strings in order of first appearance (as `group` keeps
    /// keys), numbers, timestamps and bools in ascending order (a legend reads `1 2 3`, not
    /// the order the rows happened to come in); null last, as in `plot bar`.
    ///
    /// - Complexity: O(n) plus O(k log k) for k series.
    static func series(_ c: AnyColumn) -> PlotGroups {
        let (g, nullCode) = categories(c)
        var isString = false
        if case .string = c { isString = true }
        if isString, nullCode == nil { return g }
        let values = isString ? [] : categoryValues(c, g)
        let order = g.labels.indices.sorted { a, b in
            if (a == nullCode) != (b == nullCode) { return b == nullCode }
            if !isString, values[a] != values[b] { return values[a] < values[b] }
            return a < b
        }
        var remap = [Int32](repeating: 0, count: order.count)
        for (new, old) in order.enumerated() { remap[old] = Int32(new) }
        return PlotGroups(codes: g.codes.map { remap[Int($0)] }, labels: order.map { g.labels[$0] })
    }

    /// Whether an int column has no nulls and no value twice (a row key).
    ///
    /// - Complexity: O(n log n).
    static func isKey(_ c: AnyColumn) -> Bool {
        guard case .int(let col) = c, col.validity == nil else { return false }
        let sorted = col.values.sorted()
        for i in sorted.indices.dropFirst() where sorted[i] == sorted[i - 1] { return false }
        return true
    }

    /// The first-row value of each category, for sorting numeric categories by value.
    static func categoryValues(_ c: AnyColumn, _ groups: PlotGroups) -> [Double] {
        var first = [Int](repeating: -1, count: groups.labels.count)
        for (i, k) in groups.codes.enumerated() where first[Int(k)] < 0 { first[Int(k)] = i }
        let d = doubles(c)
        return first.map { $0 >= 0 ? d[$0] : .nan }
    }

    /// Whether every timestamp in a column is at midnight (dates), so labels drop the time.
    static func isDateOnly(_ c: AnyColumn) -> Bool {
        guard case .timestamp(let col) = c else { return false }
        var all = true
        Bitmap.forEachValid(col.validity, count: col.count) { i in
            if all, Calendar.splitDays(col.values[i].micros).micros != 0 { all = false }
        }
        return all
    }

    /// A column's values as display strings (nulls as `null`), for row labels of small frames.
    static func labels(_ c: AnyColumn) -> [String] {
        let dateOnly = isDateOnly(c)
        return (0..<c.count).map { NumberFormat.scalar(c[$0], dateOnly: dateOnly) }
    }
}
