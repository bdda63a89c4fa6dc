// Verbs that make data: generate clickstream, the engine's deterministic synthetic event log.
import SiftFrame
import SiftLang

/// Data-making verbs (help topic "data").
enum GenerationVerbs {
    static let all: [VerbDefinition] = [generate]

    static let generate = VerbDefinition(
        "generate", signature: "generate clickstream rows:N [seed:S]",
        summary: "a synthetic event log: users, sessions, a login-view-cart-purchase funnel and churn; the same seed gives the same rows",
        example: "generate clickstream rows:1000 seed:7 | describe", topic: "data"
    ) { b in
        try b.check(positional: 1...1, options: ["rows", "seed"])
        guard b.input == .nothing else {
            throw b.error("'generate' starts a pipeline; it takes no input (got \(FrameError.withArticle(b.input.description)))", at: b.stage.verbRange, id: "bind.wrongInput")
        }
        _ = try b.word(b.positionals[0], position: 1, among: ["clickstream"])
        guard let rowsNode = b.option("rows") else { throw b.error("'generate clickstream' needs rows:N", at: b.stage.range) }
        let v = try b.constant(rowsNode)
        guard case .scalar(.int(let n)) = v, n >= 0, n <= Int64(RowSelection.maxRows) else {
            throw b.error("bad argument 'rows:' to 'generate' (row count from 0 to \(RowSelection.maxRows) expected, got \(SamplingVerbs.shown(v)))", at: rowsNode.range)
        }
        let seed = try SamplingVerbs.seed(b)
        let rows = Int(n)
        return BoundStage(output: .frame(Schema(ClickstreamGenerator.schema))) { _ in
            .frame(try ClickstreamGenerator(rows: rows, seed: seed).frame())
        }
    }
}
