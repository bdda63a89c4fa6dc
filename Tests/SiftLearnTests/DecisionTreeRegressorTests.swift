// Tests for the CART regression tree: hand-worked splits, leaf means, weights, the UCI anchor.
import XCTest
import Foundation
import SiftFrame
@testable import SiftLearn

final class DecisionTreeRegressorTests: XCTestCase {
    func testPassesTheSharedEstimatorChecks() throws {
        try checkRegressor(DecisionTreeRegressor())
        try checkRegressor(DecisionTreeRegressor(maxDepth: 4, minSamplesLeaf: 3, maxFeatures: .count(1)))
    }

    func testSplitMinimisesSquaredErrorAndLeavesPredictMeans() throws {
        // y = 1, 1, 1, 5 at x = 1, 2, 3, 10: the best cut isolates x = 10 (threshold 6.5, SSE 0).
        let x = try FeatureMatrix(columns: [[1, 2, 3, 10]], names: ["x"])
        var g = SeededGenerator(seed: 0)
        let m = try DecisionTreeRegressor(maxDepth: 1).fit(x, [1, 1, 1, 5], weights: nil, generator: &g)
        XCTAssertEqual(m.tree.nodes[0].threshold, 6.5)
        XCTAssertEqual(try m.predict(try FeatureMatrix(columns: [[0, 6.5, 7]], names: ["x"])), [1, 1, 5])
        // Weighted mean in a leaf: rows (y 2, w 3) and (y 6, w 1) give 3.
        let one = try FeatureMatrix(columns: [[1, 1]], names: ["x"])
        let w = try DecisionTreeRegressor().fit(one, [2, 6], weights: [3, 1], generator: &g)
        XCTAssertEqual(try w.predict(one), [3, 3])
    }

    func testRejectsNonFiniteTargets() throws {
        let x = try FeatureMatrix(columns: [[1, 2]], names: ["x"])
        var g = SeededGenerator(seed: 0)
        XCTAssertThrowsError(try DecisionTreeRegressor().fit(x, [1, .nan], weights: nil, generator: &g))
    }

    func testJSONRoundTrip() throws {
        let (x, y) = toyRegression(rows: 100)
        var g = SeededGenerator(seed: 0)
        let m = try DecisionTreeRegressor(maxDepth: 4).fit(x, y, weights: nil, generator: &g)
        let back = try JSONDecoder().decode(DecisionTreeRegressor.Model.self, from: try JSONEncoder().encode(m))
        XCTAssertEqual(back, m)
        XCTAssertEqual(try back.predict(x), try m.predict(x))
    }

    /// Anchors: scikit-learn 1.9.1 `DecisionTreeRegressor(max_depth=6, random_state=0)` on the UCI
    /// subset of `UCIEshopData`, test R² from `scripts/tree_anchors.py uci` (numpy 2.4.6).
    func testMatchesScikitLearnOnTheUCISubset() throws {
        let data = try UCIEshopData.load()
        assertMatchesAnchor(try data.r2(DecisionTreeRegressor(maxDepth: 6)), 0.763311, "price, depth 6")
        assertMatchesAnchor(try data.withoutClothingModel().r2(DecisionTreeRegressor(maxDepth: 6)), 0.48856,
                            "price without the clothing model, depth 6")
    }
}
