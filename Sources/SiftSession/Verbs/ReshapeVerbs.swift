// Verbs that turn long data into wide tables: pivot and crosstab.
import SiftFrame
import SiftLang

/// `pivot` (shaping) and `crosstab` (looking): both lay out the sorted values of one column
/// as rows and of another as columns, so their output type depends on the data.
enum ReshapeVerbs {
    static let all: [VerbDefinition] = [pivot, crosstab]

    static let pivot = VerbDefinition(
        "pivot", signature: "pivot rows:a cols:b value:agg(x)",
        summary: "a wide table: a's values as rows, b's as columns, each cell the aggregate over its rows (null when none)",
        example: "clicks | pivot rows:country cols:page value:mean(price) | head 5", topic: "shaping"
    ) { b in
        try b.check(positional: 0...0, options: ["rows", "cols", "value"])
        let schema = try b.schema()
        func required(_ name: String, _ what: String) throws -> ExprNode {
            guard let node = b.option(name) else { throw b.error("'pivot' needs \(name):\(what)", at: b.stage.range) }
            return node
        }
        let rows = try b.columnName(try required("rows", "column"), in: schema)
        let cols = try b.columnName(try required("cols", "column"), in: schema)
        let valueNode = try required("value", "aggregate")
        let (value, _) = try b.expression(valueNode, in: schema)
        guard value.containsAggregate else {
            throw b.error("value: needs an aggregate of the rows of each cell, such as mean(x) or count()", at: valueNode.range)
        }
        return BoundStage(output: .unknown) { v in
            .frame(try unpack(v).0.pivot(rows: rows, columns: cols, value: value))
        }
    }

    static let crosstab = VerbDefinition(
        "crosstab", signature: "crosstab a b",
        summary: "counts of rows for every pair of values: a's values as rows, b's as int columns (0 where none)",
        example: "clicks | crosstab country page | head 5", topic: "looking"
    ) { b in
        try b.check(positional: 2...2)
        let schema = try b.schema()
        let a = try b.columnName(b.positionals[0], in: schema)
        let c = try b.columnName(b.positionals[1], in: schema)
        return BoundStage(output: .unknown) { v in .frame(try unpack(v).0.crosstab(rows: a, columns: c)) }
    }
}
