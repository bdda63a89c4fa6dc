// The six benchmark operations, each as a Sift pipeline and as direct engine calls, over one loaded frame.
import SiftFrame
import SiftLang

/// One operation of `../shared/bench/README.md`.
struct BenchOperation: Sendable {
    /// The anchors' name for it (`b_count`, ...).
    let name: String
    /// The Sift pipeline, over `t` (the events) and `s` (the session table of `d_session`).
    let pipeline: String
    /// Whether every column of the result is materialised (as the anchors do).
    let materialize: Bool
    /// The same work written against the engine's API, or nil.
    let engine: (@Sendable (OperationBench) throws -> Void)?
}

extension Benchmarks {
    /// The operations, in the anchors' order.
    static let operations: [BenchOperation] = [
        BenchOperation(name: "b_count", pipeline: "t | where price > 50 | count", materialize: false, engine: { b in
            _ = try b.mask().trueBits().setCount
        }),
        BenchOperation(name: "b_filter", pipeline: "t | where price > 50", materialize: true, engine: { b in
            _ = try b.frame.filter(try b.mask()).materialized()
        }),
        BenchOperation(name: "c_country", pipeline: "t | group country | agg n = count(), mean = mean(price), sum = sum(price), sessions = n_unique(session_id)", materialize: true, engine: { b in
            _ = try b.aggregate(by: "country", [.call("count", []), .call("mean", [.column("price")]), .call("sum", [.column("price")]),
                                                .call("n_unique", [.column("session_id")])])
        }),
        BenchOperation(name: "d_session", pipeline: sessionPipeline, materialize: true, engine: { b in
            _ = try b.aggregate(by: "session_id", [.call("count", []), .call("min", [.column("ts")]), .call("max", [.column("ts")]),
                                                   .call("any", [.call("==", [.column("event"), .literal(.string("purchase"))])])])
        }),
        BenchOperation(name: "e_sort", pipeline: "t | sort -price, session_id", materialize: true, engine: { b in
            _ = try b.frame.sorted(by: [SortKey("price", .descending), SortKey("session_id")]).materialized()
        }),
        BenchOperation(name: "f_join", pipeline: "t | join s on:session_id how:left", materialize: true, engine: { b in
            guard case .frame(let s)? = b.session.interpreter.globals.lookup("s") else { return }
            _ = try b.frame.joined(with: s, on: ["session_id"], how: .left).materialized()
        }),
    ]

    /// The per-session table, also the right side of `f_join`.
    static let sessionPipeline = "t | group session_id | agg n = count(), first = min(ts), last = max(ts), bought = any(event == \"purchase\")"
}

/// Runs operations over one frame, in a session that holds it as `t`.
final class OperationBench {
    /// The events.
    let frame: DataFrame
    /// The session running the pipelines.
    let session: Session

    /// Binds the frame as `t` and computes the session table `s`.
    init(frame: DataFrame) throws {
        self.frame = frame
        session = Session()
        session.interpreter.globals.bind("t", .frame(frame))
        session.interpreter.globals.bind("s", try value(of: Benchmarks.sessionPipeline))
    }

    /// Runs an operation's pipeline, materialising the result when the operation says so.
    func language(_ op: BenchOperation) throws {
        let v = try value(of: op.pipeline)
        if op.materialize, case .frame(let f) = v { _ = f.materialized() }
    }

    /// Runs an operation's engine form.
    func engine(_ op: BenchOperation) throws { try op.engine?(self) }

    /// `price > 50` as a bool column.
    func mask() throws -> Column<Bool> {
        guard case .bool(let m) = try ExpressionEvaluator(frame: frame).column(.call(">", [.column("price"), .literal(.int(50))])) else {
            throw FrameError.typeMismatch("price > 50 is not a bool column")
        }
        return m
    }

    /// One row per value of `key` with each aggregate, as the `agg` verb builds it.
    func aggregate(by key: String, _ aggregates: [Expr]) throws -> DataFrame {
        let grouping = try frame.grouping(by: [key])
        let ev = ExpressionEvaluator(frame: frame, grouping: grouping, keys: [key])
        var columns: [(String, AnyColumn)] = [(key, try frame.column(named: key).gathered(RowSelection(indices: grouping.firstRows, hasNulls: false)))]
        for (i, e) in aggregates.enumerated() { columns.append(("a\(i)", try ev.aggregate(e))) }
        return try DataFrame(columns: columns)
    }

    /// The value of a one-statement program.
    func value(of code: String) throws -> Value {
        let file = session.interpreter.sources.add(name: "<bench>", text: code)
        var result: Value = .null
        try session.interpreter.run(file) { v, _ in result = v }
        return result
    }
}
