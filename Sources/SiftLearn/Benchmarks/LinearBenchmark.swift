// Fit and predict timings of the linear, Bayes and neural models on one train/test split, for `sift bench` and sift-linear-bench.
import SiftFrame

/// Times the non-tree models on a train/test split and scores them on the test rows, as
/// ``TreeBenchmark`` does for the trees.
///
/// The features are standardised first with the train rows' mean and population standard
/// deviation, outside the timed fit — as `shared/bench/bench_ml.py` gives scikit-learn's linear
/// models `StandardScaler`-ed features and as the pipeline scales them for these models.
/// Classifiers are scored by test ROC AUC on class 1, regressors by test R²; prediction is timed
/// on `predictRows` rows made by repeating the test rows.
public enum LinearBenchmark {
    /// The models measured, in order, by name.
    public static let modelNames = ["logistic", "logistic_lbfgs", "bayes", "mlp", "linear", "ridge", "lasso", "mlp_reg"]

    /// Fits and scores the models.
    ///
    /// - Parameters: as ``TreeBenchmark/run(train:labels:targets:test:testLabels:testTargets:repetitions:predictRows:models:)``.
    /// - Throws: what the fits throw.
    public static func run(train: FeatureMatrix, labels: [Int32], targets: [Double],
                           test: FeatureMatrix, testLabels: [Int32], testTargets: [Double],
                           repetitions: Int = 3, predictRows: Int = 1_000_000,
                           models: [String] = modelNames) throws -> [TreeBenchmark.Measurement] {
        let (train, test) = try standardize(train, test)
        let big = TreeBenchmark.tiled(test, rows: predictRows)
        var out: [TreeBenchmark.Measurement] = []
        func classifier<P: ClassifierParameters>(_ name: String, _ params: P, repetitions: Int) throws {
            var times: [Double] = [], model: P.Model? = nil
            for _ in 0..<max(1, repetitions) {
                var g = SeededGenerator(seed: 0)
                times.append(try TreeBenchmark.seconds { model = try params.fit(train, labels, classCount: 2, weights: nil, generator: &g) })
            }
            guard let model else { return }
            let auc = TreeBenchmark.rocAUC(testLabels, try model.predictProba(test).column(1))
            let pt = try TreeBenchmark.seconds { _ = try model.predictProba(big) }
            out.append(TreeBenchmark.Measurement(model: name, fitSeconds: times, predictSeconds: pt, metric: "AUC", value: auc))
        }
        func regressor<P: RegressorParameters>(_ name: String, _ params: P, repetitions: Int) throws {
            var times: [Double] = [], model: P.Model? = nil
            for _ in 0..<max(1, repetitions) {
                var g = SeededGenerator(seed: 0)
                times.append(try TreeBenchmark.seconds { model = try params.fit(train, targets, weights: nil, generator: &g) })
            }
            guard let model else { return }
            let r2 = TreeBenchmark.rSquared(testTargets, try model.predict(test))
            let pt = try TreeBenchmark.seconds { _ = try model.predict(big) }
            out.append(TreeBenchmark.Measurement(model: name, fitSeconds: times, predictSeconds: pt, metric: "R2", value: r2))
        }
        for name in models {
            switch name {
            case "logistic": try classifier("logistic (Newton, C=1)", LogisticRegression(), repetitions: repetitions)
            case "logistic_lbfgs": try classifier("logistic (L-BFGS, C=1)", LogisticRegression(solver: .lbfgs), repetitions: repetitions)
            case "bayes": try classifier("bayes (GaussianNB)", GaussianNB(), repetitions: repetitions)
            case "mlp": try classifier("mlp (100,) early stopping", MLPClassifier(), repetitions: 1)
            case "linear": try regressor("linear (least squares)", LinearRegression(), repetitions: repetitions)
            case "ridge": try regressor("ridge alpha=1", Ridge(), repetitions: repetitions)
            case "lasso": try regressor("lasso alpha=0.1", Lasso(alpha: 0.1), repetitions: repetitions)
            case "mlp_reg": try regressor("mlp_reg (100,) early stopping", MLPRegressor(), repetitions: 1)
            default: break
            }
        }
        return out
    }

    /// `train` and `test` standardised by the train rows' mean and population standard deviation
    /// (a constant feature is only centred), scikit-learn's `StandardScaler`.
    ///
    /// - Throws: only if the inputs were inconsistent (they come from valid matrices).
    /// - Complexity: O(rows × features).
    public static func standardize(_ train: FeatureMatrix, _ test: FeatureMatrix) throws -> (FeatureMatrix, FeatureMatrix) {
        let n = train.rowCount
        var means: [Double] = [], scales: [Double] = []
        for j in 0..<train.featureCount {
            let (m, s) = train.withColumn(j) { c -> (Double, Double) in
                var m = 0.0
                for v in c { m += v }
                m /= Double(max(1, n))
                var s = 0.0
                for v in c { s += (v - m) * (v - m) }
                return (m, (s / Double(max(1, n))).squareRoot())
            }
            means.append(m); scales.append(s > 0 ? s : 1)
        }
        func apply(_ x: FeatureMatrix) throws -> FeatureMatrix {
            let r = x.rowCount
            var v = x.values
            for j in 0..<x.featureCount { for i in 0..<r { v[j * r + i] = (v[j * r + i] - means[j]) / scales[j] } }
            return try FeatureMatrix(rowCount: r, names: x.names, kinds: x.kinds, values: v)
        }
        return (try apply(train), try apply(test))
    }
}
