// Tests for the centred, weight-scaled design: weighted means, √w scaling, constant columns.
import XCTest
import SiftFrame
@testable import SiftLearn

final class WeightedDesignTests: XCTestCase {
    func testCentresAtWeightedMeansAndScalesByRootWeight() throws {
        let x = try FeatureMatrix(columns: [[0, 3], [5, 5]], names: ["a", "c"])
        let d = try WeightedDesign(x, [1, 4], weights: [2, 1])
        XCTAssertEqual(d.xMean, [1, 5])
        XCTAssertEqual(d.yMean, 2)
        XCTAssertEqual(d.weightSum, 3)
        XCTAssertEqual(d.x[0], 2.0.squareRoot() * -1, accuracy: 1e-15)
        XCTAssertEqual(d.x[1], 2, accuracy: 1e-15)
        XCTAssertEqual(Array(d.x[2...]), [0, 0], "a constant column centres to exactly zero")
        XCTAssertEqual(d.y[1], 2, accuracy: 1e-15)
        let (gram, rhs) = d.normalEquations()
        XCTAssertEqual(gram[0], 6, accuracy: 1e-12)
        XCTAssertEqual(rhs[0], 2 + 4, accuracy: 1e-12)
        XCTAssertEqual(d.model([2, 0]).intercept, 0, "ȳ − x̄·β = 2 − 2")
        XCTAssertThrowsError(try WeightedDesign(x, [1, .infinity], weights: nil))
    }
}
