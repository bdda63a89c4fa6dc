// Verbs for looking at data: schema, describe and corr (crosstab joins them as the engine grows).
import SiftFrame
import SiftLang

/// The "Looking" verbs of LANGUAGE.md.
enum LookingVerbs {
    static let all: [VerbDefinition] = [schema, describe, corr]

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

    static let describe = VerbDefinition(
        "describe", signature: "describe [a, b, ...]",
        summary: "one row per column (default: all; also of one column, clicks.price | describe): type, count, nulls, mean, std, min, 25%, 50%, 75%, max, unique, top",
        example: "clicks | describe price, country", topic: "looking"
    ) { b in
        let out = ValueType.frame(Schema(DataFrame.describeSchema))
        // A column (`clicks.price | describe`, pandas' Series.describe) is described as a one-column frame.
        if case .column = b.input {
            try b.check(positional: 0...0)
            return BoundStage(output: out) { v in
                guard case .column(let name, let c) = v else { return .frame(try unpack(v).0.describe()) }
                return .frame(try DataFrame(columns: [(name, c)]).describe())
            }
        }
        try b.check(positional: 0...Int.max)
        let names = try CleaningVerbs.columnList(b, in: try b.schema())
        return BoundStage(output: out) { v in
            let frame = try unpack(v).0
            return .frame(try (names.isEmpty ? frame : frame.selectingColumns(names)).describe())
        }
    }

    static let corr = VerbDefinition(
        "corr", signature: "corr [a, b, ...]",
        summary: "the Pearson correlation matrix of numeric columns (default: all), pairwise-complete; constant columns give null",
        example: "clicks | corr price, page, order", topic: "looking"
    ) { b in
        try b.check(positional: 0...Int.max)
        let schema = try b.schema()
        var names = try CleaningVerbs.columnList(b, in: schema)
        let nodes = b.positionals.flatMap { p -> [ExprNode] in if case .list(let items) = p.kind { return items } else { return [p] } }
        for (name, node) in zip(names, nodes) {
            let t = schema.type(of: name) ?? .string
            if !t.isNumeric { throw b.error("cannot correlate \(t) column '\(name)'; corr needs int or double columns", at: node.range) }
        }
        if names.isEmpty {
            names = schema.columns.filter { $0.type.isNumeric }.map(\.name)
            if names.isEmpty { throw b.error("'corr' needs int or double columns, and this frame has none", at: b.stage.range) }
        }
        if names.contains("column") {
            throw b.error("cannot correlate a column called 'column' (the matrix's name column); rename it first", at: b.stage.range)
        }
        let chosen = names
        let out = Schema([("column", .string)] + names.map { ($0, DataType.double) })
        return BoundStage(output: .frame(out)) { v in .frame(try unpack(v).0.correlation(of: chosen)) }
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
