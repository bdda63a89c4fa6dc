// The clickstream verbs: sessionize, funnel, rfm, cohort, cooccur and recommend, bound to SiftFrame's Clickstream operations.
import SiftFrame
import SiftLang

/// The "Clickstream" verbs of LANGUAGE.md (help topic "clickstream").
///
/// Every verb checks its columns and option values at bind time, before a row is read:
/// required options (`'sessionize' needs user:column`), unknown columns with did-you-mean,
/// time columns that are not timestamps, and option values of the wrong kind. Rows with a
/// null key (user, session, customer, item) or a null time are skipped by every verb (see
/// each engine operation for the details).
enum ClickstreamVerbs {
    static let all: [VerbDefinition] = [sessionize, funnel, rfm, cohort, cooccur, recommend]

    // MARK: - sessionize

    static let sessionize = VerbDefinition(
        "sessionize", signature: "sessionize user:u time:t [gap:30m]",
        summary: "add session (an id, by user then start) and step (1-based order in it); a pause longer than gap (default 30m) starts a new session; null user or time gives null",
        example: "generate clickstream rows:500 seed:7 | sessionize user:user_id time:ts gap:30m | select user_id, ts, session, step | head 5",
        topic: "clickstream"
    ) { b in
        try b.check(positional: 0...0, options: ["user", "time", "gap"])
        let schema = try b.schema()
        let user = try requiredColumn(b, "user", schema, what: "the column that identifies users")
        let time = try timeColumn(b, "time", schema)
        var gap = Duration(micros: 30 * 60 * 1_000_000)
        if let node = b.option("gap") {
            let v = try b.constant(node)
            guard case .scalar(.duration(let d)) = v else {
                throw b.error("bad argument 'gap:' to 'sessionize' (duration such as 30m or 1h expected, got \(SamplingVerbs.shown(v)))", at: node.range)
            }
            guard d.micros >= 0 else { throw b.error("gap: must not be negative, got \(d)", at: node.range) }
            gap = d
        }
        // Like derive: an existing session or step column is replaced in place, otherwise they are appended.
        var columns = schema.columns.map { c in c.name == "session" || c.name == "step" ? (c.name, DataType.int) : c }
        for name in ["session", "step"] where schema.type(of: name) == nil { columns.append((name, .int)) }
        let out = Schema(columns)
        return frameStage(b, out) { try $0.sessionized(user: user, time: time, gap: gap) }
    }

    // MARK: - funnel

    static let funnel = VerbDefinition(
        "funnel", signature: "funnel event steps:[a, b, ...] by:session [time:t]",
        summary: "sessions reaching each step in order (steps 1..k, others between allowed; row order, or time:): step, count, rate_from_prev, rate_from_first, drop_off",
        example: "clicks | funnel page steps:[1, 2, 3, 4] by:session_id",
        topic: "clickstream"
    ) { b in
        try b.check(positional: 1...1, options: ["steps", "by", "time"])
        let schema = try b.schema()
        let eventNode = b.positionals[0]
        let event = try b.columnName(eventNode, in: schema)
        let eventType = schema.type(of: event) ?? .string
        guard [.string, .int, .bool].contains(eventType) else {
            throw b.error("funnel events must be a string, int or bool column; '\(event)' is \(eventType)", at: eventNode.range)
        }
        guard let stepsNode = b.option("steps") else {
            throw b.error("'funnel' needs steps:[...] (the events of the funnel, first to last)", at: b.stage.range, id: "bind.missingOption")
        }
        guard case .list(let items) = try b.constant(stepsNode), !items.isEmpty else {
            throw b.error("bad argument 'steps:' to 'funnel' (a non-empty list of \(eventType) values expected)", at: stepsNode.range)
        }
        let stepNodes: [ExprNode]
        if case .list(let nodes) = stepsNode.kind, nodes.count == items.count { stepNodes = nodes } else { stepNodes = [] }
        var steps: [Scalar] = []
        for (i, item) in items.enumerated() {
            let at = i < stepNodes.count ? stepNodes[i].range : stepsNode.range
            guard case .scalar(let s) = item, s.type == eventType else {
                throw b.error("step \(i + 1) is \(shownKind(item)), but '\(event)' is \(eventType == .int ? "an" : "a") \(eventType) column", at: at)
            }
            steps.append(s)
        }
        if steps.count > 127 { throw b.error("a funnel has at most 127 steps, got \(steps.count)", at: stepsNode.range) }
        let by = try requiredColumn(b, "by", schema, what: "the column that identifies sessions")
        let time = try b.option("time").map { _ in try timeColumn(b, "time", schema) }
        let out = Schema([("step", eventType), ("count", .int), ("rate_from_prev", .double), ("rate_from_first", .double), ("drop_off", .int)])
        return frameStage(b, out) { try $0.funnel(event: event, steps: steps, by: by, time: time) }
    }

    // MARK: - rfm

    static let rfm = VerbDefinition(
        "rfm", signature: "rfm customer:c time:t amount:a [now:timestamp]",
        summary: "per customer (a row is a transaction): recency_days, frequency, monetary, 1-5 quintile scores r f m and segment, by the rules of use \"rfm\"",
        example: "generate clickstream rows:2000 seed:7 | where event == \"purchase\" | rfm customer:user_id time:ts amount:price | head 5",
        topic: "clickstream"
    ) { b in
        try b.check(positional: 0...0, options: ["customer", "time", "amount", "now"])
        let schema = try b.schema()
        let customer = try requiredColumn(b, "customer", schema, what: "the column that identifies customers")
        let time = try timeColumn(b, "time", schema)
        let amountNode = try requiredOption(b, "amount", what: "the int or double column of what each transaction is worth")
        let amount = try b.columnName(amountNode, in: schema)
        let amountType = schema.type(of: amount) ?? .double
        guard amountType.isNumeric else {
            throw b.error("amount column '\(amount)' is \(amountType); rfm needs an int or double column", at: amountNode.range)
        }
        var now: Timestamp? = nil
        if let node = b.option("now") {
            let v = try b.constant(node)
            guard case .scalar(.timestamp(let t)) = v else {
                throw b.error("bad argument 'now:' to 'rfm' (timestamp such as date(\"2024-09-01\") expected, got \(SamplingVerbs.shown(v)))", at: node.range)
            }
            now = t
        }
        let outputs = ["recency_days", "frequency", "monetary", "r", "f", "m", "segment"]
        let key = outputs.contains(customer) ? "customer" : customer
        let out = Schema([(key, schema.type(of: customer) ?? .string), ("recency_days", .double), ("frequency", .int),
                          ("monetary", amountType), ("r", .int), ("f", .int), ("m", .int), ("segment", .string)])
        return frameStage(b, out) { try $0.rfm(customer: customer, time: time, amount: amount, now: now) }
    }

    // MARK: - cohort

    static let cohort = VerbDefinition(
        "cohort", signature: "cohort user:u time:t [period:\"month\"|\"week\"|\"day\"]",
        summary: "retention matrix: a row per cohort (period of the first event), users, and p0, p1, ...: the share active that many periods later (null past the data)",
        example: "generate clickstream rows:3000 seed:7 | cohort user:user_id time:ts period:\"month\"",
        topic: "clickstream"
    ) { b in
        try b.check(positional: 0...0, options: ["user", "time", "period"])
        let schema = try b.schema()
        let user = try requiredColumn(b, "user", schema, what: "the column that identifies users")
        let time = try timeColumn(b, "time", schema)
        let period = try b.option("period").map {
            CohortPeriod(rawValue: try b.word($0, position: 1, among: CohortPeriod.allCases.map(\.rawValue))) ?? .month
        } ?? .month
        return BoundStage(output: .unknown) { v in .frame(try unpack(v).0.cohortRetention(user: user, time: time, period: period)) }
    }

    // MARK: - cooccur / recommend

    static let cooccur = VerbDefinition(
        "cooccur", signature: "cooccur item:i by:basket [min_count:N]",
        summary: "item pairs sharing a basket, both ways: item, other, count, support, confidence, lift; most shared first; min_count default 1",
        example: "clicks | cooccur item:page_2_clothing_model by:session_id min_count:3 | head 5",
        topic: "clickstream"
    ) { b in
        try b.check(positional: 0...0, options: ["item", "by", "min_count"])
        let schema = try b.schema()
        let item = try requiredColumn(b, "item", schema, what: "the item column")
        let by = try requiredColumn(b, "by", schema, what: "the column that identifies baskets, such as a session")
        var minCount = 1
        if let node = b.option("min_count") {
            minCount = try integerOption(b, node, "min_count", atLeast: 1)
        }
        let itemType = schema.type(of: item) ?? .string
        let out = Schema([("item", itemType), ("other", itemType), ("count", .int), ("support", .double), ("confidence", .double), ("lift", .double)])
        return frameStage(b, out) { try $0.cooccurrence(item: item, by: by, minCount: minCount) }
    }

    static let recommend = VerbDefinition(
        "recommend", signature: "recommend ITEM from:pairs [top:N]",
        summary: "the items found most often with ITEM in a cooccur table (from:, or piped): by confidence, then lift; top default 10",
        example: "recommend \"A2\" from:(clicks | cooccur item:page_2_clothing_model by:session_id) top:3",
        topic: "clickstream"
    ) { b in
        try b.check(positional: 1...1, options: ["from", "top"])
        let pairs: DataFrame?
        let pairsRange: SourceRange
        if let node = b.option("from") {
            guard b.input == .nothing else {
                throw b.error("'recommend' takes its pairs from from: or from its input, not both", at: node.range, id: "bind.wrongInput")
            }
            pairs = try CombineVerbs.otherFrame(b, node)
            pairsRange = node.range
        } else {
            guard b.input != .nothing else {
                throw b.error("'recommend' needs a cooccur table: from:pairs, or pairs | recommend ITEM", at: b.stage.range, id: "bind.missingOption")
            }
            pairs = nil
            pairsRange = b.stage.verbRange
        }
        let schema = try pairs.map { Schema($0) } ?? b.schema()
        for name in ["item", "other", "confidence", "lift"] where schema.type(of: name) == nil {
            throw b.error("'recommend' needs a cooccur table (item, other, count, support, confidence, lift); this one has no '\(name)' column",
                          at: pairsRange)
        }
        let itemNode = b.positionals[0]
        let value = try b.constant(itemNode)
        let itemType = schema.type(of: "item") ?? .string
        guard case .scalar(let item) = value, let t = item.type, t == itemType || (t.isNumeric && itemType.isNumeric) else {
            throw b.badArgument(1, itemNode, expected: "\(itemType) item", got: shownKind(value))
        }
        var top = 10
        if let node = b.option("top") { top = try integerOption(b, node, "top", atLeast: 0) }
        if let pairs {
            let known = try pairs.column(named: "item")
            if case .string(let s) = known, case .string(let name) = item, !(0..<s.count).contains(where: { s[$0] == name }) {
                let names = Array(Set((0..<s.count).compactMap { s[$0] })).sorted()
                var msg = "'\(name)' is not an item of this table"
                if let guess = FrameError.closestName(to: name, in: names) { msg += " (did you mean '\(guess)'?)" }
                throw b.error(msg, at: itemNode.range)
            }
            return BoundStage(output: .frame(schema)) { _ in .frame(try pairs.recommendations(for: item, top: top)) }
        }
        return frameStage(b, schema) { try $0.recommendations(for: item, top: top) }
    }

    // MARK: - Argument helpers

    /// An option that must be given.
    static func requiredOption(_ b: StageBinder, _ name: String, what: String) throws -> ExprNode {
        guard let node = b.option(name) else {
            throw b.error("'\(b.verb)' needs \(name):column (\(what))", at: b.stage.range, id: "bind.missingOption")
        }
        return node
    }

    /// The column named by an option that must be given.
    static func requiredColumn(_ b: StageBinder, _ name: String, _ schema: Schema, what: String) throws -> String {
        try b.columnName(try requiredOption(b, name, what: what), in: schema)
    }

    /// The timestamp column named by a required option.
    static func timeColumn(_ b: StageBinder, _ name: String, _ schema: Schema) throws -> String {
        let node = try requiredOption(b, name, what: "a timestamp column")
        let column = try b.columnName(node, in: schema)
        let type = schema.type(of: column) ?? .timestamp
        guard type == .timestamp else {
            throw b.error("time column '\(column)' is \(type), but '\(b.verb)' needs a timestamp column (make one with timestamp(...) or date(...))", at: node.range)
        }
        return column
    }

    /// An integer option of at least `minimum`: `bad argument 'top:' to 'recommend' (non-negative integer expected, got -1)`.
    static func integerOption(_ b: StageBinder, _ node: ExprNode, _ name: String, atLeast minimum: Int) throws -> Int {
        let v = try b.constant(node)
        guard case .scalar(.int(let k)) = v, k >= minimum, let n = Int(exactly: k) else {
            let want = minimum == 0 ? "non-negative integer" : minimum == 1 ? "positive integer" : "integer of at least \(minimum)"
            throw b.error("bad argument '\(name):' to '\(b.verb)' (\(want) expected, got \(SamplingVerbs.shown(v)))", at: node.range)
        }
        return n
    }

    /// A value's kind for messages, with a scalar's value: `string "view"`, `int 3`, `list`.
    static func shownKind(_ v: Value) -> String {
        switch v {
        case .scalar(.string(let s)): return "string \"\(s)\""
        case .scalar(.null): return "null"
        case .scalar(let s): return "\(s.type.map { "\($0)" } ?? "null") \(s)"
        default: return v.kindName
        }
    }
}
