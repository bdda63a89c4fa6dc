// Tests for the recoded trees of large predictions: exact ranks, the same sums as walking the thresholds, the fallbacks.
import XCTest
import SiftFrame
@testable import SiftLearn

final class CodedTreesTests: XCTestCase {
    /// Two hand-made trees on feature 0: thresholds 1.5 and 3 in one, 3 and -2 in the other.
    private func handTrees() -> [DecisionTree] {
        let a = DecisionTree(nodes: [TreeNode(threshold: 1.5, feature: 0, left: 1), TreeNode(threshold: 0, feature: -1, left: 0),
                                     TreeNode(threshold: 3, feature: 0, left: 3), TreeNode(threshold: 0, feature: -1, left: 0),
                                     TreeNode(threshold: 0, feature: -1, left: 0)],
                             missingLeft: [false, false, false, false, false], outputs: [0, 1, 0, 2, 3], outputWidth: 1)
        let b = DecisionTree(nodes: [TreeNode(threshold: 3, feature: 0, left: 1), TreeNode(threshold: -2, feature: 0, left: 3),
                                     TreeNode(threshold: 0, feature: -1, left: 0), TreeNode(threshold: 0, feature: -1, left: 0),
                                     TreeNode(threshold: 0, feature: -1, left: 0)],
                             missingLeft: [false, false, false, false, false], outputs: [0, 0, 10, 20, 30], outputWidth: 1)
        return [a, b]
    }

    func testThresholdsBecomeRanksAndValuesCodeByCountingSmallerThresholds() throws {
        let coded = try XCTUnwrap(CodedTrees(handTrees(), featureCount: 1))
        XCTAssertEqual(coded.thresholds, [[-2, 1.5, 3]])
        XCTAssertEqual(coded.tree(0).map(\.code), [1, .max, 2, .max, .max])
        XCTAssertEqual(coded.tree(1).map(\.code), [2, 0, .max, .max, .max])
        // code(v) = #{t < v}: a value equal to a threshold codes to its rank, so it goes left.
        let values: [Double] = [-3, -2, 0, 1.5, 2, 3, 4, .nan, -.infinity, .infinity]
        var codes = [UInt32](repeating: 7, count: values.count)
        values.withUnsafeBufferPointer { v in
            codes.withUnsafeMutableBufferPointer { c in
                coded.code(v.baseAddress!, rows: values.count, range: 0..<values.count, into: c.baseAddress!)
            }
        }
        XCTAssertEqual(codes, [0, 0, 1, 1, 2, 2, 3, 0, 0, 3])
    }

    func testNodesThatCannotBePackedFallBack() {
        XCTAssertNil(CodedTrees(handTrees(), featureCount: 257), "the feature is stored in 8 bits")
        var nan = handTrees()
        nan[0].nodes[0].threshold = .nan
        XCTAssertNil(CodedTrees(nan, featureCount: 1))
        XCTAssertNotNil(CodedTrees([], featureCount: 0))
    }

    func testCodedSumsEqualWalkingTheThresholdsAtEveryBoundary() throws {
        // A forest on integer-valued and continuous features, then rows placed exactly on,
        // just below and just above every threshold of every tree, with NaN, ±∞ and -0.0.
        let (x, y) = toyClassification(rows: 400, classes: 3)
        let n0 = x.rowCount
        var columns = (0..<x.featureCount).map { f in (0..<n0).map { i in x.values[f * n0 + i] } }
        columns[0] = columns[0].map { ($0 * 4).rounded() }
        let train = try FeatureMatrix(columns: columns, names: x.names)
        var g = SeededGenerator(seed: 3)
        let forest = try RandomForestClassifier(nEstimators: 12).fit(train, y, classCount: 3, weights: nil, generator: &g)
        var probes = [[Double]](repeating: [], count: train.featureCount)
        for tree in forest.trees {
            for node in tree.nodes where node.left != 0 {
                for v in [node.threshold, node.threshold.nextDown, node.threshold.nextUp] {
                    for f in 0..<train.featureCount { probes[f].append(f == Int(node.feature) ? v : columns[f][probes[f].count % n0]) }
                }
            }
        }
        for special in [Double.nan, .infinity, -.infinity, -0.0, 0] {
            for f in 0..<train.featureCount { probes[f].append(special) }
        }
        while probes[0].count < TreePrediction.codedRows {
            for f in 0..<train.featureCount { probes[f].append(columns[f][probes[f].count % n0]) }
        }
        // Raw values (a FeatureMatrix refuses NaN and ±∞, which the engine passes through here).
        let values = probes.flatMap { $0 }, n = probes[0].count
        XCTAssertNotNil(CodedTrees(forest.trees, featureCount: train.featureCount))
        let coded = TreePrediction.sum(forest.trees, x: values, rows: n, width: 3, initial: [0, 0, 0], scale: 0.5)
        // The reference: each row down each tree on its double thresholds ("v > t" goes right,
        // so NaN goes left), the leaves' outputs added in tree order.
        var expected = [Double](repeating: 0, count: n * 3)
        for tree in forest.trees {
            for i in 0..<n {
                var k = 0
                while tree.nodes[k].left != 0 {
                    let node = tree.nodes[k]
                    k = Int(node.left) + (values[Int(node.feature) * n + i] > node.threshold ? 1 : 0)
                }
                for c in 0..<3 { expected[i * 3 + c] += 0.5 * tree.outputs[k * 3 + c] }
            }
        }
        XCTAssertEqual(coded, expected)
    }
}
