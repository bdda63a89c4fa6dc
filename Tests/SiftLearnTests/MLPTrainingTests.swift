// Tests for the training loop: the stratified validation split, row-major copy, hyperparameter checks.
import XCTest
import SiftFrame
@testable import SiftLearn

final class MLPTrainingTests: XCTestCase {
    func testRowMajorCopy() throws {
        let x = try FeatureMatrix(columns: [[1, 2], [3, 4]], names: ["a", "b"])
        XCTAssertEqual(MLPTraining.rowMajor(x), [1, 3, 2, 4])
    }

    func testEarlyStoppingKeepsTheBestEpochAndStopsEarly() throws {
        let (x, y) = toyClassification(rows: 300)
        var g = SeededGenerator(seed: 0)
        let training = MLPClassifier(hiddenLayerSizes: [4], maxIter: 500, nIterNoChange: 3).training
        let (_, epochs) = training.train(x, .classes(y, count: 2), weights: nil, generator: &g)
        XCTAssertLessThan(epochs, 500, "patience ends the fit before max_iter")
        XCTAssertThrowsError(try MLPClassifier(alpha: -1).training.check())
        XCTAssertThrowsError(try MLPClassifier(batchSize: 0).training.check())
    }
}
