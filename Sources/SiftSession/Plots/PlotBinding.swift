// Per-kind binding of `plot`: column type checks before any row is read, and the closure that builds the chart from a frame.
import SiftFrame
import SiftLang
import SiftPlot

/// Checks the columns of one chart kind against the input schema and returns the builder that
/// turns a frame into a ``Plot``.
enum PlotBinding {
    /// A chart from the stage's input frame.
    typealias Build = (DataFrame) throws -> Plot

    /// Binds a kind.
    ///
    /// - Parameters:
    ///   - kind: the chart kind.
    ///   - names: the column arguments, resolved against the schema.
    ///   - args: their syntax (for error positions).
    ///   - by: the `by:` column, if given.
    ///   - schema: the input's schema.
    ///   - options: options so far (title, log, bins).
    ///   - b: the stage binder, for errors.
    /// - Throws: a diagnostic for a column of the wrong type or a missing required column.
    static func bind(_ kind: String, names: [String], args: [ExprNode], by: String?, schema: Schema,
                     options: PlotOptions, binder b: StageBinder) throws -> Build {
        var opts = options
        func numeric(_ i: Int, time: Bool) throws -> Bool {
            let name = names[i]
            let t = schema.type(of: name) ?? .string
            if t.isNumeric || t == .duration { return false }
            if time, t == .timestamp { return true }
            var msg = "'plot \(kind)' needs a numeric\(time ? " or timestamp" : "") column, '\(name)' is \(t)"
            if t == .string || t == .bool { msg += " (to count its values use 'plot bar \(name)')" }
            throw b.error(msg, at: args[i].range, id: "bind.typeMismatch", notes: ["usage: \(PlotVerbs.usage(kind))"])
        }
        func groups(_ f: DataFrame) throws -> PlotGroups? {
            try by.map { PlotColumns.series(try f.column(named: $0)) }
        }
        switch kind {
        case "hist":
            opts.xIsTime = try numeric(0, time: true)
            opts.xLabel = names[0]
            return { f in Plot.histogram(PlotColumns.doubles(try f.column(named: names[0])), groups: try groups(f), options: opts) }
        case "line", "scatter":
            opts.xIsTime = try numeric(0, time: true)
            _ = try numeric(1, time: false)
            opts.xLabel = names[0]
            opts.yLabel = names[1]
            return { f in
                let x = PlotColumns.doubles(try f.column(named: names[0])), y = PlotColumns.doubles(try f.column(named: names[1]))
                return kind == "line" ? Plot.line(x: x, y: y, groups: try groups(f), options: opts)
                    : Plot.scatter(x: x, y: y, groups: try groups(f), options: opts)
            }
        case "box":
            _ = try numeric(0, time: false)
            opts.yLabel = names[0]
            return { f in Plot.box(PlotColumns.doubles(try f.column(named: names[0])), groups: try groups(f), options: opts) }
        case "bar":
            if names.count > 1 { _ = try numeric(1, time: false) }
            opts.xLabel = names[0]
            opts.yLabel = names.count > 1 ? names[1] : "count"
            let sortByValue = (schema.type(of: names[0]) ?? .string) != .string
            return { f in
                let x = try f.column(named: names[0])
                let (cats, nullCode) = PlotColumns.categories(x)
                let y = names.count > 1 ? PlotColumns.doubles(try f.column(named: names[1])) : nil
                let (labels, values) = barValues(cats, nullCode: nullCode, y: y, order: sortByValue ? PlotColumns.categoryValues(x, cats) : nil)
                return Plot.bar(labels: labels, values: values, options: opts)
            }
        case "heatmap":
            return try heatmap(schema: schema, options: opts, binder: b)
        case "funnel":
            let step = try required("step", "funnel", schema, b), count = try required("count", "funnel", schema, b)
            try requireNumeric(count, kind, schema, b)
            let prev = schema.type(of: "rate_from_prev").map { $0.isNumeric } ?? false
            let first = schema.type(of: "rate_from_first").map { $0.isNumeric } ?? false
            opts.xLabel = step
            return { f in
                Plot.funnel(steps: PlotColumns.labels(try f.column(named: step)), counts: PlotColumns.doubles(try f.column(named: count)),
                            rateFromPrevious: prev ? PlotColumns.doubles(try f.column(named: "rate_from_prev")) : nil,
                            rateFromFirst: first ? PlotColumns.doubles(try f.column(named: "rate_from_first")) : nil, options: opts)
            }
        case "roc":
            let fpr = try required("fpr", "roc", schema, b), tpr = try required("tpr", "roc", schema, b)
            try requireNumeric(fpr, kind, schema, b)
            try requireNumeric(tpr, kind, schema, b)
            // Several curves stacked in one frame (a string column naming them) and no `by:`
            // would be drawn as one zigzag: say so instead.
            let labelColumn = by == nil ? schema.columns.first(where: { $0.type == .string })?.name : nil
            return { f in
                let x = PlotColumns.doubles(try f.column(named: fpr)), y = PlotColumns.doubles(try f.column(named: tpr))
                if let labelColumn, let back = restart(x) {
                    throw FrameError.invalidArgument("'plot roc': fpr goes back from \(NumberFormat.scalar(.double(back.from))) to "
                        + "\(NumberFormat.scalar(.double(x[back.row]))) at row \(back.row + 1), so the frame holds several curves; "
                        + "draw one per '\(labelColumn)' with 'plot roc by:\(labelColumn)'")
                }
                guard let g = try groups(f) else { return Plot.roc([ROCCurve(fpr: x, tpr: y)], options: opts) }
                let curves = g.labels.indices.map { k in
                    let rows = g.codes.indices.filter { g.codes[$0] == Int32(k) }
                    return ROCCurve(label: g.labels[k], fpr: rows.map { x[$0] }, tpr: rows.map { y[$0] })
                }
                return Plot.roc(curves, options: opts)
            }
        default:
            let feature = try required("feature", "importance", schema, b), importance = try required("importance", "importance", schema, b)
            try requireNumeric(importance, kind, schema, b)
            return { f in
                Plot.importance(features: PlotColumns.labels(try f.column(named: feature)),
                                importances: PlotColumns.doubles(try f.column(named: importance)), options: opts)
            }
        }
    }

    /// The first row where a false positive rate falls below the one before it (a ROC curve's
    /// rates never fall in threshold order, as `sklearn.metrics.roc_curve` returns them) and
    /// the rate it fell from, or nil.
    static func restart(_ fpr: [Double]) -> (row: Int, from: Double)? {
        var last = -Double.infinity
        for (i, v) in fpr.enumerated() where !v.isNaN {
            if v < last { return (i, last) }
            last = v
        }
        return nil
    }

    /// Bar values per category: counts of rows without `y`, sums of `y` with it (a category
    /// whose `y` values are all null gets no bar, as `sum` of nothing is null).
    ///
    /// Order: categories with values (`order`: numbers, timestamps, bools) ascending by value;
    /// string categories by descending count when counting, in first-seen order when summing y
    /// (the frame's own order, so `sort` before `plot bar` decides it). Null comes last.
    static func barValues(_ cats: PlotGroups, nullCode: Int?, y: [Double]?, order: [Double]?) -> ([String], [Double]) {
        let k = cats.labels.count
        var values = [Double](repeating: y == nil ? 0 : .nan, count: k)
        if let y {
            for (i, c) in cats.codes.enumerated() where !y[i].isNaN {
                values[Int(c)] = values[Int(c)].isNaN ? y[i] : values[Int(c)] + y[i]
            }
        } else {
            for c in cats.codes { values[Int(c)] += 1 }
        }
        let isNull = cats.labels.indices.map { $0 == nullCode }
        var idx = Array(0..<k)
        idx.sort { a, b in
            if isNull[a] != isNull[b] { return !isNull[a] }
            if let order { return order[a] != order[b] ? order[a] < order[b] : a < b }
            if y == nil, values[a] != values[b] { return values[a] > values[b] }
            return a < b
        }
        return (idx.map { cats.labels[$0] }, idx.map { values[$0] })
    }

    /// A heatmap of a matrix frame: the first column labels the rows when it is not numeric
    /// (corr's `column`, a cohort), or when it is an int column of distinct values and others
    /// follow (the key of `crosstab page colour` or a `pivot`); every other column is a
    /// numeric matrix column.
    static func heatmap(schema: Schema, options: PlotOptions, binder b: StageBinder) throws -> Build {
        guard let first = schema.columns.first else { throw b.error("'plot heatmap' needs a matrix frame; the input has no columns", at: b.stage.range) }
        let keyCandidate = first.type == .int && schema.columns.count > 1
        let labelColumn: String? = first.type.isNumeric ? nil : first.name
        let valueColumns = schema.columns.dropFirst(labelColumn == nil ? 0 : 1)
        if let bad = valueColumns.first(where: { !$0.type.isNumeric }) {
            throw b.error("'plot heatmap' needs numeric matrix columns after the row labels, '\(bad.name)' is \(bad.type)",
                          at: b.stage.range, id: "bind.typeMismatch")
        }
        guard !valueColumns.isEmpty else { throw b.error("'plot heatmap' needs at least one numeric column", at: b.stage.range) }
        let allNames = valueColumns.map(\.name)
        return { f in
            var labelColumn = labelColumn, names = allNames
            if keyCandidate, let key = try? f.column(named: first.name), PlotColumns.isKey(key) {
                labelColumn = first.name
                names.removeFirst()
            }
            let rows = labelColumn.map { PlotColumns.labels((try? f.column(named: $0)) ?? .nulls(of: .string, count: f.rowCount)) }
                ?? (0..<f.rowCount).map { String($0) }
            let cols = try names.map { PlotColumns.doubles(try f.column(named: $0)) }
            var values: [Double] = []
            values.reserveCapacity(f.rowCount * names.count)
            for r in 0..<f.rowCount { for c in cols { values.append(c[r]) } }
            return Plot.heatmap(rowLabels: rows, columnLabels: names, values: values, options: options)
        }
    }

    /// The name of a column a kind requires (`step` for funnel), or an error listing what the
    /// input has, with a did-you-mean.
    static func required(_ name: String, _ kind: String, _ schema: Schema, _ b: StageBinder) throws -> String {
        if schema.type(of: name) != nil { return name }
        let needs: [String: String] = ["funnel": "'step' and 'count' (as 'funnel' makes them)", "roc": "'fpr' and 'tpr'",
                                       "importance": "'feature' and 'importance'"]
        var msg = "'plot \(kind)' needs a column '\(name)'"
        if let guess = FrameError.closestName(to: name, in: schema.names) { msg += " (did you mean '\(guess)'?)" }
        throw b.error(msg, at: b.stage.range, id: "bind.unknownColumn",
                      notes: ["'plot \(kind)' takes a frame with columns \(needs[kind] ?? "'\(name)'")", "columns here: " + schema.names.joined(separator: ", ")])
    }

    static func requireNumeric(_ name: String, _ kind: String, _ schema: Schema, _ b: StageBinder) throws {
        let t = schema.type(of: name) ?? .string
        guard t.isNumeric else {
            throw b.error("'plot \(kind)' needs a numeric column '\(name)', it is \(t)", at: b.stage.range, id: "bind.typeMismatch")
        }
    }
}
