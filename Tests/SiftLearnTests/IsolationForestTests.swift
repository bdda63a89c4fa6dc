// Tests of IsolationForest: c(n), scikit-learn's scores, the contamination threshold, errors and JSON.
import Foundation
import XCTest
import SiftFrame
@testable import SiftLearn

final class IsolationForestTests: XCTestCase {
    func testAveragePathLengthMatchesScikitLearn() {
        // `_average_path_length(np.array([1, 2, 3, 256]))` from sklearn.ensemble._iforest
        // (/tmp/sift-bench-venv/bin/python): 0, 1, 1.207392357589623, 10.244770920119917.
        XCTAssertEqual(IsolationForest.averagePathLength(0), 0)
        XCTAssertEqual(IsolationForest.averagePathLength(1), 0)
        XCTAssertEqual(IsolationForest.averagePathLength(2), 1)
        XCTAssertEqual(IsolationForest.averagePathLength(3), 1.207392357589623, accuracy: 1e-12)
        XCTAssertEqual(IsolationForest.averagePathLength(256), 10.244770920119917, accuracy: 1e-12)
    }

    func testScoresCorrelateWithScikitLearn() throws {
        let x = ClusterTestData.outlierMatrix
        var rng = SeededGenerator(seed: 1)
        let m = try IsolationForest().fit(x, generator: &rng)
        let mine = try m.scoreSamples(x), theirs = ClusterTestData.sklearnIsolationScores
        XCTAssertGreaterThan(pearson(mine, theirs), 0.95)
        // The six planted outliers score highest, well above 0.5, as in scikit-learn.
        let top = mine.indices.sorted { mine[$0] > mine[$1] }.prefix(6)
        XCTAssertEqual(Set(top), Set(300..<306))
        XCTAssertTrue(mine[300...].allSatisfy { $0 > 0.65 })
        XCTAssertEqual(m.sampleSize, 256)
        XCTAssertEqual(m.trees.count, 100)
    }

    func testContaminationSetsTheThreshold() throws {
        let x = ClusterTestData.outlierMatrix
        var rng = SeededGenerator(seed: 1)
        let m = try IsolationForest(contamination: 0.018).fit(x, generator: &rng)
        // The 0.982 quantile of 306 sorted scores is at position 0.982 × 305 = 299.51, between the
        // 7th and 6th highest, so the 6 highest rows (the planted outliers) are flagged.
        let flagged = try m.predict(x)
        XCTAssertEqual(flagged.indices.filter { flagged[$0] }, Array(300..<306))
        var rng2 = SeededGenerator(seed: 1)
        let auto = try IsolationForest().fit(x, generator: &rng2)
        XCTAssertEqual(auto.threshold, 0.5)
    }

    func testOneSeedOneForestAndJSONRoundTrip() throws {
        let x = ClusterTestData.outlierMatrix
        var g1 = SeededGenerator(seed: 9), g2 = SeededGenerator(seed: 9)
        let a = try IsolationForest(nEstimators: 10).fit(x, generator: &g1)
        let b = try IsolationForest(nEstimators: 10).fit(x, generator: &g2)
        XCTAssertEqual(a, b)
        let back = try JSONDecoder().decode(IsolationForest.Model.self, from: try JSONEncoder().encode(a))
        XCTAssertEqual(try back.scoreSamples(x), try a.scoreSamples(x))
    }

    func testConstantAndTinyDataAreHandled() throws {
        var rng = SeededGenerator(seed: 1)
        let constant = try FeatureMatrix(columns: [[Double](repeating: 4, count: 50)], names: ["a"])
        let m = try IsolationForest(nEstimators: 5).fit(constant, generator: &rng)
        // Every tree is one leaf of 50: h = c(50), score 2^(-c(50)/c(50)) = 0.5.
        XCTAssertTrue(try m.scoreSamples(constant).allSatisfy { abs($0 - 0.5) < 1e-12 })
        let one = try FeatureMatrix(columns: [[1]], names: ["a"])
        XCTAssertEqual(try IsolationForest(nEstimators: 3).fit(one, generator: &rng).scoreSamples(one), [1])
    }

    func testBadArgumentsThrow() throws {
        let x = try FeatureMatrix(columns: [[0, 1, 2]], names: ["a"])
        var rng = SeededGenerator(seed: 1)
        XCTAssertThrowsError(try IsolationForest(nEstimators: 0).fit(x, generator: &rng))
        XCTAssertThrowsError(try IsolationForest(maxSamples: 0).fit(x, generator: &rng))
        XCTAssertThrowsError(try IsolationForest(contamination: 0.7).fit(x, generator: &rng)) {
            XCTAssertEqual($0 as? FrameError, .invalidArgument("isolation contamination must be in (0, 0.5], got 0.7"))
        }
        let m = try IsolationForest(nEstimators: 2).fit(x, generator: &rng)
        XCTAssertThrowsError(try m.scoreSamples(try FeatureMatrix(columns: [[1], [2]], names: ["a", "b"])))
    }

    private func pearson(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(a.count), ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for i in a.indices { sab += (a[i] - ma) * (b[i] - mb); saa += (a[i] - ma) * (a[i] - ma); sbb += (b[i] - mb) * (b[i] - mb) }
        return sab / (saa * sbb).squareRoot()
    }
}
