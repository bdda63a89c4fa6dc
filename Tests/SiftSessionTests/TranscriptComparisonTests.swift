// Tests for transcript comparison (numbers within 1e-9 relative) and unified diffs.
import XCTest
@testable import SiftSession

final class TranscriptComparisonTests: XCTestCase {
    func testNumbersCompareWithRelativeTolerance() {
        XCTAssertTrue(TranscriptComparison.matches("mean 0.30000000000000004\n", "mean 0.3\n"))
        XCTAssertTrue(TranscriptComparison.matches("x 1e+06 y", "x 1000000.0000001 y"))
        XCTAssertFalse(TranscriptComparison.matches("mean 0.3001\n", "mean 0.3\n"))
        XCTAssertFalse(TranscriptComparison.matches("n 4\n", "n 5\n"))
    }

    func testTextAroundNumbersMustMatchExactly() {
        XCTAssertFalse(TranscriptComparison.matches("price 3", "prices 3"))
        XCTAssertFalse(TranscriptComparison.matches("3 rows", "3 row"))
        // Digits inside names and units are text, not numbers.
        XCTAssertFalse(TranscriptComparison.matches("page_2 45s", "page_3 45s"))
        XCTAssertFalse(TranscriptComparison.matches("a-1", "a-2"))
    }

    func testUnifiedDiffShowsChangedLinesWithContext() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        var lines = (1...10).map { "line \($0)" }
        lines[4] = "line five"
        let new = lines.joined(separator: "\n") + "\n"
        XCTAssertEqual(UnifiedDiff.diff(old, new, oldName: "a.out", newName: "a.sift"), """
        --- a.out
        +++ a.sift
        @@ -2,7 +2,7 @@
         line 2
         line 3
         line 4
        -line 5
        +line five
         line 6
         line 7
         line 8

        """)
        XCTAssertEqual(UnifiedDiff.diff(old, old, oldName: "a", newName: "b"), "")
    }

    func testDiffOfInsertionsAndDeletionsAtTheEnds() {
        let d = UnifiedDiff.diff("a\nb\n", "b\nc\n", oldName: "x", newName: "y")
        XCTAssertEqual(d, "--- x\n+++ y\n@@ -1,2 +1,2 @@\n-a\n b\n+c\n")
        XCTAssertEqual(UnifiedDiff.diff("", "a\n", oldName: "x", newName: "y"), "--- x\n+++ y\n@@ -0,0 +1,1 @@\n+a\n")
    }

    func testDiffSplitsWindowsLineEndingsIntoLines() {
        XCTAssertEqual(UnifiedDiff.lines("a\r\nb\nc\r\n"), ["a", "b", "c"])
    }
}
