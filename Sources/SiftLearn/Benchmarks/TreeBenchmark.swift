// Fit and predict timings of the tree models on one train/test split, for `sift bench` and the trees harness.
import SiftFrame

/// Times every tree model on a train/test split and scores it on the test rows.
///
/// The lead's `sift bench` calls ``run(train:labels:targets:test:testLabels:testTargets:repetitions:predictRows:models:)``
/// with the session table of `shared/bench/bench_ml.py`; `swift run -c release sift-trees-bench`
/// does the same from the CSVs written by `scripts/tree_anchors.py`. Classifiers are scored by
/// test ROC AUC on class 1, regressors by test R²; prediction is timed on `predictRows` rows made
/// by repeating the test rows. Timings are wall-clock seconds of release builds.
public enum TreeBenchmark {
    /// One model's figures.
    public struct Measurement: Sendable {
        /// What was fitted, with its settings.
        public let model: String
        /// Seconds of each fit.
        public let fitSeconds: [Double]
        /// Seconds to predict `predictRows` rows.
        public let predictSeconds: Double
        /// "AUC" or "R2".
        public let metric: String
        /// The test metric.
        public let value: Double

        /// The median fit time.
        public var medianFit: Double { fitSeconds.sorted()[fitSeconds.count / 2] }
    }

    /// The models measured, in order, by name.
    public static let modelNames = ["tree", "forest", "boost", "boost_hist_sklearn", "tree_reg", "forest_reg", "boost_reg"]

    /// Fits and scores the tree models.
    ///
    /// - Parameters:
    ///   - train, labels, targets: the training features, binary labels (0/1) and regression target.
    ///   - test, testLabels, testTargets: the same for the test rows.
    ///   - repetitions: fits per model (the median is reported).
    ///   - predictRows: rows to time prediction on.
    ///   - models: which of ``modelNames`` to run.
    /// - Throws: what the fits throw.
    public static func run(train: FeatureMatrix, labels: [Int32], targets: [Double],
                           test: FeatureMatrix, testLabels: [Int32], testTargets: [Double],
                           repetitions: Int = 3, predictRows: Int = 1_000_000,
                           models: [String] = modelNames) throws -> [Measurement] {
        let big = tiled(test, rows: predictRows)
        var out: [Measurement] = []
        func classifier<P: ClassifierParameters>(_ name: String, _ params: P) throws {
            var times: [Double] = [], model: P.Model? = nil
            for _ in 0..<max(1, repetitions) {
                var g = SeededGenerator(seed: 0)
                let t = try seconds { model = try params.fit(train, labels, classCount: 2, weights: nil, generator: &g) }
                times.append(t)
            }
            guard let model else { return }
            let auc = rocAUC(testLabels, try model.predictProba(test).column(1))
            let pt = try seconds { _ = try model.predictProba(big) }
            out.append(Measurement(model: name, fitSeconds: times, predictSeconds: pt, metric: "AUC", value: auc))
        }
        func regressor<P: RegressorParameters>(_ name: String, _ params: P) throws {
            var times: [Double] = [], model: P.Model? = nil
            for _ in 0..<max(1, repetitions) {
                var g = SeededGenerator(seed: 0)
                let t = try seconds { model = try params.fit(train, targets, weights: nil, generator: &g) }
                times.append(t)
            }
            guard let model else { return }
            let r2 = rSquared(testTargets, try model.predict(test))
            let pt = try seconds { _ = try model.predict(big) }
            out.append(Measurement(model: name, fitSeconds: times, predictSeconds: pt, metric: "R2", value: r2))
        }
        for name in models {
            switch name {
            case "tree": try classifier("tree max_depth=10", DecisionTreeClassifier(maxDepth: 10))
            case "forest": try classifier("forest n_estimators=100", RandomForestClassifier(nEstimators: 100))
            case "forest_reg": try regressor("forest_reg n_estimators=100", RandomForestRegressor(nEstimators: 100))
            case "boost": try classifier("boost xgboost defaults (100, depth 6, lr 0.3)", GradientBoostingClassifier())
            case "boost_hist_sklearn":
                try classifier("boost sklearn HistGB settings (31 leaves, lr 0.1)",
                               GradientBoostingClassifier(learningRate: 0.1, maxDepth: nil, maxLeafNodes: 31, minSamplesLeaf: 20,
                                                          minChildWeight: 1e-3, lambda: 0))
            case "boost_reg":
                try regressor("boost_reg sklearn GBR settings (100, depth 3, lr 0.1)",
                              GradientBoostingRegressor(learningRate: 0.1, maxDepth: 3, minChildWeight: 0, lambda: 0))
            case "tree_reg": try regressor("tree_reg max_depth=10", DecisionTreeRegressor(maxDepth: 10))
            default: break
            }
        }
        return out
    }

    /// Runs `body` and returns its wall-clock seconds.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        let d = clock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// `x`'s rows repeated until there are `rows` of them.
    static func tiled(_ x: FeatureMatrix, rows: Int) -> FeatureMatrix {
        guard x.rowCount > 0 else { return x }
        return x.rows((0..<rows).map { $0 % x.rowCount })
    }

    /// ROC AUC of `scores` for the positive class 1: the Mann–Whitney U statistic over
    /// positive/negative pairs with tied scores counted as half (scikit-learn's `roc_auc_score`).
    static func rocAUC(_ y: [Int32], _ scores: [Double]) -> Double {
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
    static func rSquared(_ y: [Double], _ p: [Double]) -> Double {
        let mean = y.reduce(0, +) / Double(max(1, y.count))
        var res = 0.0, tot = 0.0
        for i in y.indices { res += (y[i] - p[i]) * (y[i] - p[i]); tot += (y[i] - mean) * (y[i] - mean) }
        return tot > 0 ? 1 - res / tot : .nan
    }
}
