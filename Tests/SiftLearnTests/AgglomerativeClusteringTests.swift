// Tests of AgglomerativeClustering: hand-worked merges, scikit-learn's partitions, the size limit.
import Foundation
import XCTest
import SiftFrame
@testable import SiftLearn

final class AgglomerativeClusteringTests: XCTestCase {
    func testCompleteLinkageByHand() throws {
        // 0, 1, 5, 6, 20: merges {0,1} at 1, {5,6} at 1, then {0,1,5,6} at 6, then 20 at 20.
        let x = try FeatureMatrix(columns: [[0, 1, 5, 6, 20]], names: ["a"])
        XCTAssertEqual(try AgglomerativeClustering(k: 3, linkage: .complete).fit(x).labels, [0, 0, 1, 1, 2])
        let two = try AgglomerativeClustering(k: 2, linkage: .complete).fit(x)
        XCTAssertEqual(two.labels, [0, 0, 0, 0, 1])
        XCTAssertEqual(two.heights, [1, 1, 6, 20])
        XCTAssertEqual(two.centroids, [3, 20])
        // Average: {0,1}–{5,6} is (5+6+4+5)/4 = 5; ward heights are sqrt(2·Δ SSE): {0,1} at 1.
        let avg = try AgglomerativeClustering(k: 1, linkage: .average).fit(x)
        XCTAssertEqual(avg.heights, [1, 1, 5, 17])
        let ward = try AgglomerativeClustering(k: 1, linkage: .ward).fit(x)
        // {0,1,5,6} from {0,1},{5,6}: ΔSSE = 2·2/4 · 25 = 25, height sqrt(50); last: 4·1/5 · 17² → sqrt(2 · 231.2).
        XCTAssertEqual(ward.heights[2], 50.0.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(ward.heights[3], (2 * 0.8 * 289).squareRoot(), accuracy: 1e-12)
    }

    func testPartitionsMatchScikitLearn() throws {
        let blobs = ClusterTestData.blobMatrix
        let x = ClusterTestData.outlierMatrix
        for (linkage, expected) in [(Linkage.ward, ClusterTestData.sklearnWardK4), (.average, ClusterTestData.sklearnAverageK4),
                                    (.complete, ClusterTestData.sklearnCompleteK4)] {
            XCTAssertEqual(try ClusteringMetrics.adjustedRandIndex(try AgglomerativeClustering(k: 3, linkage: linkage).fit(blobs).labels,
                                                                   ClusterTestData.truth), 1, "\(linkage) on blobs")
            XCTAssertEqual(try ClusteringMetrics.adjustedRandIndex(try AgglomerativeClustering(k: 4, linkage: linkage).fit(x).labels,
                                                                   expected), 1, "\(linkage) k=4 with outliers")
        }
    }

    func testPredictIsNearestCentroidAndModelRoundTrips() throws {
        let x = try FeatureMatrix(columns: [[0, 1, 5, 6, 20]], names: ["a"])
        let m = try AgglomerativeClustering(k: 3, linkage: .average).fit(x)
        XCTAssertEqual(try m.predict(try FeatureMatrix(columns: [[2.9, 3.1, 14]], names: ["a"])), [0, 1, 2])
        XCTAssertEqual(try JSONDecoder().decode(AgglomerativeClustering.Model.self, from: try JSONEncoder().encode(m)), m)
    }

    func testRefusesTooManyRowsAndBadK() throws {
        let big = try FeatureMatrix(columns: [[Double](repeating: 0, count: AgglomerativeClustering.maxRows + 1)], names: ["a"])
        XCTAssertThrowsError(try AgglomerativeClustering(k: 2).fit(big)) {
            XCTAssertEqual("\($0)", "hclust keeps all n(n-1)/2 pairwise distances and fits at most 10000 rows (got 10001); sample the data first or use kmeans")
        }
        let x = try FeatureMatrix(columns: [[0, 1]], names: ["a"])
        XCTAssertThrowsError(try AgglomerativeClustering(k: 0).fit(x))
        XCTAssertThrowsError(try AgglomerativeClustering(k: 3).fit(x))
        XCTAssertEqual(try AgglomerativeClustering(k: 2).fit(x).labels, [0, 1])
        let huge = try FeatureMatrix(columns: [[0, 1e200, -1e200]], names: ["a"])
        XCTAssertThrowsError(try AgglomerativeClustering(k: 2).fit(huge))
        let one = try FeatureMatrix(columns: [[7]], names: ["a"])
        XCTAssertEqual(try AgglomerativeClustering(k: 1).fit(one).labels, [0])
    }
}
