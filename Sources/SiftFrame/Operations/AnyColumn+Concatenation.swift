// Appending columns end to end (union, the keys of an outer join), widening ints to doubles and merging dictionaries.

extension AnyColumn {
    /// The rows of `parts`, one after another, in one column.
    ///
    /// All parts must have one type, except that ints and doubles mix (the result is double,
    /// each int converted exactly when it is below 2^53 in size, to the nearest double
    /// otherwise). Dictionary strings whose parts all share one dictionary keep it; other
    /// dictionary parts are merged into one dictionary (first-seen order of the entries);
    /// any plain part makes the result plain.
    ///
    /// ```swift
    /// let c = try AnyColumn.concatenated([.int(Column<Int64>([1, nil])), .double(Column<Double>([2.5]))])
    /// // double: 1.0, null, 2.5
    /// ```
    /// - Parameter parts: at least one column.
    /// - Throws: ``FrameError/typeMismatch(_:)`` when the types cannot be put in one column.
    /// - Complexity: O(total rows) (plus bytes for strings).
    public static func concatenated(_ parts: [AnyColumn]) throws -> AnyColumn {
        precondition(!parts.isEmpty, "nothing to concatenate")
        if parts.count == 1 { return parts[0] }
        let types = parts.map(\.type)
        var type = types[0]
        for t in types.dropFirst() where t != type {
            guard t.isNumeric && type.isNumeric else {
                throw FrameError.typeMismatch("cannot put \(type) and \(t) values in one column")
            }
            type = .double
        }
        let validity = concatenatedValidity(parts)
        switch type {
        case .int: return .int(Column(values: joined(parts.map { if case .int(let c) = $0 { return c.values }; return [] }), validity: validity))
        case .double:
            let values = parts.map { p -> [Double] in
                switch p {
                case .double(let c): return c.values
                case .int(let c): return c.values.map { Double($0) }
                default: return []
                }
            }
            return .double(Column(values: joined(values), validity: validity))
        case .bool: return .bool(Column(values: joined(parts.map { if case .bool(let c) = $0 { return c.values }; return [] }), validity: validity))
        case .timestamp:
            return .timestamp(Column(values: joined(parts.map { if case .timestamp(let c) = $0 { return c.values }; return [] }), validity: validity))
        case .duration:
            return .duration(Column(values: joined(parts.map { if case .duration(let c) = $0 { return c.values }; return [] }), validity: validity))
        case .string:
            let strings = parts.map { p -> StringColumn in if case .string(let s) = p { return s }; preconditionFailure("string expected") }
            return .string(concatenatedStrings(strings, validity))
        }
    }

    private static func joined<T>(_ arrays: [[T]]) -> [T] {
        let total = arrays.reduce(0) { $0 + $1.count }
        var out = [T]()
        out.reserveCapacity(total)
        for a in arrays { out.append(contentsOf: a) }
        return out
    }

    /// The parts' validity masks end to end, or nil when no part has a null.
    private static func concatenatedValidity(_ parts: [AnyColumn]) -> Bitmap? {
        guard parts.contains(where: { $0.validity != nil }) else { return nil }
        let total = parts.reduce(0) { $0 + $1.count }
        return Bitmap(count: total) { words in
            var at = 0
            for p in parts {
                let n = p.count
                if let v = p.validity {
                    // Copy bit by word: source word `wi` lands at bit offset `at + wi * 64`.
                    for wi in 0..<v.words.count {
                        let w = v.words[wi]
                        let bit = at + wi << 6
                        words[bit >> 6] |= w << UInt64(bit & 63)
                        if bit & 63 != 0 && (bit >> 6) + 1 < words.count { words[(bit >> 6) + 1] |= w >> UInt64(64 - bit & 63) }
                    }
                } else {
                    for i in at..<(at + n) { words[i >> 6] |= 1 << UInt64(i & 63) }
                }
                at += n
            }
        }
    }

    private static func concatenatedStrings(_ parts: [StringColumn], _ validity: Bitmap?) -> StringColumn {
        var dictionaries: [(codes: [UInt32], entries: StringArray)] = []
        for p in parts {
            guard case .dictionary(let codes, let entries) = p.storage else { break }
            dictionaries.append((codes, entries))
        }
        if dictionaries.count == parts.count {
            let first = dictionaries[0].entries
            if dictionaries.allSatisfy({ $0.entries == first }) {
                return StringColumn(storage: .dictionary(codes: joined(dictionaries.map(\.codes)), entries: first), validity: validity)
            }
            var dict = StringDictionaryBuilder(expected: first.count)
            var codes = [UInt32]()
            for (p, d) in zip(parts, dictionaries) {
                let map = (0..<d.entries.count).map { e in d.entries.withUTF8(at: e) { dict.code(for: $0) } }
                for i in 0..<d.codes.count {
                    // A null row's code is unspecified; keep it inside the new dictionary.
                    let c = Int(d.codes[i])
                    codes.append(p.isValid(i) && c < map.count ? map[c] : 0)
                }
            }
            return StringColumn(storage: .dictionary(codes: codes, entries: dict.build()), validity: validity)
        }
        var b = StringArrayBuilder(capacity: parts.reduce(0) { $0 + $1.count })
        for p in parts {
            for i in 0..<p.count {
                if p.isValid(i) { p.withUTF8(at: i) { b.append(utf8: $0) } } else { b.appendEmpty() }
            }
        }
        return StringColumn(storage: .plain(b.build()), validity: validity)
    }
}
