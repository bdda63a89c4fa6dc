// Tests for logistic regression: optimality by hand, separable data, solvers agreeing, the UCI anchors.
import XCTest
import Foundation
import SiftFrame
@testable import SiftLearn

final class LogisticRegressionTests: XCTestCase {
    func testPassesTheSharedEstimatorChecks() throws {
        try checkClassifier(LogisticRegression())
        try checkClassifier(LogisticRegression(solver: .lbfgs))
        try checkClassifier(LogisticRegression(c: 1e6))
    }

    func testInterceptOnlyIsTheLogOdds() throws {
        // No features: P(1) = 3/4, so b = log 3 (the intercept is not penalised).
        let x = try FeatureMatrix(rowCount: 4, names: [], values: [])
        var g = SeededGenerator(seed: 0)
        for solver in [LogisticRegression.Solver.newtonCholesky, .lbfgs] {
            let m = try LogisticRegression(solver: solver).fit(x, [1, 1, 1, 0], classCount: 2, weights: nil, generator: &g)
            XCTAssertEqual(m.intercepts[0], log(3), accuracy: 1e-7, "\(solver)")
            XCTAssertEqual(try m.predictProba(x)[0, 1], 0.75, accuracy: 1e-8)
        }
        // Weighted: the 0 row counts three times, so P(1) = 1/2.
        let w = try LogisticRegression().fit(x, [1, 1, 1, 0], classCount: 2, weights: [1, 1, 1, 3], generator: &g)
        XCTAssertEqual(w.intercepts[0], 0, accuracy: 1e-8)
    }

    func testSolutionSatisfiesTheOptimalityCondition() throws {
        // At the optimum of C Σ ℓᵢ + ½‖β‖²: C Σ (pᵢ − yᵢ) xᵢⱼ + βⱼ = 0 and Σ (pᵢ − yᵢ) = 0.
        let (x, y) = toyClassification(rows: 120)
        var g = SeededGenerator(seed: 0)
        let c = 0.3
        for solver in [LogisticRegression.Solver.newtonCholesky, .lbfgs] {
            let m = try LogisticRegression(c: c, solver: solver).fit(x, y, classCount: 2, weights: nil, generator: &g)
            let p = try m.predictProba(x).column(1)
            for j in 0..<2 {
                let s = (0..<x.rowCount).reduce(0.0) { $0 + (p[$1] - Double(y[$1])) * x[$1, j] }
                XCTAssertEqual(c * s + m.coefficients[0][j], 0, accuracy: 1e-5, "\(solver) feature \(j)")
            }
            XCTAssertEqual((0..<x.rowCount).reduce(0.0) { $0 + p[$1] - Double(y[$1]) }, 0, accuracy: 1e-5)
        }
    }

    func testSeparableDataStaysFinite() throws {
        let x = try FeatureMatrix(columns: [[-2, -1, 1, 2]], names: ["x"])
        var g = SeededGenerator(seed: 0)
        for c in [1.0, 1e8] {
            for solver in [LogisticRegression.Solver.newtonCholesky, .lbfgs] {
                let m = try LogisticRegression(c: c, solver: solver).fit(x, [0, 0, 1, 1], classCount: 2, weights: nil, generator: &g)
                XCTAssertTrue(m.coefficients[0][0].isFinite && m.coefficients[0][0] > 0, "C \(c) \(solver)")
                XCTAssertTrue(try m.predictProba(x).values.allSatisfy { $0.isFinite })
                XCTAssertEqual(m.intercepts[0], 0, accuracy: 1e-6, "symmetric data")
            }
        }
        // A class with no rows: probabilities finite, that class near 0.
        let absent = try LogisticRegression().fit(x, [0, 0, 0, 0], classCount: 2, weights: nil, generator: &g)
        XCTAssertTrue(try absent.predictProba(x).column(1).allSatisfy { $0.isFinite && $0 < 1e-3 })
    }

    func testMultinomialSumsToOneAndImportanceIsTheMeanAbsoluteCoefficient() throws {
        let (x, y) = toyClassification(rows: 300, classes: 3)
        var g = SeededGenerator(seed: 0)
        let m = try LogisticRegression().fit(x, y, classCount: 3, weights: nil, generator: &g)
        XCTAssertEqual(m.coefficients.count, 3)
        XCTAssertEqual(m.intercepts.reduce(0, +), 0, accuracy: 1e-12)
        for j in 0..<2 {
            // The penalty makes the per-feature coefficients sum to 0 over classes at the optimum.
            XCTAssertEqual(m.coefficients.reduce(0) { $0 + $1[j] }, 0, accuracy: 1e-5)
            XCTAssertEqual(m.featureImportances?[j] ?? -1, m.coefficients.reduce(0) { $0 + abs($1[j]) } / 3, accuracy: 1e-12)
        }
        try checkClassifier(LogisticRegression(c: 0.5))
    }

    func testRejectsBadHyperparametersAndRoundTrips() throws {
        let (x, y) = toyClassification(rows: 50)
        var g = SeededGenerator(seed: 0)
        XCTAssertThrowsError(try LogisticRegression(c: 0).fit(x, y, classCount: 2, weights: nil, generator: &g))
        XCTAssertThrowsError(try LogisticRegression().fit(x, y.map { $0 + 5 }, classCount: 2, weights: nil, generator: &g))
        let m = try LogisticRegression().fit(x, y, classCount: 2, weights: nil, generator: &g)
        let back = try JSONDecoder().decode(LogisticRegression.Model.self, from: try JSONEncoder().encode(m))
        XCTAssertEqual(back, m)
        let bad = #"{"class_count":3,"coefficients":[[1,2]],"intercepts":[0]}"#
        XCTAssertThrowsError(try JSONDecoder().decode(LogisticRegression.Model.self, from: Data(bad.utf8)))
    }

    /// Anchors: scikit-learn 1.9.1 `LogisticRegression(C=…, tol=1e-10, max_iter=10000)` (converged
    /// lbfgs) on the standardised UCI subset, and the default settings' test AUC, from
    /// `/tmp/sift-bench-venv/bin/python scripts/linear_anchors.py uci notebooks/data/eshop-clothing-2008.csv`.
    func testMatchesScikitLearnOnTheUCISubset() throws {
        let data = try UCIEshopData.load().standardized()
        var g = SeededGenerator(seed: 0)
        for solver in [LogisticRegression.Solver.newtonCholesky, .lbfgs] {
            let m = try LogisticRegression(solver: solver).fit(data.train, data.trainClass, classCount: 2, weights: nil, generator: &g)
            assertCoefficients(m.coefficients[0], [0.02803645541, 0.008016578471, -0.02325069231, 0.005356576579, 0.4986714824,
                                                   -0.1742631836, 0.1437253011, -0.1778097486, -0.1651221041, -0.1555347256],
                               accuracy: 1e-4, "C 1 \(solver)")
            XCTAssertEqual(m.intercepts[0], 0.04876167585, accuracy: 1e-4)
        }
        let strong = try LogisticRegression(c: 0.01).fit(data.train, data.trainClass, classCount: 2, weights: nil, generator: &g)
        assertCoefficients(strong.coefficients[0], [0.02610797636, 0.007225245758, -0.02273763954, 0.006069725811, 0.3541745933,
                                                    -0.03102398004, 0.1474635443, -0.1661692808, -0.1613892821, -0.1697820466],
                           accuracy: 1e-4, "C 0.01")
        assertMatchesAnchor(try data.auc(LogisticRegression()), 0.637735, "default settings")
        XCTAssertEqual(try data.auc(LogisticRegression()), 0.637735, accuracy: 0.005)
    }

    /// Anchor: multinomial `LogisticRegression(C=1.0, tol=1e-10, max_iter=10000)` predicting photo
    /// location (6 classes) from the other standardised features (intercepts centred), same command.
    func testMultinomialMatchesScikitLearnOnTheUCISubset() throws {
        let task = try UCIEshopData.load().locationTask()
        var g = SeededGenerator(seed: 0)
        let m = try LogisticRegression(maxIter: 1000).fit(task.train, task.trainY, classCount: 6, weights: nil, generator: &g)
        let expected: [Double] = [
            0.02780767046, 0.005205960839, -0.05931392766, 0.03702008412, 2.310144846, -2.535612508, -0.1807715492, -0.1267890068, 0.6671133313,
            0.01223212031, -0.008765406148, -0.04932271628, -0.003982498012, -3.102159446, 3.37296575, 0.3083174444, -0.05094042632, -0.4956546505,
            -0.002784277067, -0.01223237295, 0.03189431335, -0.02391376281, -4.003446365, 4.375130035, 0.08643443046, -0.1843109594, -0.5984423002,
            0.002337619819, 0.01972736049, 0.01286669846, 0.02044749811, 3.40560848, -3.911747564, -0.5781499793, 0.06655337722, 0.7483458106,
            -0.08778902265, -0.0341752335, -0.0001551142246, 0.02450432367, 0.8822181347, -1.050117721, 0.1812145722, 0.3650800897, -0.05199797179,
            0.04819588912, 0.03023969128, 0.06403074636, -0.05407564508, 0.5076343502, -0.2506179915, 0.1829550814, -0.06959307445, -0.2693642194]
        assertCoefficients(m.coefficients.flatMap { $0 }, expected, accuracy: 1e-4, "multinomial coef_")
        assertCoefficients(m.intercepts, [0.2728929275, 0.254815564, -0.4174085758, -0.1758548658, 0.1117863206, -0.04623137055],
                           accuracy: 1e-4, "centred intercepts")
        let p = try m.predictProba(task.test)
        let accuracy = Double((0..<p.rowCount).filter { p.argmax(row: $0) == Int(task.testY[$0]) }.count) / Double(p.rowCount)
        XCTAssertEqual(accuracy, 0.402115, accuracy: 0.005)
    }
}

extension LogisticRegressionTests {
    func testWeightsActLikeRepeatedRows() throws {
        let (x, y) = toyClassification(rows: 40, classes: 3)
        let weights = (0..<40).map { Double($0 % 3) }
        let repeated = (0..<40).flatMap { i in [Int](repeating: i, count: i % 3) }
        var g = SeededGenerator(seed: 0)
        for classes in [2, 3] {
            let yy = classes == 2 ? y.map { $0 == 0 ? 0 : 1 } : y
            let w = try LogisticRegression().fit(x, yy, classCount: classes, weights: weights, generator: &g)
            let r = try LogisticRegression().fit(x.rows(repeated), repeated.map { yy[$0] }, classCount: classes, weights: nil, generator: &g)
            assertCoefficients(w.coefficients.flatMap { $0 }, r.coefficients.flatMap { $0 }, accuracy: 1e-6, "\(classes) classes")
            assertCoefficients(w.intercepts, r.intercepts, accuracy: 1e-6, "\(classes) classes intercepts")
        }
    }
}
