// Encodes the key columns of both sides of a join into one dense code space: build on the right, probe with the left.

/// The keys of a join as dense integer codes shared by both sides.
///
/// Right rows get codes `0 ..< count` (equal keys, equal codes); a left row gets the code of
/// the right key it equals, or -1 when no right row has its key. Null keys get -1 on both
/// sides, so they never match (SQL semantics: `NULL = NULL` is not true).
struct JoinKeys {
    /// The code of each left row, or -1 (no right row has its key, or it is null).
    var left: [Int32]
    /// The code of each right row, or -1 (its key is null or can never match).
    var right: [Int32]
    /// The number of codes.
    var count: Int

    /// Encodes one key column of each side.
    ///
    /// Ints, timestamps and durations compare as integers; doubles by value (`-0.0` equals
    /// `0.0`); an int key against a double key compares numerically, exactly: a double
    /// matches an int only when it is a whole number equal to it (`3.0` matches `3`, `3.5`
    /// matches nothing). Strings compare by bytes, whatever their layouts.
    ///
    /// - Throws: ``FrameError/schemaMismatch(_:)`` naming both types when they cannot be compared.
    /// - Complexity: O(left + right) expected (plus bytes for strings).
    static func encode(_ name: String, left l: AnyColumn, right r: AnyColumn) throws -> JoinKeys {
        switch (l, r) {
        case (.int(let a), .int(let b)): return ints(a.values, a.validity, b.values, b.validity)
        case (.timestamp(let a), .timestamp(let b)):
            return ints(a.values.map(\.micros), a.validity, b.values.map(\.micros), b.validity)
        case (.duration(let a), .duration(let b)):
            return ints(a.values.map(\.micros), a.validity, b.values.map(\.micros), b.validity)
        case (.double(let a), .double(let b)):
            return hashed(KeyGrouper.normalisedBits(a.values), a.validity, KeyGrouper.normalisedBits(b.values), b.validity)
        case (.int(let a), .double(let b)):
            let (v, valid) = wholeNumbers(b)
            return ints(a.values, a.validity, v, valid)
        case (.double(let a), .int(let b)):
            let (v, valid) = wholeNumbers(a)
            return ints(v, valid, b.values, b.validity)
        case (.bool(let a), .bool(let b)):
            return ints(a.values.map { $0 ? 1 : 0 }, a.validity, b.values.map { $0 ? 1 : 0 }, b.validity)
        case (.string(let a), .string(let b)):
            return strings(a, b)
        default:
            throw FrameError.schemaMismatch("join key '\(name)' is \(l.type) on the left but \(r.type) on the right")
        }
    }

    /// Whether two key types can be joined.
    static func compatible(_ a: DataType, _ b: DataType) -> Bool {
        a == b || (a.isNumeric && b.isNumeric)
    }

    /// Encodes several key columns per side: one key at a time, combining the codes so far
    /// with the next key's (`code * nextCount + nextCode`) and encoding the pair again.
    ///
    /// - Throws: as ``encode(_:left:right:)``.
    static func encode(_ names: [String], left: [AnyColumn], right: [AnyColumn]) throws -> JoinKeys {
        var keys = try encode(names[0], left: left[0], right: right[0])
        for k in 1..<names.count {
            let next = try encode(names[k], left: left[k], right: right[k])
            let (lv, lvalid) = combine(keys.left, next.left, next.count)
            let (rv, rvalid) = combine(keys.right, next.right, next.count)
            keys = ints(lv, lvalid, rv, rvalid)
        }
        return keys
    }

    /// `a * bCount + b` per row, invalid where either code is -1.
    private static func combine(_ a: [Int32], _ b: [Int32], _ bCount: Int) -> ([Int64], Bitmap?) {
        let n = a.count
        var any = false
        let v = (0..<n).map { i -> Int64 in
            if a[i] < 0 || b[i] < 0 { any = true; return 0 }
            return Int64(a[i]) * Int64(bCount) + Int64(b[i])
        }
        return (v, any ? Bitmap((0..<n).lazy.map { a[$0] >= 0 && b[$0] >= 0 }) : nil)
    }

    /// The whole-number doubles of a column as ints; other values (fractions, values beyond
    /// the int range) become invalid, since no int equals them.
    private static func wholeNumbers(_ c: Column<Double>) -> ([Int64], Bitmap?) {
        var ok = [Bool](repeating: false, count: c.count)
        let v = (0..<c.count).map { i -> Int64 in
            let x = c.values[i]
            guard c.isValid(i), x.rounded() == x, x >= -9.223_372_036_854_775_808e18, x < 9.223_372_036_854_775_808e18 else { return 0 }
            ok[i] = true
            return Int64(x)
        }
        return (v, ok.allSatisfy { $0 } ? nil : Bitmap(ok))
    }

    // MARK: - Integers

    /// Integer keys: right keys in a small range are their offset from the right minimum
    /// (a left key outside the range matches nothing); otherwise hashed.
    static func ints(_ l: [Int64], _ lValid: Bitmap?, _ r: [Int64], _ rValid: Bitmap?) -> JoinKeys {
        guard let (low, high) = r.withUnsafeBufferPointer({ IntRange.of($0, rValid) }) else {
            return JoinKeys(left: [Int32](repeating: -1, count: l.count), right: [Int32](repeating: -1, count: r.count), count: 0)
        }
        let range = UInt64(bitPattern: high &- low)
        guard KeyGrouper.isDense(range: range, rows: r.count) else { return hashed(l, lValid, r, rValid) }
        func codes(_ v: [Int64], _ valid: Bitmap?) -> [Int32] {
            let n = v.count
            return v.withUnsafeBufferPointer { src in
                nonisolated(unsafe) let s = src.baseAddress
                return [Int32](hugeUninitializedCount: n) { out in
                    nonisolated(unsafe) let o = out.baseAddress
                    let words = valid?.words
                    Parallel.forEachChunk(count: n) { chunk in
                        for i in chunk {
                            let x = s.unsafelyUnwrapped[i]
                            let ok = x >= low && x <= high && (words.map { $0[i >> 6] >> UInt64(i & 63) & 1 == 1 } ?? true)
                            o.unsafelyUnwrapped[i] = ok ? Int32(truncatingIfNeeded: x &- low) : -1
                        }
                    }
                }
            }
        }
        return JoinKeys(left: codes(l, lValid), right: codes(r, rValid), count: Int(range) + 1)
    }

    /// Integer keys through an ``IntKeyTable`` built from the right side.
    static func hashed(_ l: [Int64], _ lValid: Bitmap?, _ r: [Int64], _ rValid: Bitmap?) -> JoinKeys {
        let table = IntKeyTable(expected: min(r.count, 1 << 12))
        var right = [Int32](repeating: -1, count: r.count)
        for i in 0..<r.count where rValid?[i] ?? true { right[i] = table.insert(r[i]) }
        var left = [Int32](repeating: -1, count: l.count)
        for i in 0..<l.count where lValid?[i] ?? true { left[i] = table.find(l[i]) }
        return JoinKeys(left: left, right: right, count: table.count)
    }

    // MARK: - Strings

    /// String keys: the right side's distinct strings are interned (a dictionary column's
    /// entries are already distinct, so their codes are kept), and the left side looks its
    /// strings up (a dictionary column once per entry).
    static func strings(_ l: StringColumn, _ r: StringColumn) -> JoinKeys {
        var dict = StringDictionaryBuilder(expected: 1 << 10)
        var right = [Int32](repeating: -1, count: r.count)
        switch r.storage {
        case .dictionary(let codes, let entries):
            if case .dictionary(let lcodes, let lentries) = l.storage, lentries == entries {
                return JoinKeys(left: validCodes(lcodes, l.validity, limit: entries.count),
                                right: validCodes(codes, r.validity, limit: entries.count), count: entries.count)
            }
            for e in 0..<entries.count { _ = entries.withUTF8(at: e) { dict.code(for: $0) } }
            right = validCodes(codes, r.validity, limit: entries.count)
        case .plain(let a):
            for i in 0..<a.count where r.isValid(i) { right[i] = Int32(a.withUTF8(at: i) { dict.code(for: $0) }) }
        }
        var left = [Int32](repeating: -1, count: l.count)
        switch l.storage {
        case .dictionary(let codes, let entries):
            let map = (0..<entries.count).map { e in entries.withUTF8(at: e) { dict.existingCode(for: $0).map { Int32($0) } ?? -1 } }
            for i in 0..<l.count where l.isValid(i) { left[i] = map[Int(codes[i])] }
        case .plain(let a):
            for i in 0..<a.count where l.isValid(i) {
                left[i] = a.withUTF8(at: i) { dict.existingCode(for: $0).map { Int32($0) } ?? -1 }
            }
        }
        return JoinKeys(left: left, right: right, count: dict.count)
    }

    /// Dictionary codes as join codes, -1 for null rows.
    private static func validCodes(_ codes: [UInt32], _ validity: Bitmap?, limit: Int) -> [Int32] {
        (0..<codes.count).map { i in (validity?[i] ?? true) && Int(codes[i]) < limit ? Int32(codes[i]) : -1 }
    }
}
