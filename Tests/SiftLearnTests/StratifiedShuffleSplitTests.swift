// Tests for NumPy's RandomState stream and scikit-learn's stratified split, against figures printed by NumPy and scikit-learn.
import XCTest
@testable import SiftLearn

final class StratifiedShuffleSplitTests: XCTestCase {
    // /tmp/sift-bench-venv/bin/python -c "import numpy as np; r=np.random.RandomState(0);
    //   print([int(r.randint(2**32,dtype=np.uint32)) for _ in range(3)]); print(np.random.RandomState(0).permutation(10).tolist())"
    func testTheStreamIsNumpysRandomState() {
        var r = NumpyRandomState(seed: 0)
        XCTAssertEqual([r.nextUInt32(), r.nextUInt32(), r.nextUInt32()], [2_357_136_044, 2_546_248_239, 3_071_714_933])
        var p = NumpyRandomState(seed: 0)
        XCTAssertEqual(p.permutation(10), [2, 8, 4, 9, 1, 6, 7, 3, 0, 5])
    }

    // from sklearn.model_selection import train_test_split
    // y = np.array([i % 3 == 0 for i in range(20)]).astype(int)
    // train_test_split(np.arange(20), test_size=0.2, random_state=0, stratify=y)
    // y = np.array([(i * 7) % 5 for i in range(23)])
    // train_test_split(np.arange(23), test_size=0.3, random_state=4, stratify=y)   (scikit-learn 1.9.1)
    func testTheSplitIsScikitLearns() {
        let binary = StratifiedShuffleSplit.split(labels: (0..<20).map { $0 % 3 == 0 ? 1 : 0 }, testSize: 0.2, seed: 0)
        XCTAssertEqual(binary.train, [9, 15, 18, 7, 2, 12, 10, 16, 4, 3, 5, 13, 17, 14, 6, 11])
        XCTAssertEqual(binary.test, [1, 19, 8, 0])
        let five = StratifiedShuffleSplit.split(labels: (0..<23).map { ($0 * 7) % 5 }, testSize: 0.3, seed: 4)
        XCTAssertEqual(five.train, [9, 0, 21, 18, 22, 10, 20, 19, 7, 15, 11, 14, 13, 16, 17, 3])
        XCTAssertEqual(five.test, [12, 4, 2, 5, 8, 1, 6])
    }
}
