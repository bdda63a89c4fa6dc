// Verbs that group rows by key columns: group and tally.
import SiftFrame
import SiftLang

/// The grouping verbs of LANGUAGE.md's "Shaping" list (`agg`, `count` and `ungroup` consume groups elsewhere).
enum GroupVerbs {
    static let all: [VerbDefinition] = [group, tally]

    /// `group a, b`: keys in order of first appearance, null a key of its own. Grouping an
    /// already grouped frame replaces its grouping (dplyr's `group_by` without `.add`).
    static let group = VerbDefinition(
        "group", signature: "group a, b, ...",
        summary: "group rows by key columns (keys in order of first appearance; null is a key of its own)",
        example: "clicks | group country | count", topic: "shaping"
    ) { b in
        try b.check(positional: 1...Int.max)
        let schema = try b.schema()
        let keys = try RowVerbs.distinctNames(b, schema)
        return BoundStage(output: .grouped(schema, keys: keys)) { v in
            let frame = try unpack(v).0
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
