// Tests for the RFM scoring rules: quintile boundaries, ties, nulls and every segment branch.
import XCTest
@testable import SiftFrame

final class RFMScoringTests: XCTestCase {
    func testQuintilesOfEvenlySpacedValues() {
        XCTAssertEqual(RFMScoring.quintiles([3, 1, 5, 2, 4, nil]), [3, 1, 5, 2, 4, nil])
    }

    func testBoundaryValuesTakeTheLowerScore() {
        // 1...11: Q(.2) = 3, Q(.4) = 5, Q(.6) = 7, Q(.8) = 9; a value on a boundary stays below it.
        let scores = RFMScoring.quintiles((1...11).map { Double($0) })
        XCTAssertEqual(scores, [1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
        // All equal: every comparison is false, every score 1.
        XCTAssertEqual(RFMScoring.quintiles([4, 4, 4]), [1, 1, 1])
        XCTAssertEqual(RFMScoring.quintiles([]), [])
    }

    func testSegmentBranches() {
        // The same six cases as Tests/Transcripts/stdlib/rfm.sift gives to rfm_segment.
        let cases: [(Int64, Int64, String)] = [(5, 5, "Champions"), (3, 3, "Loyal"), (5, 1, "Potential"),
                                               (1, 5, "At-Risk"), (2, 1, "Win-Back"), (1, 1, "Lost"),
                                               (4, 4, "Champions"), (4, 3, "Loyal"), (3, 4, "Loyal"), (2, 3, "At-Risk")]
        for (r, f, want) in cases { XCTAssertEqual(RFMScoring.segment(r: r, f: f), want, "r \(r) f \(f)") }
    }
}
