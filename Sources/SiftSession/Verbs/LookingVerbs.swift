// Verbs for looking at data: schema (describe, corr and crosstab join them as the engine grows).
import SiftFrame
import SiftLang

/// The "Looking" verbs of LANGUAGE.md.
enum LookingVerbs {
    static let all: [VerbDefinition] = [schema]

    static let schema = VerbDefinition(
        "schema", signature: "schema", summary: "the columns: name, type and number of nulls",
        example: "clicks | schema", topic: "looking"
    ) { b in
        try b.check(positional: 0...0)
        _ = try b.schema()
        let out = Schema([("column", .string), ("type", .string), ("nulls", .int)])
        return BoundStage(output: .frame(out)) { v in
            let f = try unpack(v).0
            return .frame(try DataFrame(columns: [
                ("column", .string(StringColumn(f.columnNames.map { Optional($0) }))),
                ("type", .string(StringColumn(f.schema.map { Optional($0.type.rawValue) }).dictionaryEncoded())),
                ("nulls", .int(Column(values: (0..<f.columnCount).map { Int64(f.column(at: $0).nullCount) }))),
            ]))
        }
    }
}

/// Counting rows per group.
enum GroupCounts {
    /// The keys of each group (in first-seen order) and its row count `n`.
    static func counts(_ g: GroupedValue) throws -> DataFrame {
        let firsts = RowSelection(indices: g.grouping.firstRows, hasNulls: false)
        let keys = try g.frame.selectingColumns(g.keys).selecting(rows: firsts).materialized()
        return try keys.setting("n", to: .int(Column(values: g.grouping.sizes().map { Int64($0) })))
    }
}
