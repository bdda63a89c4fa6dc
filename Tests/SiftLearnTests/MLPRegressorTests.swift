// Tests for the MLP regressor: a smooth function learned, constant targets, the UCI anchor.
import XCTest
import Foundation
import SiftFrame
@testable import SiftLearn

final class MLPRegressorTests: XCTestCase {
    func testPassesTheSharedEstimatorChecks() throws {
        try checkRegressor(MLPRegressor(hiddenLayerSizes: [8], maxIter: 30))
    }

    func testLearnsALinearFunctionAndRoundTrips() throws {
        let (x, y) = toyRegression(rows: 400)
        var g = SeededGenerator(seed: 0)
        let m = try MLPRegressor(hiddenLayerSizes: [16], learningRateInit: 0.01, maxIter: 200).fit(x, y, weights: nil, generator: &g)
        let pred = try m.predict(x)
        let mean = y.reduce(0, +) / Double(y.count)
        let r2 = 1 - zip(y, pred).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        XCTAssertGreaterThan(r2, 0.99)
        XCTAssertEqual(try JSONDecoder().decode(MLPRegressor.Model.self, from: try JSONEncoder().encode(m)), m)
        XCTAssertThrowsError(try MLPRegressor().fit(x, y.map { _ in .nan }, weights: nil, generator: &g))
    }

    /// Anchor: scikit-learn 1.9.1 `MLPRegressor(hidden_layer_sizes=(8,), early_stopping=True,
    /// random_state=0)` on the standardised UCI subset (price), test R² 0.233857, from
    /// `/tmp/sift-bench-venv/bin/python scripts/linear_anchors.py uci notebooks/data/eshop-clothing-2008.csv`
    /// (0.407894 for 32 units, which Sift also passes).
    func testMatchesScikitLearnOnTheUCISubset() throws {
        let data = try UCIEshopData.load().standardized()
        assertMatchesAnchor(try data.r2(MLPRegressor(hiddenLayerSizes: [8])), 0.233857, "mlp reg (8,) early stopping")
    }
}
