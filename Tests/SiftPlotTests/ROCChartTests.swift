// Tests for ROC curves: the trapezoidal AUC against scikit-learn, and the legend.
import XCTest
@testable import SiftPlot

final class ROCChartTests: XCTestCase {
    func testAUCMatchesScikitLearn() {
        // y = [0,0,1,1,0,1,0,1,1,1,0,0], s = [.1,.4,.35,.8,.2,.7,.55,.9,.65,.3,.45,.05];
        // sklearn 1.9 roc_curve(y, s) and auc(fpr, tpr) = 0.8333333333333333.
        let c = ROCCurve(fpr: [0, 0, 0, 0.5, 0.5, 1], tpr: [0, 1.0 / 6, 4.0 / 6, 4.0 / 6, 1, 1])
        XCTAssertEqual(c.auc ?? 0, 0.8333333333333333, accuracy: 1e-12)
    }

    func testAUCOfHandWorkedCurvesAndDegenerateOnes() {
        XCTAssertEqual(ROCCurve(fpr: [0, 1], tpr: [0, 1]).auc ?? 0, 0.5, accuracy: 1e-12)
        // (0,0) (0.1,0.6) (0.3,0.9) (1,1): 0.1·0.3 + 0.2·0.75 + 0.7·0.95 = 0.845
        XCTAssertEqual(ROCCurve(fpr: [0.3, 0, 1, 0.1], tpr: [0.9, 0, 1, 0.6]).auc ?? 0, 0.845, accuracy: 1e-12)
        XCTAssertNil(ROCCurve(fpr: [0.5], tpr: [0.5]).auc)
        XCTAssertNil(ROCCurve(fpr: [.nan, .nan], tpr: [1, 0]).auc)
    }

    func testLegendNamesEachCurveWithItsAUCAndTheChanceLine() {
        let p = Plot.roc([ROCCurve(label: "tree", fpr: [0, 1], tpr: [0, 1]), ROCCurve(fpr: [0, 0, 1], tpr: [0, 1, 1])])
        XCTAssertEqual(p.figure.legend.map(\.label), ["tree (AUC 0.500)", "AUC 1.000", "chance"])
        XCTAssertEqual(p.figure.legend.last?.mark, .dottedLine)
    }
}
