// The modeling verbs: train (a formula and options into a fitted pipeline) and predict (a model applied to rows).
import SiftFrame
import SiftLang
import SiftLearn

/// The "Modeling" verbs of LANGUAGE.md for supervised learning.
enum ModelVerbs {
    static let all: [VerbDefinition] = [train, predict, evaluate, confusion, importance, threshold, compare, runs]

    /// The options of `train`, in help order.
    static let trainOptions = ["split", "seed", "weights", "balance", "scale", "trees", "depth", "rate", "rounds", "alpha", "cv"]

    /// The algorithm names `train` knows, supervised first.
    static var algorithmNames: [String] { Algorithm.allCases.map(\.rawValue) }

    // MARK: - train

    static let train = VerbDefinition(
        "train", signature: "train ALGO FORMULA [split:0.8] [seed:S] [weights:balanced] [balance:smote|under] [scale:standard|minmax|none] [trees:N] [depth:N] [rate:R] [rounds:N] [alpha:A] [cv:K]",
        summary: "fit a model (a pipeline with imputation, encoding, scaling) of a formula y ~ a + b, y ~ ., y ~ . - id; keeps a holdout. Unsupervised, with no target and no holdout: train kmeans ~ a + b [k:8], dbscan [eps:0.5] [min:5], hclust [k:2] [linkage:ward|average|complete], isolation [trees:100] [contamination:C]; clustering features are standard-scaled by default (scale:none to keep units)",
        example: "clicks | derive expensive = price_2 == 1 | train forest expensive ~ colour + location + page + country trees:20",
        topic: "modeling"
    ) { b in
        if let stage = try ModelVerbs.unsupervisedTrain(b) { return stage }
        try b.check(positional: 0...2, options: trainOptions)
        guard let algoNode = b.positionals.first else {
            throw b.error("'train' needs an algorithm and a formula, e.g. train forest y ~ .", at: b.stage.range)
        }
        let algorithm = try ModelVerbs.algorithm(b, algoNode)
        guard b.positionals.count == 2 else {
            throw b.error("'train \(algorithm.rawValue)' needs a formula such as y ~ a + b, y ~ . or y ~ . - id", at: b.stage.range)
        }
        let formula = try Formula.parse(b.positionals[1])
        guard let target = formula.target, let targetRange = formula.targetRange else {
            throw b.error("a formula without a target (~ a + b) is for clustering and anomaly models (kmeans, dbscan, hclust, isolation); give '\(algorithm.rawValue)' a target: y ~ a + b",
                          at: formula.range)
        }
        let schema = try b.schema()
        let features = try formula.features(in: schema)
        let targetType = schema.type(of: target) ?? .double
        do { _ = try ModelTrainer.targetKind(targetType, target: target, algorithm: algorithm) } catch let e as FrameError {
            throw b.error(e.description, at: targetRange, id: "bind.target")
        }
        for f in features {
            if let t = schema.type(of: f), t == .timestamp || t == .duration {
                throw b.error("feature '\(f)' is a \(t); derive a number from it first (e.g. hour(\(f)) or seconds(\(f)))",
                              at: formula.range, id: "bind.feature")
            }
        }
        let options = try trainingOptions(b, algorithm, classifies: targetType == .bool || targetType == .string)
        let interpreter = b.interpreter
        let text = formula.text
        return BoundStage(output: .object("model")) { v in
            let frame = try unpack(v).0
            let clock = ContinuousClock()
            let start = clock.now
            let model = try ModelTrainer.train(frame, algorithm: algorithm, target: target, features: features,
                                               formula: text, options: options)
            let d = clock.now - start
            let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
            let run = RunLog.Run(time: RunLog.now(), algorithm: algorithm.rawValue, formula: text, options: options.text,
                                 data: RunLog.fingerprint(frame, columns: [target] + features), rows: frame.rowCount,
                                 metrics: model.holdoutMetrics, fitSeconds: seconds)
            do { try RunLog.append(run, directory: interpreter.currentDirectory) } catch let e as FrameError {
                interpreter.warn(e.description)
            }
            return .object(ModelValue(model))
        }
    }

    /// The algorithm word, or a located error for an unknown or unavailable one.
    static func algorithm(_ b: StageBinder, _ node: ExprNode) throws -> Algorithm {
        let word: String
        switch node.kind {
        case .name(let n): word = n
        case .literal(.string(let s)): word = s
        case .binary(.formula, let lhs, _):
            // `train kmeans ~ a + b` parses as the formula `kmeans ~ a + b`.
            guard case .name(let n) = lhs.kind else { fallthrough }
            if Algorithm.unsupervised.contains(n) {
                throw b.error("'\(n)' (clustering and anomaly detection) is not available yet; supervised algorithms are " + algorithmNames.joined(separator: ", "),
                              at: lhs.range, id: "bind.unknownAlgorithm")
            }
            if Algorithm(rawValue: n) != nil {
                throw b.error("'train \(n)' needs a formula with a target: train \(n) y ~ a + b", at: node.range, id: "bind.formula")
            }
            throw b.error("'train' needs an algorithm before the formula: train forest y ~ .", at: node.range)
        default: throw b.badArgument(1, node, expected: "algorithm (" + algorithmNames.joined(separator: "|") + ")", got: "expression")
        }
        if let a = Algorithm(rawValue: word) {
            guard a.isAvailable else {
                throw b.error("'\(word)' is not available in this build yet; available: " + Algorithm.allCases.filter(\.isAvailable).map(\.rawValue).joined(separator: ", "),
                              at: node.range, id: "bind.unknownAlgorithm")
            }
            return a
        }
        if Algorithm.unsupervised.contains(word) {
            throw b.error("'\(word)' (clustering and anomaly detection) is not available yet; supervised algorithms are " + algorithmNames.joined(separator: ", "),
                          at: node.range, id: "bind.unknownAlgorithm")
        }
        var msg = "unknown algorithm '\(word)'"
        if let guess = FrameError.closestName(to: word, in: algorithmNames + Algorithm.unsupervised) { msg += " (did you mean '\(guess)'?)" }
        throw b.error(msg + "; classification: logistic, tree, forest, boost, mlp, bayes; regression: linear, ridge, lasso, tree, forest, boost",
                      at: node.range, id: "bind.unknownAlgorithm")
    }

    /// A positive integer option (`trees:`, `depth:`, `rounds:`) no larger than `max`, or nil when absent.
    static func positiveOption(_ b: StageBinder, _ name: String, max: Int) throws -> Int? {
        guard let n = b.option(name) else { return nil }
        let v = try b.int(n, position: 2, expected: "positive integer for \(name):")
        guard v >= 1, v <= max else { throw b.badArgument(2, n, expected: "integer from 1 to \(max) for \(name):", got: "\(v)") }
        return v
    }

    /// The `threshold:` option of `predict` and `confusion`: a probability in [0, 1], or nil when absent.
    static func thresholdOption(_ b: StageBinder) throws -> Double? {
        try b.option("threshold").map { n -> Double in
            let t = try b.double(n, position: 2, expected: "probability for threshold:")
            guard t >= 0, t <= 1 else { throw b.badArgument(2, n, expected: "probability in [0, 1] for threshold:", got: NumberFormat.double(t)) }
            return t
        }
    }

    /// `train`'s options, each checked for its type, range and whether it applies to the algorithm.
    static func trainingOptions(_ b: StageBinder, _ algorithm: Algorithm, classifies: Bool) throws -> TrainingOptions {
        var o = TrainingOptions()
        o.seed = b.interpreter.seed
        for opt in b.options where ["trees", "depth", "rate", "rounds", "alpha"].contains(opt.name) && !algorithm.hyperparameters.contains(opt.name) {
            let takers = Algorithm.allCases.filter { $0.hyperparameters.contains(opt.name) }.map(\.rawValue)
            throw b.error("option '\(opt.name):' does not apply to 'train \(algorithm.rawValue)'; it is for " + takers.joined(separator: ", "),
                          at: opt.range, id: "bind.unknownOption")
        }
        if let n = b.option("scale") {
            guard algorithm.takesScaling else {
                throw b.error("option 'scale:' does not apply to 'train \(algorithm.rawValue)' (\(algorithm.isTreeModel ? "trees do not depend on scale" : "naive Bayes does not depend on scale")); it is for logistic, linear, ridge, lasso, mlp",
                              at: n.range, id: "bind.unknownOption")
            }
            o.scale = FeatureEncoder.Scaling(rawValue: try b.word(n, position: 2, among: FeatureEncoder.Scaling.allCases.map(\.rawValue)))
        }
        for name in ["weights", "balance"] where b.option(name) != nil && !classifies {
            throw b.error("option '\(name):' balances classes; it does not apply to a regression target", at: b.option(name)?.range)
        }
        if let n = b.option("weights") { _ = try b.word(n, position: 2, among: ["balanced"]); o.balancedWeights = true }
        if let n = b.option("balance") {
            o.balance = TrainingOptions.Balance(rawValue: try b.word(n, position: 2, among: ["smote", "under", "none"])) ?? .none
        }
        if let n = b.option("split") {
            let f = try b.double(n, position: 2, expected: "fraction for split:")
            guard f > 0, f <= 1 else { throw b.badArgument(2, n, expected: "fraction in (0, 1] for split:", got: NumberFormat.double(f)) }
            o.split = f
        }
        if let n = b.option("seed") { o.seed = try b.int(n, position: 2, expected: "integer for seed:") }
        o.trees = try positiveOption(b, "trees", max: 10_000)
        o.depth = try positiveOption(b, "depth", max: algorithm == .mlp ? 2 : 1_000)
        o.rounds = try positiveOption(b, "rounds", max: 100_000)
        if let n = b.option("cv") {
            let k = try b.int(n, position: 2, expected: "number of folds for cv:")
            guard k >= 2, k <= 100 else { throw b.badArgument(2, n, expected: "2 to 100 folds for cv:", got: "\(k)") }
            o.cv = k
        }
        if let n = b.option("rate") {
            let r = try b.double(n, position: 2, expected: "number for rate:")
            guard r > 0, r <= 10 else { throw b.badArgument(2, n, expected: "positive rate (at most 10) for rate:", got: NumberFormat.double(r)) }
            o.rate = r
        }
        if let n = b.option("alpha") {
            let a = try b.double(n, position: 2, expected: "number for alpha:")
            guard a >= 0, a.isFinite else { throw b.badArgument(2, n, expected: "non-negative number for alpha:", got: NumberFormat.double(a)) }
            o.alpha = a
        }
        return o
    }

    // MARK: - predict

    static let predict = VerbDefinition(
        "predict", signature: "predict MODEL [threshold:t]",
        summary: "append prediction (and probability: of the positive class, or of the predicted class) to rows or to a record; a clustering appends cluster (-1: DBSCAN noise), an anomaly model anomaly_score and is_anomaly",
        example: "let m = clicks | train kmeans ~ price + page k:3 seed:1; clicks | predict m | select price, page, cluster | head 3",
        topic: "modeling"
    ) { b in
        try b.check(positional: 1...1, options: ["threshold"])
        if let u = unsupervisedArgument(b, b.positionals[0]) { return try unsupervisedPredict(b, u) }
        let model = try modelArgument(b, b.positionals[0], position: 1)
        let t = try thresholdOption(b)
        if let n = b.option("threshold"), !(model.model.isClassifier && model.model.classCount == 2) {
            throw b.error("threshold: applies to binary classifiers; this model is a \(model.kindText)", at: n.range)
        }
        let predictionType: DataType = model.model.targetKind == .bool ? .bool : model.model.targetKind == .string ? .string : .double
        let appended: [(String, DataType)] = [("prediction", predictionType)] + (model.model.isClassifier ? [("probability", .double)] : [])
        return try predictStage(b, features: model.model.featureNames, appending: appended) { frame in
            try predictions(model.model, frame, threshold: t)
        }
    }

    /// The stage of `predict` for any model: checks that a frame input has the model's
    /// features, gives the input's schema with `appended` (replacing columns of those names),
    /// and runs `predict` on the input frame or on the one-row frame of a record.
    static func predictStage(_ b: StageBinder, features: [String], appending appended: [(String, DataType)],
                             _ predict: @escaping (DataFrame) throws -> DataFrame) throws -> BoundStage {
        let names = appended.map(\.0)
        let output: ValueType
        switch b.input {
        case .frame(let s), .grouped(let s, _):
            for f in features where s.type(of: f) == nil {
                throw b.error("the model needs column '\(f)', which the input does not have", at: b.positionals[0].range,
                              id: "bind.unknownColumn", notes: ["the model's features: " + features.joined(separator: ", ")])
            }
            output = .frame(Schema(s.columns.filter { !names.contains($0.name) } + appended))
        case .record, .unknown:
            output = .unknown
        default:
            throw b.error("'predict' needs rows as input: a frame (new | predict m) or a record ({x: 1} | predict m), got \(b.input == .nothing ? "nothing" : "a \(b.input)")",
                          id: "bind.wrongInput")
        }
        return BoundStage(output: output) { v in
            switch v {
            case .record(let fields): return .frame(try predict(try recordFrame(fields)))
            default: return .frame(try predict(try unpack(v).0))
            }
        }
    }

    /// The model an argument names, or a bad-argument error.
    static func modelArgument(_ b: StageBinder, _ node: ExprNode, position: Int) throws -> ModelValue {
        let v = try b.constant(node)
        if case .object(let o) = v, let u = o as? UnsupervisedModelValue {
            throw b.error(supervisedOnly(b.verb, u).description, at: node.range)
        }
        guard case .object(let o) = v, let m = o as? ModelValue else {
            throw b.badArgument(position, node, expected: "model", got: v.kindName)
        }
        return m
    }

    /// A one-row frame from a record's scalar fields.
    static func recordFrame(_ fields: [(String, Value)]) throws -> DataFrame {
        try DataFrame(columns: fields.map { name, value in
            guard case .scalar(let s) = value else {
                throw FrameError.typeMismatch("field '\(name)' of the record is a \(value.kindName); predict needs a record of plain values")
            }
            return (name, try AnyColumn(inferring: [s]))
        })
    }

    /// The frame with `prediction` (and `probability`) set.
    static func predictions(_ model: TrainedModel, _ input: DataFrame, threshold: Double?) throws -> DataFrame {
        let frame = try input.droppingColumns(["prediction", "probability"].filter { input.index(of: $0) != nil })
        guard model.isClassifier else {
            return try frame.setting("prediction", to: .double(Column<Double>(values: try model.predictions(frame))))
        }
        let p = try model.probabilities(frame)
        let classes = MetricTable.predictedClasses(p, threshold: threshold)
        let probability: [Double] = p.classCount == 2 ? p.column(1) : classes.indices.map { p[$0, Int(classes[$0])] }
        let labels = model.classLabels
        let prediction: AnyColumn
        if model.targetKind == .bool {
            prediction = .bool(Column<Bool>(values: classes.map { labels[Int($0)] == "true" }))
        } else {
            // Dictionary layout straight from the class codes: no string per row.
            var entries = StringArrayBuilder(capacity: labels.count)
            for l in labels { entries.append(l) }
            prediction = .string(StringColumn(storage: .dictionary(codes: classes.map { UInt32($0) }, entries: entries.build())))
        }
        return try frame.setting("prediction", to: prediction).setting("probability", to: .double(Column<Double>(values: probability)))
    }
}
