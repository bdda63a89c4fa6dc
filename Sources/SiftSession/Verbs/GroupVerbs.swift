// Verbs that group rows by key columns: group and tally.
import SiftFrame
import SiftLang

/// The grouping verbs of LANGUAGE.md's "Shaping" list (`agg`, `count` and `ungroup` consume groups elsewhere).
enum GroupVerbs {
    static let all: [VerbDefinition] = [group, tally]

    /// `group a, b`: keys in order of first appearance, null a key of its own. Grouping an
    /// already grouped frame replaces its grouping (dplyr's `group_by` without `.add`).
    /// A key may be computed, `group m = month(ts)` (dplyr's `group_by(m = month(ts))`): the
    /// column is added to the frame, over all rows, before the rows are grouped.
    static let group = VerbDefinition(
        "group", signature: "group a, b, ... | group name = expr, ...",
        summary: "group rows by key columns or computed keys (keys in order of first appearance; null is a key of its own)",
        example: "clicks | group country, cheap = price < 30 | count | head 3", topic: "shaping"
    ) { b in
        try b.check(positional: 0...Int.max, assignments: true)
        guard !b.stage.arguments.isEmpty else { throw b.error("'group' needs an argument", at: b.stage.range) }
        var schema = try b.schema()
        // Keys in the order written; a computed key is evaluated against the columns before it.
        var keys: [String] = [], computed: [(String, Expr)] = []
        let original = schema
        for argument in b.stage.arguments {
            let name: String, range: SourceRange
            switch argument {
            case .positional(let node):
                (name, range) = (try b.columnName(node, in: schema), node.range)
            case .assignment(let n, let r, let value):
                let (ir, type) = try b.expression(value, in: original)
                computed.append((n, ir))
                schema.setType(type ?? .untypedNull, of: n)
                (name, range) = (n, r)
            case .option(_, let r, _):
                throw b.error("'group' takes no options", at: r)
            }
            if keys.contains(name) { throw b.error("column '\(name)' named twice", at: range) }
            keys.append(name)
        }
        return BoundStage(output: .grouped(schema, keys: keys)) { v in
            var frame = try unpack(v).0
            let evaluator = ExpressionEvaluator(frame: frame)
            for (name, ir) in computed { frame = try frame.setting(name, to: try evaluator.column(ir)) }
            return .grouped(GroupedValue(frame: frame, keys: keys, grouping: try frame.grouping(by: keys)))
        }
    }

    static let tally = VerbDefinition(
        "tally", signature: "tally a [b ...]",
        summary: "rows per key: the keys, n and share (n / rows), most frequent first, ties by key",
        example: "clicks | tally country | head 5", topic: "shaping"
    ) { b in
        try b.check(positional: 1...Int.max)
        let schema = try b.schema()
        let keys = try RowVerbs.distinctNames(b, schema)
        for (k, node) in zip(keys, b.positionals) where k == "n" || k == "share" {
            throw b.error("'tally' names its result columns n and share; rename '\(k)' first", at: node.range)
        }
        let out = Schema(keys.map { ($0, schema.type(of: $0) ?? .untypedNull) } + [("n", .int), ("share", .double)])
        return frameStage(b, out) { try $0.tally(keys) }
    }
}
