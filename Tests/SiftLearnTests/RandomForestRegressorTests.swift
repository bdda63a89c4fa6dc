// Tests for the random forest regressor: shared checks, averaging, the UCI anchor.
import XCTest
import Foundation
import SiftFrame
@testable import SiftLearn

final class RandomForestRegressorTests: XCTestCase {
    func testPassesTheSharedEstimatorChecks() throws {
        try checkRegressor(RandomForestRegressor(nEstimators: 6))
        try checkRegressor(RandomForestRegressor(nEstimators: 3, maxDepth: 3, maxFeatures: .sqrt))
    }

    func testPredictionIsTheMeanOfTheTrees() throws {
        let (x, y) = toyRegression(rows: 120)
        var g = SeededGenerator(seed: 9)
        let forest = try RandomForestRegressor(nEstimators: 4, maxDepth: 3).fit(x, y, weights: nil, generator: &g)
        let p = try forest.predict(x)
        var mean = [Double](repeating: 0, count: x.rowCount)
        for t in forest.trees {
            let single = try DecisionTreeRegressor.Model(tree: t, featureCount: 2, importances: [0, 0]).predict(x)
            for i in mean.indices { mean[i] += single[i] / 4 }
        }
        for i in mean.indices { XCTAssertEqual(p[i], mean[i], accuracy: 1e-9) }
    }

    func testJSONRoundTrip() throws {
        let (x, y) = toyRegression(rows: 80)
        var g = SeededGenerator(seed: 2)
        let m = try RandomForestRegressor(nEstimators: 3).fit(x, y, weights: nil, generator: &g)
        let back = try JSONDecoder().decode(RandomForestRegressor.Model.self, from: try JSONEncoder().encode(m))
        XCTAssertEqual(back, m)
        XCTAssertEqual(try back.predict(x), try m.predict(x))
    }

    /// Anchors: scikit-learn 1.9.1 `RandomForestRegressor(n_estimators=20, max_depth=8,
    /// random_state=0)` on the UCI subset of `UCIEshopData`, test R² from `scripts/tree_anchors.py uci`.
    func testMatchesScikitLearnOnTheUCISubset() throws {
        let data = try UCIEshopData.load()
        assertMatchesAnchor(try data.r2(RandomForestRegressor(nEstimators: 20, maxDepth: 8)), 0.918221, "20 trees, depth 8")
        assertMatchesAnchor(try data.withoutClothingModel().r2(RandomForestRegressor(nEstimators: 20, maxDepth: 8)), 0.686222,
                            "no clothing model, 20 trees, depth 8")
    }
}
