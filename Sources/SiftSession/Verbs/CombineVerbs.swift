// Verbs that combine two frames: join and union.
import SiftFrame
import SiftLang

/// The combining verbs of LANGUAGE.md's "Shaping" list.
enum CombineVerbs {
    static let all: [VerbDefinition] = [join, union]

    // MARK: - join

    /// `join OTHER on:key [how:...]`: see ``DataFrame/joined(with:on:how:)`` for order, null
    /// keys (they never match) and column naming (`_right` for clashes).
    static let join = VerbDefinition(
        "join", signature: "join OTHER on:key [how:inner|left|outer|anti]",
        summary: "match rows with another frame on key columns (on:[a, b] for several; null keys never match)",
        example: "clicks | join (clicks | group session_id | count) on:session_id how:left | head 3", topic: "shaping"
    ) { b in
        try b.check(positional: 1...1, options: ["on", "how"])
        let schema = try b.schema()
        let otherNode = b.positionals[0]
        let other = try otherFrame(b, otherNode)
        let otherSchema = Schema(other)
        guard let onNode = b.option("on") else { throw b.error("'join' needs on:key (the key column, or on:[a, b])", at: b.stage.range) }
        var keys: [String] = []
        for node in keyNodes(onNode) {
            let name = try b.columnName(node, in: schema)
            guard let otherType = otherSchema.type(of: name) else {
                throw unknownColumn(name, at: node.range, in: otherSchema)
            }
            let mine = schema.type(of: name) ?? .untypedNull
            guard mine == otherType || (mine.isNumeric && otherType.isNumeric) else {
                throw b.error("join key '\(name)' is \(mine) here but \(otherType) in the other frame", at: node.range)
            }
            if keys.contains(name) { throw b.error("join key '\(name)' given twice", at: node.range) }
            keys.append(name)
        }
        if keys.isEmpty { throw b.error("'join' needs at least one key column", at: onNode.range) }
        let how = try b.option("how").map { JoinKind(rawValue: try b.word($0, position: 2, among: JoinKind.allCases.map(\.rawValue))) ?? .inner } ?? .inner
        var columns = schema.columns
        if how == .outer {
            for (i, c) in columns.enumerated() where keys.contains(c.name) && otherSchema.type(of: c.name) != c.type {
                columns[i].type = .double  // int joined to double: the appended rows' keys are doubles
            }
        }
        if how != .anti {
            for c in otherSchema.columns where !keys.contains(c.name) {
                let name = schema.type(of: c.name) == nil ? c.name : c.name + "_right"
                if columns.contains(where: { $0.name == name }) {
                    throw b.error("two columns would be named '\(name)'; rename one side first", at: otherNode.range)
                }
                columns.append((name, c.type))
            }
        }
        return frameStage(b, Schema(columns)) { try $0.joined(with: other, on: keys, how: how) }
    }

    /// The nodes naming join keys: one name or string, or a list of them.
    static func keyNodes(_ node: ExprNode) -> [ExprNode] {
        if case .list(let items) = node.kind { return items }
        return [node]
    }

    /// The unknown-column error for the other frame of a join or union.
    static func unknownColumn(_ name: String, at range: SourceRange, in schema: Schema) -> Diagnostic {
        var msg = "unknown column '\(name)' in the other frame"
        if let guess = FrameError.closestName(to: name, in: schema.names) { msg += " (did you mean '\(guess)'?)" }
        let shown = schema.names.prefix(30).joined(separator: ", ") + (schema.names.count > 30 ? ", …" : "")
        return .error("bind.unknownColumn", msg, at: range, notes: ["its columns: " + (shown.isEmpty ? "(none)" : shown)])
    }

    /// The frame given as the first argument (a variable or a parenthesised pipeline).
    static func otherFrame(_ b: StageBinder, _ node: ExprNode) throws -> DataFrame {
        switch try b.constant(node) {
        case .frame(let f): return f
        case .grouped(let g): return g.frame
        case let v: throw b.badArgument(1, node, expected: "frame", got: v.kindName)
        }
    }

    // MARK: - union

    /// `union OTHER`: see ``DataFrame/union(_:)``. When a column's types differ in a way only
    /// the data can settle (one side might hold only nulls), the output type is left to the run.
    static let union = VerbDefinition(
        "union", signature: "union OTHER",
        summary: "append the rows of another frame with the same columns (matched by name; int and double give double)",
        example: "clicks | head 2 | union (clicks | tail 2) | count", topic: "shaping"
    ) { b in
        try b.check(positional: 1...1)
        let schema = try b.schema()
        let node = b.positionals[0]
        let other = try otherFrame(b, node)
        let otherSchema = Schema(other)
        let onlyHere = schema.names.filter { otherSchema.type(of: $0) == nil }
        let onlyThere = otherSchema.names.filter { schema.type(of: $0) == nil }
        if !onlyHere.isEmpty || !onlyThere.isEmpty {
            var parts: [String] = []
            if !onlyHere.isEmpty { parts.append("only here: " + onlyHere.map { "'\($0)'" }.joined(separator: ", ")) }
            if !onlyThere.isEmpty { parts.append("only in the other: " + onlyThere.map { "'\($0)'" }.joined(separator: ", ")) }
            throw b.error("'union' needs frames with the same columns; " + parts.joined(separator: "; "), at: node.range)
        }
        var columns = schema.columns
        var settled = true
        for (i, c) in columns.enumerated() {
            let t = otherSchema.type(of: c.name) ?? c.type
            if t == c.type { continue }
            if t.isNumeric && c.type.isNumeric { columns[i].type = .double; continue }
            let col = try other.column(named: c.name)
            if col.nullCount == col.count { continue }  // the other side's nulls take this type
            settled = false  // fine only if this side turns out to hold only nulls
        }
        return BoundStage(output: settled ? .frame(Schema(columns)) : .unknown) { v in .frame(try unpack(v).0.union(other)) }
    }
}
