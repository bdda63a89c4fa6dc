// Tests for the lasso: the soft-threshold case by hand, sparsity, convergence, the UCI anchor.
import XCTest
import Foundation
import SiftFrame
@testable import SiftLearn

final class LassoTests: XCTestCase {
    func testPassesTheSharedEstimatorChecks() throws {
        try checkRegressor(Lasso(alpha: 0.1))
        try checkRegressor(Lasso(alpha: 0))
    }

    func testSingleFeatureIsTheSoftThreshold() throws {
        // One feature x = −1, 0, 1 (mean 0, (1/n)Σx² = 2/3), y = −2, 0, 2 + 1 (mean 1):
        // (1/n) Σ x y = 4/3, so β = S(4/3, α) / (2/3) = 2 − 1.5 α for α < 4/3, and 0 beyond.
        let x = try FeatureMatrix(columns: [[-1, 0, 1]], names: ["x"])
        let y: [Double] = [-1, 1, 3]
        var g = SeededGenerator(seed: 0)
        for alpha in [0.0, 0.2, 1.0] {
            let m = try Lasso(alpha: alpha).fit(x, y, weights: nil, generator: &g)
            XCTAssertEqual(m.coefficients[0], 2 - 1.5 * alpha, accuracy: 1e-12, "alpha \(alpha)")
            XCTAssertEqual(m.intercept, 1, accuracy: 1e-12)
        }
        XCTAssertEqual(try Lasso(alpha: 1.5).fit(x, y, weights: nil, generator: &g).coefficients, [0])
    }

    func testWeightsActLikeRepeatedRows() throws {
        let x = try FeatureMatrix(columns: [[0, 1, 2], [1, 0, 3]], names: ["a", "b"])
        let rep = try FeatureMatrix(columns: [[0, 1, 2, 2], [1, 0, 3, 3]], names: ["a", "b"])
        var g = SeededGenerator(seed: 0)
        let params = Lasso(alpha: 0.05, tol: 1e-12)
        let w = try params.fit(x, [1, 2, 4], weights: [1, 1, 2], generator: &g)
        let r = try params.fit(rep, [1, 2, 4, 4], weights: nil, generator: &g)
        assertCoefficients(w.coefficients, r.coefficients, accuracy: 1e-8, "weights")
        XCTAssertEqual(w.intercept, r.intercept, accuracy: 1e-8)
    }

    func testRejectsBadHyperparameters() throws {
        let x = try FeatureMatrix(columns: [[1, 2]], names: ["x"])
        var g = SeededGenerator(seed: 0)
        XCTAssertThrowsError(try Lasso(alpha: -1).fit(x, [1, 2], weights: nil, generator: &g))
        XCTAssertThrowsError(try Lasso(maxIter: 0).fit(x, [1, 2], weights: nil, generator: &g))
    }

    /// Anchors: scikit-learn 1.9.1 `Lasso(alpha=0.1, tol=1e-12, max_iter=100000)` (converged, for the
    /// coefficients) and `Lasso(alpha=1.0)` on the standardised UCI subset, from
    /// `/tmp/sift-bench-venv/bin/python scripts/linear_anchors.py uci notebooks/data/eshop-clothing-2008.csv`.
    func testMatchesScikitLearnOnTheUCISubset() throws {
        let data = try UCIEshopData.load().standardized()
        var g = SeededGenerator(seed: 0)
        let m = try Lasso(alpha: 0.1, maxIter: 100_000, tol: 1e-12).fit(data.train, data.trainPrice, weights: nil, generator: &g)
        assertCoefficients(m.coefficients, [0.1332504731, 0, -0.1688277805, 0, -4.12921708, 0, 0, -0.8217130945, -1.64366464, 0],
                           accuracy: 1e-4, "alpha 0.1")
        XCTAssertEqual(m.intercept, 43.81077201994259, accuracy: 1e-4)
        let one = try Lasso(alpha: 1).fit(data.train, data.trainPrice, weights: nil, generator: &g)
        assertCoefficients(one.coefficients, [0, 0, 0, 0, -3.405443867, 0, 0, 0, -0.9519476094, 0], accuracy: 1e-4, "alpha 1")
        XCTAssertEqual(try data.r2(Lasso(alpha: 0.1)), 0.151356, accuracy: 0.005)
        XCTAssertEqual(try data.r2(Lasso(alpha: 1)), 0.133735, accuracy: 0.005)
    }
}

extension LassoTests {
    func testCovarianceUpdatesMatchResidualUpdates() throws {
        let (x, y) = toyRegression(rows: 80)
        let d = try WeightedDesign(x, y, weights: nil)
        for alpha in [0.0, 0.05, 1.0] {
            let penalty = alpha * d.weightSum
            assertCoefficients(Lasso.covarianceDescent(d, penalty: penalty, maxIter: 10_000, tol: 1e-12),
                               Lasso.coordinateDescent(d, penalty: penalty, maxIter: 10_000, tol: 1e-12), accuracy: 1e-8, "alpha \(alpha)")
        }
    }
}
