// Tests for the logistic losses: values by hand, gradients and the Hessian against finite differences.
import XCTest
import Foundation
import SiftFrame
@testable import SiftLearn

final class LogisticLossTests: XCTestCase {
    func testBinaryValueAtZeroIsLog2() {
        // θ = 0: every pᵢ = ½, so the mean loss is log 2 and the intercept gradient is mean(½ − y).
        let loss = LogisticLoss(x: [1, 2, 3], n: 3, p: 1, y: [1, 0, 1], weights: [1, 1, 1], classes: 2, c: 1)
        var g = [0.0, 0.0]
        XCTAssertEqual(loss.evaluate([0, 0], &g), log(2), accuracy: 1e-15)
        XCTAssertEqual(g[1], (0.5 - 1 + 0.5 + 0.5 - 1) / 3, accuracy: 1e-15)
    }

    func testGradientsAndHessianMatchFiniteDifferences() {
        let (x, y) = toyClassification(rows: 30, classes: 3)
        let w = (0..<30).map { 0.5 + Double($0 % 3) }
        for classes in [2, 3] {
            let yy = classes == 2 ? y.map { $0 == 0 ? 0 : 1 } : y
            let loss = LogisticLoss(x: x.values, n: 30, p: 2, y: yy, weights: w, classes: classes, c: 0.7)
            let theta = (0..<loss.dimension).map { 0.3 * Double($0 % 4) - 0.4 }
            var g = [Double](repeating: 0, count: loss.dimension), scratch = g
            _ = loss.evaluate(theta, &g)
            let h = 1e-6
            for k in 0..<loss.dimension {
                var plus = theta, minus = theta
                plus[k] += h; minus[k] -= h
                let numeric = (loss.evaluate(plus, &scratch) - loss.evaluate(minus, &scratch)) / (2 * h)
                XCTAssertEqual(g[k], numeric, accuracy: 1e-7, "classes \(classes) parameter \(k)")
            }
            guard classes == 2 else { continue }
            _ = loss.evaluate(theta, &g)
            let hessian = loss.binaryHessian()
            for k in 0..<3 {
                var plus = theta, minus = theta, gp = g, gm = g
                plus[k] += h; minus[k] -= h
                _ = loss.evaluate(plus, &gp); _ = loss.evaluate(minus, &gm)
                for j in 0..<3 { XCTAssertEqual(hessian[j * 3 + k], (gp[j] - gm[j]) / (2 * h), accuracy: 1e-6, "H[\(j),\(k)]") }
            }
        }
    }

    func testSigmoidIsFiniteInBothTails() {
        XCTAssertEqual(LogisticLoss.sigmoid(0), 0.5)
        XCTAssertEqual(LogisticLoss.sigmoid(800), 1)
        XCTAssertEqual(LogisticLoss.sigmoid(-800), 0)
        XCTAssertEqual(LogisticLoss.sigmoid(-40), exp(-40) / (1 + exp(-40)), accuracy: 1e-30)
    }
}

extension LogisticLossTests {
    /// A design big enough (n (p+1)² ≥ 2²²) for the Hessian to be accumulated on several cores.
    func testLargeHessianMatchesADirectSum() {
        let n = 20_000, p = 15
        var rng = SeededGenerator(seed: 5)
        let x = (0..<(n * p)).map { _ in rng.nextGaussian() }
        let y = (0..<n).map { _ in Int32(rng.below(2)) }
        let loss = LogisticLoss(x: x, n: n, p: p, y: y, weights: [Double](repeating: 1, count: n), classes: 2, c: 1)
        var g = [Double](repeating: 0, count: p + 1)
        let theta = (0..<(p + 1)).map { 0.05 * Double($0) }
        _ = loss.evaluate(theta, &g)
        let h = loss.binaryHessian()
        for (j, k) in [(0, 0), (3, 11), (14, 14), (7, 15), (15, 15)] {
            var t = 0.0
            for i in 0..<n {
                let q = LogisticLoss.sigmoid(loss.eta[i])
                let a: Double = j == p ? 1 : x[j * n + i]
                let b: Double = k == p ? 1 : x[k * n + i]
                t += q * (1 - q) * a * b
            }
            let ridge: Double = j == k && j < p ? 1.0 / Double(n) : 0
            XCTAssertEqual(h[j * (p + 1) + k], t / Double(n) + ridge, accuracy: 1e-12, "H[\(j),\(k)]")
        }
    }
}
