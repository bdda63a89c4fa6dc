// The agg verb: one row per group (keys first, then named aggregates), or one row for an ungrouped frame.
import SiftFrame
import SiftLang

/// The aggregating verb of LANGUAGE.md's shaping topic.
///
/// `agg name = expr, ...` evaluates each expression once per group (``ExpressionEvaluator/aggregate(_:)``).
/// An expression may combine aggregates (`sum(bought) / count()`), constants and the grouping
/// keys written bare; any other bare column is a bind-time error at the column, since it has
/// no single value per group. As in dplyr's `summarise` and PRQL's `aggregate`:
/// - the result is an ungrouped frame: the keys (in first-seen group order) then the named
///   results in the order written;
/// - an ungrouped input gives a one-row frame (even when the input has no rows: `count()` is
///   0 and `sum` null), and a grouped input with no rows gives no rows;
/// - a result may not reuse a key's name or another result's name, and results cannot refer
///   to each other (each expression sees only the input's columns).
enum AggVerbs {
    static let all: [VerbDefinition] = [agg]

    static let agg = VerbDefinition(
        "agg", signature: "agg name = aggregate, ...",
        summary: "one row per group: the keys, then the named aggregates (one row when ungrouped)",
        example: "clicks | group country | agg n = count(), avg = mean(price) | head 3", topic: "shaping"
    ) { b in
        try b.check(positional: 0...0, assignments: true)
        let schema = try b.schema()
        guard !b.assignments.isEmpty else { throw b.error("'agg' needs name = aggregate, e.g. agg n = count()", at: b.stage.range) }
        var keys: [String] = []
        if case .grouped(_, let k) = b.input { keys = k }
        var out: [(name: String, type: DataType)] = keys.map { ($0, schema.type(of: $0) ?? DataType.untypedNull) }
        var bound: [(String, Expr, DataType)] = []
        for a in b.assignments {
            if keys.contains(a.name) {
                throw b.error("'agg' result '\(a.name)' would replace the grouping key '\(a.name)'; choose another name", at: a.range)
            }
            if bound.contains(where: { $0.0 == a.name }) {
                throw b.error("'agg' result '\(a.name)' is named twice", at: a.range)
            }
            let (ir, t) = try b.expression(a.value, in: schema)
            if let bare = bareColumn(ir, keys: keys) {
                let at = bareRange(bare, in: a.value) ?? a.value.range
                throw b.error("column '\(bare)' must be inside an aggregate here, such as first(\(bare)) or mean(\(bare))", at: at,
                              id: "bind.bareColumn",
                              notes: [keys.isEmpty ? "the frame is not grouped, so every column must be aggregated"
                                                   : "only the grouping keys (\(keys.joined(separator: ", "))) may be used bare"])
            }
            let type = t ?? DataType.untypedNull
            bound.append((a.name, ir, type))
            out.append((a.name, type))
        }
        return BoundStage(output: .frame(Schema(out))) { v in
            let (frame, grouping, keys) = try unpack(v)
            let groups = grouping ?? .single(rowCount: frame.rowCount)
            let ev = ExpressionEvaluator(frame: frame, grouping: grouping, keys: keys)
            var columns: [(String, AnyColumn)] = []
            let firsts = RowSelection(indices: groups.firstRows, hasNulls: false)
            for k in keys { columns.append((k, try frame.column(named: k).gathered(firsts))) }
            for (name, ir, type) in bound {
                var c = try ev.aggregate(ir)
                if c.type != type && c.nullCount == c.count { c = AnyColumn.nulls(of: type, count: c.count) }
                columns.append((name, c))
            }
            return .frame(try DataFrame(columns: columns))
        }
    }

    /// The first column read outside any aggregate that is not a key, if any.
    static func bareColumn(_ e: Expr, keys: [String]) -> String? {
        switch e {
        case .column(let n): return keys.contains(n) ? nil : n
        case .literal, .list: return nil
        case .call(let name, let args):
            if FunctionRegistry.shared[name]?.kind == .aggregate { return nil }
            for a in args { if let n = bareColumn(a, keys: keys) { return n } }
            return nil
        }
    }

    /// Where the source names column `name` outside an aggregate call (nil when it comes from
    /// inside a user function, whose body is elsewhere).
    static func bareRange(_ name: String, in node: ExprNode) -> SourceRange? {
        switch node.kind {
        case .name(let n): return n == name ? node.range : nil
        case .call(let f, _, let args):
            if FunctionRegistry.shared[f]?.kind == .aggregate { return nil }
            return args.lazy.compactMap { bareRange(name, in: $0) }.first
        case .unary(_, let x): return bareRange(name, in: x)
        case .binary(_, let l, let r): return bareRange(name, in: l) ?? bareRange(name, in: r)
        case .list(let items): return items.lazy.compactMap { bareRange(name, in: $0) }.first
        case .member(let base, _, _): return bareRange(name, in: base)
        case .index(let base, let i): return bareRange(name, in: base) ?? bareRange(name, in: i)
        default: return nil
        }
    }
}
