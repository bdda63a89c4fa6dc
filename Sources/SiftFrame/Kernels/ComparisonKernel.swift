// Comparison kernels: one tight loop per operator over typed buffers, split across cores.

/// `== != < <= > >=` over columns and constants, for `where` conditions.
///
/// The operator is chosen outside the loops and each loop compares values directly, so the
/// compiler vectorises it; a closure per element (what ``Elementwise/map(_:_:count:_:)`` takes)
/// cannot be inlined once the loop runs on a worker thread.
public enum ComparisonKernel {
    /// The operator codes, in the order of the `switch`es below.
    @usableFromInline static let codes: [String: Int] = ["==": 0, "!=": 1, "<": 2, "<=": 3, ">": 4, ">=": 5]
    /// `k op x` is `x flipped(op) k`.
    @usableFromInline static let flipped = [0, 1, 4, 5, 2, 3]

    /// `a op b` row by row; a row is null when either side is null there.
    ///
    /// - Complexity: O(count), in chunks of at least ``Parallel/defaultGrain`` rows per core.
    @inlinable
    public static func compare<T: ColumnElement & Comparable>(_ op: String, _ a: Side<T>, _ b: Side<T>, count n: Int) -> Column<Bool> {
        guard let code = codes[op] else { preconditionFailure("not a comparison: \(op)") }
        switch (a, b) {
        case (.column(let x), .constant(let k)):
            return Column(values: compare(code, x, k, n), validity: x.validity)
        case (.constant(let k), .column(let y)):
            return Column(values: compare(flipped[code], y, k, n), validity: y.validity)
        case (.column(let x), .column(let y)):
            precondition(x.count == n && y.count == n, "operand lengths differ")
            let out = Elementwise.chunked(n) { (o: UnsafeMutablePointer<Bool>, r: Range<Int>) in
                x.values.withUnsafeBufferPointer { xs in
                    y.values.withUnsafeBufferPointer { ys in
                        pairs(code, o, xs.baseAddress.unsafelyUnwrapped, ys.baseAddress.unsafelyUnwrapped, r)
                    }
                }
            }
            return Column(values: out, validity: Bitmap.intersect(x.validity, y.validity))
        default:
            return Elementwise.map(a, b, count: n) { (p: T, q: T) -> Bool in
                switch code {
                case 0: return p == q
                case 1: return p != q
                case 2: return p < q
                case 3: return p <= q
                case 4: return p > q
                default: return p >= q
                }
            }
        }
    }

    @inlinable
    static func compare<T: ColumnElement & Comparable>(_ code: Int, _ x: Column<T>, _ k: T, _ n: Int) -> [Bool] {
        Elementwise.chunked(n) { (o: UnsafeMutablePointer<Bool>, r: Range<Int>) in
            x.values.withUnsafeBufferPointer { xs in
                let p = xs.baseAddress.unsafelyUnwrapped
                switch code {
                case 0: for i in r { o[i] = p[i] == k }
                case 1: for i in r { o[i] = p[i] != k }
                case 2: for i in r { o[i] = p[i] < k }
                case 3: for i in r { o[i] = p[i] <= k }
                case 4: for i in r { o[i] = p[i] > k }
                default: for i in r { o[i] = p[i] >= k }
                }
            }
        }
    }

    @inlinable
    static func pairs<T: Comparable>(_ code: Int, _ o: UnsafeMutablePointer<Bool>, _ x: UnsafePointer<T>, _ y: UnsafePointer<T>, _ r: Range<Int>) {
        switch code {
        case 0: for i in r { o[i] = x[i] == y[i] }
        case 1: for i in r { o[i] = x[i] != y[i] }
        case 2: for i in r { o[i] = x[i] < y[i] }
        case 3: for i in r { o[i] = x[i] <= y[i] }
        case 4: for i in r { o[i] = x[i] > y[i] }
        default: for i in r { o[i] = x[i] >= y[i] }
        }
    }
}
