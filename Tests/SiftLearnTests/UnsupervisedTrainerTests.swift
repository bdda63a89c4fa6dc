// Tests of UnsupervisedTrainer and UnsupervisedModel: scaling, string features, metrics, JSON round trip.
import Foundation
import XCTest
import SiftFrame
@testable import SiftLearn

final class UnsupervisedTrainerTests: XCTestCase {
    /// Two features on very different scales: `a` separates the groups, `b` is wide noise.
    func frame() throws -> DataFrame {
        var rng = SeededGenerator(seed: 3)
        let a = (0..<60).map { Double($0 % 2) * 2 + rng.nextDouble() * 0.2 }
        let b = (0..<60).map { _ in rng.nextDouble() * 1000 }
        let s = (0..<60).map { Optional($0 % 2 == 0 ? "x" : "y") }
        return try DataFrame(columns: [("a", .double(Column<Double>(values: a))), ("b", .double(Column<Double>(values: b))),
                                       ("s", .string(StringColumn(s)))])
    }

    func testStandardScalingLetsTheNarrowFeatureCount() throws {
        let f = try frame()
        var o = UnsupervisedOptions()
        o.k = 2
        let m = try UnsupervisedTrainer.train(f, algorithm: .kmeans, features: ["a"], formula: "~ a", options: o)
        let truth = (0..<60).map { $0 % 2 }
        XCTAssertEqual(try ClusteringMetrics.adjustedRandIndex(try m.clusters(f), truth), 1)
        XCTAssertEqual(m.encoder.scaling, .standard)
        XCTAssertEqual(m.trainingMetrics["size_0"], 30)
        XCTAssertEqual(m.trainingMetrics["clusters"], 2)
        // The one-hot string alone also separates the groups exactly.
        let ms = try UnsupervisedTrainer.train(f, algorithm: .kmeans, features: ["s"], formula: "~ s", options: o)
        XCTAssertEqual(try ClusteringMetrics.adjustedRandIndex(try ms.clusters(f), truth), 1)
    }

    func testEvaluateOnTrainingRowsRepeatsTheTrainingMetrics() throws {
        let f = try frame()
        var o = UnsupervisedOptions()
        o.k = 2
        for algorithm in [UnsupervisedAlgorithm.kmeans, .hclust] {
            let m = try UnsupervisedTrainer.train(f, algorithm: algorithm, features: ["a", "b"], formula: "~ a + b", options: o)
            let again = try m.evaluate(on: f)
            XCTAssertEqual(again.names, m.trainingMetrics.names)
            if algorithm == .kmeans {
                // predict = the training labels for k-means, so the metrics are identical.
                for (x, y) in zip(again.values, m.trainingMetrics.values) { XCTAssertEqual(x, y, accuracy: 1e-12) }
            }
        }
        var d = UnsupervisedOptions()
        d.eps = 0.8
        let db = try UnsupervisedTrainer.train(f, algorithm: .dbscan, features: ["a", "b"], formula: "~ a + b", options: d)
        XCTAssertEqual(db.trainingMetrics.names.prefix(5), ["silhouette", "davies_bouldin", "inertia", "clusters", "noise"])
    }

    func testAnomalyModelAndJSONRoundTrip() throws {
        let f = try frame()
        var o = UnsupervisedOptions()
        o.contamination = 0.1
        o.trees = 20
        let m = try UnsupervisedTrainer.train(f, algorithm: .isolation, features: ["a", "b"], formula: "~ a + b", options: o)
        XCTAssertEqual(m.task, .anomaly)
        XCTAssertEqual(m.encoder.scaling, .none)
        let (scores, flags) = try m.anomalies(f)
        XCTAssertEqual(flags.filter { $0 }.count, 6)
        XCTAssertThrowsError(try m.clusters(f))
        let back = try JSONDecoder().decode(UnsupervisedModel.self, from: try JSONEncoder().encode(m))
        XCTAssertEqual(try back.anomalies(f).scores, scores)
        XCTAssertEqual(back.options, o)
    }

    func testDamagedModelFailsValidation() throws {
        let f = try frame()
        var o = UnsupervisedOptions()
        o.k = 2
        o.trees = 3
        for algorithm in UnsupervisedAlgorithm.allCases {
            let m = try UnsupervisedTrainer.train(f, algorithm: algorithm, features: ["a", "b"], formula: "~ a + b", options: o)
            XCTAssertNoThrow(try m.validate(), "\(algorithm)")
            var fewer = m
            fewer.encoder.features.removeLast()
            XCTAssertThrowsError(try fewer.validate(), "\(algorithm) with a feature missing")
        }
        let iso = try UnsupervisedTrainer.train(f, algorithm: .isolation, features: ["a", "b"], formula: "~ a + b", options: o)
        guard case .isolation(let forest) = iso.estimator, let tree = forest.trees.first else { return XCTFail("no forest") }
        // A child pointing back at the root would loop forever at predict.
        var left = tree.left
        if let split = tree.feature.firstIndex(where: { $0 >= 0 }) { left[split] = 0 }
        let looped = IsolationTree(feature: tree.feature, threshold: tree.threshold, left: left, right: tree.right, size: tree.size)
        var damaged = iso
        damaged.estimator = .isolation(IsolationForest.Model(trees: [looped], featureCount: 2, sampleSize: forest.sampleSize,
                                                             threshold: forest.threshold, contamination: nil))
        XCTAssertThrowsError(try damaged.validate())
    }

    func testBadInputIsAnError() throws {
        let f = try frame()
        var o = UnsupervisedOptions()
        o.k = 100
        XCTAssertThrowsError(try UnsupervisedTrainer.train(f, algorithm: .kmeans, features: ["a"], formula: "~ a", options: o))
        XCTAssertThrowsError(try UnsupervisedTrainer.train(f, algorithm: .kmeans, features: [], formula: "~", options: UnsupervisedOptions()))
        XCTAssertThrowsError(try UnsupervisedTrainer.train(f, algorithm: .dbscan, features: ["nope"], formula: "~ nope", options: UnsupervisedOptions()))
    }
}
