// The plot verb: binds `plot KIND ...` against the input's schema, then hands typed arrays to SiftPlot.
import SiftFrame
import SiftLang
import SiftPlot

/// The "plots" verbs of LANGUAGE.md: `plot hist|bar|line|scatter|box|heatmap|funnel|roc|importance`.
///
/// Everything about the call is checked before a row is read: the kind, the columns (unknown
/// names get a did-you-mean), their types (`plot hist` of a string column is a bind error that
/// points to `plot bar`), and which options apply to the kind. A grouped input is plotted
/// ungrouped.
enum PlotVerbs {
    static let all: [VerbDefinition] = [plot]

    /// The chart kinds, in help order.
    static let kinds = ["hist", "bar", "line", "scatter", "box", "heatmap", "funnel", "roc", "importance"]

    /// Names other libraries give the kinds (matplotlib's, Seaborn's, Plotly's), too far from
    /// ours in spelling for a did-you-mean by edit distance.
    static let aliases = ["histogram": "hist", "histplot": "hist", "barh": "bar", "barplot": "bar", "countplot": "bar",
                          "plot": "line", "lineplot": "line", "points": "scatter", "scatterplot": "scatter",
                          "boxplot": "box", "violin": "box", "heat": "heatmap", "corr": "heatmap", "importances": "importance"]

    /// Every option `plot` takes; ``applies`` says which kinds take each.
    static let options = ["title", "width", "height", "log", "bins", "by"]

    /// The kinds an option applies to (nil: all).
    static func applies(_ option: String) -> [String]? {
        switch option {
        case "bins": return ["hist"]
        case "by": return ["hist", "line", "scatter", "box", "roc"]
        case "log": return ["hist", "bar", "line", "scatter", "box", "importance"]
        default: return nil
        }
    }

    /// The columns each kind takes as plain arguments, for messages.
    static func usage(_ kind: String) -> String {
        switch kind {
        case "hist": return "plot hist x [bins:N] [by:g]"
        case "bar": return "plot bar x [y]"
        case "line": return "plot line x y [by:g]"
        case "scatter": return "plot scatter x y [by:g]"
        case "box": return "plot box y [by:g]"
        case "heatmap": return "plot heatmap (of a matrix frame such as corr's)"
        case "funnel": return "plot funnel (of a frame with step and count, such as funnel's)"
        case "roc": return "plot roc (of a model, or a frame with fpr and tpr)"
        default: return "plot importance (of a model, or a frame with feature and importance)"
        }
    }

    static func argumentRange(_ kind: String) -> ClosedRange<Int> {
        switch kind {
        case "hist", "box": return 1...1
        case "bar": return 1...2
        case "line", "scatter": return 2...2
        default: return 0...0
        }
    }

    static let plot = VerbDefinition(
        "plot", signature: "plot KIND ... [title:\"...\"] [width:N] [height:N] [log:true] [bins:N] [by:g]",
        summary: "draw a chart: hist x, bar x [y], line x y, scatter x y, box y, heatmap, funnel, roc, importance",
        example: "clicks | plot hist price bins:20", topic: "plots"
    ) { b in
        try b.check(positional: 1...3, options: options)
        guard let kindNode = b.positionals.first else { throw b.error("'plot' needs a chart kind: " + kinds.joined(separator: ", "), at: b.stage.range) }
        if case .name(let w) = kindNode.kind, let kind = aliases[w] {
            throw b.error("'\(w)' is not one of " + kinds.joined(separator: ", ") + " (did you mean '\(kind)'?)", at: kindNode.range,
                          notes: ["usage: \(usage(kind))"])
        }
        let kind = try b.word(kindNode, position: 1, among: kinds)
        let args = Array(b.positionals.dropFirst())
        let range = argumentRange(kind)
        if args.count < range.lowerBound {
            throw b.error("'plot \(kind)' needs \(range.lowerBound == 1 ? "a column" : "\(range.lowerBound) columns"): \(usage(kind))", at: b.stage.range,
                          notes: ["usage: \(usage(kind))"])
        }
        if args.count > range.upperBound {
            let what = range.upperBound == 0 ? "no columns" : range.upperBound == 1 ? "one column" : "at most \(range.upperBound) columns"
            throw b.error("'plot \(kind)' takes \(what), got an extra one", at: args[range.upperBound].range, notes: ["usage: \(usage(kind))"])
        }
        for o in b.options {
            if let kinds = applies(o.name), !kinds.contains(kind) {
                throw b.error("option '\(o.name):' does not apply to 'plot \(kind)'; it is for " + kinds.map { "'plot \($0)'" }.joined(separator: ", "),
                              at: o.range, id: "bind.unknownOption")
            }
        }
        var opts = PlotOptions()
        if let t = b.option("title") { opts.title = try b.string(t, position: 2, expected: "string for title:") }
        func positive(_ name: String) throws -> Int? {
            guard let n = b.option(name) else { return nil }
            let v = try b.int(n, position: 2, expected: "positive integer for \(name):")
            guard v > 0 else { throw b.badArgument(2, n, expected: "positive integer for \(name):", got: "\(v)") }
            return v
        }
        let width = try positive("width"), height = try positive("height")
        if let n = b.option("log") { opts.log = try b.bool(n, position: 2) }
        if let bins = try positive("bins") {
            guard bins <= HistogramBins.maxBins else {
                throw b.error("bins:\(bins) is more than \(HistogramBins.maxBins) bins", at: b.option("bins")?.range)
            }
            opts.bins = bins
        }

        // Models and other host objects: roc and importance ask them for their data.
        if case .object(let typeName) = b.input {
            guard kind == "roc" || kind == "importance" else {
                throw b.error("'plot \(kind)' needs a frame as input, got \(FrameError.withArticle(typeName))", at: b.stage.verbRange, id: "bind.wrongInput")
            }
            if b.option("by") != nil { throw b.error("'by:' needs a frame of curves, not a \(typeName)", at: b.option("by")?.range) }
            return BoundStage(output: .object("plot")) { v in
                guard case .object(let o) = v, let source = o as? PlotDataSource else {
                    throw FrameError.typeMismatch("a \(v.kindName) cannot be plotted with 'plot \(kind)'")
                }
                let p: Plot
                if kind == "roc" {
                    guard let curve = source.rocCurve() else { throw FrameError.invalidArgument("this \(o.typeName) has no ROC curve (it is not a binary classifier)") }
                    p = Plot.roc([curve], options: opts)
                } else {
                    guard let pairs = source.importances() else { throw FrameError.invalidArgument("this \(o.typeName) has no feature importances") }
                    p = Plot.importance(features: pairs.map(\.feature), importances: pairs.map(\.importance), options: opts)
                }
                return .object(PlotValue(plot: p, width: width, height: height))
            }
        }

        let schema = try b.schema()
        let by = try b.option("by").map { try b.columnName($0, in: schema) }
        if let by { opts.groupLabel = by }
        let names = try args.map { try b.columnName($0, in: schema) }
        let build = try PlotBinding.bind(kind, names: names, args: args, by: by, schema: schema, options: opts, binder: b)
        return BoundStage(output: .object("plot")) { v in
            let frame = try unpack(v).0
            return .object(PlotValue(plot: try build(frame), width: width, height: height))
        }
    }
}
