// Classification metrics against hand-worked cases and sklearn.metrics figures.
import XCTest
@testable import SiftLearn

final class ClassificationMetricsTests: XCTestCase {
    // Figures from /tmp/sift-bench-venv/bin/python (scikit-learn 1.9.1):
    //   y=[0,0,1,1,1,0,1,0]; s=[0.1,0.4,0.35,0.8,0.4,0.4,0.9,0.05]; p = s >= 0.5
    //   accuracy_score 0.75, precision_score 1.0, recall_score 0.5, f1_score 0.6666666666666666,
    //   roc_auc_score(y, s) 0.8125, log_loss(y, c_[1-s, s]) 0.4341152476152784
    let y: [Int32] = [0, 0, 1, 1, 1, 0, 1, 0]
    let s = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.05]

    var probabilities: ProbabilityMatrix {
        ProbabilityMatrix(rowCount: s.count, classCount: 2, values: s.flatMap { [1 - $0, $0] })
    }

    func testBinaryScoresMatchSklearn() {
        let p = MetricTable.predictedClasses(probabilities)
        XCTAssertEqual(ClassificationMetrics.accuracy(y, p), 0.75)
        XCTAssertEqual(ClassificationMetrics.precision(y, p, classCount: 2), 1.0)
        XCTAssertEqual(ClassificationMetrics.recall(y, p, classCount: 2), 0.5)
        XCTAssertEqual(ClassificationMetrics.f1(y, p, classCount: 2), 0.6666666666666666, accuracy: 1e-15)
        XCTAssertEqual(ClassificationMetrics.logLoss(y, probabilities), 0.4341152476152784, accuracy: 1e-14)
    }

    func testAUCCountsTiesAsHalf() throws {
        // By hand: of 16 positive/negative pairs, 0.35 beats 2, 0.8 and 0.9 beat 4 each, 0.4 beats 2
        // and ties 2 (1) → 13/16.
        let auc = try XCTUnwrap(ClassificationMetrics.rocAUC(y, probabilities))
        XCTAssertEqual(auc, 0.8125, accuracy: 1e-15)
        XCTAssertEqual(ClassificationMetrics.rocAUC(positive: [true, false], scores: [0.5, 0.5]), 0.5)
        XCTAssertNil(ClassificationMetrics.rocAUC(positive: [true, true], scores: [0.1, 0.2]))
    }

    func testLogLossClipsCertainMistakes() {
        // log_loss([1, 0], [[1, 0], [1, 0]]) = 18.021826694558577 (eps = float64 machine epsilon).
        let p = ProbabilityMatrix(rowCount: 2, classCount: 2, values: [1, 0, 1, 0])
        XCTAssertEqual(ClassificationMetrics.logLoss([1, 0], p), 18.021826694558577, accuracy: 1e-12)
    }

    func testMacroAveragesMatchSklearn() throws {
        // y3=[0,1,2,2,1,0,2,1], P below, pred = argmax: accuracy 0.875, macro precision and
        // recall 0.8888888888888888, macro f1 0.8666666666666667,
        // roc_auc_score(multi_class="ovr", average="macro") 1.0, log_loss 0.6025431959566405.
        let y3: [Int32] = [0, 1, 2, 2, 1, 0, 2, 1]
        let rows: [[Double]] = [[0.7, 0.2, 0.1], [0.2, 0.5, 0.3], [0.1, 0.3, 0.6], [0.3, 0.3, 0.4],
                                [0.4, 0.4, 0.2], [0.5, 0.3, 0.2], [0.2, 0.2, 0.6], [0.1, 0.8, 0.1]]
        let p = ProbabilityMatrix(rowCount: 8, classCount: 3, values: rows.flatMap { $0 })
        let t = MetricTable.classification(y3, p)
        XCTAssertEqual(t["accuracy"], 0.875)
        XCTAssertEqual(try XCTUnwrap(t["precision"]), 0.8888888888888888, accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(t["recall"]), 0.8888888888888888, accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(t["f1"]), 0.8666666666666667, accuracy: 1e-15)
        XCTAssertEqual(t["roc_auc"], 1.0)
        XCTAssertEqual(try XCTUnwrap(t["log_loss"]), 0.6025431959566405, accuracy: 1e-14)
    }

    func testMissingClassScoresZeroNotNaN() {
        // Nothing predicted positive: precision is 0 (zero_division=0), as is F1.
        XCTAssertEqual(ClassificationMetrics.precision([1, 0], [0, 0], classCount: 2), 0)
        XCTAssertEqual(ClassificationMetrics.f1([1, 0], [0, 0], classCount: 2), 0)
        XCTAssertEqual(ClassificationMetrics.accuracy([], []), 0)
    }
}
