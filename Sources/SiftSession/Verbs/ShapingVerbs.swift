// Verbs that reshape frames: select, drop, rename, derive, count, ungroup.
import SiftFrame
import SiftLang

/// The shaping verbs of LANGUAGE.md.
enum ShapingVerbs {
    static let all: [VerbDefinition] = [select, drop, rename, derive, count, ungroup]

    // MARK: - select / drop / rename

    static let select = VerbDefinition(
        "select", signature: "select a, b, -c", summary: "keep the named columns in that order; -c drops c instead",
        example: "clicks | select session_id, price | head 3", topic: "shaping"
    ) { b in
        try b.check(positional: 1...Int.max)
        let schema = try b.schema()
        var keep: [String] = [], dropped: [String] = []
        for node in b.positionals {
            if case .unary(.negate, let inner) = node.kind {
                dropped.append(try b.columnName(inner, in: schema))
            } else {
                let n = try b.columnName(node, in: schema)
                if keep.contains(n) { throw b.error("column '\(n)' selected twice", at: node.range) }
                keep.append(n)
            }
        }
        if !keep.isEmpty && !dropped.isEmpty {
            throw b.error("'select' takes either columns to keep or -columns to drop, not both", at: b.stage.range)
        }
        let names = keep.isEmpty ? schema.names.filter { !dropped.contains($0) } : keep
        return frameStage(b, Schema(names.map { ($0, schema.type(of: $0)!) })) { f in try f.selectingColumns(names) }
    }

    static let drop = VerbDefinition(
        "drop", signature: "drop a, b", summary: "remove the named columns",
        example: "clicks | drop year, month | head 3", topic: "shaping"
    ) { b in
        try b.check(positional: 1...Int.max)
        let schema = try b.schema()
        let names = try b.positionals.map { try b.columnName($0, in: schema) }
        return frameStage(b, Schema(schema.columns.filter { !names.contains($0.name) })) { f in try f.droppingColumns(names) }
    }

    static let rename = VerbDefinition(
        "rename", signature: "rename new = old, ...", summary: "give columns new names",
        example: "clicks | rename session = session_id | head 3", topic: "shaping"
    ) { b in
        try b.check(positional: 0...0, assignments: true)
        let schema = try b.schema()
        guard !b.assignments.isEmpty else { throw b.error("'rename' needs new = old pairs", at: b.stage.range) }
        let pairs = try b.assignments.map { a in (old: try b.columnName(a.value, in: schema), new: a.name) }
        var cols = schema.columns
        for p in pairs { if let i = cols.firstIndex(where: { $0.name == p.old }) { cols[i].name = p.new } }
        var seen = Set<String>()
        for c in cols where !seen.insert(c.name).inserted {
            throw b.error("two columns would be named '\(c.name)'", at: b.stage.range)
        }
        return frameStage(b, Schema(cols)) { f in try f.renaming(pairs) }
    }

    // MARK: - derive

    static let derive = VerbDefinition(
        "derive", signature: "derive name = expr, ...", summary: "add or replace columns computed per row (per group when grouped)",
        example: "clicks | derive cents = price * 100 | head 3", topic: "shaping"
    ) { b in
        try b.check(positional: 0...0, assignments: true)
        var schema = try b.schema()
        guard !b.assignments.isEmpty else { throw b.error("'derive' needs name = expr", at: b.stage.range) }
        var bound: [(String, Expr)] = []
        for a in b.assignments {
            let (ir, t) = try b.expression(a.value, in: schema)
            bound.append((a.name, ir))
            schema.setType(t ?? .untypedNull, of: a.name)
        }
        let grouped = b.input
        return BoundStage(output: keepGrouping(grouped, schema)) { v in
            var (frame, grouping, keys) = try unpack(v)
            for (name, ir) in bound {
                let col = try ExpressionEvaluator(frame: frame, grouping: grouping).column(ir)
                frame = try frame.setting(name, to: col)
            }
            if let grouping { return .grouped(GroupedValue(frame: frame, keys: keys, grouping: grouping)) }
            return .frame(frame)
        }
    }

    // MARK: - count / ungroup

    static let count = VerbDefinition(
        "count", signature: "count", summary: "the number of rows (per group: a frame of keys and n)",
        example: "clicks | count", topic: "shaping"
    ) { b in
        try b.check(positional: 0...0)
        switch b.input {
        case .grouped(let schema, let keys):
            let out = Schema(keys.map { ($0, schema.type(of: $0)!) } + [("n", .int)])
            return BoundStage(output: .frame(out)) { v in
                guard case .grouped(let g) = v else { return v }
                return .frame(try GroupCounts.counts(g))
            }
        case .column:
            return BoundStage(output: .scalar(.int)) { v in
                guard case .column(_, let c) = v else { return v }
                return .scalar(.int(Int64(c.count - c.nullCount)))
            }
        default:
            _ = try b.schema()
            return BoundStage(output: .scalar(.int)) { v in
                let (frame, _, _) = try unpack(v)
                return .scalar(.int(Int64(frame.rowCount)))
            }
        }
    }

    static let ungroup = VerbDefinition(
        "ungroup", signature: "ungroup", summary: "drop the grouping, keeping the rows",
        example: "clicks | group country | ungroup | count", topic: "shaping"
    ) { b in
        try b.check(positional: 0...0)
        let schema = try b.schema()
        return BoundStage(output: .frame(schema)) { v in .frame(try unpack(v).0) }
    }
}

// MARK: - Helpers shared by verbs

/// The frame, grouping and keys of a frame or grouped value.
func unpack(_ v: Value) throws -> (DataFrame, Grouping?, [String]) {
    switch v {
    case .frame(let f): return (f, nil, [])
    case .grouped(let g): return (g.frame, g.grouping, g.keys)
    default: throw FrameError.typeMismatch("expected a frame, got \(FrameError.withArticle(v.kindName))")
    }
}

/// The output type of a verb that keeps a grouping (if its input had one) over a new schema.
func keepGrouping(_ input: ValueType, _ schema: Schema) -> ValueType {
    if case .grouped(_, let keys) = input, keys.allSatisfy({ schema.type(of: $0) != nil }) { return .grouped(schema, keys: keys) }
    return .frame(schema)
}

/// A stage that maps the (ungrouped) frame to a frame; a grouped input loses its grouping,
/// as LANGUAGE.md says verbs given a grouped frame where grouping makes no sense do.
func frameStage(_ b: StageBinder, _ output: Schema, _ body: @escaping (DataFrame) throws -> DataFrame) -> BoundStage {
    BoundStage(output: .frame(output)) { v in .frame(try body(try unpack(v).0)) }
}
