// Verbs that choose or order rows: where, head, tail, sort, distinct.
import SiftFrame
import SiftLang

/// The row verbs of LANGUAGE.md's "Shaping" list.
enum RowVerbs {
    static let all: [VerbDefinition] = [where_, head, tail, sort, distinct]

    // MARK: - where

    /// `where COND, ...`: several conditions must all hold (dplyr's `filter(a, b)`). On a
    /// grouped frame the conditions are evaluated per group, so an aggregate inside compares
    /// with its own group's value (`where price > mean(price)`), and the grouping is kept.
    static let where_ = VerbDefinition(
        "where", signature: "where COND [, COND ...]",
        summary: "keep the rows where every condition is true (null counts as false); per group when grouped",
        example: "clicks | where price > 50 | count", topic: "shaping"
    ) { b in
        try b.check(positional: 1...Int.max)
        let schema = try b.schema()
        let conditions = try b.positionals.map { node -> Expr in
            let (ir, type) = try b.expression(node, in: schema)
            guard type == .bool else {
                throw b.error("the condition of 'where' must be true or false, got \(type.map { "\($0)" } ?? "null")", at: node.range)
            }
            return ir
        }
        let condition = conditions.dropFirst().reduce(conditions[0]) { .call("and", [$0, $1]) }
        @Sendable func keptBits(_ frame: DataFrame, _ grouping: Grouping?) throws -> Bitmap {
            let mask = try ExpressionEvaluator(frame: frame, grouping: grouping).column(condition)
            guard case .bool(let m) = mask else { throw FrameError.typeMismatch("the condition of 'where' is not a bool column") }
            return m.trueBits()
        }
        let countKept: (Value) throws -> Int? = { v in
            guard case .frame(let frame) = v else { return nil }
            return try keptBits(frame, nil).setCount
        }
        return BoundStage(output: keepGrouping(b.input, schema), countRows: countKept) { v in
            let (frame, grouping, keys) = try unpack(v)
            let bits = try keptBits(frame, grouping)
            if bits.setCount == frame.rowCount { return v }
            let rows = RowSelection(setBitsOf: bits)
            let kept = frame.selecting(rows: rows)
            if let grouping { return .grouped(GroupedValue(frame: kept, keys: keys, grouping: grouping.selecting(rows: rows))) }
            return .frame(kept)
        }
    }

    // MARK: - head / tail

    static let head = VerbDefinition(
        "head", signature: "head N", summary: "the first N rows (all of them when there are fewer)",
        example: "clicks | head 5", topic: "shaping"
    ) { b in
        try b.check(positional: 1...1)
        let schema = try b.schema()
        let n = try b.count(b.positionals[0], position: 1)
        return frameStage(b, schema) { try $0.head(n) }
    }

    static let tail = VerbDefinition(
        "tail", signature: "tail N", summary: "the last N rows (all of them when there are fewer)",
        example: "clicks | tail 3", topic: "shaping"
    ) { b in
        try b.check(positional: 1...1)
        let schema = try b.schema()
        let n = try b.count(b.positionals[0], position: 1)
        return frameStage(b, schema) { try $0.tail(n) }
    }

    // MARK: - sort

    /// `sort a, -b`: stable, nulls last in both directions. A grouped frame stays grouped,
    /// its groups renumbered in their new order of first appearance.
    static let sort = VerbDefinition(
        "sort", signature: "sort a, -b", summary: "order rows by columns (-c for descending; stable; nulls last)",
        example: "clicks | sort -price, session_id | head 5", topic: "shaping"
    ) { b in
        try b.check(positional: 1...Int.max)
        let schema = try b.schema()
        var keys: [SortKey] = []
        for node in b.positionals {
            let key: SortKey
            if case .unary(.negate, let inner) = node.kind {
                key = SortKey(try b.columnName(inner, in: schema), .descending)
            } else {
                key = SortKey(try b.columnName(node, in: schema))
            }
            if keys.contains(where: { $0.column == key.column }) { throw b.error("column '\(key.column)' sorted on twice", at: node.range) }
            keys.append(key)
        }
        return BoundStage(output: keepGrouping(b.input, schema)) { v in
            let (frame, grouping, groupKeys) = try unpack(v)
            let order = try frame.sortPermutation(by: keys)
            let sorted = frame.selecting(rows: order)
            if let grouping { return .grouped(GroupedValue(frame: sorted, keys: groupKeys, grouping: grouping.selecting(rows: order))) }
            return .frame(sorted)
        }
    }

    // MARK: - distinct

    static let distinct = VerbDefinition(
        "distinct", signature: "distinct [a, b, ...]",
        summary: "the first row of each distinct combination of the columns (all columns when none are named), in order",
        example: "clicks | distinct country | count", topic: "shaping"
    ) { b in
        try b.check(positional: 0...Int.max)
        let schema = try b.schema()
        let names = try distinctNames(b, schema)
        return frameStage(b, schema) { try $0.distinct(names) }
    }

    /// Column names given as plain arguments, each once.
    static func distinctNames(_ b: StageBinder, _ schema: Schema) throws -> [String] {
        var names: [String] = []
        for node in b.positionals {
            let n = try b.columnName(node, in: schema)
            if names.contains(n) { throw b.error("column '\(n)' named twice", at: node.range) }
            names.append(n)
        }
        return names
    }
}
