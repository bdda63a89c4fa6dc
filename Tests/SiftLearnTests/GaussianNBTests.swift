// Tests for Gaussian naive Bayes: hand-worked posteriors, weights, priors, the UCI anchors.
import XCTest
import Foundation
import SiftFrame
@testable import SiftLearn

final class GaussianNBTests: XCTestCase {
    func testPassesTheSharedEstimatorChecks() throws {
        try checkClassifier(GaussianNB())
        try checkClassifier(GaussianNB(varSmoothing: 0))
    }

    func testHandWorkedPosterior() throws {
        // Class 0 at x = 0, 2 (μ 1, σ² 1), class 1 at x = 4, 6 (μ 5, σ² 1); equal priors.
        let x = try FeatureMatrix(columns: [[0, 2, 4, 6]], names: ["x"])
        var g = SeededGenerator(seed: 0)
        let m = try GaussianNB().fit(x, [0, 0, 1, 1], classCount: 2, weights: nil, generator: &g)
        XCTAssertEqual(m.means, [1, 5])
        // var_smoothing × the overall variance 5 is added.
        XCTAssertEqual(m.variances[0], 1 + 5e-9, accuracy: 1e-15)
        XCTAssertEqual(m.priors, [0.5, 0.5])
        let p = try m.predictProba(try FeatureMatrix(columns: [[3, 1]], names: ["x"]))
        XCTAssertEqual(p[0, 1], 0.5, accuracy: 1e-12)
        // At x = 1: log-odds of class 1 = −(1 − 5)²/2 + 0 = −8.
        XCTAssertEqual(p[1, 1], 1 / (1 + exp(8)), accuracy: 1e-9)
    }

    func testWeightsSetPriorsAndMoments() throws {
        let x = try FeatureMatrix(columns: [[0, 2, 4, 6]], names: ["x"])
        var g = SeededGenerator(seed: 0)
        let m = try GaussianNB().fit(x, [0, 0, 1, 1], classCount: 2, weights: [3, 1, 1, 1], generator: &g)
        XCTAssertEqual(m.priors, [4.0 / 6, 2.0 / 6])
        // Weighted mean of class 0: (0·3 + 2) / 4 = 0.5; variance (3·0.25 + 2.25) / 4 = 0.75.
        XCTAssertEqual(m.means[0], 0.5, accuracy: 1e-12)
        XCTAssertEqual(m.variances[0], 0.75, accuracy: 1e-8)
        // A class with no rows gets probability 0.
        let absent = try GaussianNB().fit(x, [0, 0, 1, 1], classCount: 3, weights: nil, generator: &g)
        XCTAssertTrue(try absent.predictProba(x).column(2).allSatisfy { $0 == 0 })
    }

    func testJSONRoundTripAndValidation() throws {
        let (x, y) = toyClassification(rows: 60)
        var g = SeededGenerator(seed: 0)
        let m = try GaussianNB().fit(x, y, classCount: 2, weights: nil, generator: &g)
        XCTAssertEqual(try JSONDecoder().decode(GaussianNB.Model.self, from: try JSONEncoder().encode(m)), m)
        let bad = #"{"class_count":1,"means":[0],"variances":[0],"priors":[1],"feature_count":1}"#
        XCTAssertThrowsError(try JSONDecoder().decode(GaussianNB.Model.self, from: Data(bad.utf8)))
        XCTAssertThrowsError(try GaussianNB(varSmoothing: -1).fit(x, y, classCount: 2, weights: nil, generator: &g))
    }

    /// Anchors: scikit-learn 1.9.1 `GaussianNB()` on the standardised UCI subset (test AUC of
    /// price_2; 6-class location accuracy and the first test row's probabilities), from
    /// `/tmp/sift-bench-venv/bin/python scripts/linear_anchors.py uci notebooks/data/eshop-clothing-2008.csv`.
    func testMatchesScikitLearnOnTheUCISubset() throws {
        let data = try UCIEshopData.load().standardized()
        XCTAssertEqual(try data.auc(GaussianNB()), 0.650861, accuracy: 1e-6)
        let task = try UCIEshopData.load().locationTask()
        var g = SeededGenerator(seed: 0)
        let m = try GaussianNB().fit(task.train, task.trainY, classCount: 6, weights: nil, generator: &g)
        let p = try m.predictProba(task.test)
        assertCoefficients((0..<6).map { p[0, $0] }, [0.1996036031, 0.1007933087, 0.1069880133, 0.3775215103, 0.1410265177, 0.07406704691],
                           accuracy: 1e-8, "first test row")
        let accuracy = Double((0..<p.rowCount).filter { p.argmax(row: $0) == Int(task.testY[$0]) }.count) / Double(p.rowCount)
        XCTAssertEqual(accuracy, 0.265861, accuracy: 1e-6)
    }
}
