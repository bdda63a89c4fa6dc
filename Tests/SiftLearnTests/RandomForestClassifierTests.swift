// Tests for the random forest classifier: shared checks, determinism, averaging, importances, the UCI anchor.
import XCTest
import Foundation
import SiftFrame
@testable import SiftLearn

final class RandomForestClassifierTests: XCTestCase {
    func testPassesTheSharedEstimatorChecks() throws {
        try checkClassifier(RandomForestClassifier(nEstimators: 8))
        try checkClassifier(RandomForestClassifier(nEstimators: 3, maxDepth: 3, bootstrap: false))
    }

    func testOneSeedOneForestWhateverTheScheduling() throws {
        let (x, y) = toyClassification(rows: 300, classes: 3)
        var a = SeededGenerator(seed: 11), b = SeededGenerator(seed: 11), c = SeededGenerator(seed: 12)
        let f1 = try RandomForestClassifier(nEstimators: 9).fit(x, y, classCount: 3, weights: nil, generator: &a)
        let f2 = try RandomForestClassifier(nEstimators: 9).fit(x, y, classCount: 3, weights: nil, generator: &b)
        let f3 = try RandomForestClassifier(nEstimators: 9).fit(x, y, classCount: 3, weights: nil, generator: &c)
        XCTAssertEqual(f1, f2)
        XCTAssertNotEqual(f1, f3, "another seed draws other samples")
        XCTAssertEqual(f1.trees.count, 9)
        // Trees differ from one another (bootstrap and feature draws).
        XCTAssertNotEqual(f1.trees[0], f1.trees[1])
    }

    func testProbabilityIsTheMeanOfTheTreesDistributions() throws {
        let (x, y) = toyClassification(rows: 120)
        var g = SeededGenerator(seed: 5)
        let forest = try RandomForestClassifier(nEstimators: 5, maxDepth: 2).fit(x, y, classCount: 2, weights: nil, generator: &g)
        let p = try forest.predictProba(x)
        for i in [0, 17, 119] {
            var mean = 0.0
            for t in forest.trees {
                let single = DecisionTreeClassifier.Model(tree: t, classCount: 2, featureCount: 2, importances: [0, 0])
                mean += try single.predictProba(x)[i, 1] / 5
            }
            XCTAssertEqual(p[i, 1], mean, accuracy: 1e-12)
        }
    }

    func testWithoutBootstrapAndAllFeaturesEveryTreeIsTheCARTTree() throws {
        let (x, y) = toyClassification(rows: 150)
        var g = SeededGenerator(seed: 1)
        let forest = try RandomForestClassifier(nEstimators: 3, maxDepth: 4, maxFeatures: .all, bootstrap: false)
            .fit(x, y, classCount: 2, weights: nil, generator: &g)
        let tree = try DecisionTreeClassifier(maxDepth: 4).fit(x, y, classCount: 2, weights: nil, generator: &g)
        for t in forest.trees { XCTAssertEqual(t, tree.tree) }
        XCTAssertEqual(try XCTUnwrap(forest.featureImportances), try XCTUnwrap(tree.featureImportances))
    }

    func testImportancesSumToOneAndFavourTheSignal() throws {
        // x0 decides the class, x1 is noise.
        var rng = SeededGenerator(seed: 3)
        let n = 400
        let a = (0..<n).map { _ in rng.nextDouble() }, b = (0..<n).map { _ in rng.nextDouble() }
        let x = try FeatureMatrix(columns: [a, b], names: ["signal", "noise"])
        let y = a.map { Int32($0 > 0.5 ? 1 : 0) }
        var g = SeededGenerator(seed: 4)
        let imp = try XCTUnwrap(try RandomForestClassifier(nEstimators: 10).fit(x, y, classCount: 2, weights: nil, generator: &g)
            .featureImportances)
        XCTAssertEqual(imp.reduce(0, +), 1, accuracy: 1e-12)
        XCTAssertGreaterThan(imp[0], 0.8)
    }

    func testClassWeightsShiftTheProbabilities() throws {
        let (x, y) = toyClassification(rows: 200)
        var g1 = SeededGenerator(seed: 2), g2 = SeededGenerator(seed: 2)
        let plain = try RandomForestClassifier(nEstimators: 5, minSamplesLeaf: 20).fit(x, y, classCount: 2, weights: nil, generator: &g1)
        let heavy = try RandomForestClassifier(nEstimators: 5, minSamplesLeaf: 20)
            .fit(x, y, classCount: 2, weights: y.map { $0 == 1 ? 5 : 1 }, generator: &g2)
        let mp = try plain.predictProba(x).column(1).reduce(0, +), mh = try heavy.predictProba(x).column(1).reduce(0, +)
        XCTAssertGreaterThan(mh, mp, "weighting class 1 raises its probabilities")
    }

    func testJSONRoundTrip() throws {
        let (x, y) = toyClassification(rows: 100)
        var g = SeededGenerator(seed: 2)
        let m = try RandomForestClassifier(nEstimators: 4).fit(x, y, classCount: 2, weights: nil, generator: &g)
        let back = try JSONDecoder().decode(RandomForestClassifier.Model.self, from: try JSONEncoder().encode(m))
        XCTAssertEqual(back, m)
        XCTAssertEqual(try back.predictProba(x), try m.predictProba(x))
    }

    /// Anchors: scikit-learn 1.9.1 `RandomForestClassifier(n_estimators=20, max_depth=8,
    /// random_state=0)` on the UCI subset of `UCIEshopData`, test AUC from
    /// `scripts/tree_anchors.py uci`. The forests differ by their random draws, hence the tolerance.
    func testMatchesScikitLearnOnTheUCISubset() throws {
        let data = try UCIEshopData.load()
        assertMatchesAnchor(try data.auc(RandomForestClassifier(nEstimators: 20, maxDepth: 8)), 0.995179, "20 trees, depth 8")
        assertMatchesAnchor(try data.withoutClothingModel().auc(RandomForestClassifier(nEstimators: 20, maxDepth: 8)), 0.96765,
                            "no clothing model, 20 trees, depth 8")
    }
}
