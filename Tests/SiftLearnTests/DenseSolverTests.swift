// Tests for the dense solvers: Cholesky by hand, singular systems refused, pivoted QR on rank-deficient designs.
import XCTest
@testable import SiftLearn

final class DenseSolverTests: XCTestCase {
    func testCholeskySolvesAHandWorkedSystem() throws {
        // [[4, 2], [2, 3]] x = [2, 1] has x = [0.5, 0].
        let x = try XCTUnwrap(DenseSolver.choleskySolve([4, 2, 2, 3], [2, 1], p: 2))
        XCTAssertEqual(x[0], 0.5, accuracy: 1e-15)
        XCTAssertEqual(x[1], 0, accuracy: 1e-15)
        XCTAssertEqual(DenseSolver.choleskySolve([], [], p: 0), [])
    }

    func testCholeskyRefusesSingularAndIndefiniteMatrices() {
        XCTAssertNil(DenseSolver.choleskySolve([1, 1, 1, 1], [1, 1], p: 2))
        XCTAssertNil(DenseSolver.choleskySolve([1, 2, 2, 1], [1, 1], p: 2))
        XCTAssertNil(DenseSolver.choleskySolve([0, 0, 0, 0], [0, 0], p: 2))
    }

    func testQRLeastSquaresOnFullAndDeficientRank() {
        // Columns (1, 1, 1) and (0, 1, 2), b = (1, 2, 4): the least-squares line is 5/6 + 1.5 t.
        let x = DenseSolver.qrLeastSquares([1, 1, 1, 0, 1, 2], [1, 2, 4], rows: 3, columns: 2)
        XCTAssertEqual(x[0], 5.0 / 6, accuracy: 1e-12)
        XCTAssertEqual(x[1], 1.5, accuracy: 1e-12)
        // A zero column and a duplicated column: finite, fitted values unchanged.
        let y = DenseSolver.qrLeastSquares([0, 0, 0, 0, 1, 2, 0, 1, 2], [1, 2, 4], rows: 3, columns: 3)
        XCTAssertEqual(y[0], 0)
        XCTAssertTrue(y.allSatisfy(\.isFinite))
        // Without an intercept column the slope through 0 is Σ t b / Σ t² = (2 + 8) / 5.
        XCTAssertEqual(y[1] + y[2], 2, accuracy: 1e-9)
    }
}
