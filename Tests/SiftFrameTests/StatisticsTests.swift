// Tests for Statistics: interpolated quantiles, sample variance and the mode's tie rule, by hand.
import XCTest
@testable import SiftFrame

final class StatisticsTests: XCTestCase {
    func testQuantileInterpolatesLinearlyLikePandas() {
        // pandas: pd.Series([1, 2, 3, 4]).quantile(q) gives 1.75, 2.5, 3.25 at q = .25, .5, .75.
        XCTAssertEqual(Statistics.quantile([4, 1, 3, 2], 0.25), 1.75)
        XCTAssertEqual(Statistics.quantile([4, 1, 3, 2], 0.5), 2.5)
        XCTAssertEqual(Statistics.quantile([4, 1, 3, 2], 0.75), 3.25)
        XCTAssertEqual(Statistics.quantile([4, 1, 3, 2], 0), 1)
        XCTAssertEqual(Statistics.quantile([4, 1, 3, 2], 1), 4)
        XCTAssertEqual(Statistics.quantile([7], 0.3), 7)
        XCTAssertNil(Statistics.quantile([], 0.5))
    }

    func testVarianceIsSampleVarianceAndNeedsTwoValues() {
        // Values 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32, 32 / 7.
        let v: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
        v.withUnsafeBufferPointer { XCTAssertEqual(Statistics.variance($0)!, 32.0 / 7, accuracy: 1e-15) }
        [1.0].withUnsafeBufferPointer { XCTAssertNil(Statistics.variance($0)) }
    }

    func testVarianceSurvivesLargeOffset() {
        // A one-pass formula loses everything here; two passes keep the exact answer 1.
        let v: [Double] = [1e9 + 1, 1e9 + 2, 1e9 + 3]
        v.withUnsafeBufferPointer { XCTAssertEqual(Statistics.variance($0)!, 1, accuracy: 1e-6) }
    }

    func testModeBreaksTiesBySmallest() {
        XCTAssertEqual(Statistics.mode([3, 1, 3, 1, 2]), 1)
        XCTAssertEqual(Statistics.mode(["b", "a", "b"]), "b")
        XCTAssertNil(Statistics.mode([Int]()))
    }
}
