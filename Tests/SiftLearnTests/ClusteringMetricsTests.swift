// Tests of ClusteringMetrics: hand-worked values and sklearn.metrics to 1e-9.
import XCTest
import SiftFrame
@testable import SiftLearn

final class ClusteringMetricsTests: XCTestCase {
    let line = try! FeatureMatrix(columns: [[0, 1, 4, 5]], names: ["a"])

    func testHandWorkedSilhouetteAndDaviesBouldin() throws {
        // Row 0: a = 1, b = (4 + 5)/2 = 4.5, s = 3.5/4.5; row 1: a = 1, b = 3.5, s = 2.5/3.5; rows
        // 2, 3 mirror them. DB: S = 0.5 each, centroids 0.5 and 4.5 apart by 4: (0.5+0.5)/4 = 0.25.
        let s = try ClusteringMetrics.silhouette(line, labels: [0, 0, 1, 1])
        XCTAssertEqual(s ?? .nan, (3.5 / 4.5 + 2.5 / 3.5) / 2, accuracy: 1e-12)
        XCTAssertEqual(try ClusteringMetrics.daviesBouldin(line, labels: [0, 0, 1, 1]) ?? .nan, 0.25, accuracy: 1e-12)
        // Inertia to the cluster means: 4 × 0.25.
        XCTAssertEqual(try ClusteringMetrics.inertia(line, labels: [0, 0, 1, 1]), 1, accuracy: 1e-12)
        XCTAssertEqual(try ClusteringMetrics.inertia(line, labels: [0, 0, 1, 1], centres: [0, 5]), 2, accuracy: 1e-12)
        XCTAssertEqual(ClusteringMetrics.sizes([0, 1, 1, -1, 1]).sizes, [1, 3])
        XCTAssertEqual(ClusteringMetrics.sizes([0, 1, 1, -1, 1]).noise, 1)
    }

    func testUndefinedCasesAreNil() throws {
        XCTAssertNil(try ClusteringMetrics.silhouette(line, labels: [0, 0, 0, 0]))
        XCTAssertNil(try ClusteringMetrics.silhouette(line, labels: [0, 1, 2, 3]))
        XCTAssertNil(try ClusteringMetrics.daviesBouldin(line, labels: [0, 0, 0, -1]))
        XCTAssertThrowsError(try ClusteringMetrics.silhouette(line, labels: [0, 1]))
        XCTAssertThrowsError(try ClusteringMetrics.inertia(line, labels: [0, 0, 1, 2], centres: [0, 5]))
    }

    func testEqualScikitLearnMetrics() throws {
        let x = ClusterTestData.blobMatrix
        let truth = ClusterTestData.truth, mod4 = (0..<300).map { $0 % 4 }
        XCTAssertEqual(try ClusteringMetrics.silhouette(x, labels: truth) ?? .nan, ClusterTestData.sklearnSilhouetteTruth, accuracy: 1e-9)
        XCTAssertEqual(try ClusteringMetrics.silhouette(x, labels: mod4) ?? .nan, ClusterTestData.sklearnSilhouetteMod4, accuracy: 1e-9)
        XCTAssertEqual(try ClusteringMetrics.daviesBouldin(x, labels: truth) ?? .nan, ClusterTestData.sklearnDaviesBouldinTruth, accuracy: 1e-9)
        XCTAssertEqual(try ClusteringMetrics.daviesBouldin(x, labels: mod4) ?? .nan, ClusterTestData.sklearnDaviesBouldinMod4, accuracy: 1e-9)
        // Noise rows are left out: the same as scikit-learn on the non-noise rows.
        let xo = ClusterTestData.outlierMatrix, db = ClusterTestData.sklearnDBSCANLabels
        XCTAssertEqual(try ClusteringMetrics.silhouette(xo, labels: db) ?? .nan, ClusterTestData.sklearnSilhouetteDBSCAN, accuracy: 1e-9)
        XCTAssertEqual(try ClusteringMetrics.daviesBouldin(xo, labels: db) ?? .nan, ClusterTestData.sklearnDaviesBouldinDBSCAN, accuracy: 1e-9)
        XCTAssertEqual(try ClusteringMetrics.adjustedRandIndex(truth, mod4), ClusterTestData.sklearnARIMod3Mod4, accuracy: 1e-12)
        XCTAssertEqual(try ClusteringMetrics.adjustedRandIndex(truth, truth.map { 2 - $0 }), 1)
    }

    func testLargeInputIsSampledDeterministically() throws {
        var rng = SeededGenerator(seed: 4)
        let n = 1_500
        let a = (0..<n).map { Double($0 % 2) * 10 + rng.nextDouble() }
        let x = try FeatureMatrix(columns: [a], names: ["a"])
        let labels = (0..<n).map { $0 % 2 }
        let s1 = try ClusteringMetrics.silhouette(x, labels: labels, sampleSize: 1_000)
        let s2 = try ClusteringMetrics.silhouette(x, labels: labels, sampleSize: 1_000)
        XCTAssertEqual(s1, s2)
        let exact = try ClusteringMetrics.silhouette(x, labels: labels, sampleSize: n)
        XCTAssertEqual(s1 ?? .nan, exact ?? .nan, accuracy: 0.01, "a 1,000-row sample is close to the exact value")
        XCTAssertNotEqual(s1, exact, "the sample is really a sample")
    }
}
