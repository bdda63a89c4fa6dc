// Training through the pipeline: targets, holdout, no leakage, and a JSON round trip that predicts identically.
import Foundation
import XCTest
import SiftFrame
@testable import SiftLearn

final class ModelTrainerTests: XCTestCase {
    /// 200 rows: y = x0 > x1 (with noise), a string feature, a few nulls.
    func data() throws -> DataFrame {
        let (x, y) = toyClassification()
        let a = (0..<x.rowCount).map { $0 % 17 == 0 ? nil : x[$0, 0] }
        let colour = (0..<x.rowCount).map { ["red", "green", "blue"][$0 % 3] }
        return try DataFrame(columns: [("a", .double(Column<Double>(a))), ("b", .double(Column<Double>((0..<x.rowCount).map { x[$0, 1] }))),
                                       ("colour", .string(StringColumn(colour))), ("y", .bool(Column<Bool>(values: y.map { $0 == 1 }))),
                                       ("v", .double(Column<Double>(values: (0..<x.rowCount).map { 3 * x[$0, 0] - x[$0, 1] })))])
    }

    func testEveryAlgorithmTrainsAndRoundTripsThroughJSON() throws {
        let frame = try data()
        for algorithm in Algorithm.allCases {
            let target = algorithm.classifies ? "y" : "v"
            var o = TrainingOptions()
            o.trees = algorithm == .forest ? 10 : nil
            let m = try ModelTrainer.train(frame, algorithm: algorithm, target: target, features: ["a", "b", "colour"],
                                           formula: "\(target) ~ a + b + colour", options: o)
            XCTAssertEqual(m.trainingRows, 160, "\(algorithm)")
            XCTAssertEqual(m.holdout?.rows, 40)
            let json = try JSONEncoder().encode(m)
            let back = try JSONDecoder().decode(TrainedModel.self, from: json)
            if m.isClassifier {
                XCTAssertEqual(try m.probabilities(frame), try back.probabilities(frame), "\(algorithm)")
                XCTAssertGreaterThan(try XCTUnwrap(m.holdoutMetrics?["roc_auc"]), 0.8, "\(algorithm)")
            } else {
                XCTAssertEqual(try m.predictions(frame), try back.predictions(frame), "\(algorithm)")
                XCTAssertGreaterThan(try XCTUnwrap(m.holdoutMetrics?["r2"]), 0.7, "\(algorithm)")
            }
        }
    }

    func testHoldoutDoesNotLeakIntoThePreprocessing() throws {
        // The median is learned on the training rows only: retraining with a wild holdout row
        // value (same training rows) leaves the encoder unchanged.
        var frame = try data()
        let m1 = try ModelTrainer.train(frame, algorithm: .tree, target: "y", features: ["a", "b"], formula: "", options: TrainingOptions())
        let (_, hold) = RowSplits.holdout(count: frame.rowCount, classes: try frame.column(named: "y").boolCodes, fraction: 0.8, seed: 42)
        var a = FeatureEncoder.numericValues(try frame.column(named: "a"))
        a[hold[0]] = 1e9
        frame = try frame.setting("a", to: .double(Column<Double>(values: a)))
        let m2 = try ModelTrainer.train(frame, algorithm: .tree, target: "y", features: ["a", "b"], formula: "", options: TrainingOptions())
        XCTAssertEqual(m1.encoder, m2.encoder)
    }

    func testLinearFastPathEqualsTheDenseMatrix() throws {
        // One-hot columns are not materialised for linear models; the result is bit-identical.
        let frame = try data()
        for (algorithm, target) in [(Algorithm.logistic, "y"), (.ridge, "v")] {
            let m = try ModelTrainer.train(frame, algorithm: algorithm, target: target, features: ["a", "colour", "b"],
                                           formula: "", options: TrainingOptions())
            let dense = try m.encoder.transform(frame)
            let names = m.encoder.outputNames, kinds = m.encoder.outputKinds
            if m.isClassifier {
                XCTAssertEqual(try m.probabilities(frame),
                               try m.estimator.probabilities(dense, rows: frame.rowCount, names: names, kinds: kinds))
            } else {
                XCTAssertEqual(try m.predictions(frame),
                               try m.estimator.predictions(dense, rows: frame.rowCount, names: names, kinds: kinds))
            }
        }
    }

    func testDamagedModelFailsValidation() throws {
        var m = try ModelTrainer.train(try data(), algorithm: .tree, target: "y", features: ["a", "b"], formula: "", options: TrainingOptions())
        XCTAssertNoThrow(try m.validate())
        m.holdout?.scores.removeLast()
        XCTAssertThrowsError(try m.validate())
        m = try ModelTrainer.train(try data(), algorithm: .tree, target: "y", features: ["a", "b"], formula: "", options: TrainingOptions())
        m.classLabels = ["false"]
        XCTAssertThrowsError(try m.validate())
    }

    func testTargetErrors() throws {
        let frame = try data()
        XCTAssertThrowsError(try ModelTrainer.train(frame, algorithm: .logistic, target: "v", features: ["a"], formula: "", options: TrainingOptions()))
        XCTAssertThrowsError(try ModelTrainer.train(frame, algorithm: .linear, target: "y", features: ["a"], formula: "", options: TrainingOptions()))
    }

    func testSmoteAndBalancedWeightsTrain() throws {
        var o = TrainingOptions()
        o.balance = .smote
        o.balancedWeights = true
        o.cv = 3
        let m = try ModelTrainer.train(try data(), algorithm: .logistic, target: "y", features: ["b", "colour"], formula: "", options: o)
        XCTAssertEqual(m.crossValidation?.folds, 3)
        XCTAssertEqual(m.crossValidation?.names.first, "accuracy")
    }
}

extension AnyColumn {
    /// Bool values as class codes (tests).
    var boolCodes: [Int32]? {
        guard case .bool(let c) = self else { return nil }
        return c.values.map { $0 ? 1 : 0 }
    }
}
