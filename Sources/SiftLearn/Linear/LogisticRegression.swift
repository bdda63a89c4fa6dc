// L2-penalised logistic regression: binary by Newton (IRLS), multinomial softmax by L-BFGS (scikit-learn's LogisticRegression).
import Foundation
import SiftFrame

/// Logistic regression with an L2 penalty, scikit-learn's `LogisticRegression`: minimises
/// `C Σᵢ wᵢ ℓᵢ + ½ ‖β‖²` with the log loss `ℓ` and the intercept unpenalised.
///
/// Two classes use one coefficient vector for class 1 (scikit-learn's `coef_` of shape `1 × p`);
/// more classes use the multinomial (softmax) model with one vector per class (`K × p`), whose
/// intercepts are reported centred to sum to 0 (softmax is unchanged by a common shift). See
/// ``LogisticLoss`` for the objective. The penalty keeps the optimum finite on separable data,
/// and a class with no rows gets a probability that tends to 0 but stays finite.
///
/// ```swift
/// var rng = SeededGenerator(seed: 0)
/// let m = try LogisticRegression(c: 1).fit(x, purchased, classCount: 2, weights: nil, generator: &rng)
/// try m.predictProba(x).column(1)   // P(purchased)
/// ```
public struct LogisticRegression: ClassifierParameters {
    /// The optimiser (`solver`).
    public enum Solver: String, Sendable, Codable {
        /// Newton for two classes, L-BFGS for more.
        case auto
        /// Newton's method on the exact Hessian (IRLS; scikit-learn's `newton-cholesky`). Binary
        /// only: more classes use L-BFGS.
        case newtonCholesky = "newton-cholesky"
        /// Limited-memory BFGS (scikit-learn's default `lbfgs`).
        case lbfgs
    }

    /// The inverse of the penalty strength (`C`), > 0.
    public var c: Double
    /// Whether to fit intercepts (`fit_intercept`).
    public var fitIntercept: Bool
    /// The most iterations (`max_iter`).
    public var maxIter: Int
    /// Stop when the largest gradient entry of the mean-scaled objective (``LogisticLoss``) is at
    /// most this (`tol`). Smaller than scikit-learn's 1e-4 by default: Newton gets there in one or
    /// two more steps, and the coefficients are then the optimum's to many digits.
    public var tol: Double
    /// The optimiser.
    public var solver: Solver

    /// Creates the hyperparameters (scikit-learn's defaults except `tol`).
    public init(c: Double = 1.0, fitIntercept: Bool = true, maxIter: Int = 100, tol: Double = 1e-8, solver: Solver = .auto) {
        self.c = c
        self.fitIntercept = fitIntercept
        self.maxIter = maxIter
        self.tol = tol
        self.solver = solver
    }

    /// Fits the coefficients.
    ///
    /// - Throws: `FrameError.shapeMismatch` for a target or weights of the wrong length,
    ///   `FrameError.invalidArgument` for `C ≤ 0`, `maxIter < 1`, class codes out of range or
    ///   weights summing to 0.
    /// - Complexity: Newton: O(n p²) per iteration, typically under 10 iterations; L-BFGS:
    ///   O(n p K) per evaluation.
    public func fit(_ x: FeatureMatrix, _ y: [Int32], classCount: Int, weights: [Double]?,
                    generator: inout SeededGenerator) throws -> Model {
        guard c > 0, c.isFinite else { throw FrameError.invalidArgument("C must be a finite number > 0, got \(c)") }
        guard maxIter >= 1 else { throw FrameError.invalidArgument("max_iter must be at least 1, got \(maxIter)") }
        guard tol >= 0, tol.isFinite else { throw FrameError.invalidArgument("tol must be ≥ 0, got \(tol)") }
        try EstimatorChecks.requireClassification(x, y, classCount: classCount, weights: weights)
        let n = x.rowCount, p = x.featureCount
        let w = weights ?? [Double](repeating: 1, count: n)
        guard w.reduce(0, +) > 0 else { throw FrameError.invalidArgument("logistic regression needs rows with positive weight") }
        guard classCount > 1 else {
            return Model(classCount: 1, coefficients: [[Double](repeating: 0, count: p)], intercepts: [0])
        }
        let loss = LogisticLoss(x: x.values, n: n, p: p, y: y, weights: w, classes: classCount, c: c)
        var theta = [Double](repeating: 0, count: loss.dimension)
        if classCount == 2 && solver != .lbfgs {
            theta = newton(loss, theta)
        } else {
            theta = LBFGS.minimize(theta, maxIter: maxIter, gradientTolerance: tol) { t, g in
                var t = t
                if !fitIntercept { for k in 0..<(t.count / (p + 1)) { t[k * (p + 1) + p] = 0 } }
                let f = loss.evaluate(t, &g)
                if !fitIntercept { for k in 0..<(g.count / (p + 1)) { g[k * (p + 1) + p] = 0 } }
                return f
            }.x
            if !fitIntercept { for k in 0..<(theta.count / (p + 1)) { theta[k * (p + 1) + p] = 0 } }
        }
        let rows = classCount == 2 ? 1 : classCount
        var coefficients = (0..<rows).map { k in (0..<p).map { theta[k * (p + 1) + $0] } }
        var intercepts = (0..<rows).map { theta[$0 * (p + 1) + p] }
        if rows > 1 {
            let mean = intercepts.reduce(0, +) / Double(rows)
            intercepts = intercepts.map { $0 - mean }
        }
        coefficients = coefficients.map { $0.map { $0.isFinite ? $0 : 0 } }
        intercepts = intercepts.map { $0.isFinite ? $0 : 0 }
        return Model(classCount: classCount, coefficients: coefficients, intercepts: intercepts)
    }

    /// Newton's method with a backtracking (Armijo) line search on the binary loss — iteratively
    /// reweighted least squares (Hastie et al., *ESL* §4.4.1, eqs. 4.23–4.28; Nocedal & Wright
    /// Alg. 3.1 for the step). When the Hessian is numerically singular (a class with no rows
    /// pushes the intercept off to infinity) it is damped by `λ I`, Levenberg–Marquardt style.
    private func newton(_ loss: LogisticLoss, _ start: [Double]) -> [Double] {
        let d = loss.dimension, p = loss.p
        var theta = start, g = [Double](repeating: 0, count: d), gTrial = g
        var f = loss.evaluate(theta, &g)
        for _ in 0..<maxIter {
            if !fitIntercept { g[p] = 0 }
            if (g.map(abs).max() ?? 0) <= tol { break }
            var h = loss.binaryHessian()
            if !fitIntercept { for j in 0..<d { h[j * d + p] = 0; h[p * d + j] = 0 }; h[p * d + p] = 1 }
            let minusG = g.map { -$0 }
            var step = DenseSolver.choleskySolve(h, minusG, p: d)
            var damping = 1e-10 * max(1, (0..<d).map { h[$0 * d + $0] }.max() ?? 1)
            while step == nil && damping < 1e10 {
                var damped = h
                for j in 0..<d { damped[j * d + j] += damping }
                step = DenseSolver.choleskySolve(damped, minusG, p: d)
                damping *= 100
            }
            let direction = step ?? minusG
            let slope = zip(g, direction).reduce(0) { $0 + $1.0 * $1.1 }
            guard slope < 0 else { break }
            var t = 1.0, accepted = false
            var trial = theta
            for _ in 0..<50 {
                for j in 0..<d { trial[j] = theta[j] + t * direction[j] }
                let fTrial = loss.evaluate(trial, &gTrial)
                if fTrial.isFinite && fTrial <= f + 1e-4 * t * slope {
                    accepted = true
                    let decrease = f - fTrial
                    theta = trial; g = gTrial; f = fTrial
                    if decrease <= 64 * Double.ulpOfOne * max(abs(f), 1) && t < 1 { return theta }
                    break
                }
                t *= 0.5
            }
            guard accepted else { break }
        }
        return theta
    }

    /// A fitted logistic regression.
    public struct Model: ClassificationModel, Equatable {
        /// The number of classes.
        public let classCount: Int
        /// Coefficients (`coef_`): one row for two classes (class 1's log-odds), else one per class.
        public let coefficients: [[Double]]
        /// Intercepts (`intercept_`), one per coefficient row.
        public let intercepts: [Double]

        init(classCount: Int, coefficients: [[Double]], intercepts: [Double]) {
            self.classCount = classCount
            self.coefficients = coefficients
            self.intercepts = intercepts
        }

        /// The number of features.
        public var featureCount: Int { coefficients.first?.count ?? 0 }

        /// `|βⱼ|` (two classes) or the mean of `|β_kj|` over the classes: on the standardised
        /// inputs the pipeline gives it, the effect per standard deviation on the log-odds.
        public var featureImportances: [Double]? {
            let rows = Double(coefficients.count)
            return (0..<featureCount).map { j in coefficients.reduce(0) { $0 + abs($1[j]) } / rows }
        }

        /// Class probabilities: the logistic function of `η` for two classes, softmax otherwise.
        ///
        /// - Throws: `FrameError.shapeMismatch` when `x` has another number of features.
        /// - Complexity: O(rows × features × classes).
        public func predictProba(_ x: FeatureMatrix) throws -> ProbabilityMatrix {
            try EstimatorChecks.requireFeatures(x, featureCount)
            let n = x.rowCount, k = classCount
            if k == 1 { return ProbabilityMatrix(rowCount: n, classCount: 1, values: [Double](repeating: 1, count: n)) }
            var out = [Double](repeating: 0, count: n * k)
            if k == 2 {
                let eta = LinearModel.linearPredictor(x, coefficients[0], intercepts[0])
                for i in 0..<n {
                    let q = LogisticLoss.sigmoid(eta[i])
                    out[2 * i] = 1 - q; out[2 * i + 1] = q
                }
            } else {
                let etas = (0..<k).map { LinearModel.linearPredictor(x, coefficients[$0], intercepts[$0]) }
                Softmax.rows(etas, into: &out, rows: n)
            }
            return ProbabilityMatrix(rowCount: n, classCount: k, values: out)
        }

        private enum CodingKeys: String, CodingKey { case classCount = "class_count", coefficients, intercepts }

        /// Reads a model, checking its shape.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            classCount = try c.decode(Int.self, forKey: .classCount)
            coefficients = try c.decode([[Double]].self, forKey: .coefficients)
            intercepts = try c.decode([Double].self, forKey: .intercepts)
            let rows = classCount <= 2 ? 1 : classCount
            let p = coefficients.first?.count ?? 0
            guard classCount >= 1, coefficients.count == rows, intercepts.count == rows,
                  coefficients.allSatisfy({ $0.count == p && $0.allSatisfy(\.isFinite) }), intercepts.allSatisfy(\.isFinite) else {
                throw DecodingError.dataCorruptedError(forKey: .coefficients, in: c, debugDescription: "a logistic model has the wrong shape")
            }
        }
    }
}
