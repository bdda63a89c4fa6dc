// Regression metrics against sklearn.metrics figures.
import XCTest
@testable import SiftLearn

final class RegressionMetricsTests: XCTestCase {
    func testScoresMatchSklearn() {
        // y=[3,-0.5,2,7], ŷ=[2.5,0,2,8]: mean_absolute_error 0.5, mean_squared_error 0.375,
        // root_mean_squared_error 0.6123724356957945, r2_score 0.9486081370449679
        let y = [3.0, -0.5, 2.0, 7.0], p = [2.5, 0.0, 2.0, 8.0]
        XCTAssertEqual(RegressionMetrics.mae(y, p), 0.5)
        XCTAssertEqual(RegressionMetrics.mse(y, p), 0.375)
        XCTAssertEqual(RegressionMetrics.rmse(y, p), 0.6123724356957945, accuracy: 1e-15)
        XCTAssertEqual(RegressionMetrics.r2(y, p), 0.9486081370449679, accuracy: 1e-15)
    }

    func testConstantTargetIsFinite() {
        XCTAssertEqual(RegressionMetrics.r2([2, 2], [2, 2]), 1)
        XCTAssertEqual(RegressionMetrics.r2([2, 2], [1, 3]), 0)
        XCTAssertEqual(RegressionMetrics.mse([], []), 0)
    }
}
