// Tests for the row-wise softmax: hand values, huge scores, −∞ classes.
import XCTest
import Foundation
@testable import SiftLearn

final class SoftmaxTests: XCTestCase {
    func testRowsSumToOneWithoutOverflow() {
        // Scores are per class: row 0 has (0, log 3, 0) → (1/5, 3/5, 1/5); row 1 has
        // (1000, 1000, −∞) → (½, ½, 0) without overflowing.
        var out = [Double](repeating: 0, count: 6)
        Softmax.rows([[0, 1000], [log(3), 1000], [0, -.infinity]], into: &out, rows: 2)
        let expected = [0.2, 0.6, 0.2, 0.5, 0.5, 0]
        for k in 0..<6 { XCTAssertEqual(out[k], expected[k], accuracy: 1e-15, "entry \(k)") }
    }
}
