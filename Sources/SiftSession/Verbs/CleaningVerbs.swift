// Verbs that clean columns: fill nulls, drop rows with nulls, cast types; all checked against the schema before running.
import SiftFrame
import SiftLang

/// The cleaning verbs of LANGUAGE.md ("Shaping"): `fill`, `dropnull`, `cast`.
enum CleaningVerbs {
    static let all: [VerbDefinition] = [fill, dropnull, cast]

    static let fill = VerbDefinition(
        "fill", signature: "fill col = value|mean|median|mode|forward, ...",
        summary: "replace nulls with a value, the column's mean, median or mode, or the last value before (per group when grouped)",
        example: "clicks | fill price = median, colour = mode | select price, colour", topic: "shaping"
    ) { b in
        try b.check(positional: 0...0, assignments: true)
        var schema = try b.schema()
        guard !b.assignments.isEmpty else { throw b.error("'fill' needs col = value|mean|median|mode|forward", at: b.stage.range) }
        let keys = groupKeys(b.input)
        var fills: [(column: String, strategy: FillStrategy)] = []
        for a in b.assignments {
            guard let type = schema.type(of: a.name) else { throw b.unknownColumn(a.name, at: a.range, schema: schema) }
            if keys.contains(a.name) { throw b.error("cannot fill grouping key '\(a.name)'; ungroup first", at: a.range) }
            if fills.contains(where: { $0.column == a.name }) { throw b.error("column '\(a.name)' is filled twice", at: a.range) }
            let strategy: FillStrategy
            if case .name(let word) = a.value.kind, let s = FillStrategy(name: word) {
                strategy = s
            } else if case .name(let other) = a.value.kind, schema.type(of: other) != nil {
                throw b.error("'fill' takes a value or mean, median, mode or forward, not a column; to take values from '\(other)' use derive \(a.name) = coalesce(\(a.name), \(other))",
                              at: a.value.range)
            } else {
                guard case .scalar(let s) = try b.constant(a.value) else {
                    throw b.error("'fill' takes a value or mean, median, mode or forward", at: a.value.range)
                }
                strategy = .value(s)
            }
            do {
                let t = try strategy.resultType(for: type, column: a.name)
                if let i = schema.columns.firstIndex(where: { $0.name == a.name }) { schema.columns[i].type = t }
            } catch let e as FrameError {
                throw b.error(e.description, at: a.value.range)
            }
            fills.append((a.name, strategy))
        }
        let chosen = fills
        return BoundStage(output: keepGrouping(b.input, schema)) { v in
            if case .grouped(let g) = v {
                return .grouped(GroupedValue(frame: try g.frame.filling(chosen, grouping: g.grouping), keys: g.keys, grouping: g.grouping))
            }
            return .frame(try unpack(v).0.filling(chosen))
        }
    }

    static let dropnull = VerbDefinition(
        "dropnull", signature: "dropnull [a, b]",
        summary: "keep the rows with no null in the named columns (default: in any column)",
        example: "clicks | dropnull price | count", topic: "shaping"
    ) { b in
        try b.check(positional: 0...Int.max)
        let schema = try b.schema()
        let names = try columnList(b, in: schema)
        return BoundStage(output: keepGrouping(b.input, schema)) { v in
            if case .grouped(let g) = v {
                let (frame, grouping) = try g.frame.droppingNulls(in: names, grouping: g.grouping)
                return .grouped(GroupedValue(frame: frame, keys: g.keys, grouping: grouping))
            }
            return .frame(try unpack(v).0.droppingNulls(in: names))
        }
    }

    static let cast = VerbDefinition(
        "cast", signature: "cast col = \"int\"|\"double\"|\"string\"|\"bool\"|\"timestamp\", ...",
        summary: "convert columns to another type; a value that does not convert is an error naming its row",
        example: "clicks | cast price = \"double\", page = \"string\" | schema", topic: "shaping"
    ) { b in
        try b.check(positional: 0...0, assignments: true)
        var schema = try b.schema()
        guard !b.assignments.isEmpty else { throw b.error("'cast' needs col = \"type\"", at: b.stage.range) }
        let keys = groupKeys(b.input)
        var casts: [(column: String, to: DataType)] = []
        for a in b.assignments {
            guard let from = schema.type(of: a.name) else { throw b.unknownColumn(a.name, at: a.range, schema: schema) }
            if keys.contains(a.name) { throw b.error("cannot cast grouping key '\(a.name)'; ungroup first", at: a.range) }
            if casts.contains(where: { $0.column == a.name }) { throw b.error("column '\(a.name)' is cast twice", at: a.range) }
            let to = try typeName(b, a.value)
            guard DataFrame.isCastable(from: from, to: to) else {
                throw b.error("cannot cast \(from) column '\(a.name)' to \(to)", at: a.value.range)
            }
            if let i = schema.columns.firstIndex(where: { $0.name == a.name }) { schema.columns[i].type = to }
            casts.append((a.name, to))
        }
        let chosen = casts
        return BoundStage(output: keepGrouping(b.input, schema)) { v in
            if case .grouped(let g) = v {
                return .grouped(GroupedValue(frame: try g.frame.casting(chosen), keys: g.keys, grouping: g.grouping))
            }
            return .frame(try unpack(v).0.casting(chosen))
        }
    }

    // MARK: - Argument helpers

    /// The type named by `"int"` or a bare `int` (aliases such as `"float"`, `"str"` accepted).
    static func typeName(_ b: StageBinder, _ node: ExprNode) throws -> DataType {
        let text: String
        switch node.kind {
        case .literal(.string(let s)): text = s
        case .name(let n): text = n
        default: throw b.error("expected a type name such as \"int\", \"double\", \"string\", \"bool\" or \"timestamp\"", at: node.range)
        }
        guard let t = DataType(name: text) else {
            let names = DataType.allCases.map(\.rawValue)
            var msg = "unknown type '\(text)'"
            if let guess = FrameError.closestName(to: text, in: names) { msg += " (did you mean '\(guess)'?)" }
            throw b.error(msg + "; types are " + names.joined(separator: ", "), at: node.range)
        }
        return t
    }

    /// Column names given as plain arguments (`a, b`) or one list (`[a, b]`); empty when none.
    static func columnList(_ b: StageBinder, in schema: Schema) throws -> [String] {
        var nodes: [ExprNode] = []
        for p in b.positionals {
            if case .list(let items) = p.kind { nodes += items } else { nodes.append(p) }
        }
        var names: [String] = []
        for n in nodes {
            let name = try b.columnName(n, in: schema)
            if names.contains(name) { throw b.error("column '\(name)' named twice", at: n.range) }
            names.append(name)
        }
        return names
    }

    /// The grouping keys of a grouped input (none otherwise).
    static func groupKeys(_ input: ValueType) -> [String] {
        if case .grouped(_, let keys) = input { return keys }
        return []
    }
}
