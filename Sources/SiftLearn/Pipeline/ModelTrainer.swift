// Training a model: target coding, stratified holdout, preprocessing fitted on the training part, resampling, fitting, scoring.
import SiftFrame

/// Fits a ``TrainedModel`` from a frame, as `train ALGO FORMULA [options]` does.
public enum ModelTrainer {
    /// Trains a model.
    ///
    /// The order is scikit-learn's `Pipeline` inside `train_test_split`: rows with a null
    /// target are dropped; the rows are split into training and holdout parts (stratified by
    /// class); the encoder (imputation, scaling, one-hot/codes) is fitted on the training part
    /// only; `balance:` resamples the encoded training part; `weights:balanced` weights its
    /// classes; the estimator is fitted with a generator seeded by `seed:`; the holdout is
    /// scored through the same encoder. `cv:K` repeats encoder-and-estimator fitting on K
    /// folds of the training part.
    ///
    /// - Throws: `FrameError.invalidArgument` for a target the algorithm cannot fit, no rows,
    ///   bad options; `FrameError.typeMismatch` for unsupported column types; estimator errors.
    /// - Complexity: that of the estimator's fit, plus O(n log n) per feature for the medians.
    public static func train(_ frame: DataFrame, algorithm: Algorithm, target: String, features: [String],
                             formula: String, options: TrainingOptions) throws -> TrainedModel {
        let column = try frame.column(named: target)
        let kind = try targetKind(column.type, target: target, algorithm: algorithm)
        // Target coding; null targets are dropped.
        var labels: [String] = []
        var codes: [Int32] = [], values: [Double] = []
        var keep: [Int32] = []
        switch column {
        case .bool(let c):
            let present = Set((0..<c.count).compactMap { c[$0] })
            labels = [false, true].filter { present.contains($0) }.map { String($0) }
            for i in 0..<c.count { if let v = c[i] { keep.append(Int32(i)); codes.append(Int32(labels.firstIndex(of: String(v)) ?? 0)) } }
        case .string(let s):
            var seen = Set<String>()
            for i in 0..<s.count { if let v = s[i] { seen.insert(v) } }
            labels = seen.sorted()
            var index: [String: Int32] = [:]
            for (i, l) in labels.enumerated() { index[l] = Int32(i) }
            for i in 0..<s.count { if let v = s[i], let k = index[v] { keep.append(Int32(i)); codes.append(k) } }
        default:
            let y = FeatureEncoder.numericValues(column)
            for i in y.indices where !y[i].isNaN { keep.append(Int32(i)); values.append(y[i]) }
        }
        guard !keep.isEmpty else { throw FrameError.invalidArgument("no row has a value of the target '\(target)'") }
        let data = keep.count == frame.rowCount ? frame : frame.selecting(rows: RowSelection(indices: keep, hasNulls: false))
        let classes: [Int32]? = kind == .number ? nil : codes
        let (trainRows, holdoutRows) = RowSplits.holdout(count: data.rowCount, classes: classes, fraction: options.split, seed: options.seed)
        guard !trainRows.isEmpty else { throw FrameError.invalidArgument("split:\(options.split) leaves no training rows of \(data.rowCount)") }
        let k = labels.count
        let part = Part(frame: data, algorithm: algorithm, features: features, options: options, classCount: k, classes: classes, values: values)
        let fitted = try part.fit(trainRows, seed: options.seed)

        var holdout: TrainedModel.Holdout? = nil
        var holdoutValues: [Double] = []
        if !holdoutRows.isEmpty {
            let h = part.rows(holdoutRows)
            holdoutValues = try fitted.encoder.transform(h)
            let names = fitted.encoder.outputNames, kinds = fitted.encoder.outputKinds
            if let classes {
                let p = try fitted.estimator.probabilities(holdoutValues, rows: h.rowCount, names: names, kinds: kinds)
                holdout = .init(rows: h.rowCount, classes: holdoutRows.map { classes[$0] }, values: [], scores: p.values)
            } else {
                let p = try fitted.estimator.predictions(holdoutValues, rows: h.rowCount, names: names, kinds: kinds)
                holdout = .init(rows: h.rowCount, classes: [], values: holdoutRows.map { values[$0] }, scores: p)
            }
        }

        var cv: TrainedModel.CrossValidation? = nil
        if let folds = options.cv {
            cv = try part.crossValidate(trainRows, folds: folds)
        }

        var model = TrainedModel(version: TrainedModel.currentVersion, algorithm: algorithm, formula: formula, target: target,
                                 targetKind: kind, classLabels: labels, options: options, encoder: fitted.encoder,
                                 estimator: fitted.estimator, trainingRows: trainRows.count, holdout: holdout,
                                 crossValidation: cv, importanceNames: [], importanceValues: [])
        let (names, imps) = try importances(model, holdoutValues: holdoutValues)
        model.importanceNames = names
        model.importanceValues = imps
        return model
    }

    /// The target's kind for an algorithm, or the error saying what fits it.
    ///
    /// - Throws: `FrameError.invalidArgument` when the algorithm cannot fit the target's type.
    public static func targetKind(_ type: DataType, target: String, algorithm: Algorithm) throws -> TrainedModel.TargetKind {
        switch type {
        case .bool, .string:
            guard algorithm.classifies else {
                throw FrameError.invalidArgument("'\(algorithm.rawValue)' is a regression model and needs a numeric target; '\(target)' is a \(type) (classify it with logistic, tree, forest, boost, mlp or bayes)")
            }
            return type == .bool ? .bool : .string
        case .int, .double:
            guard algorithm.regresses else {
                throw FrameError.invalidArgument("'\(algorithm.rawValue)' is a classifier and needs a bool or string target; '\(target)' is a number (derive a class, e.g. derive y = \(target) == 1, or cast it to a string)")
            }
            return .number
        case .timestamp, .duration:
            throw FrameError.typeMismatch("the target '\(target)' is a \(type); a target is a bool or string (classes) or a number (regression)")
        }
    }

    /// Importances: permutation importance on the holdout for the MLP, the estimator's own
    /// otherwise (impurity or gain for trees, |coefficient| on scaled features for linear
    /// models), sorted descending (ties by name).
    static func importances(_ model: TrainedModel, holdoutValues: [Double]) throws -> ([String], [Double]) {
        var names: [String] = [], values: [Double] = []
        if model.algorithm == .mlp {
            if let h = model.holdout, h.rows > 0 {
                values = try PermutationImportance.compute(model, values: holdoutValues, holdout: h)
                names = model.featureNames
            }
        } else if let own = model.estimator.featureImportances {
            names = model.encoder.outputNames
            values = own
        }
        let order = names.indices.sorted { values[$0] > values[$1] || (values[$0] == values[$1] && names[$0] < names[$1]) }
        return (order.map { names[$0] }, order.map { values[$0] })
    }

    /// The data of one training run, so the main fit and each cross-validation fold fit alike.
    struct Part {
        let frame: DataFrame
        let algorithm: Algorithm
        let features: [String]
        let options: TrainingOptions
        let classCount: Int
        let classes: [Int32]?
        let values: [Double]

        func rows(_ indices: [Int]) -> DataFrame { frame.selecting(rows: RowSelection(indices: indices.map { Int32($0) }, hasNulls: false)) }

        /// Fits encoder and estimator on rows `indices`.
        func fit(_ indices: [Int], seed: Int) throws -> (encoder: FeatureEncoder, estimator: FittedEstimator) {
            let train = rows(indices)
            let encoder = try FeatureEncoder.fit(train, features: features, encoding: algorithm.encoding,
                                                 scaling: options.scale ?? algorithm.defaultScaling,
                                                 imputes: !(algorithm == .boost))
            var x = try encoder.transform(train)
            var n = train.rowCount
            let p = encoder.outputNames.count
            var g = SeededGenerator(seed: seed)
            if let classes {
                var y = indices.map { classes[$0] }
                switch options.balance {
                case .none: break
                case .smote:
                    if x.contains(where: \.isNaN) {
                        // SMOTE interpolates, so it needs complete rows: impute for it.
                        throw FrameError.invalidArgument("balance:smote needs complete features; fill the missing values first (fill col = median)")
                    }
                    (x, n, y) = Resampling.smote(x, rows: n, features: p, y: y, classCount: classCount, generator: &g)
                case .under:
                    let kept = Resampling.underSample(y, classCount: classCount, generator: &g)
                    x = Resampling.gather(x, rows: n, features: p, kept)
                    y = kept.map { y[$0] }
                    n = kept.count
                }
                let w = options.balancedWeights ? RowSplits.balancedWeights(y, classCount: classCount) : nil
                let est = try EstimatorFactory.classifier(algorithm, options, values: x, rows: n, names: encoder.outputNames,
                                                          kinds: encoder.outputKinds, y: y, classCount: classCount, weights: w, generator: &g)
                return (encoder, est)
            }
            let y = indices.map { values[$0] }
            let est = try EstimatorFactory.regressor(algorithm, options, values: x, rows: n, names: encoder.outputNames,
                                                     kinds: encoder.outputKinds, y: y, weights: nil, generator: &g)
            return (encoder, est)
        }

        /// K-fold metrics on the rows `indices`.
        func crossValidate(_ indices: [Int], folds k: Int) throws -> TrainedModel.CrossValidation {
            guard k >= 2, k <= indices.count else {
                throw FrameError.invalidArgument("cv:\(k) needs between 2 and \(indices.count) folds (the training rows)")
            }
            let foldRows = RowSplits.folds(count: indices.count, classes: classes.map { c in indices.map { c[$0] } }, k: k, seed: options.seed)
            var tables: [MetricTable] = []
            for f in 0..<k {
                let test = foldRows[f].map { indices[$0] }
                let train = (0..<k).filter { $0 != f }.flatMap { foldRows[$0] }.sorted().map { indices[$0] }
                let fitted = try fit(train, seed: options.seed &+ f &+ 1)
                let t = rows(test)
                let x = try fitted.encoder.transform(t)
                let names = fitted.encoder.outputNames, kinds = fitted.encoder.outputKinds
                if let classes {
                    let p = try fitted.estimator.probabilities(x, rows: t.rowCount, names: names, kinds: kinds)
                    tables.append(MetricTable.classification(test.map { classes[$0] }, p))
                } else {
                    let p = try fitted.estimator.predictions(x, rows: t.rowCount, names: names, kinds: kinds)
                    tables.append(MetricTable.regression(test.map { values[$0] }, p))
                }
            }
            // Metrics present in every fold (ROC AUC is missing from a fold with one class).
            let names = tables[0].names.filter { n in tables.allSatisfy { $0[n] != nil } }
            var means: [Double] = [], sds: [Double] = []
            for n in names {
                let v = tables.compactMap { $0[n] }
                let m = v.reduce(0, +) / Double(v.count)
                means.append(m)
                sds.append((v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(max(1, v.count - 1))).squareRoot())
            }
            return .init(folds: k, names: names, means: means, deviations: sds)
        }
    }
}
