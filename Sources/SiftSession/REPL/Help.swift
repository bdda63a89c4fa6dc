// `:help` texts, generated from the verb table and the function registry so they never drift.
import SiftFrame
import SiftLang

/// Builds help text.
public enum Help {
    /// The meta commands with their one-line descriptions, in the order `:help meta` lists them.
    public static let metaCommands: [(name: String, usage: String, summary: String)] = [
        (":help", ":help [topic|name]", "this help; topics: verbs, functions, meta, syntax; or a verb or function name"),
        (":vars", ":vars", "the variables in the session, with their kinds and sizes"),
        (":schema", ":schema NAME", "the columns and types of a frame variable"),
        (":timing", ":timing on|off", "print each statement's time"),
        (":explain", ":explain on|off", "after each stage: rows in and out, columns added or dropped, time"),
        (":undo", ":undo", "restore the variables as they were before the last statement"),
        (":more", ":more", "the last result again, untruncated (through a pager when long)"),
        (":save", ":save FILE", "write this session's successful statements as a notebook"),
        (":load", ":load FILE", "run a script in this session"),
        (":clear", ":clear", "forget every variable"),
        (":quit", ":quit", "leave (also Ctrl-D)"),
    ]

    /// The help for a topic or name; nil topic gives the overview.
    public static func text(_ topic: String?, verbs: VerbTable) -> String {
        guard let topic, !topic.isEmpty else { return overview(verbs) }
        switch topic {
        case "verbs": return verbList(verbs)
        case "functions": return functionList()
        case "meta": return metaList()
        case "syntax": return syntax
        default: break
        }
        if let v = verbs[topic] {
            return "\(v.signature)\n  \(v.summary)\n  example: \(v.example)\n"
        }
        if let f = FunctionRegistry.shared[topic] {
            return "\(f.signature)   (\(f.kind.rawValue) function)\n  \(f.summary)\n  example: \(f.example)\n"
        }
        if let m = metaCommands.first(where: { $0.name == topic || $0.name == ":" + topic }) {
            return "\(m.usage)\n  \(m.summary)\n"
        }
        let topics = verbTopics(verbs)
        if topics.contains(topic) {
            // One topic of the verb list, with signatures: `:help modeling`, `:help clickstream`.
            let defs = verbs.definitions.filter { $0.topic == topic }
            return "\(topic):\n" + defs.map { "  \($0.signature)\n      \($0.summary)\n" }.joined()
        }
        let candidates = verbs.names + FunctionRegistry.shared.callableNames + ["verbs", "functions", "meta", "syntax"] + topics
        var msg = "no help for '\(topic)'"
        if let guess = FrameError.closestName(to: topic, in: candidates) { msg += " (did you mean '\(guess)'?)" }
        return msg + "; try :help verbs, :help functions, :help meta or :help syntax\n"
    }

    static func overview(_ verbs: VerbTable) -> String {
        """
        Sift: pipelines over dataframes. A statement is `source | verb args | verb args`.

          let clicks = load "notebooks/data/eshop-clothing-2008.csv" clean:true
          clicks | where price > 50 | group country | agg n = count(), avg = mean(price) | sort -n

        :help verbs       the verbs (\(verbs.definitions.count)), by topic
        :help functions   the functions usable inside verbs (\(FunctionRegistry.shared.callableNames.count))
        :help TOPIC       the verbs of one topic with their signatures (data, shaping, modeling, ...)
        :help NAME        one verb or function, with an example
        :help syntax      the language in brief
        :help meta        the meta commands (:vars, :undo, :more, :save, ...)

        """
    }

    /// The verb topics in registration order (`data`, `shaping`, …).
    static func verbTopics(_ verbs: VerbTable) -> [String] {
        var topics: [String] = []
        for v in verbs.definitions where !topics.contains(v.topic) { topics.append(v.topic) }
        return topics
    }

    static func verbList(_ verbs: VerbTable) -> String {
        var out = ""
        for t in verbTopics(verbs) {
            out += "\(t):\n"
            let defs = verbs.definitions.filter { $0.topic == t }
            let w = defs.map(\.name.count).max() ?? 0
            for d in defs { out += "  " + d.name.padding(w) + "  " + d.summary + "\n" }
        }
        return out
    }

    static func functionList() -> String {
        var out = ""
        for kind in [FunctionKind.scalar, .window, .aggregate] {
            let defs = FunctionRegistry.shared.definitions.filter { $0.kind == kind && ($0.name.first?.isLetter ?? false) }
            guard !defs.isEmpty else { continue }
            out += (kind == .scalar ? "row functions" : kind == .window ? "window functions (per group under group)" : "aggregates (in agg, or on a column: clicks.price | mean)") + ":\n"
            let w = defs.map(\.signature.count).max() ?? 0
            for d in defs { out += "  " + d.signature.padding(w) + "  " + d.summary + "\n" }
        }
        out += "operators: + - * / % == != < <= > >= and or not in (x in [a, b])\n"
        return out
    }

    static func metaList() -> String {
        let w = metaCommands.map(\.usage.count).max() ?? 0
        return metaCommands.map { "  " + $0.usage.padding(w) + "  " + $0.summary }.joined(separator: "\n") + "\n"
    }

    static let syntax = """
    statements:  let x = expr      let train, test = frame | split 0.8
                 fn name(a, b) = expr        use "library"        param name = default
                 expr              (displayed)        expr;   (evaluated, not displayed)
    pipelines:   source | verb arg, arg name:value col = expr | verb ...
                 a line starting with | continues the pipeline above; so does a line after one ending in | or ,
                 and any line inside brackets
    values:      42  -3.5  1e6  1_000  45s 30m 2h 7d 1w  "text" 'text'  true false null  [1, 2]  {a: 1}
    names:       price   `page 1 (main category)`   frame.col   list[0]
    operators:   or  and  not  == != < <= > >= in  + -  * / %  unary -   (loosest to tightest)
    comments:    # to end of line;  #' at the start of a line is notebook prose

    """
}

extension String {
    /// The string padded with spaces on the right to `width` characters.
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
