// Stratified holdout and folds, balanced class weights, SMOTE and undersampling.
import XCTest
import SiftFrame
@testable import SiftLearn

final class ResamplingTests: XCTestCase {
    func testStratifiedHoldoutKeepsClassShares() {
        let y: [Int32] = (0..<100).map { $0 < 30 ? 1 : 0 }
        let (train, holdout) = RowSplits.holdout(count: 100, classes: y, fraction: 0.8, seed: 1)
        XCTAssertEqual(train.count, 80)
        XCTAssertEqual(train.filter { y[$0] == 1 }.count, 24)
        XCTAssertEqual(Set(train + holdout).count, 100)
        XCTAssertEqual(train, train.sorted())
        XCTAssertEqual(RowSplits.holdout(count: 100, classes: y, fraction: 0.8, seed: 1).train, train)
    }

    func testFoldsPartitionTheRows() {
        let y: [Int32] = (0..<10).map { $0 < 4 ? 1 : 0 }
        let folds = RowSplits.folds(count: 10, classes: y, k: 2, seed: 3)
        XCTAssertEqual(folds.flatMap { $0 }.sorted(), Array(0..<10))
        XCTAssertEqual(folds.map { f in f.filter { y[$0] == 1 }.count }, [2, 2])
    }

    func testBalancedWeights() {
        // n / (k n_c): 4 / (2 · 3) and 4 / (2 · 1).
        XCTAssertEqual(RowSplits.balancedWeights([0, 0, 0, 1], classCount: 2), [2.0 / 3, 2.0 / 3, 2.0 / 3, 2])
    }

    func testSmoteFillsMinorityBetweenNeighbours() {
        // Class 1 has points at x = 0, 1, 2 (y = 0): synthetic points lie on the segment [0, 2].
        let x: [Double] = [10, 11, 12, 13, 14, 0, 1, 2, 5, 5, 5, 5, 5, 0, 0, 0]
        let y: [Int32] = [0, 0, 0, 0, 0, 1, 1, 1]
        var g = SeededGenerator(seed: 1)
        let r = Resampling.smote(x, rows: 8, features: 2, y: y, classCount: 2, generator: &g)
        XCTAssertEqual(r.rows, 10)
        XCTAssertEqual(r.y.filter { $0 == 1 }.count, 5)
        for i in 8..<10 {
            XCTAssertTrue((0...2).contains(r.values[i]), "\(r.values[i])")
            XCTAssertEqual(r.values[10 + i], 0)
        }
        XCTAssertEqual(Array(r.values[0..<8]), Array(x[0..<8]))
    }

    func testUnderSampling() {
        var g = SeededGenerator(seed: 2)
        let kept = Resampling.underSample([0, 0, 0, 0, 1, 1], classCount: 2, generator: &g)
        XCTAssertEqual(kept.count, 4)
        XCTAssertTrue(kept.contains(4) && kept.contains(5))
    }
}
