// Tests for ordinary least squares: exact fits, weights, collinear features, the UCI anchor.
import XCTest
import Foundation
import SiftFrame
@testable import SiftLearn

final class LinearRegressionTests: XCTestCase {
    func testPassesTheSharedEstimatorChecks() throws {
        try checkRegressor(LinearRegression())
    }

    func testFitsAnExactLine() throws {
        // y = 2x + 1 through four points: the fit is exact.
        let x = try FeatureMatrix(columns: [[0, 1, 2, 3]], names: ["x"])
        var g = SeededGenerator(seed: 0)
        let m = try LinearRegression().fit(x, [1, 3, 5, 7], weights: nil, generator: &g)
        XCTAssertEqual(m.coefficients[0], 2, accuracy: 1e-12)
        XCTAssertEqual(m.intercept, 1, accuracy: 1e-12)
        XCTAssertEqual(try m.predict(try FeatureMatrix(columns: [[10]], names: ["x"]))[0], 21, accuracy: 1e-10)
    }

    func testHandWorkedLeastSquaresAndWeights() throws {
        // x = 0, 1, 2 and y = 0, 2, 1: x̄ = 1, ȳ = 1, Sxy = 1, Sxx = 2, so slope ½ and intercept ½.
        let x = try FeatureMatrix(columns: [[0, 1, 2]], names: ["x"])
        var g = SeededGenerator(seed: 0)
        let m = try LinearRegression().fit(x, [0, 2, 1], weights: nil, generator: &g)
        XCTAssertEqual(m.coefficients[0], 0.5, accuracy: 1e-12)
        XCTAssertEqual(m.intercept, 0.5, accuracy: 1e-12)
        // Weight 2 on the last row equals repeating it.
        let w = try LinearRegression().fit(x, [0, 2, 1], weights: [1, 1, 2], generator: &g)
        let rep = try LinearRegression().fit(try FeatureMatrix(columns: [[0, 1, 2, 2]], names: ["x"]), [0, 2, 1, 1], weights: nil, generator: &g)
        XCTAssertEqual(w.coefficients[0], rep.coefficients[0], accuracy: 1e-12)
        XCTAssertEqual(w.intercept, rep.intercept, accuracy: 1e-12)
        XCTAssertEqual(w.featureImportances ?? [], [abs(w.coefficients[0])])
    }

    func testCollinearFeaturesFallBackToQRWithoutNaN() throws {
        // x1 = 2 x0 exactly: the normal equations are singular; QR drops one column.
        let a: [Double] = [1, 2, 3, 4, 5]
        let x = try FeatureMatrix(columns: [a, a.map { 2 * $0 }], names: ["a", "b"])
        let y = a.map { 3 * $0 + 1 }
        var g = SeededGenerator(seed: 0)
        let m = try LinearRegression().fit(x, y, weights: nil, generator: &g)
        XCTAssertTrue(m.coefficients.allSatisfy(\.isFinite))
        XCTAssertEqual(m.coefficients[0] + 2 * m.coefficients[1], 3, accuracy: 1e-9)
        for (p, t) in zip(try m.predict(x), y) { XCTAssertEqual(p, t, accuracy: 1e-9) }
        // More features than rows is also finite and interpolates.
        let wide = try FeatureMatrix(columns: [[1, 2], [3, 1], [0, 5]], names: ["a", "b", "c"])
        let mw = try LinearRegression().fit(wide, [1, 2], weights: nil, generator: &g)
        for (p, t) in zip(try mw.predict(wide), [1.0, 2]) { XCTAssertEqual(p, t, accuracy: 1e-9) }
    }

    func testQRMatchesCholeskyOnAWellPosedProblem() throws {
        let (x, y) = toyRegression(rows: 50)
        let d = try WeightedDesign(x, y, weights: nil)
        let (gram, rhs) = d.normalEquations()
        let chol = try XCTUnwrap(DenseSolver.choleskySolve(gram, rhs, p: d.p))
        assertCoefficients(DenseSolver.qrLeastSquares(d.x, d.y, rows: d.n, columns: d.p), chol, accuracy: 1e-10, "QR vs Cholesky")
    }

    func testNoInterceptAndRejections() throws {
        let x = try FeatureMatrix(columns: [[1, 2, 3]], names: ["x"])
        var g = SeededGenerator(seed: 0)
        let m = try LinearRegression(fitIntercept: false).fit(x, [2, 4, 6.5], weights: nil, generator: &g)
        XCTAssertEqual(m.intercept, 0)
        XCTAssertEqual(m.coefficients[0], (2 + 8 + 19.5) / 14, accuracy: 1e-12)
        XCTAssertThrowsError(try LinearRegression().fit(x, [1, .nan, 2], weights: nil, generator: &g))
        XCTAssertThrowsError(try LinearRegression().fit(x, [1, 2, 3], weights: [0, 0, 0], generator: &g))
    }

    func testJSONRoundTrip() throws {
        let (x, y) = toyRegression(rows: 100)
        var g = SeededGenerator(seed: 0)
        let m = try LinearRegression().fit(x, y, weights: nil, generator: &g)
        let back = try JSONDecoder().decode(LinearModel.self, from: try JSONEncoder().encode(m))
        XCTAssertEqual(back, m)
        XCTAssertThrowsError(try JSONDecoder().decode(LinearModel.self, from: Data(#"{"coefficients":[1],"intercept":"x"}"#.utf8)))
    }

    /// Anchor: scikit-learn 1.9.1 `LinearRegression()` on the standardised UCI subset, from
    /// `/tmp/sift-bench-venv/bin/python scripts/linear_anchors.py uci notebooks/data/eshop-clothing-2008.csv`.
    func testMatchesScikitLearnOnTheUCISubset() throws {
        let data = try UCIEshopData.load().standardized()
        var g = SeededGenerator(seed: 0)
        let m = try LinearRegression().fit(data.train, data.trainPrice, weights: nil, generator: &g)
        assertCoefficients(m.coefficients, [0.2328444003, 0.0629990468, -0.2646295235, 0.04768236819, -5.629675866,
                                            1.540039799, 0.1457174884, -0.8523884518, -1.762370695, -0.17668984],
                           accuracy: 1e-4, "coef_")
        XCTAssertEqual(m.intercept, 43.810772019942625, accuracy: 1e-4)
        XCTAssertEqual(try data.r2(LinearRegression()), 0.154036, accuracy: 0.005)
    }
}
