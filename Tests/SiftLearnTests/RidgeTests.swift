// Tests for ridge regression: the closed form by hand, the unpenalised intercept, the UCI anchor.
import XCTest
import Foundation
import SiftFrame
@testable import SiftLearn

final class RidgeTests: XCTestCase {
    func testPassesTheSharedEstimatorChecks() throws {
        try checkRegressor(Ridge())
        try checkRegressor(Ridge(alpha: 0))
    }

    func testHandWorkedShrinkageLeavesTheInterceptAlone() throws {
        // x = 0, 1, 2, y = 0, 2, 1: Sxy = 1, Sxx = 2, so β = Sxy / (Sxx + α) = 1/3 at α = 1,
        // and the intercept ȳ − x̄ β = 1 − 1/3.
        let x = try FeatureMatrix(columns: [[0, 1, 2]], names: ["x"])
        var g = SeededGenerator(seed: 0)
        let m = try Ridge(alpha: 1).fit(x, [0, 2, 1], weights: nil, generator: &g)
        XCTAssertEqual(m.coefficients[0], 1.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(m.intercept, 2.0 / 3, accuracy: 1e-12)
        // A huge penalty shrinks to the mean, not to zero.
        let big = try Ridge(alpha: 1e12).fit(x, [10, 12, 11], weights: nil, generator: &g)
        XCTAssertEqual(big.intercept, 11, accuracy: 1e-9)
    }

    func testCollinearFeaturesShareTheCoefficient() throws {
        let a: [Double] = [1, 2, 3, 4, 5]
        let x = try FeatureMatrix(columns: [a, a], names: ["a", "b"])
        var g = SeededGenerator(seed: 0)
        let m = try Ridge(alpha: 1).fit(x, a.map { 2 * $0 }, weights: nil, generator: &g)
        XCTAssertEqual(m.coefficients[0], m.coefficients[1], accuracy: 1e-12)
        // Sxx = 10 per copy, Sxy = 20: β = 20 / (2·10 + 1) each.
        XCTAssertEqual(m.coefficients[0], 20.0 / 21, accuracy: 1e-12)
    }

    func testRejectsNegativeAlpha() throws {
        let x = try FeatureMatrix(columns: [[1, 2]], names: ["x"])
        var g = SeededGenerator(seed: 0)
        XCTAssertThrowsError(try Ridge(alpha: -1).fit(x, [1, 2], weights: nil, generator: &g))
    }

    /// Anchors: scikit-learn 1.9.1 `Ridge(alpha=1.0)` and `Ridge(alpha=1000.0)` on the standardised
    /// UCI subset, from `/tmp/sift-bench-venv/bin/python scripts/linear_anchors.py uci notebooks/data/eshop-clothing-2008.csv`.
    func testMatchesScikitLearnOnTheUCISubset() throws {
        let data = try UCIEshopData.load().standardized()
        var g = SeededGenerator(seed: 0)
        let m = try Ridge(alpha: 1).fit(data.train, data.trainPrice, weights: nil, generator: &g)
        assertCoefficients(m.coefficients, [0.2328488988, 0.0630150087, -0.2646497936, 0.04766440422, -5.622594494,
                                            1.532690014, 0.1451922912, -0.8525850733, -1.762189875, -0.1755256635],
                           accuracy: 1e-4, "alpha 1")
        let strong = try Ridge(alpha: 1000).fit(data.train, data.trainPrice, weights: nil, generator: &g)
        assertCoefficients(strong.coefficients, [0.2243505474, 0.06620980512, -0.2668366921, 0.02592307499, -3.257145185,
                                                 -0.7919596646, -0.03391496609, -0.8811843567, -1.632235869, 0.1218769923],
                           accuracy: 1e-4, "alpha 1000")
        XCTAssertEqual(strong.intercept, 43.810772019942625, accuracy: 1e-4)
        XCTAssertEqual(try data.r2(Ridge(alpha: 1)), 0.154029, accuracy: 0.005)
        XCTAssertEqual(try data.r2(Ridge(alpha: 1000)), 0.149149, accuracy: 0.005)
    }
}
