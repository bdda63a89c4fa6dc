// Tests for the feature matrix: layout, shape and value checks, row selection.
import XCTest
import SiftFrame
@testable import SiftLearn

final class FeatureMatrixTests: XCTestCase {
    func testColumnMajorLayoutAndSubscript() throws {
        let x = try FeatureMatrix(columns: [[1, 2, 3], [10, 20, 30]], names: ["a", "b"])
        XCTAssertEqual(x.values, [1, 2, 3, 10, 20, 30])
        XCTAssertEqual(x[2, 1], 30)
        XCTAssertEqual(x.row(1), [2, 20])
        XCTAssertEqual(x.withColumn(1) { Array($0) }, [10, 20, 30])
    }

    func testRowsGathersInOrderWithRepeats() throws {
        let x = try FeatureMatrix(columns: [[1, 2, 3], [10, 20, 30]], names: ["a", "b"])
        let r = x.rows([2, 0, 2])
        XCTAssertEqual(r.rowCount, 3)
        XCTAssertEqual(r.values, [3, 1, 3, 30, 10, 30])
        XCTAssertEqual(x.rows([]).rowCount, 0)
    }

    func testShapeAndValueErrors() {
        XCTAssertThrowsError(try FeatureMatrix(columns: [[1, 2], [1]], names: ["a", "b"])) {
            XCTAssertEqual($0 as? FrameError, .shapeMismatch("feature 'b' has 1 rows, expected 2"))
        }
        XCTAssertThrowsError(try FeatureMatrix(columns: [[1, .nan]], names: ["a"])) {
            XCTAssertEqual($0 as? FrameError, .invalidArgument("feature 'a' has a missing or infinite value; impute it first"))
        }
        XCTAssertThrowsError(try FeatureMatrix(rowCount: 2, names: ["a"], values: [1]))
    }

    func testProbabilityArgmaxPrefersLowestCodeOnTies() {
        let p = ProbabilityMatrix(rowCount: 2, classCount: 3, values: [0.2, 0.4, 0.4, 0.5, 0.25, 0.25])
        XCTAssertEqual(p.argmax(row: 0), 1)
        XCTAssertEqual(p.argmax(row: 1), 0)
        XCTAssertEqual(p.column(0), [0.2, 0.5])
    }
}
