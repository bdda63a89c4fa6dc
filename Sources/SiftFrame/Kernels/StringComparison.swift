// Compares string columns and constants, using dictionary codes where they make it integer work.

/// String comparisons by UTF-8 byte order (which is Unicode code point order).
enum StringComparison {
    /// Compares two byte strings: negative, zero or positive.
    @inlinable
    static func compareBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(a.count, b.count)
        var i = 0
        while i < n {
            if a[i] != b[i] { return Int(a[i]) - Int(b[i]) }
            i += 1
        }
        return a.count - b.count
    }

    @inlinable
    static func holds(_ op: String, _ c: Int) -> Bool {
        switch op {
        case "==": return c == 0
        case "!=": return c != 0
        case "<": return c < 0
        case "<=": return c <= 0
        case ">": return c > 0
        default: return c >= 0
        }
    }

    /// `a op b` per row, where each side is a string column, a string constant or null.
    ///
    /// - Complexity: O(rows) with a dictionary column against a constant (one comparison per
    ///   dictionary entry, then a code lookup per row); O(rows × string length) otherwise.
    static func compare(_ op: String, _ a: Operand, _ b: Operand, count n: Int) throws -> Column<Bool> {
        switch (a, b) {
        case (.scalar(.null), _), (_, .scalar(.null)):
            return Column(values: [Bool](repeating: false, count: n), validity: Bitmap(repeating: false, count: n))
        case (.scalar(.string(let x)), .scalar(.string(let y))):
            return Column(values: [Bool](repeating: holds(op, x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : (x == y ? 0 : 1)), count: n))
        case (.column(.string(let c)), .scalar(.string(let k))):
            return compare(op, c, k, flipped: false)
        case (.scalar(.string(let k)), .column(.string(let c))):
            return compare(op, c, k, flipped: true)
        case (.column(.string(let x)), .column(.string(let y))):
            return compare(op, x, y)
        default:
            throw FunctionSupport.unsupported(op, [a, b])
        }
    }

    /// Column against constant; `flipped` means the constant is on the left.
    private static func compare(_ op: String, _ c: StringColumn, _ k: String, flipped: Bool) -> Column<Bool> {
        var key = k
        return key.withUTF8 { kb in
            func test(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
                let r = compareBytes(s, kb)
                return holds(op, flipped ? -r : r)
            }
            switch c.storage {
            case .dictionary(let codes, let entries):
                let perEntry = (0..<entries.count).map { e in entries.withUTF8(at: e, test) }
                let vals = perEntry.withUnsafeBufferPointer { pe in
                    Elementwise.fill(codes.count) { (o: UnsafeMutablePointer<Bool>) in
                        codes.withUnsafeBufferPointer { cs in
                            for i in 0..<cs.count {
                                let code = Int(cs[i])
                                o[i] = code < pe.count ? pe[code] : false
                            }
                        }
                    }
                }
                return Column(values: vals, validity: c.validity)
            case .plain(let a):
                let vals = (0..<a.count).map { i in a.withUTF8(at: i, test) }
                return Column(values: vals, validity: c.validity)
            }
        }
    }

    /// Column against column.
    private static func compare(_ op: String, _ x: StringColumn, _ y: StringColumn) -> Column<Bool> {
        let n = x.count
        let validity = Bitmap.intersect(x.validity, y.validity)
        if (op == "==" || op == "!="), case .dictionary(let xc, let xe) = x.storage, case .dictionary(let yc, let ye) = y.storage, xe == ye {
            let eq = op == "=="
            let vals = Elementwise.fill(n) { (o: UnsafeMutablePointer<Bool>) in for i in 0..<n { o[i] = (xc[i] == yc[i]) == eq } }
            return Column(values: vals, validity: validity)
        }
        let vals = (0..<n).map { i in
            x.withUTF8(at: i) { a in y.withUTF8(at: i) { b in holds(op, compareBytes(a, b)) } }
        }
        return Column(values: vals, validity: validity)
    }
}
