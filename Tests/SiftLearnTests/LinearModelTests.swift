// Tests for the fitted linear model: prediction, importances, decoding checks.
import XCTest
import Foundation
import SiftFrame
@testable import SiftLearn

final class LinearModelTests: XCTestCase {
    func testPredictsInterceptPlusCoefficients() throws {
        let m = LinearModel(coefficients: [2, -1], intercept: 0.5)
        let x = try FeatureMatrix(columns: [[1, 0], [3, 4]], names: ["a", "b"])
        XCTAssertEqual(try m.predict(x), [-0.5, -3.5])
        XCTAssertEqual(m.featureImportances ?? [], [2, 1])
        XCTAssertThrowsError(try m.predict(try FeatureMatrix(columns: [[1]], names: ["a"])))
        let big = #"{"coefficients":[1e999],"intercept":0}"#
        XCTAssertThrowsError(try JSONDecoder().decode(LinearModel.self, from: Data(big.utf8)))
    }
}
