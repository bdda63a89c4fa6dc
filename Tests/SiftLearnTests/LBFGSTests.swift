// Tests for L-BFGS: a convex quadratic and the Rosenbrock function reach their known minima.
import XCTest
@testable import SiftLearn

final class LBFGSTests: XCTestCase {
    func testMinimisesAQuadratic() {
        // f = (x − 3)² + 10 (y + 1)², minimum at (3, −1).
        let r = LBFGS.minimize([0, 0], maxIter: 100, gradientTolerance: 1e-10) { v, g in
            g[0] = 2 * (v[0] - 3); g[1] = 20 * (v[1] + 1)
            return (v[0] - 3) * (v[0] - 3) + 10 * (v[1] + 1) * (v[1] + 1)
        }
        XCTAssertEqual(r.x[0], 3, accuracy: 1e-9)
        XCTAssertEqual(r.x[1], -1, accuracy: 1e-9)
        XCTAssertLessThan(r.iterations, 20)
    }

    func testMinimisesRosenbrock() {
        // f = (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1) from the classic start (−1.2, 1).
        let r = LBFGS.minimize([-1.2, 1], maxIter: 500, gradientTolerance: 1e-10) { v, g in
            let a = 1 - v[0], b = v[1] - v[0] * v[0]
            g[0] = -2 * a - 400 * v[0] * b; g[1] = 200 * b
            return a * a + 100 * b * b
        }
        XCTAssertEqual(r.x[0], 1, accuracy: 1e-6)
        XCTAssertEqual(r.x[1], 1, accuracy: 1e-6)
        XCTAssertLessThan(r.value, 1e-12)
    }
}
