// Tests for the linear benchmark: standardisation and one small run.
import XCTest
import SiftFrame
@testable import SiftLearn

final class LinearBenchmarkTests: XCTestCase {
    func testStandardizesByTrainMomentsAndRuns() throws {
        let train = try FeatureMatrix(columns: [[1, 3], [5, 5]], names: ["a", "c"])
        let (s, t) = try LinearBenchmark.standardize(train, try FeatureMatrix(columns: [[5], [6]], names: ["a", "c"]))
        XCTAssertEqual(s.values, [-1, 1, 0, 0])
        XCTAssertEqual(t.values, [3, 1])
        let (x, y) = toyClassification(rows: 80)
        let r = try LinearBenchmark.run(train: x, labels: y, targets: y.map(Double.init), test: x, testLabels: y,
                                        testTargets: y.map(Double.init), repetitions: 1, predictRows: 100, models: ["logistic", "ridge"])
        XCTAssertEqual(r.map(\.metric), ["AUC", "R2"])
        XCTAssertGreaterThan(r[0].value, 0.9)
    }
}
