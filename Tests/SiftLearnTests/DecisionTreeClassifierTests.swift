// Tests for the CART classification tree: hand-worked splits, limits, weights, importance, save/load.
import XCTest
import Foundation
import SiftFrame
@testable import SiftLearn

final class DecisionTreeClassifierTests: XCTestCase {
    private func fit(_ columns: [[Double]], _ y: [Int32], classes: Int = 2, weights: [Double]? = nil,
                     _ params: DecisionTreeClassifier = DecisionTreeClassifier()) throws -> DecisionTreeClassifier.Model {
        let x = try FeatureMatrix(columns: columns, names: columns.indices.map { "f\($0)" })
        var g = SeededGenerator(seed: 1)
        return try params.fit(x, y, classCount: classes, weights: weights, generator: &g)
    }

    func testPassesTheSharedEstimatorChecks() throws {
        try checkClassifier(DecisionTreeClassifier())
        try checkClassifier(DecisionTreeClassifier(maxDepth: 3, minSamplesLeaf: 5))
        try checkClassifier(DecisionTreeClassifier(maxFeatures: .count(1)))
    }

    func testSeparableDataSplitsAtTheMidpoint() throws {
        let m = try fit([[1, 2, 3, 4]], [0, 0, 1, 1])
        XCTAssertEqual(m.tree.nodeCount, 3)
        XCTAssertEqual(m.tree.nodes[0].threshold, 2.5)
        XCTAssertEqual(m.tree.nodes[0].feature, 0)
        let p = try m.predictProba(try FeatureMatrix(columns: [[2.5, 2.6, -100, 100]], names: ["f0"]))
        XCTAssertEqual(p.column(1), [0, 1, 0, 1], "x <= threshold goes left")
    }

    func testNeverSplitsBetweenEqualValues() throws {
        // Two distinct values only: the sole possible threshold is 1.5, and the leaves stay mixed.
        let m = try fit([[1, 1, 1, 2, 2, 2]], [0, 0, 1, 0, 1, 1])
        XCTAssertEqual(m.tree.nodeCount, 3)
        XCTAssertEqual(m.tree.nodes[0].threshold, 1.5)
        let p = try m.predictProba(try FeatureMatrix(columns: [[1, 2]], names: ["f0"]))
        XCTAssertEqual(p[0, 1], 1.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(p[1, 1], 2.0 / 3, accuracy: 1e-12)
    }

    func testPicksTheFeatureWithTheLargerGiniDecrease() throws {
        // f0 separates 3 of 4 rows, f1 all of them.
        let m = try fit([[0, 1, 0, 1], [5, 5, 7, 7]], [0, 0, 1, 1])
        XCTAssertEqual(m.tree.nodes[0].feature, 1)
        XCTAssertEqual(m.tree.nodes[0].threshold, 6)
        XCTAssertEqual(m.featureImportances ?? [], [0, 1])
    }

    func testImportanceIsTheNormalisedWeightedGiniDecrease() throws {
        // Hand-worked: at the root (4 rows, 2/2, weighted Gini 4·0.5 = 2) f0 ≤ 1.5 gives {0,0,1} | {1}
        // and f1 ≤ 1.5 gives the same partition, decrease 2 − 3·(4/9) − 0 = 2/3 each; the tie goes
        // to f0. The left node {x1: 0,1,2; y: 0,0,1} then splits on f1 ≤ 1.5 into pure leaves:
        // decrease 3·(4/9) = 4/3. Importances (2/3, 4/3) / 2 = (1/3, 2/3).
        let m = try fit([[1, 1, 1, 2], [0, 1, 2, 0]], [0, 0, 1, 1], DecisionTreeClassifier(maxDepth: 2))
        let imp = m.featureImportances ?? []
        XCTAssertEqual(m.tree.nodes[0].feature, 0)
        XCTAssertEqual(imp[0], 1.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(imp[1], 2.0 / 3, accuracy: 1e-12)
    }

    func testDepthAndLeafLimits() throws {
        let (x, y) = toyClassification(rows: 300)
        var g = SeededGenerator(seed: 3)
        let shallow = try DecisionTreeClassifier(maxDepth: 2).fit(x, y, classCount: 2, weights: nil, generator: &g)
        XCTAssertLessThanOrEqual(shallow.tree.depth, 2)
        let full = try DecisionTreeClassifier().fit(x, y, classCount: 2, weights: nil, generator: &g)
        // Fully grown on distinct values: every leaf is pure, so training accuracy is 100%.
        let p = try full.predictProba(x)
        for i in 0..<x.rowCount { XCTAssertEqual(p.argmax(row: i), Int(y[i])) }
        let leafy = try DecisionTreeClassifier(minSamplesLeaf: 40).fit(x, y, classCount: 2, weights: nil, generator: &g)
        // Every leaf holds at least 40 rows: count rows per distinct leaf distribution path.
        var perLeaf: [Int: Int] = [:]
        x.values.withUnsafeBufferPointer { xv in
            leafy.tree.nodes.withUnsafeBufferPointer { np in
                for i in 0..<x.rowCount {
                    perLeaf[leafy.tree.leaf(xv.baseAddress!, row: i, rows: x.rowCount, nodes: np.baseAddress!, missing: nil), default: 0] += 1
                }
            }
        }
        XCTAssertTrue(perLeaf.values.allSatisfy { $0 >= 40 }, "\(perLeaf)")
    }

    func testWeightsActLikeRepeatedRows() throws {
        // Weight 2 on a row is the same as the row twice (for the split and the leaf values).
        let weighted = try fit([[1, 2, 3, 4, 5]], [0, 1, 0, 1, 1], weights: [1, 2, 1, 1, 1], DecisionTreeClassifier(maxDepth: 1))
        let repeated = try fit([[1, 2, 2, 3, 4, 5]], [0, 1, 1, 0, 1, 1], DecisionTreeClassifier(maxDepth: 1))
        XCTAssertEqual(weighted.tree.nodes[0].threshold, repeated.tree.nodes[0].threshold)
        XCTAssertEqual(weighted.tree.outputs, repeated.tree.outputs)
        // Zero-weight rows are left out entirely.
        let dropped = try fit([[1, 2, 3, 100]], [0, 0, 1, 0], weights: [1, 1, 1, 0])
        XCTAssertEqual(dropped.tree.nodes[0].threshold, 2.5)
        XCTAssertThrowsError(try fit([[1, 2]], [0, 1], weights: [0, 0]))
    }

    func testMultiClassDistributions() throws {
        let m = try fit([[1, 2, 3, 4, 5, 6]], [0, 0, 1, 1, 2, 2], classes: 3)
        let p = try m.predictProba(try FeatureMatrix(columns: [[1, 3.5, 6]], names: ["f0"]))
        XCTAssertEqual((0..<3).map { p.argmax(row: $0) }, [0, 1, 2])
        // A class code never seen still gets a column (probability 0).
        let q = try fit([[1, 2]], [0, 2], classes: 4).predictProba(try FeatureMatrix(columns: [[1]], names: ["f0"]))
        XCTAssertEqual(q.values, [1, 0, 0, 0])
    }

    func testRejectsBadHyperparameters() throws {
        let (x, y) = toyClassification(rows: 20)
        var g = SeededGenerator(seed: 1)
        for bad in [DecisionTreeClassifier(maxDepth: 0), DecisionTreeClassifier(minSamplesSplit: 1),
                    DecisionTreeClassifier(minSamplesLeaf: 0), DecisionTreeClassifier(maxFeatures: .fraction(1.5))] {
            XCTAssertThrowsError(try bad.fit(x, y, classCount: 2, weights: nil, generator: &g))
        }
        XCTAssertThrowsError(try DecisionTreeClassifier().fit(x, y, classCount: 1, weights: nil, generator: &g),
                             "class codes beyond classCount")
    }

    func testJSONRoundTripPredictsIdentically() throws {
        let (x, y) = toyClassification(rows: 150, classes: 3)
        var g = SeededGenerator(seed: 2)
        let m = try DecisionTreeClassifier(maxDepth: 5).fit(x, y, classCount: 3, weights: nil, generator: &g)
        let data = try JSONEncoder().encode(m)
        let back = try JSONDecoder().decode(DecisionTreeClassifier.Model.self, from: data)
        XCTAssertEqual(back, m)
        XCTAssertEqual(try back.predictProba(x), try m.predictProba(x))
        // A damaged file is an error, not a crash.
        var json = try XCTUnwrap(String(data: data, encoding: .utf8))
        json = json.replacingOccurrences(of: "\"left\":[1", with: "\"left\":[99")
        XCTAssertThrowsError(try JSONDecoder().decode(DecisionTreeClassifier.Model.self, from: Data(json.utf8)))
    }
}

final class DecisionTreeClassifierAnchorTests: XCTestCase {
    /// Anchors: scikit-learn 1.9.1 `DecisionTreeClassifier(max_depth=6, random_state=0)` and
    /// `(max_depth=4, min_samples_leaf=20)` on the UCI subset of `UCIEshopData` (price_2 == 1),
    /// test AUC from `scripts/tree_anchors.py uci`.
    func testMatchesScikitLearnOnTheUCISubset() throws {
        let data = try UCIEshopData.load(), hard = try data.withoutClothingModel()
        assertMatchesAnchor(try data.auc(DecisionTreeClassifier(maxDepth: 6)), 0.91514, "depth 6")
        assertMatchesAnchor(try data.auc(DecisionTreeClassifier(maxDepth: 4, minSamplesLeaf: 20)), 0.809042, "depth 4, leaf 20")
        assertMatchesAnchor(try hard.auc(DecisionTreeClassifier(maxDepth: 6)), 0.899044, "no clothing model, depth 6")
        assertMatchesAnchor(try hard.auc(DecisionTreeClassifier(maxDepth: 4, minSamplesLeaf: 20)), 0.808986,
                            "no clothing model, depth 4, leaf 20")
    }

    func testLargeNodesSplitOnBothCoresGiveTheSequentialTree() throws {
        // 70,000 rows: the upper nodes are partitioned (and their features scanned) on all
        // cores by the single tree, on one thread by the forest; the trees must be identical.
        let (x, y) = toyClassification(rows: 70_000)
        var g = SeededGenerator(seed: 2)
        let tree = try DecisionTreeClassifier(maxDepth: 5).fit(x, y, classCount: 2, weights: nil, generator: &g)
        let forest = try RandomForestClassifier(nEstimators: 1, maxDepth: 5, maxFeatures: .all, bootstrap: false)
            .fit(x, y, classCount: 2, weights: nil, generator: &g)
        XCTAssertGreaterThan(tree.tree.nodeCount, 31)
        XCTAssertEqual(forest.trees[0], tree.tree)
    }
}
