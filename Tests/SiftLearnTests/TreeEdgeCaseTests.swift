// Edge cases every tree model shares: exact rank codes, no features, one row, the benchmark's metrics.
import XCTest
import SiftFrame
@testable import SiftLearn

final class TreeEdgeCaseTests: XCTestCase {
    func testExactCodesAreRanksOfDistinctValues() throws {
        let x = try FeatureMatrix(columns: [[3, -1, 3, 0, -0.0, 2.5]], names: ["a"])
        let c = FeatureCodes(exact: x)
        XCTAssertEqual((0..<6).map { Int(c.codes(0)[$0]) }, [3, 0, 3, 1, 1, 2])
        XCTAssertEqual(c.splitValues[0], [-1, 0, 2.5, 3])
        XCTAssertEqual(c.threshold(feature: 0, lo: 1, hi: 2), 1.25)
        // Adjacent doubles: the midpoint rounds to the upper one, so the lower one is used.
        let a = 1.0, b = a.nextUp
        let tight = FeatureCodes(exact: try FeatureMatrix(columns: [[a, b]], names: ["a"]))
        XCTAssertEqual(tight.threshold(feature: 0, lo: 0, hi: 1), a)
    }

    func testRadixSorterIsStableAndOrdersNegativeNumbers() {
        var sorter = RadixSorter(capacity: 6)
        let v: [Double] = [2, -3, 2, 1e300, -1e-300, 0]
        let (_, order) = sorter.sort(count: 6) { orderedBits(v[$0]) }
        XCTAssertEqual(order, [1, 4, 5, 0, 2, 3])
    }

    func testModelsWithoutFeaturesPredictTheBaseRate() throws {
        let x = try FeatureMatrix(rowCount: 4, names: [], values: [])
        let y: [Int32] = [0, 1, 1, 1]
        var g = SeededGenerator(seed: 0)
        let tree = try DecisionTreeClassifier().fit(x, y, classCount: 2, weights: nil, generator: &g)
        XCTAssertEqual(try tree.predictProba(x).column(1), [0.75, 0.75, 0.75, 0.75])
        let forest = try RandomForestClassifier(nEstimators: 3, bootstrap: false).fit(x, y, classCount: 2, weights: nil, generator: &g)
        XCTAssertEqual(try forest.predictProba(x).column(1), [0.75, 0.75, 0.75, 0.75])
        let boost = try GradientBoostingClassifier(nEstimators: 2).fit(x, y, classCount: 2, weights: nil, generator: &g)
        for p in try boost.predictProba(x).column(1) { XCTAssertEqual(p, 0.75, accuracy: 1e-12) }
        let reg = try GradientBoostingRegressor(nEstimators: 2).fit(x, [1, 2, 3, 6], weights: nil, generator: &g)
        XCTAssertEqual(try reg.predict(x), [3, 3, 3, 3])
        XCTAssertEqual(try DecisionTreeRegressor().fit(x, [1, 2, 3, 6], weights: nil, generator: &g).featureImportances ?? [], [])
    }

    func testOneRowAndZeroRows() throws {
        let one = try FeatureMatrix(columns: [[5]], names: ["a"])
        var g = SeededGenerator(seed: 0)
        XCTAssertEqual(try RandomForestRegressor(nEstimators: 2).fit(one, [7], weights: nil, generator: &g).predict(one), [7])
        XCTAssertEqual(try GradientBoostingRegressor().fit(one, [7], weights: nil, generator: &g).predict(one), [7])
        let none = try FeatureMatrix(columns: [[]], names: ["a"])
        XCTAssertThrowsError(try DecisionTreeClassifier().fit(none, [], classCount: 2, weights: nil, generator: &g))
        XCTAssertThrowsError(try GradientBoostingClassifier().fit(none, [], classCount: 2, weights: nil, generator: &g))
        let fitted = try DecisionTreeClassifier().fit(one, [1], classCount: 2, weights: nil, generator: &g)
        XCTAssertEqual(try fitted.predictProba(none).rowCount, 0)
    }

    func testBenchmarkMetricsMatchScikitLearn() {
        // sklearn.metrics.roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75 (its docs' example).
        XCTAssertEqual(ModelBenchmark.rocAUC([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 0.75)
        XCTAssertEqual(ModelBenchmark.rocAUC([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9]), 0.875, "a tie counts half")
        // R²: residuals 0.25 total, variance sum 5 → 0.95.
        XCTAssertEqual(ModelBenchmark.rSquared([1, 2, 3, 4], [1.5, 2, 3, 4]), 0.95, accuracy: 1e-12)
    }
}
