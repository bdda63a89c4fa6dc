// One typed side of an elementwise kernel: a column, a constant, or null.

/// A typed operand of an elementwise kernel.
///
/// Kernels take sides rather than columns so that `price > 50` compares against the constant
/// in the loop instead of first repeating 50 into a column.
public enum Side<T: ColumnElement>: Sendable {
    /// One value per row.
    case column(Column<T>)
    /// The same value on every row.
    case constant(T)
    /// Null on every row.
    case null

    /// The validity of the side over `count` rows (nil: all valid).
    func validity(count: Int) -> Bitmap? {
        switch self {
        case .column(let c): return c.validity
        case .constant: return nil
        case .null: return Bitmap(repeating: false, count: count)
        }
    }
}

extension Operand {
    /// The operand as ints, or nil when it holds another type.
    public var intSide: Side<Int64>? {
        switch self {
        case .column(.int(let c)): return .column(c)
        case .scalar(.int(let v)): return .constant(v)
        case .scalar(.null): return .null
        default: return nil
        }
    }

    /// The operand as doubles, widening ints; nil for other types.
    ///
    /// - Complexity: O(rows) when an int column is widened.
    public var doubleSide: Side<Double>? {
        switch self {
        case .column(.double(let c)): return .column(c)
        case .column(.int(let c)): return .column(c.map { Double($0) })
        case .scalar(.double(let v)): return .constant(v)
        case .scalar(.int(let v)): return .constant(Double(v))
        case .scalar(.null): return .null
        default: return nil
        }
    }

    /// The operand as booleans, or nil when it holds another type.
    public var boolSide: Side<Bool>? {
        switch self {
        case .column(.bool(let c)): return .column(c)
        case .scalar(.bool(let v)): return .constant(v)
        case .scalar(.null): return .null
        default: return nil
        }
    }

    /// The operand as timestamps, or nil when it holds another type.
    public var timestampSide: Side<Timestamp>? {
        switch self {
        case .column(.timestamp(let c)): return .column(c)
        case .scalar(.timestamp(let v)): return .constant(v)
        case .scalar(.null): return .null
        default: return nil
        }
    }

    /// The operand as durations, or nil when it holds another type.
    public var durationSide: Side<Duration>? {
        switch self {
        case .column(.duration(let c)): return .column(c)
        case .scalar(.duration(let v)): return .constant(v)
        case .scalar(.null): return .null
        default: return nil
        }
    }

    /// Whether the operand is a constant (a scalar, null included) rather than a column.
    public var isScalar: Bool { if case .scalar = self { return true } else { return false } }
}

extension Column {
    /// The column with `transform` applied to every slot (null slots too; validity kept).
    ///
    /// - Complexity: O(count).
    @inlinable
    public func map<R: ColumnElement>(_ transform: (T) -> R) -> Column<R> {
        let n = count
        let out = [R](unsafeUninitializedCapacity: n) { buf, initialized in
            values.withUnsafeBufferPointer { src in
                for i in 0..<n { (buf.baseAddress! + i).initialize(to: transform(src[i])) }
            }
            initialized = n
        }
        return Column<R>(values: out, validity: validity)
    }
}

/// Elementwise kernels over two or three sides, with null propagation.
public enum Elementwise {
    /// `op` applied row by row; a row is null when either side is null there.
    ///
    /// - Complexity: O(count), one tight loop per combination of column and constant.
    @inlinable
    public static func map<A, B, R>(_ a: Side<A>, _ b: Side<B>, count n: Int, _ op: (A, B) -> R) -> Column<R> {
        switch (a, b) {
        case (.null, _), (_, .null):
            return Column(values: [R](repeating: R.zero, count: n), validity: Bitmap(repeating: false, count: n))
        case (.constant(let x), .constant(let y)):
            return Column(values: [R](repeating: op(x, y), count: n))
        case (.column(let x), .column(let y)):
            precondition(x.count == n && y.count == n, "operand lengths differ")
            let out = fill(n) { o in
                x.values.withUnsafeBufferPointer { xs in
                    y.values.withUnsafeBufferPointer { ys in for i in 0..<n { (o + i).initialize(to: op(xs[i], ys[i])) } }
                }
            }
            return Column(values: out, validity: Bitmap.intersect(x.validity, y.validity))
        case (.column(let x), .constant(let k)):
            let out = fill(n) { o in
                x.values.withUnsafeBufferPointer { xs in for i in 0..<n { (o + i).initialize(to: op(xs[i], k)) } }
            }
            return Column(values: out, validity: x.validity)
        case (.constant(let k), .column(let y)):
            let out = fill(n) { o in
                y.values.withUnsafeBufferPointer { ys in for i in 0..<n { (o + i).initialize(to: op(k, ys[i])) } }
            }
            return Column(values: out, validity: y.validity)
        }
    }

    /// An array of `n` values whose chunks `body` initialises in parallel, each chunk only its
    /// own range of the output.
    @inlinable
    public static func chunked<R>(_ n: Int, _ body: @Sendable (UnsafeMutablePointer<R>, Range<Int>) -> Void) -> [R] {
        [R](unsafeUninitializedCapacity: n) { buf, initialized in
            nonisolated(unsafe) let base = buf.baseAddress.unsafelyUnwrapped
            Parallel.forEachChunk(count: n) { r in body(base, r) }
            initialized = n
        }
    }

    /// `op` applied to every slot of one side (constants give a repeated column).
    @inlinable
    public static func map<A, R>(_ a: Side<A>, count n: Int, _ op: (A) -> R) -> Column<R> {
        switch a {
        case .null: return Column(values: [R](repeating: R.zero, count: n), validity: Bitmap(repeating: false, count: n))
        case .constant(let x): return Column(values: [R](repeating: op(x), count: n))
        case .column(let x): return x.map(op)
        }
    }

    /// An array of `n` values initialised by `body` through a raw pointer.
    @inlinable
    public static func fill<R>(_ n: Int, _ body: (UnsafeMutablePointer<R>) -> Void) -> [R] {
        if n == 0 { return [] }
        return [R](unsafeUninitializedCapacity: n) { buf, initialized in
            body(buf.baseAddress!)
            initialized = n
        }
    }

    /// Integer arithmetic with overflow detection: the loop ors the overflow flags together and,
    /// only if one is set, rechecks the valid rows (null slots hold arbitrary values).
    ///
    /// - Throws: ``FrameError/invalidArgument(_:)`` naming the operator when a valid row overflows.
    @inlinable
    public static func mapChecked(_ a: Side<Int64>, _ b: Side<Int64>, count n: Int, operator name: String,
                                  _ op: (Int64, Int64) -> (partialValue: Int64, overflow: Bool)) throws -> Column<Int64> {
        var overflow = false
        let result = map(a, b, count: n) { (x: Int64, y: Int64) -> Int64 in
            let r = op(x, y)
            overflow = overflow || r.overflow
            return r.partialValue
        }
        if overflow {
            var real = false
            Bitmap.forEachValid(result.validity, count: n) { i in
                let x: Int64, y: Int64
                switch a { case .column(let c): x = c.values[i]; case .constant(let k): x = k; case .null: return }
                switch b { case .column(let c): y = c.values[i]; case .constant(let k): y = k; case .null: return }
                if op(x, y).overflow { real = true }
            }
            if real { throw FrameError.invalidArgument("integer overflow in '\(name)'; cast to double with float(x) first") }
        }
        return result
    }
}

extension Column where T == Double {
    /// The column with NaN slots turned into nulls (columns never hold NaN).
    ///
    /// - Complexity: O(count); no allocation when there is no NaN.
    public func nanAsNull() -> Column<Double> {
        var hasNaN = false
        values.withUnsafeBufferPointer { v in
            var any = false
            for x in v { any = any || x.isNaN }
            hasNaN = any
        }
        guard hasNaN else { return self }
        let nanFree = Bitmap(count: count) { w in
            values.withUnsafeBufferPointer { v in
                for i in 0..<v.count where !v[i].isNaN { w[i >> 6] |= 1 << UInt64(i & 63) }
            }
        }
        return Column(values: values, validity: Bitmap.intersect(validity, nanFree))
    }
}
