// train, predict and evaluate for clustering (kmeans, dbscan, hclust) and anomaly (isolation) models.
import SiftFrame
import SiftLang
import SiftLearn

extension ModelVerbs {
    /// The options an unsupervised `train` reads (besides `seed:` and `scale:`), in help order.
    static let unsupervisedOptions = ["seed", "scale", "k", "eps", "min", "linkage", "trees", "contamination"]

    /// The unsupervised algorithm of a `train` stage and its one-sided formula, or nil when the
    /// stage names a supervised algorithm. `train kmeans ~ a + b` parses as the formula
    /// `kmeans ~ a + b`, so the algorithm is read from the formula's left side.
    static func unsupervisedStage(_ b: StageBinder) throws -> (UnsupervisedAlgorithm, Formula, SourceRange)? {
        guard let first = b.positionals.first else { return nil }
        switch first.kind {
        case .binary(.formula, let lhs, _):
            guard case .name(let n) = lhs.kind, let a = UnsupervisedAlgorithm(rawValue: n) else { return nil }
            guard b.positionals.count == 1 else {
                throw b.error("'train \(n)' takes one formula without a target: train \(n) ~ a + b", at: b.positionals[1].range)
            }
            var f = try Formula.parse(first)
            f.target = nil
            f.targetRange = nil
            return (a, f, lhs.range)
        case .name(let n), .literal(.string(let n)):
            guard let a = UnsupervisedAlgorithm(rawValue: n) else { return nil }
            guard b.positionals.count == 2 else {
                throw b.error("'train \(n)' needs a formula without a target, e.g. train \(n) ~ a + b or train \(n) ~ .", at: b.stage.range)
            }
            let f = try Formula.parse(b.positionals[1])
            if let t = f.target {
                throw b.error("'\(n)' is unsupervised: its formula has no target; write train \(n) ~ ... without '\(t)'",
                              at: f.targetRange ?? f.range, id: "bind.formula")
            }
            return (a, f, first.range)
        default: return nil
        }
    }

    /// The bound `train` of an unsupervised algorithm, or nil for a supervised one.
    static func unsupervisedTrain(_ b: StageBinder) throws -> BoundStage? {
        guard let (algorithm, formula, _) = try unsupervisedStage(b) else { return nil }
        try b.check(positional: 1...2, options: trainOptions + unsupervisedOptions.filter { !trainOptions.contains($0) })
        let options = try unsupervisedOptions(b, algorithm)
        let schema = try b.schema()
        let features = try formula.features(in: schema)
        for f in features {
            if let t = schema.type(of: f), t == .timestamp || t == .duration {
                throw b.error("feature '\(f)' is a \(t); derive a number from it first (e.g. hour(\(f)) or seconds(\(f)))",
                              at: formula.range, id: "bind.feature")
            }
        }
        let interpreter = b.interpreter
        let text = formula.text
        return BoundStage(output: .object("model")) { v in
            let frame = try unpack(v).0
            let clock = ContinuousClock()
            let start = clock.now
            let model = try UnsupervisedTrainer.train(frame, algorithm: algorithm, features: features, formula: text, options: options)
            let d = clock.now - start
            let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
            let run = RunLog.Run(time: RunLog.now(), algorithm: algorithm.rawValue, formula: text, options: options.text(for: algorithm),
                                 data: RunLog.fingerprint(frame, columns: features), rows: frame.rowCount,
                                 metrics: model.trainingMetrics, fitSeconds: seconds)
            do { try RunLog.append(run, directory: interpreter.currentDirectory) } catch let e as FrameError {
                interpreter.warn(e.description)
            }
            return .object(UnsupervisedModelValue(model))
        }
    }

    /// The options of an unsupervised `train`, each checked for its type, range and algorithm.
    static func unsupervisedOptions(_ b: StageBinder, _ algorithm: UnsupervisedAlgorithm) throws -> UnsupervisedOptions {
        var o = UnsupervisedOptions()
        o.seed = b.interpreter.seed
        for opt in b.options where opt.name != "seed" && opt.name != "scale" && !algorithm.hyperparameters.contains(opt.name) {
            let takers = UnsupervisedAlgorithm.allCases.filter { $0.hyperparameters.contains(opt.name) }.map(\.rawValue)
            let why = takers.isEmpty ? "; unsupervised models are fitted on every row, with no target or holdout"
                                     : "; it is for " + takers.joined(separator: ", ")
            throw b.error("option '\(opt.name):' does not apply to 'train \(algorithm.rawValue)'" + why, at: opt.range, id: "bind.unknownOption")
        }
        if let n = b.option("seed") { o.seed = try b.int(n, position: 2, expected: "integer for seed:") }
        if let n = b.option("scale") {
            o.scale = FeatureEncoder.Scaling(rawValue: try b.word(n, position: 2, among: FeatureEncoder.Scaling.allCases.map(\.rawValue)))
        }
        if let n = b.option("k") {
            let k = try b.int(n, position: 2, expected: "number of clusters for k:")
            guard k >= 1, k <= 10_000 else { throw b.badArgument(2, n, expected: "1 to 10000 clusters for k:", got: "\(k)") }
            o.k = k
        }
        if let n = b.option("eps") {
            let e = try b.double(n, position: 2, expected: "radius for eps:")
            guard e > 0, e.isFinite else { throw b.badArgument(2, n, expected: "positive radius for eps:", got: NumberFormat.double(e)) }
            o.eps = e
        }
        if let n = b.option("min") {
            let m = try b.int(n, position: 2, expected: "row count for min:")
            guard m >= 1, m <= 1_000_000 else { throw b.badArgument(2, n, expected: "1 to 1000000 rows for min:", got: "\(m)") }
            o.minSamples = m
        }
        if let n = b.option("linkage") {
            o.linkage = Linkage(rawValue: try b.word(n, position: 2, among: Linkage.allCases.map(\.rawValue)))
        }
        if let t = try positiveOption(b, "trees", max: 10_000) { o.trees = t }
        if let n = b.option("contamination") {
            let c = try b.double(n, position: 2, expected: "fraction for contamination:")
            guard c > 0, c <= 0.5 else { throw b.badArgument(2, n, expected: "fraction in (0, 0.5] for contamination:", got: NumberFormat.double(c)) }
            o.contamination = c
        }
        return o
    }

    /// The unsupervised model a constant argument holds, if it is one.
    static func unsupervisedArgument(_ b: StageBinder, _ node: ExprNode) -> UnsupervisedModelValue? {
        guard case .object(let o)? = try? b.constant(node) else { return nil }
        return o as? UnsupervisedModelValue
    }

    /// `predict` with a clustering (appends `cluster`, -1 for DBSCAN noise) or anomaly model
    /// (appends `anomaly_score` and `is_anomaly`).
    static func unsupervisedPredict(_ b: StageBinder, _ value: UnsupervisedModelValue) throws -> BoundStage {
        let model = value.model
        if let n = b.option("threshold") {
            let own = model.algorithm.isClustering ? "" : "; an anomaly model flags scores above its own threshold (set it with contamination: in train)"
            throw b.error("threshold: applies to binary classifiers; this is \(value.articleKindText)" + own, at: n.range)
        }
        let appended: [(String, DataType)] = model.algorithm.isClustering ? [("cluster", .int)] : [("anomaly_score", .double), ("is_anomaly", .bool)]
        return try predictStage(b, features: model.featureNames, appending: appended) { input in
            let frame = try input.droppingColumns(appended.map(\.0).filter { input.index(of: $0) != nil })
            if model.algorithm.isClustering {
                let c = try model.clusters(frame)
                return try frame.setting("cluster", to: .int(Column<Int64>(values: c.map { Int64($0) })))
            }
            let (scores, flags) = try model.anomalies(frame)
            return try frame.setting("anomaly_score", to: .double(Column<Double>(values: scores)))
                .setting("is_anomaly", to: .bool(Column<Bool>(values: flags)))
        }
    }

    /// `evaluate` of an unsupervised model: its training metrics, or the same metrics on `on:`.
    static func unsupervisedEvaluate(_ model: UnsupervisedModel, on: DataFrame?) throws -> Value {
        let table = try on.map { try model.evaluate(on: $0) } ?? model.trainingMetrics
        // Undefined metrics (a silhouette of one cluster) are null, not NaN.
        return .frame(try DataFrame(columns: [("metric", .string(StringColumn(table.names.map { Optional($0) }))),
                                              ("value", .double(Column<Double>(table.values.map { $0.isNaN ? nil : $0 })))]))
    }

    /// The error for an unsupervised model given to a verb that reads supervised ones.
    static func supervisedOnly(_ verb: String, _ value: UnsupervisedModelValue) -> FrameError {
        .invalidArgument("'\(verb)' is for supervised models; this is \(value.articleKindText) (use predict or evaluate)")
    }
}
