// The modeling verbs that read a model: evaluate, confusion, importance, threshold, compare, and the run log's runs.
import SiftFrame
import SiftLang
import SiftLearn

extension ModelVerbs {
    /// The model piped into a verb, checked at bind time.
    static func requireModelInput(_ b: StageBinder) throws {
        switch b.input {
        case .object("model"), .unknown: return
        default:
            throw b.error("'\(b.verb)' needs a model as input (m | \(b.verb)), got \(b.input == .nothing ? "nothing" : "a \(b.input)")",
                          id: "bind.wrongInput")
        }
    }

    /// The model of a piped value.
    static func model(_ v: Value, _ verb: String) throws -> TrainedModel {
        if case .object(let o) = v, let u = o as? UnsupervisedModelValue { throw supervisedOnly(verb, u) }
        guard case .object(let o) = v, let m = o as? ModelValue else {
            throw FrameError.typeMismatch("'\(verb)' needs a model, got \(FrameError.withArticle(v.kindName))")
        }
        return m.model
    }

    /// The `on:` frame, if given.
    static func onFrame(_ b: StageBinder) throws -> DataFrame? {
        guard let n = b.option("on") else { return nil }
        let v = try b.constant(n)
        switch v {
        case .frame(let f): return f
        case .grouped(let g): return g.frame
        default: throw b.badArgument(2, n, expected: "frame for on:", got: v.kindName)
        }
    }

    /// True classes and probabilities of a classifier on the holdout or on a frame.
    static func scored(_ m: TrainedModel, on frame: DataFrame?, verb: String) throws -> (classes: [Int32], p: ProbabilityMatrix) {
        guard m.isClassifier else { throw FrameError.invalidArgument("'\(verb)' is for classifiers; this model is a regressor (use evaluate)") }
        if let frame {
            guard frame.index(of: m.target) != nil else {
                throw FrameError.invalidArgument("the frame has no target column '\(m.target)' to score against")
            }
            let codes = try m.classCodes(try frame.column(named: m.target))
            let keep = codes.indices.filter { codes[$0] != nil }
            let rows = frame.selecting(rows: RowSelection(indices: keep.map { Int32($0) }, hasNulls: false))
            return (keep.map { codes[$0] ?? 0 }, try m.probabilities(rows))
        }
        guard let h = m.holdout, let p = m.holdoutProbabilities else { throw noHoldout(verb) }
        return (h.classes, p)
    }

    static func noHoldout(_ verb: String) -> FrameError {
        .invalidArgument("the model has no holdout (split:1, or too few rows to hold any out); use '\(verb) on:FRAME'")
    }

    // MARK: - evaluate

    static let evaluate = VerbDefinition(
        "evaluate", signature: "evaluate [on:FRAME]",
        summary: "a model's metrics (metric, value) on its holdout or on FRAME; with cv: also cv_mean and cv_sd; a clustering gives silhouette, davies_bouldin, inertia, clusters, size_0… on its training rows",
        example: "clicks | derive expensive = price_2 == 1 | train tree expensive ~ colour + location + page depth:4 | evaluate",
        topic: "modeling"
    ) { b in
        try b.check(positional: 0...0, options: ["on"])
        try requireModelInput(b)
        let on = try onFrame(b)
        return BoundStage(output: .unknown) { v in
            if case .object(let o) = v, let u = o as? UnsupervisedModelValue { return try unsupervisedEvaluate(u.model, on: on) }
            let m = try model(v, "evaluate")
            let table: MetricTable
            if let on { table = try m.evaluate(on: on) } else {
                guard let t = m.holdoutMetrics else { throw noHoldout("evaluate") }
                table = t
            }
            var columns: [(String, AnyColumn)] = [("metric", .string(StringColumn(table.names.map { Optional($0) }))),
                                                  ("value", .double(Column<Double>(values: table.values)))]
            if on == nil, let cv = m.crossValidation {
                let idx = table.names.map { cv.names.firstIndex(of: $0) }
                columns.append(("cv_mean", .double(Column<Double>(idx.map { $0.map { cv.means[$0] } }))))
                columns.append(("cv_sd", .double(Column<Double>(idx.map { $0.map { cv.deviations[$0] } }))))
            }
            return .frame(try DataFrame(columns: columns))
        }
    }

    // MARK: - confusion

    static let confusion = VerbDefinition(
        "confusion", signature: "confusion [threshold:t] [on:FRAME]",
        summary: "a classifier's confusion matrix on its holdout (rows: actual class; columns: predicted class)",
        example: "clicks | derive expensive = price_2 == 1 | train tree expensive ~ colour + location + page depth:4 | confusion threshold:0.3",
        topic: "modeling"
    ) { b in
        try b.check(positional: 0...0, options: ["threshold", "on"])
        try requireModelInput(b)
        let on = try onFrame(b)
        let t = try thresholdOption(b)
        return BoundStage(output: .unknown) { v in
            let m = try model(v, "confusion")
            let (classes, p) = try scored(m, on: on, verb: "confusion")
            if t != nil && p.classCount != 2 { throw FrameError.invalidArgument("threshold: applies to binary classifiers; this one has \(p.classCount) classes") }
            let predicted = MetricTable.predictedClasses(p, threshold: t)
            let k = m.classCount
            var counts = [[Int64]](repeating: [Int64](repeating: 0, count: k), count: k)
            for i in classes.indices { counts[Int(classes[i])][Int(predicted[i])] += 1 }
            var columns: [(String, AnyColumn)] = [("actual", .string(StringColumn(m.classLabels.map { Optional($0) })))]
            for j in 0..<k { columns.append(("pred_" + m.classLabels[j], .int(Column<Int64>(values: (0..<k).map { counts[$0][j] })))) }
            return .frame(try DataFrame(columns: columns))
        }
    }

    // MARK: - importance

    static let importance = VerbDefinition(
        "importance", signature: "importance",
        summary: "feature importances, largest first: impurity/gain for trees, |coef| on scaled features for linear models, permutation for mlp",
        example: "clicks | derive expensive = price_2 == 1 | train forest expensive ~ colour + location + page trees:20 | importance",
        topic: "modeling"
    ) { b in
        try b.check(positional: 0...0)
        try requireModelInput(b)
        return BoundStage(output: .frame(Schema([("feature", .string), ("importance", .double)]))) { v in
            let m = try model(v, "importance")
            guard !m.importanceNames.isEmpty else { throw FrameError.invalidArgument("this \(m.algorithm.rawValue) model has no feature importances") }
            return .frame(try DataFrame(columns: [("feature", .string(StringColumn(m.importanceNames.map { Optional($0) }))),
                                                  ("importance", .double(Column<Double>(values: m.importanceValues)))]))
        }
    }

    // MARK: - threshold

    static let threshold = VerbDefinition(
        "threshold", signature: "threshold recall:R [on:FRAME]",
        summary: "the highest probability threshold whose holdout recall is at least R, with its precision and false positive rate (a record)",
        example: "clicks | derive expensive = price_2 == 1 | train forest expensive ~ colour + location + page trees:20 | threshold recall:0.9",
        topic: "modeling"
    ) { b in
        try b.check(positional: 0...0, options: ["recall", "on"])
        try requireModelInput(b)
        guard let n = b.option("recall") else { throw b.error("'threshold' needs the recall to reach: threshold recall:0.9", at: b.stage.range) }
        let recall = try b.double(n, position: 1, expected: "recall in (0, 1] for recall:")
        guard recall > 0, recall <= 1 else { throw b.badArgument(1, n, expected: "recall in (0, 1] for recall:", got: NumberFormat.double(recall)) }
        let on = try onFrame(b)
        return BoundStage(output: .record) { v in
            let m = try model(v, "threshold")
            let (classes, p) = try scored(m, on: on, verb: "threshold")
            guard p.classCount == 2 else { throw FrameError.invalidArgument("'threshold' is for binary classifiers; this one has \(p.classCount) classes") }
            let positive = classes.map { $0 == 1 }, scores = p.column(1)
            guard let hit = ROCPoints(positive: positive, scores: scores).threshold(reachingRecall: recall) else {
                throw FrameError.invalidArgument("the scored rows have no positive ('\(m.classLabels.last ?? "")') row")
            }
            let c = BinaryConfusion(positive: positive, scores: scores, threshold: hit.threshold)
            let precision = c.truePositives + c.falsePositives == 0 ? 0 : Double(c.truePositives) / Double(c.truePositives + c.falsePositives)
            return .record([("threshold", .scalar(.double(hit.threshold))), ("recall", .scalar(.double(hit.recall))),
                            ("precision", .scalar(.double(precision))), ("false_positive_rate", .scalar(.double(hit.fpr)))])
        }
    }

    // MARK: - compare

    static let compare = VerbDefinition(
        "compare", signature: "compare [m1, m2, ...]",
        summary: "the holdout metrics of several models side by side, one column per model",
        example: "let d = clicks | derive expensive = price_2 == 1; let a = d | train tree expensive ~ colour + page depth:2; let b = d | train forest expensive ~ colour + page trees:10; compare [a, b]",
        topic: "modeling"
    ) { b in
        try b.check(positional: 1...1)
        guard b.input == .nothing else { throw b.error("'compare' starts a pipeline: compare [m1, m2]", id: "bind.wrongInput") }
        let node = b.positionals[0]
        guard case .list(let items) = node.kind, !items.isEmpty else {
            throw b.badArgument(1, node, expected: "list of models [m1, m2]", got: node.kind == .list([]) ? "empty list" : "\(try b.constant(node).kindName)")
        }
        var names: [String] = [], models: [TrainedModel] = []
        for (i, item) in items.enumerated() {
            let m = try modelArgument(b, item, position: 1).model
            var name = item.name ?? "model_\(i + 1)"
            if names.contains(name) { name += "_\(i + 1)" }
            names.append(name)
            models.append(m)
        }
        return BoundStage(output: .unknown) { _ in
            let tables = try models.enumerated().map { i, m -> MetricTable in
                guard let t = m.holdoutMetrics else { throw FrameError.invalidArgument("model '\(names[i])' has no holdout to compare (split:1, or too few rows)") }
                return t
            }
            let metrics = MetricTable.allNames.filter { n in tables.contains { $0[n] != nil } }
            var columns: [(String, AnyColumn)] = [("metric", .string(StringColumn(metrics.map { Optional($0) })))]
            for (i, t) in tables.enumerated() { columns.append((names[i], .double(Column<Double>(metrics.map { t[$0] })))) }
            return .frame(try DataFrame(columns: columns))
        }
    }

    // MARK: - runs

    static let runs = VerbDefinition(
        "runs", signature: "runs",
        summary: "every train recorded in runs/runs.jsonl beside the script (or the working directory), newest first",
        example: "runs | select algorithm, formula, rows | head 3",
        topic: "modeling"
    ) { b in
        try b.check(positional: 0...0)
        guard b.input == .nothing else { throw b.error("'runs' starts a pipeline: runs | head 5", id: "bind.wrongInput") }
        let interpreter = b.interpreter
        return BoundStage(output: .unknown) { _ in .frame(try RunLog.frame(directory: interpreter.currentDirectory)) }
    }
}
