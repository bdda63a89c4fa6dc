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
        BenchOperation(name: "b_count", pipeline: "t | where price > 50 | count", materialize: false, engine: nil),
        BenchOperation(name: "b_filter", pipeline: "t | where price > 50", materialize: true, engine: nil),
        BenchOperation(name: "c_country", pipeline: "t | group country | agg n = count(), mean = mean(price), sum = sum(price), sessions = n_unique(session_id)", materialize: true, engine: nil),
        BenchOperation(name: "d_session", pipeline: sessionPipeline, materialize: true, engine: nil),
        BenchOperation(name: "e_sort", pipeline: "t | sort -price, session_id", materialize: true, engine: nil),
        BenchOperation(name: "f_join", pipeline: "t | join s on:session_id how:left", materialize: true, engine: nil),
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

    /// The value of a one-statement program.
    func value(of code: String) throws -> Value {
        let file = session.interpreter.sources.add(name: "<bench>", text: code)
        var result: Value = .null
        try session.interpreter.run(file) { v, _ in result = v }
        return result
    }
}
