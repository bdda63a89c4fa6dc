// Tests of KMeans: a hand-worked case, scikit-learn's partition and inertia on blobs, errors and JSON.
import Foundation
import XCTest
import SiftFrame
@testable import SiftLearn

final class KMeansTests: XCTestCase {
    func testTwoPairsOnALineGiveTheirMidpoints() throws {
        // 0, 1 | 10, 11: centres 0.5 and 10.5, inertia 4 × 0.25 = 1.
        let x = try FeatureMatrix(columns: [[0, 1, 10, 11]], names: ["a"])
        var rng = SeededGenerator(seed: 1)
        let m = try KMeans(k: 2).fit(x, generator: &rng)
        XCTAssertEqual(m.centres.sorted(), [0.5, 10.5])
        XCTAssertEqual(m.inertia, 1, accuracy: 1e-12)
        XCTAssertEqual(m.labels[0], m.labels[1])
        XCTAssertNotEqual(m.labels[1], m.labels[2])
        XCTAssertEqual(try m.predict(try FeatureMatrix(columns: [[2, 9]], names: ["a"])), [m.labels[0], m.labels[2]])
    }

    func testBlobsMatchScikitLearnPartitionAndInertia() throws {
        let x = ClusterTestData.blobMatrix
        var rng = SeededGenerator(seed: 1)
        let m = try KMeans(k: 3).fit(x, generator: &rng)
        XCTAssertEqual(try ClusteringMetrics.adjustedRandIndex(m.labels, ClusterTestData.truth), 1)
        // Same partition, so the same centres and inertia as scikit-learn's to rounding.
        XCTAssertEqual(m.inertia, ClusterTestData.sklearnKMeansInertia, accuracy: 1e-6)
        let sk = KMeans.Model(centres: ClusterTestData.sklearnKMeansCentres, featureCount: 2, clusterCount: 3,
                              labels: [], inertia: 0, iterations: 0)
        XCTAssertEqual(try sk.inertia(of: x), ClusterTestData.sklearnKMeansInertia, accuracy: 1e-6)
        XCTAssertEqual(try ClusteringMetrics.inertia(x, labels: try sk.predict(x), centres: sk.centres),
                       ClusterTestData.sklearnKMeansInertia, accuracy: 1e-6)
        for c in 0..<3 {
            let mine = m.centre(c)
            let match = (0..<3).map { sk.centre($0) }.min { hypot($0[0] - mine[0], $0[1] - mine[1]) < hypot($1[0] - mine[0], $1[1] - mine[1]) }
            XCTAssertEqual(mine[0], match?[0] ?? .nan, accuracy: 1e-9)
            XCTAssertEqual(mine[1], match?[1] ?? .nan, accuracy: 1e-9)
        }
    }

    func testOneSeedOneModelAndJSONRoundTrip() throws {
        let x = ClusterTestData.outlierMatrix
        var g1 = SeededGenerator(seed: 5), g2 = SeededGenerator(seed: 5)
        let a = try KMeans(k: 4, nInit: 3).fit(x, generator: &g1)
        let b = try KMeans(k: 4, nInit: 3).fit(x, generator: &g2)
        XCTAssertEqual(a, b)
        let back = try JSONDecoder().decode(KMeans.Model.self, from: try JSONEncoder().encode(a))
        XCTAssertEqual(back, a)
        XCTAssertEqual(try back.predict(x), a.labels)
    }

    func testMoreRestartsNeverRaiseInertia() throws {
        let x = ClusterTestData.outlierMatrix
        var g1 = SeededGenerator(seed: 3), g2 = SeededGenerator(seed: 3)
        let one = try KMeans(k: 5, nInit: 1).fit(x, generator: &g1)
        let ten = try KMeans(k: 5, nInit: 10).fit(x, generator: &g2)
        XCTAssertLessThanOrEqual(ten.inertia, one.inertia + 1e-9)
    }

    func testDuplicateRowsAndKEqualToRowsStayFinite() throws {
        let x = try FeatureMatrix(columns: [[1, 1, 1, 2]], names: ["a"])
        var rng = SeededGenerator(seed: 1)
        let m = try KMeans(k: 4).fit(x, generator: &rng)
        XCTAssertTrue(m.centres.allSatisfy(\.isFinite))
        XCTAssertEqual(m.inertia, 0, accuracy: 1e-12)
        let constant = try FeatureMatrix(columns: [[3, 3, 3]], names: ["a"])
        XCTAssertEqual(try KMeans(k: 2).fit(constant, generator: &rng).inertia, 0)
    }

    func testBadHyperparametersAndShapesThrow() throws {
        let x = try FeatureMatrix(columns: [[0, 1, 2]], names: ["a"])
        var rng = SeededGenerator(seed: 1)
        XCTAssertThrowsError(try KMeans(k: 0).fit(x, generator: &rng))
        XCTAssertThrowsError(try KMeans(k: 4).fit(x, generator: &rng)) {
            XCTAssertEqual($0 as? FrameError, .invalidArgument("kmeans k:4 is more than the 3 rows"))
        }
        XCTAssertThrowsError(try KMeans(k: 2, nInit: 0).fit(x, generator: &rng))
        XCTAssertThrowsError(try KMeans(k: 2, tol: -1).fit(x, generator: &rng))
        let empty = try FeatureMatrix(columns: [[Double]()], names: ["a"])
        XCTAssertThrowsError(try KMeans(k: 1).fit(empty, generator: &rng))
        let m = try KMeans(k: 2).fit(x, generator: &rng)
        XCTAssertThrowsError(try m.predict(try FeatureMatrix(columns: [[1], [2]], names: ["a", "b"])))
    }
}
