// Tests for histogram boosting classification: hand-worked Newton leaves, softmax, missing values, the anchors.
import XCTest
import Foundation
import SiftFrame
@testable import SiftLearn

final class GradientBoostingClassifierTests: XCTestCase {
    func testPassesTheSharedEstimatorChecks() throws {
        try checkClassifier(GradientBoostingClassifier(nEstimators: 10))
        try checkClassifier(GradientBoostingClassifier(nEstimators: 5, maxDepth: nil, maxLeafNodes: 4, minSamplesLeaf: 5))
    }

    func testOneRoundMatchesTheHandWorkedNewtonStep() throws {
        // Start: base rate 1/2, F = 0, p = 0.5, so g = p − y = ±0.5 and h = p(1 − p) = 0.25.
        // The cut x ≤ 2.5 gives G_L = 1, H_L = 0.5: leaf −G/(H + λ) = −2 (λ = 0, η = 1); right +2.
        // Gain (eq. 7): ½ (1²/0.5 + 1²/0.5 − 0²/1) = 2.
        let x = try FeatureMatrix(columns: [[1, 2, 3, 4]], names: ["x"])
        var g = SeededGenerator(seed: 0)
        let m = try GradientBoostingClassifier(nEstimators: 1, learningRate: 1, maxDepth: 1, minChildWeight: 0, lambda: 0)
            .fit(x, [0, 0, 1, 1], classCount: 2, weights: nil, generator: &g)
        XCTAssertEqual(m.trees.count, 1)
        XCTAssertEqual(m.trees[0].nodes[0].threshold, 2.5)
        let p = try m.predictProba(x).column(1)
        let low = 1 / (1 + exp(2.0)), high = 1 / (1 + exp(-2.0))
        for (a, b) in zip(p, [low, low, high, high]) { XCTAssertEqual(a, b, accuracy: 1e-12) }
        XCTAssertEqual(m.totalGain[0], 2, accuracy: 1e-12)
        XCTAssertEqual(m.featureImportances ?? [], [1])
    }

    func testLambdaShrinksTheLeaves() throws {
        // Same data with λ = 1: leaf −1/(0.5 + 1) = −2/3, and η = 0.5 halves it to −1/3.
        let x = try FeatureMatrix(columns: [[1, 2, 3, 4]], names: ["x"])
        var g = SeededGenerator(seed: 0)
        let m = try GradientBoostingClassifier(nEstimators: 1, learningRate: 0.5, maxDepth: 1, minChildWeight: 0, lambda: 1)
            .fit(x, [0, 0, 1, 1], classCount: 2, weights: nil, generator: &g)
        XCTAssertEqual(try m.predictProba(x)[0, 1], 1 / (1 + exp(1.0 / 3)), accuracy: 1e-12)
    }

    func testStartsFromTheLogOddsOfTheBaseRate() throws {
        // A constant feature cannot split: the model is the start, σ(log(1/3)) = 1/4.
        let x = try FeatureMatrix(columns: [[1, 1, 1, 1]], names: ["c"])
        var g = SeededGenerator(seed: 0)
        let m = try GradientBoostingClassifier(nEstimators: 3).fit(x, [0, 0, 0, 1], classCount: 2, weights: nil, generator: &g)
        for v in try m.predictProba(x).column(1) { XCTAssertEqual(v, 0.25, accuracy: 1e-12) }
        // Weights move the base rate: weight 3 on the positive row gives 1/2.
        let w = try GradientBoostingClassifier(nEstimators: 3).fit(x, [0, 0, 0, 1], classCount: 2, weights: [1, 1, 1, 3], generator: &g)
        XCTAssertEqual(try w.predictProba(x)[0, 1], 0.5, accuracy: 1e-12)
    }

    func testSoftmaxGrowsOneTreePerClassPerRound() throws {
        let (x, y) = toyClassification(rows: 300, classes: 3)
        var g = SeededGenerator(seed: 0)
        let m = try GradientBoostingClassifier(nEstimators: 20, maxDepth: 3).fit(x, y, classCount: 3, weights: nil, generator: &g)
        XCTAssertEqual(m.trees.count, 60)
        let p = try m.predictProba(x)
        let correct = (0..<x.rowCount).filter { p.argmax(row: $0) == Int(y[$0]) }.count
        XCTAssertGreaterThan(Double(correct) / Double(x.rowCount), 0.85)
        for i in 0..<p.rowCount { XCTAssertEqual((0..<3).map { p[i, $0] }.reduce(0, +), 1, accuracy: 1e-12) }
    }

    func testMissingValuesLearnTheirDirection() throws {
        // Missing x belongs with the high values: the split keeps it on the right.
        let x = try FeatureMatrixWithMissing(columns: [[1, 2, 3, 4, .nan, .nan, 1.5, 3.5]], names: ["x"])
        let y: [Int32] = [0, 0, 1, 1, 1, 1, 0, 1]
        var g = SeededGenerator(seed: 0)
        let m = try GradientBoostingClassifier(nEstimators: 5, learningRate: 1, maxDepth: 1, minChildWeight: 0, lambda: 0.1)
            .fit(allowingMissing: x, y, classCount: 2, weights: nil, generator: &g)
        XCTAssertEqual(m.trees[0].nodes[0].threshold, 2.5)
        XCTAssertFalse(m.trees[0].missingLeft[0])
        let p = try m.predictProba(allowingMissing: try FeatureMatrixWithMissing(columns: [[.nan, 1, 4]], names: ["x"])).column(1)
        XCTAssertGreaterThan(p[0], 0.9)
        XCTAssertLessThan(p[1], 0.1)
        XCTAssertEqual(p[0], p[2], accuracy: 1e-12, "missing follows the high side")
        // Mirror: missing with the low values goes left.
        let yl: [Int32] = [0, 0, 1, 1, 0, 0, 0, 1]
        let ml = try GradientBoostingClassifier(nEstimators: 1, learningRate: 1, maxDepth: 1, minChildWeight: 0, lambda: 0.1)
            .fit(allowingMissing: x, yl, classCount: 2, weights: nil, generator: &g)
        XCTAssertTrue(ml.trees[0].missingLeft[0])
    }

    func testMissingValuesUnseenInTrainingFollowTheLargerChild() throws {
        let x = try FeatureMatrix(columns: [[1, 2, 3, 4, 5]], names: ["x"])
        var g = SeededGenerator(seed: 0)
        let m = try GradientBoostingClassifier(nEstimators: 1, learningRate: 1, maxDepth: 1, minChildWeight: 0, lambda: 0)
            .fit(x, [0, 0, 1, 1, 1], classCount: 2, weights: nil, generator: &g)
        let p = try m.predictProba(allowingMissing: try FeatureMatrixWithMissing(columns: [[.nan, 5]], names: ["x"])).column(1)
        XCTAssertEqual(p[0], p[1], accuracy: 1e-12, "3 rows went right, 2 left")
    }

    func testSaveAndLoadPredictIdentically() throws {
        let (x, y) = toyClassification(rows: 150, classes: 3)
        var g = SeededGenerator(seed: 0)
        let m = try GradientBoostingClassifier(nEstimators: 4).fit(x, y, classCount: 3, weights: nil, generator: &g)
        let back = try JSONDecoder().decode(GradientBoostingClassifier.Model.self, from: try JSONEncoder().encode(m))
        XCTAssertEqual(back, m)
        XCTAssertEqual(try back.predictProba(x), try m.predictProba(x))
    }

    func testRejectsBadHyperparameters() throws {
        let (x, y) = toyClassification(rows: 20)
        var g = SeededGenerator(seed: 0)
        for bad in [GradientBoostingClassifier(nEstimators: 0), GradientBoostingClassifier(learningRate: 0),
                    GradientBoostingClassifier(maxLeafNodes: 1), GradientBoostingClassifier(lambda: -1),
                    GradientBoostingClassifier(maxBins: 256)] {
            XCTAssertThrowsError(try bad.fit(x, y, classCount: 2, weights: nil, generator: &g))
        }
    }

    /// Anchors on the UCI subset of `UCIEshopData`, from `scripts/tree_anchors.py uci`: XGBoost
    /// 3.2.0 `XGBClassifier(n_estimators=30, max_depth=3, tree_method="hist", random_state=0)`
    /// (its defaults otherwise: η 0.3, λ 1, min_child_weight 1, 256 bins) and scikit-learn 1.9.1
    /// `HistGradientBoostingClassifier(max_iter=30, max_leaf_nodes=15, early_stopping=False)`
    /// (η 0.1, λ 0, min_samples_leaf 20, 255 bins); test AUC.
    func testMatchesXGBoostAndScikitLearnOnTheUCISubset() throws {
        let data = try UCIEshopData.load(), hard = try data.withoutClothingModel()
        let xgb = GradientBoostingClassifier(nEstimators: 30, maxDepth: 3)
        let hist = GradientBoostingClassifier(nEstimators: 30, learningRate: 0.1, maxDepth: nil, maxLeafNodes: 15,
                                              minSamplesLeaf: 20, minChildWeight: 1e-3, lambda: 0)
        assertMatchesAnchor(try data.auc(xgb), 0.980056, "XGBoost hist, 30 rounds, depth 3")
        assertMatchesAnchor(try hard.auc(xgb), 0.903509, "no clothing model, XGBoost hist")
        assertMatchesAnchor(try data.auc(hist), 0.988916, "HistGB, 30 rounds, 15 leaves")
        assertMatchesAnchor(try hard.auc(hist), 0.943785, "no clothing model, HistGB")
    }
}
