// Tests of DBSCAN: hand-worked labels, scikit-learn's labels row for row, predict, scale and errors.
import Foundation
import XCTest
import SiftFrame
@testable import SiftLearn

final class DBSCANTests: XCTestCase {
    func testChainsBorderAndNoiseOnALine() throws {
        // eps 0.6, min 2: 0–0.5–1 chain, 5–5.4 pair, 20 alone.
        let x = try FeatureMatrix(columns: [[0, 0.5, 1, 5, 5.4, 20]], names: ["a"])
        let m = try DBSCAN(eps: 0.6, minSamples: 2).fit(x)
        XCTAssertEqual(m.labels, [0, 0, 0, 1, 1, -1])
        XCTAssertEqual(m.clusterCount, 2)
        XCTAssertEqual(m.noiseCount, 1)
        // min 3: only 0.5 is core (0, 0.5, 1 within 0.6); 0 and 1 are its border rows.
        XCTAssertEqual(try DBSCAN(eps: 0.6, minSamples: 3).fit(x).labels, [0, 0, 0, -1, -1, -1])
        // A distance of exactly eps counts (scikit-learn's radius is inclusive).
        XCTAssertEqual(try DBSCAN(eps: 0.5, minSamples: 2).fit(x).labels[0...2], [0, 0, 0])
    }

    func testLabelsEqualScikitLearnRowForRow() throws {
        XCTAssertEqual(try DBSCAN(eps: 0.5, minSamples: 5).fit(ClusterTestData.outlierMatrix).labels,
                       ClusterTestData.sklearnDBSCANLabels)
        let x3 = ClusterTestData.matrix(ClusterTestData.blobs(dims: 3))
        XCTAssertEqual(try DBSCAN(eps: 0.7, minSamples: 4).fit(x3).labels, ClusterTestData.sklearnDBSCAN3Labels)
    }

    func testPredictUsesNearestCoreRowWithinEps() throws {
        let x = try FeatureMatrix(columns: [[0, 0.5, 1, 5, 5.4, 20]], names: ["a"])
        let m = try DBSCAN(eps: 0.6, minSamples: 2).fit(x)
        let q = try FeatureMatrix(columns: [[0.2, 5.9, 3, 20]], names: ["a"])
        XCTAssertEqual(try m.predict(q), [0, 1, -1, -1])
        let back = try JSONDecoder().decode(DBSCAN.Model.self, from: try JSONEncoder().encode(m))
        XCTAssertEqual(back, m)
    }

    func testHundredThousandPointsInTwoDimensions() throws {
        // A 316 × 316 lattice of spacing 1 with jitter: every point has its 4–8 neighbours within
        // 1.5, so one cluster; this would need 80 GB as a distance matrix.
        var rng = SeededGenerator(seed: 2)
        var a: [Double] = [], b: [Double] = []
        for i in 0..<316 { for j in 0..<316 { a.append(Double(i) + rng.nextDouble() * 0.1); b.append(Double(j) + rng.nextDouble() * 0.1) } }
        let x = try FeatureMatrix(columns: [a, b], names: ["a", "b"])
        let start = Date()
        let m = try DBSCAN(eps: 1.5, minSamples: 4).fit(x)
        XCTAssertEqual(m.clusterCount, 1)
        XCTAssertEqual(m.noiseCount, 0)
        XCTAssertLessThan(Date().timeIntervalSince(start), 60, "debug build; release takes well under a second")
    }

    func testBadArgumentsThrow() throws {
        let x = try FeatureMatrix(columns: [[0, 1]], names: ["a"])
        XCTAssertThrowsError(try DBSCAN(eps: 0).fit(x)) {
            XCTAssertEqual($0 as? FrameError, .invalidArgument("dbscan needs eps > 0, got 0.0"))
        }
        XCTAssertThrowsError(try DBSCAN(eps: .infinity).fit(x))
        XCTAssertThrowsError(try DBSCAN(minSamples: 0).fit(x))
        let m = try DBSCAN(eps: 2, minSamples: 1).fit(x)
        XCTAssertEqual(m.labels, [0, 0])
        XCTAssertThrowsError(try m.predict(try FeatureMatrix(columns: [[1], [2]], names: ["a", "b"])))
        // A tiny eps over a huge range must not overflow the grid.
        let wide = try FeatureMatrix(columns: [[0, 1e300, -1e300]], names: ["a"])
        XCTAssertEqual(try DBSCAN(eps: 1e-300, minSamples: 1).fit(wide).labels, [0, 1, 2])
    }
}
