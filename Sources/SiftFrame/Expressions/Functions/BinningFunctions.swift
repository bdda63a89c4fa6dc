// The binning functions: bin(x, width) and cut(x, [edges] [, [labels]]).

/// Bucketing of numbers (and times) into fixed-width bins or labelled intervals.
///
/// - `bin(x, width)` is `floor(x / width) * width`, the start of the bin `x` falls in: ints with
///   an int width stay ints (`bin(37, 10) == 30`, `bin(-1, 10) == -10`); doubles are binned on
///   their decimal values (`bin(0.3, 0.1) == 0.3`, see ``BinningKernels/bin(_:_:)-(Double,_)``).
///   A timestamp or duration takes a duration width (`bin(t, 15m)`); those bins are aligned to
///   1970-01-01 00:00 UTC, so use `trunc(t, "week")` for weeks that start on Monday. The width
///   is a positive constant.
/// - `cut(x, edges [, labels])` follows pandas' `cut`: intervals are right-closed, `(a, b]`,
///   and values at or below the first edge or above the last are null (pandas'
///   `include_lowest=False`). Edges are a list of at least two increasing numbers; labels, when
///   given, are one string per interval, else `(0, 10]`-style labels as pandas writes them. The
///   result is a dictionary-encoded string column whose entries are the labels in interval
///   order, even those no row uses, so anything that orders by dictionary code gets interval
///   order. Sorting the column as text orders labels alphabetically (`(10, 20]` before
///   `(5, 10]`): sort by `x` or `bin`, or give labels that sort (`["1 low", "2 mid", "3 high"]`).
public enum BinningFunctions {
    /// The definitions.
    public static let all: [FunctionDefinition] = [
        FunctionDefinition("bin", signature: "bin(x, width)", summary: "the start of x's bin of the given width: floor(x / width) * width",
                           example: "bin(price, 10)", arity: 2...2, type: binType, evaluate: bin),
        FunctionDefinition("cut", signature: "cut(x, [edges] [, [labels]])",
                           summary: "the interval (a, b] of edges that x falls in, as a label (null outside the edges)",
                           example: "cut(price, [0, 30, 50, 100], [\"low\", \"mid\", \"high\"])", arity: 2...3,
                           type: cutType, evaluate: cut),
    ]

    // MARK: - bin

    private static func binType(_ args: [ArgumentInfo]) throws -> DataType? {
        let x = try TypeRules.require("bin", args, 0, [.int, .double, .timestamp, .duration], expected: "number, timestamp or duration")
        let temporal = x == .timestamp || x == .duration
        let expected = temporal ? "constant positive duration" : "constant positive number"
        guard let w = args[1].constant else { throw TypeRules.badArgument("bin", 2, expected: expected, got: args[1]) }
        switch (temporal, w) {
        case (false, .int(let v)) where v > 0: return x == .double ? .double : x
        case (false, .double(let v)) where v > 0: return .double
        case (true, .duration(let d)) where d.micros > 0: return x
        default:
            let rightKind = temporal ? w.type == .duration : (w.type?.isNumeric ?? false)
            if rightKind {
                throw FrameError.invalidArgument("bad argument #2 to 'bin' (\(expected) expected, got \(w))")
            }
            throw TypeRules.badArgument("bin", 2, expected: expected, got: args[1])
        }
    }

    private static func bin(_ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        guard case .scalar(let width) = args[1] else { throw FunctionSupport.unsupported("bin", args) }
        return try FunctionSupport.elementwise(Array(args.prefix(1)), ctx) { n in
            switch (args[0], width) {
            case (_, .int(let w)) where args[0].type == .int || args[0].type == nil:
                guard let x = args[0].intSide else { break }
                return .int(try binInts(x, w, n))
            case (_, .duration(let w)):
                if let x = args[0].timestampSide {
                    return .timestamp(try binInts(x.mapped { $0.micros }, w.micros, n).map { Timestamp(micros: $0) })
                }
                if let x = args[0].durationSide {
                    return .duration(try binInts(x.mapped { $0.micros }, w.micros, n).map { Duration(micros: $0) })
                }
            default:
                guard let x = args[0].doubleSide, let w = width.numericValue else { break }
                let dw = BinningKernels.DecimalWidth(w)
                return .double(ParallelMap.map(x, count: n) { BinningKernels.bin($0, dw) }.nonFiniteAsNull())
            }
            throw FunctionSupport.unsupported("bin", args)
        }
    }

    private static func binInts(_ x: Side<Int64>, _ w: Int64, _ n: Int) throws -> Column<Int64> {
        let out = Elementwise.map(x, count: n) { BinningKernels.bin($0, w).value }
        var overflow = false
        switch x {
        case .column(let c): Bitmap.forEachValid(c.validity, count: n) { i in if BinningKernels.bin(c.values[i], w).overflow { overflow = true } }
        case .constant(let v): overflow = BinningKernels.bin(v, w).overflow
        case .null: break
        }
        if overflow { throw FrameError.invalidArgument("integer overflow in 'bin'; cast to double with float(x) first") }
        return out
    }

    // MARK: - cut

    /// The checked edges (as doubles) and labels of a cut.
    private static func cutSpec(_ args: [ArgumentInfo]) throws -> (edges: [Double], labels: [String]) {
        let items = try TypeRules.list("cut", args, 1)
        var edges: [Double] = []
        for item in items {
            guard let v = item.numericValue, v.isFinite else {
                throw FrameError.typeMismatch("bad argument #2 to 'cut' (list of numbers expected, got a list holding \(item.type?.rawValue ?? "null"))")
            }
            edges.append(v)
        }
        guard edges.count >= 2 else {
            throw FrameError.invalidArgument("bad argument #2 to 'cut' (at least 2 edges expected, got \(edges.count))")
        }
        for k in 1..<edges.count where !(edges[k] > edges[k - 1]) {
            throw FrameError.invalidArgument("'cut' edges must increase, but \(items[k - 1]) is followed by \(items[k])")
        }
        guard args.count == 3 else { return (edges, BinningKernels.defaultLabels(items)) }
        let given = try TypeRules.list("cut", args, 2)
        let labels = try given.map { item -> String in
            guard case .string(let s) = item else {
                throw FrameError.typeMismatch("bad argument #3 to 'cut' (list of strings expected, got a list holding \(item.type?.rawValue ?? "null"))")
            }
            return s
        }
        guard labels.count == edges.count - 1 else {
            throw FrameError.invalidArgument("bad argument #3 to 'cut' (\(edges.count - 1) labels for \(edges.count) edges expected, got \(labels.count))")
        }
        return (edges, labels)
    }

    private static func cutType(_ args: [ArgumentInfo]) throws -> DataType? {
        try TypeRules.numeric("cut", args, 0)
        _ = try cutSpec(args)
        return .string
    }

    private static func cut(_ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        let spec = try cutSpec(args.map(ExpressionEvaluator.info))
        return try FunctionSupport.elementwise(Array(args.prefix(1)), ctx) { n in
            guard let x = args[0].doubleSide else { throw FunctionSupport.unsupported("cut", args) }
            let column: Column<Double>
            switch x {
            case .column(let c): column = c
            case .constant(let v): column = Column(values: [Double](repeating: v, count: n))
            case .null: column = Column(values: [Double](repeating: 0, count: n), validity: Bitmap(repeating: false, count: n))
            }
            return .string(BinningKernels.cut(column, edges: spec.edges, labels: spec.labels))
        }
    }
}
