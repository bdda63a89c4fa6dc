// The shared estimator checks (after scikit-learn's estimator_checks) run on every clustering and the isolation forest.
import XCTest
import SiftFrame
@testable import SiftLearn

final class ClusteringConformanceTests: XCTestCase {
    /// Refit gives the same model, one seed one output, predict checks shapes, a constant feature
    /// and a single row are handled, and labels cover every row.
    func checkClusterer<M: ClusteringModel & Equatable>(_ name: String, _ fit: (FeatureMatrix, inout SeededGenerator) throws -> M,
                                                       file: StaticString = #filePath, line: UInt = #line) throws {
        let x = ClusterTestData.outlierMatrix
        var g1 = SeededGenerator(seed: 7), g2 = SeededGenerator(seed: 7)
        let a = try fit(x, &g1), b = try fit(x, &g2)
        XCTAssertEqual(a, b, "\(name): same seed, same data, same model", file: file, line: line)
        XCTAssertEqual(a.labels.count, x.rowCount, file: file, line: line)
        XCTAssertTrue(a.labels.allSatisfy { $0 >= -1 && $0 < a.clusterCount }, file: file, line: line)
        XCTAssertEqual(try a.predict(x).count, x.rowCount, file: file, line: line)
        let narrow = try FeatureMatrix(columns: [(0..<x.rowCount).map { x[$0, 0] }], names: ["x0"])
        XCTAssertThrowsError(try a.predict(narrow), "\(name): fewer features is an error", file: file, line: line)
        var g = SeededGenerator(seed: 7)
        let constant = try FeatureMatrix(columns: [(0..<x.rowCount).map { x[$0, 0] }, [Double](repeating: 5, count: x.rowCount)],
                                         names: ["x0", "c"])
        XCTAssertEqual(try fit(constant, &g).labels.count, x.rowCount, "\(name): a constant feature", file: file, line: line)
        let one = try FeatureMatrix(columns: [[1], [2]], names: ["a", "b"])
        XCTAssertEqual(try fit(one, &g).labels.count, 1, "\(name): a single row", file: file, line: line)
    }

    func testEveryClusteringPassesTheSharedChecks() throws {
        try checkClusterer("kmeans") { x, g in try KMeans(k: min(3, x.rowCount), nInit: 2).fit(x, generator: &g) }
        try checkClusterer("dbscan") { x, _ in try DBSCAN(eps: 0.5, minSamples: 5).fit(x) }
        for linkage in Linkage.allCases {
            try checkClusterer("hclust \(linkage)") { x, _ in try AgglomerativeClustering(k: min(3, x.rowCount), linkage: linkage).fit(x) }
        }
    }

    func testIsolationForestPassesTheSharedChecks() throws {
        let x = ClusterTestData.outlierMatrix
        var g1 = SeededGenerator(seed: 7), g2 = SeededGenerator(seed: 7)
        let a = try IsolationForest(nEstimators: 10).fit(x, generator: &g1)
        XCTAssertEqual(a, try IsolationForest(nEstimators: 10).fit(x, generator: &g2))
        XCTAssertTrue(try a.scoreSamples(x).allSatisfy { $0 > 0 && $0 <= 1 })
        let one = try FeatureMatrix(columns: [[1], [2]], names: ["a", "b"])
        XCTAssertEqual(try IsolationForest(nEstimators: 2).fit(one, generator: &g1).scoreSamples(one).count, 1)
    }
}
