// ROC points, confusion at a threshold and the threshold reaching a recall, against roc_curve.
import XCTest
@testable import SiftLearn

final class ThresholdMetricsTests: XCTestCase {
    let positive = [false, false, true, true, true, false, true, false]
    let s = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.05]

    func testROCPointsMatchSklearnRocCurve() {
        // roc_curve(y, s, drop_intermediate=False):
        //   fpr [0, 0, 0, 0.5, 0.5, 0.75, 1], tpr [0, 0.25, 0.5, 0.75, 1, 1, 1],
        //   thresholds [inf, 0.9, 0.8, 0.4, 0.35, 0.1, 0.05]
        let r = ROCPoints(positive: positive, scores: s)
        XCTAssertEqual(r.fpr, [0, 0, 0, 0.5, 0.5, 0.75, 1])
        XCTAssertEqual(r.tpr, [0, 0.25, 0.5, 0.75, 1, 1, 1])
        XCTAssertEqual(r.thresholds, [.infinity, 0.9, 0.8, 0.4, 0.35, 0.1, 0.05])
    }

    func testThresholdReachingRecallIsTheStrictestCut() throws {
        let r = ROCPoints(positive: positive, scores: s)
        let t = try XCTUnwrap(r.threshold(reachingRecall: 0.7))
        XCTAssertEqual(t.threshold, 0.4)
        XCTAssertEqual(t.recall, 0.75)
        XCTAssertEqual(t.fpr, 0.5)
        XCTAssertEqual(try XCTUnwrap(r.threshold(reachingRecall: 1)).threshold, 0.35)
        XCTAssertNil(ROCPoints(positive: [false], scores: [0.3]).threshold(reachingRecall: 0.5))
    }

    func testConfusionAtThreshold() {
        // score >= 0.4: positives 0.8, 0.4, 0.9 (TP 3; 0.35 is FN), negatives 0.4, 0.4 (FP 2; TN 2).
        let c = BinaryConfusion(positive: positive, scores: s, threshold: 0.4)
        XCTAssertEqual([c.truePositives, c.falsePositives, c.trueNegatives, c.falseNegatives], [3, 2, 2, 1])
    }
}
