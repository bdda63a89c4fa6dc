// Tests for histogram boosting regression: the hand-worked squared-loss step, shrinkage, the anchors.
import XCTest
import Foundation
import SiftFrame
@testable import SiftLearn

final class GradientBoostingRegressorTests: XCTestCase {
    func testPassesTheSharedEstimatorChecks() throws {
        try checkRegressor(GradientBoostingRegressor(nEstimators: 10))
        try checkRegressor(GradientBoostingRegressor(nEstimators: 5, maxDepth: nil, maxLeafNodes: 3))
    }

    func testOneRoundMatchesTheHandWorkedStep() throws {
        // Start at the mean 2; residual gradients g = F − y = 1, 1, −1, −1, h = 1.
        // λ = 0, η = 1: leaves −G/H = −1 and +1, so the fit is exact; gain ½ (4/2 + 4/2 − 0) = 2.
        let x = try FeatureMatrix(columns: [[1, 2, 3, 4]], names: ["x"])
        var g = SeededGenerator(seed: 0)
        let exact = try GradientBoostingRegressor(nEstimators: 1, learningRate: 1, maxDepth: 1, minChildWeight: 0, lambda: 0)
            .fit(x, [1, 1, 3, 3], weights: nil, generator: &g)
        XCTAssertEqual(try exact.predict(x), [1, 1, 3, 3])
        XCTAssertEqual(exact.totalGain, [2])
        // λ = 1: leaves −2/3 and +2/3 (eq. 5), gain ½ (4/3 + 4/3) = 4/3.
        let ridge = try GradientBoostingRegressor(nEstimators: 1, learningRate: 1, maxDepth: 1, minChildWeight: 0, lambda: 1)
            .fit(x, [1, 1, 3, 3], weights: nil, generator: &g)
        let p = try ridge.predict(x)
        XCTAssertEqual(p[0], 2 - 2.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(p[3], 2 + 2.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(ridge.totalGain[0], 4.0 / 3, accuracy: 1e-12)
    }

    func testRoundsShrinkTheResidualGeometrically() throws {
        // Each round with η = 0.5 and exact leaves halves the residual: after 3 rounds 1/8 is left.
        let x = try FeatureMatrix(columns: [[1, 2, 3, 4]], names: ["x"])
        var g = SeededGenerator(seed: 0)
        let m = try GradientBoostingRegressor(nEstimators: 3, learningRate: 0.5, maxDepth: 1, minChildWeight: 0, lambda: 0)
            .fit(x, [1, 1, 3, 3], weights: nil, generator: &g)
        XCTAssertEqual(try m.predict(x)[0], 1 + 1.0 / 8, accuracy: 1e-12)
    }

    func testMinSamplesLeafAndMaxLeafNodes() throws {
        let (x, y) = toyRegression(rows: 200)
        var g = SeededGenerator(seed: 0)
        let m = try GradientBoostingRegressor(nEstimators: 3, maxDepth: nil, maxLeafNodes: 5).fit(x, y, weights: nil, generator: &g)
        for t in m.trees { XCTAssertEqual(t.leafCount, 5) }
    }

    func testSaveAndLoadPredictIdentically() throws {
        let (x, y) = toyRegression(rows: 100)
        var g = SeededGenerator(seed: 0)
        let m = try GradientBoostingRegressor(nEstimators: 5).fit(x, y, weights: nil, generator: &g)
        let back = try JSONDecoder().decode(GradientBoostingRegressor.Model.self, from: try JSONEncoder().encode(m))
        XCTAssertEqual(back, m)
        XCTAssertEqual(try back.predict(x), try m.predict(x))
        // A classifier file is not a regressor.
        let c = try GradientBoostingClassifier(nEstimators: 2).fit(x, y.map { $0 > 3 ? 1 : 0 }, classCount: 2, weights: nil, generator: &g)
        XCTAssertThrowsError(try JSONDecoder().decode(GradientBoostingRegressor.Model.self, from: try JSONEncoder().encode(c)))
    }

    /// Anchors on the UCI subset of `UCIEshopData` (target `price`), from `scripts/tree_anchors.py
    /// uci`: XGBoost 3.2.0 `XGBRegressor(n_estimators=30, max_depth=3, tree_method="hist",
    /// random_state=0)` and scikit-learn 1.9.1 `GradientBoostingRegressor(n_estimators=30,
    /// random_state=0)` (exact splits, depth 3, η 0.1); test R².
    func testMatchesXGBoostAndScikitLearnOnTheUCISubset() throws {
        let data = try UCIEshopData.load(), hard = try data.withoutClothingModel()
        let xgb = GradientBoostingRegressor(nEstimators: 30, maxDepth: 3)
        let gbr = GradientBoostingRegressor(nEstimators: 30, learningRate: 0.1, maxDepth: 3, minChildWeight: 0, lambda: 0)
        assertMatchesAnchor(try data.r2(xgb), 0.787227, "XGBoost hist, 30 rounds, depth 3")
        assertMatchesAnchor(try hard.r2(xgb), 0.542597, "no clothing model, XGBoost hist")
        assertMatchesAnchor(try data.r2(gbr), 0.542928, "sklearn GBR, 30 rounds, depth 3")
        assertMatchesAnchor(try hard.r2(gbr), 0.422189, "no clothing model, sklearn GBR")
    }
}
