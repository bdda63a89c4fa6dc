// Tests for FrameError: edit distance and did-you-mean suggestions.
import XCTest
@testable import SiftFrame

final class FrameErrorTests: XCTestCase {
    func testEditDistanceCountsSwapsAsOneEdit() {
        XCTAssertEqual(FrameError.editDistance("hlep", "help"), 1)
        XCTAssertEqual(FrameError.editDistance("prce", "price"), 1)
        XCTAssertEqual(FrameError.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(FrameError.editDistance("", "abc"), 3)
    }

    func testClosestNameNeedsToBeCloseEnough() {
        XCTAssertEqual(FrameError.closestName(to: "prce", in: ["price", "page"]), "price")
        XCTAssertEqual(FrameError.closestName(to: "PRICE", in: ["price"]), "price")
        XCTAssertNil(FrameError.closestName(to: "zzz", in: ["price", "page"]))
    }
}
