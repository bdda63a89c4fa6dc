// The model pipeline against scikit-learn/XGBoost pipelines on the UCI e-shop subset (scripts/model_anchors.py).
import XCTest
@testable import SiftSession

final class ModelAnchorTests: XCTestCase {
    /// Test AUC / R² of `train ... split:1 | evaluate on:test` on the subset of
    /// `scripts/model_anchors.sift` (every 10th click, position % 5 == 0 as test), against the
    /// figures of `/tmp/sift-bench-venv/bin/python scripts/model_anchors.py
    /// notebooks/data/eshop-clothing-2008.csv` (scikit-learn 1.9.1, XGBoost 3.2.0): linear
    /// models as Pipeline(SimpleImputer(median), StandardScaler, OneHotEncoder(ignore)), trees
    /// on ordinal codes. Sift must be within 0.005 of each, or better. (Forests are random and
    /// checked in SiftLearnTests; their figures through `train` are in the models report.)
    func testPipelineMatchesSklearnOnUCI() throws {
        let c = CapturedSession()
        let all = "month + day + order + country + page_1_main_category + page_2_clothing_model + colour + location + model_photography + page"
        let noPage2 = "month + day + order + country + page_1_main_category + colour + location + model_photography + page"
        c.run("""
        let all = load "\(packageRoot)/notebooks/data/eshop-clothing-2008.csv" clean:true
        let sub = all | derive rn = row_number() - 1 | where rn % 10 == 0 | derive pos = row_number() - 1, expensive = price_2 == 1
        let train = sub | where pos % 5 != 0;
        let test = sub | where pos % 5 == 0;
        fn score(m, name) = (m | evaluate on:test | where metric == name).value[0]
        """)
        XCTAssertEqual(c.errors, "")
        let cases: [(String, String, Double)] = [
            ("logistic expensive ~ \(noPage2)", "roc_auc", 0.638307),
            ("tree expensive ~ \(all) depth:6", "roc_auc", 0.91514),
            ("tree expensive ~ \(noPage2) depth:6", "roc_auc", 0.899044),
            ("boost expensive ~ \(all) rounds:30 depth:3", "roc_auc", 0.980056),
            ("boost expensive ~ \(noPage2) rounds:30 depth:3", "roc_auc", 0.903509),
            ("bayes expensive ~ \(noPage2)", "roc_auc", 0.642387),
            ("ridge price ~ \(all) alpha:1", "r2", 0.999675),
            ("linear price ~ \(noPage2)", "r2", 0.151212),
            ("lasso price ~ \(all) alpha:0.1", "r2", 0.442395),
            ("tree price ~ \(noPage2) depth:6", "r2", 0.48856),
            ("boost price ~ \(all) rounds:30 depth:3", "r2", 0.787227),
        ]
        for (model, metric, anchor) in cases {
            let out = c.run("train | train \(model) split:1 seed:0 | score(\"\(metric)\")")
            let value = try XCTUnwrap(Double(out.trimmingCharacters(in: .whitespacesAndNewlines)), "\(model): \(out)")
            XCTAssertGreaterThanOrEqual(value, anchor - 0.005, "\(model): Sift \(value), anchor \(anchor)")
        }
    }
}
