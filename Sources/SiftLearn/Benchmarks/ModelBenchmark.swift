// Fit and predict timings of every benchmarked model on one train/test split, for `sift bench --ml`: one table row per model.
import SiftFrame
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Times models on a train/test split and scores them on the test rows.
///
/// `sift bench --ml` builds the session table of `shared/bench/bench_ml.py` with Sift's engine,
/// splits it as that script does, and runs every entry of ``cases``. Classifiers are scored by
/// test ROC AUC on class 1, regressors by test R²; prediction is timed on ``Split/predictRows``
/// rows made by repeating the test rows. Timings are wall-clock seconds.
///
/// A model joins the table with one line in ``cases``:
/// ```swift
/// .regressor("ridge", anchor: "Ridge [scaled]", goal: nil, scaled: true, Ridge())
/// ```
public enum ModelBenchmark {
    /// The data every model sees: raw (imputed) and standardised features of both parts.
    public struct Split: Sendable {
        /// Training features (missing values imputed), as tree models see them.
        public let train: FeatureMatrix
        /// Test features.
        public let test: FeatureMatrix
        /// `train` standardised with its own means and standard deviations (scikit-learn's
        /// `StandardScaler`), as linear models, k-means and the MLP see them.
        public let scaledTrain: FeatureMatrix
        /// `test` standardised with the training means and deviations.
        public let scaledTest: FeatureMatrix
        /// Binary class codes (0/1) of the training rows.
        public let labels: [Int32]
        /// Binary class codes of the test rows.
        public let testLabels: [Int32]
        /// The regression target of the training rows.
        public let targets: [Double]
        /// The regression target of the test rows.
        public let testTargets: [Double]
        /// Rows to time prediction on.
        public let predictRows: Int

        /// Creates a split; the standardised matrices are computed here.
        ///
        /// - Throws: `FrameError.shapeMismatch` when the parts disagree in features or targets.
        public init(train: FeatureMatrix, test: FeatureMatrix, labels: [Int32], testLabels: [Int32],
                    targets: [Double], testTargets: [Double], predictRows: Int = 1_000_000) throws {
            guard train.featureCount == test.featureCount else {
                throw FrameError.shapeMismatch("train has \(train.featureCount) features, test \(test.featureCount)")
            }
            try EstimatorChecks.requireRows(train, labels.count, "the training labels")
            try EstimatorChecks.requireRows(train, targets.count, "the training targets")
            try EstimatorChecks.requireRows(test, testLabels.count, "the test labels")
            try EstimatorChecks.requireRows(test, testTargets.count, "the test targets")
            self.train = train
            self.test = test
            self.labels = labels
            self.testLabels = testLabels
            self.targets = targets
            self.testTargets = testTargets
            self.predictRows = predictRows
            let (mean, scale) = Self.standardization(train)
            scaledTrain = try Self.standardize(train, mean: mean, scale: scale)
            scaledTest = try Self.standardize(test, mean: mean, scale: scale)
        }

        /// Per-feature mean and population standard deviation (1 for a constant feature),
        /// scikit-learn's `StandardScaler` (`with_std`, ddof 0).
        static func standardization(_ x: FeatureMatrix) -> (mean: [Double], scale: [Double]) {
            var mean: [Double] = [], scale: [Double] = []
            for j in 0..<x.featureCount {
                x.withColumn(j) { c in
                    let n = Double(max(1, c.count))
                    let m = c.reduce(0, +) / n
                    var ss = 0.0
                    for v in c { ss += (v - m) * (v - m) }
                    let sd = (ss / n).squareRoot()
                    mean.append(m)
                    scale.append(sd > 0 ? sd : 1)
                }
            }
            return (mean, scale)
        }

        static func standardize(_ x: FeatureMatrix, mean: [Double], scale: [Double]) throws -> FeatureMatrix {
            let n = x.rowCount
            var v = x.values
            for j in 0..<x.featureCount { for i in 0..<n { v[j * n + i] = (v[j * n + i] - mean[j]) / scale[j] } }
            return try FeatureMatrix(rowCount: n, names: x.names, kinds: x.kinds, values: v)
        }

        /// The features a model reads.
        func features(scaled: Bool) -> (train: FeatureMatrix, test: FeatureMatrix) {
            scaled ? (scaledTrain, scaledTest) : (train, test)
        }
    }

    /// One model's figures.
    public struct Measurement: Sendable {
        /// The model's row name.
        public let model: String
        /// Seconds of each fit.
        public let fitSeconds: [Double]
        /// Process CPU seconds of each fit (all threads; on a shared machine, wall time also
        /// counts the waits for a core).
        public let fitCPUSeconds: [Double]
        /// Seconds to predict ``Split/predictRows`` rows.
        public let predictSeconds: Double
        /// Process CPU seconds of that prediction.
        public let predictCPUSeconds: Double
        /// "AUC" or "R2".
        public let metric: String
        /// The test metric.
        public let value: Double

        /// Creates a measurement (CPU times are NaN when not measured).
        public init(model: String, fitSeconds: [Double], fitCPUSeconds: [Double]? = nil, predictSeconds: Double,
                    predictCPUSeconds: Double = .nan, metric: String, value: Double) {
            self.model = model
            self.fitSeconds = fitSeconds
            self.fitCPUSeconds = fitCPUSeconds ?? fitSeconds.map { _ in .nan }
            self.predictSeconds = predictSeconds
            self.predictCPUSeconds = predictCPUSeconds
            self.metric = metric
            self.value = value
        }

        /// The median fit time.
        public var medianFit: Double { fitSeconds.sorted()[fitSeconds.count / 2] }
        /// The median CPU time of a fit.
        public var medianFitCPU: Double { fitCPUSeconds.sorted()[fitCPUSeconds.count / 2] }
    }

    /// One row of the table: a model with its settings and the anchor it is compared with.
    public struct Case: Sendable {
        /// The row name (`tree`, `forest`, ...).
        public let name: String
        /// The model name `bench_ml.py` prints for the anchor, or nil when it has none.
        public let anchor: String?
        /// The goal for Sift's fit time over the anchor's (issue 6: forest ≤ 0.3×), or nil.
        public let goal: Double?
        let body: @Sendable (Split, Int) throws -> Measurement

        /// Runs the case: `repetitions` fits, then the test metric and one timed prediction.
        ///
        /// - Throws: what the fit throws.
        public func run(_ split: Split, repetitions: Int = 3) throws -> Measurement { try body(split, repetitions) }

        /// A classifier row, fitted on the binary labels and scored by test AUC.
        ///
        /// - Parameters:
        ///   - scaled: whether the model sees the standardised features.
        ///   - fits: at most this many fits (slow models), else the benchmark's repetitions.
        public static func classifier<P: ClassifierParameters>(_ name: String, anchor: String?, goal: Double?,
                                                               scaled: Bool = false, fits: Int? = nil, _ params: P) -> Case {
            Case(name: name, anchor: anchor, goal: goal) { split, requested in
                let (train, test) = split.features(scaled: scaled)
                let (model, times, cpu) = try timedFits(name, min(requested, fits ?? requested)) { g in
                    try params.fit(train, split.labels, classCount: 2, weights: nil, generator: &g)
                }
                let auc = rocAUC(split.testLabels, try model.predictProba(test).column(1))
                let (pt, pcpu) = try timedPredict(tiled(test, rows: split.predictRows)) { _ = try model.predictProba($0) }
                return Measurement(model: name, fitSeconds: times, fitCPUSeconds: cpu, predictSeconds: pt,
                                   predictCPUSeconds: pcpu, metric: "AUC", value: auc)
            }
        }

        /// A regressor row, fitted on the numeric target and scored by test R².
        ///
        /// - Parameters:
        ///   - scaled: whether the model sees the standardised features.
        ///   - fits: at most this many fits, else the benchmark's repetitions.
        public static func regressor<P: RegressorParameters>(_ name: String, anchor: String?, goal: Double?,
                                                             scaled: Bool = false, fits: Int? = nil, _ params: P) -> Case {
            Case(name: name, anchor: anchor, goal: goal) { split, requested in
                let (train, test) = split.features(scaled: scaled)
                let (model, times, cpu) = try timedFits(name, min(requested, fits ?? requested)) { g in
                    try params.fit(train, split.targets, weights: nil, generator: &g)
                }
                let r2 = rSquared(split.testTargets, try model.predict(test))
                let (pt, pcpu) = try timedPredict(tiled(test, rows: split.predictRows)) { _ = try model.predict($0) }
                return Measurement(model: name, fitSeconds: times, fitCPUSeconds: cpu, predictSeconds: pt,
                                   predictCPUSeconds: pcpu, metric: "R2", value: r2)
            }
        }

        /// Fits `reps` times (at least once), each from seed 0: the last model, and the wall and
        /// CPU seconds of every fit.
        static func timedFits<M>(_ name: String, _ reps: Int, _ fit: (inout SeededGenerator) throws -> M) throws -> (M, [Double], [Double]) {
            var times: [Double] = [], cpu: [Double] = [], fitted: M? = nil
            for _ in 0..<max(1, reps) {
                var g = SeededGenerator(seed: 0)
                let c0 = cpuSeconds()
                times.append(try seconds { fitted = try fit(&g) })
                cpu.append(cpuSeconds() - c0)
            }
            guard let model = fitted else { throw FrameError.invalidArgument("no fit ran for \(name)") }
            return (model, times, cpu)
        }

        /// Wall and CPU seconds of one prediction over `rows`.
        static func timedPredict(_ rows: FeatureMatrix, _ predict: (FeatureMatrix) throws -> Void) throws -> (Double, Double) {
            let c0 = cpuSeconds()
            let wall = try seconds { try predict(rows) }
            return (wall, cpuSeconds() - c0)
        }
    }

    /// The rows of the table, in order. The anchors are the model names of `bench_ml.py`; the
    /// goals are issue 6's (fit time over the anchor's).
    public static let cases: [Case] = [
        .classifier("tree", anchor: "DecisionTreeClassifier(max_depth=10)", goal: 1.0, DecisionTreeClassifier(maxDepth: 10)),
        .classifier("forest", anchor: "RandomForestClassifier(n_estimators=100,n_jobs=2)", goal: 0.3,
                    RandomForestClassifier(nEstimators: 100)),
        .classifier("boost", anchor: "XGBClassifier(n_estimators=100,tree_method=hist,n_jobs=2)", goal: 1.0,
                    GradientBoostingClassifier()),
        .classifier("boost (HistGB settings)", anchor: "HistGradientBoostingClassifier(max_iter=100,early_stopping=False)", goal: nil,
                    GradientBoostingClassifier(learningRate: 0.1, maxDepth: nil, maxLeafNodes: 31, minSamplesLeaf: 20,
                                               minChildWeight: 1e-3, lambda: 0)),
        .regressor("boost regressor", anchor: "GradientBoostingRegressor() [100 est, depth 3]", goal: 0.2,
                   GradientBoostingRegressor(learningRate: 0.1, maxDepth: 3, minChildWeight: 0, lambda: 0)),
        .regressor("tree regressor", anchor: nil, goal: nil, DecisionTreeRegressor(maxDepth: 10)),
        .regressor("forest regressor", anchor: nil, goal: nil, fits: 1, RandomForestRegressor(nEstimators: 100)),
        .classifier("logistic", anchor: "LogisticRegression(max_iter=1000) [scaled]", goal: 1.0, scaled: true, LogisticRegression()),
        .classifier("bayes", anchor: nil, goal: nil, scaled: true, GaussianNB()),
        .classifier("mlp", anchor: nil, goal: nil, scaled: true, fits: 1, MLPClassifier()),
        .regressor("linear", anchor: "LinearRegression [scaled]", goal: nil, scaled: true, LinearRegression()),
        .regressor("ridge", anchor: "Ridge [scaled]", goal: nil, scaled: true, Ridge()),
        .regressor("lasso", anchor: nil, goal: nil, scaled: true, Lasso(alpha: 0.1)),
        .regressor("mlp regressor", anchor: nil, goal: nil, scaled: true, fits: 1, MLPRegressor()),
    ]

    /// Runs `body` and returns its wall-clock seconds.
    public static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        let d = clock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// CPU seconds used by this process so far, all threads.
    public static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    /// `x`'s rows repeated until there are `rows` of them.
    static func tiled(_ x: FeatureMatrix, rows: Int) -> FeatureMatrix {
        guard x.rowCount > 0 else { return x }
        return x.rows((0..<rows).map { $0 % x.rowCount })
    }

    /// ROC AUC of `scores` for the positive class 1: the Mann–Whitney U statistic over
    /// positive/negative pairs with tied scores counted as half (scikit-learn's `roc_auc_score`).
    public static func rocAUC(_ y: [Int32], _ scores: [Double]) -> Double {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0, positives = 0.0, k = 0
        while k < order.count {
            var e = k
            while e + 1 < order.count && scores[order[e + 1]] == scores[order[k]] { e += 1 }
            let midRank = Double(k + e) / 2 + 1
            for j in k...e where y[order[j]] == 1 { rankSum += midRank; positives += 1 }
            k = e + 1
        }
        let negatives = Double(y.count) - positives
        guard positives > 0, negatives > 0 else { return .nan }
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives)
    }

    /// The coefficient of determination, `1 - SS_res / SS_tot`.
    public static func rSquared(_ y: [Double], _ p: [Double]) -> Double {
        let mean = y.reduce(0, +) / Double(max(1, y.count))
        var res = 0.0, tot = 0.0
        for i in y.indices { res += (y[i] - p[i]) * (y[i] - p[i]); tot += (y[i] - mean) * (y[i] - mean) }
        return tot > 0 ? 1 - res / tot : .nan
    }
}

