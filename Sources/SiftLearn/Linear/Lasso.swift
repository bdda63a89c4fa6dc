// L1-penalised least squares by cyclic coordinate descent (scikit-learn's Lasso).
import SiftFrame

/// The lasso, scikit-learn's `Lasso`: minimises
/// `(1 / (2 Σw)) Σ wᵢ (yᵢ − b − xᵢ·β)² + α ‖β‖₁` (with unit weights, `1/(2n) ‖y − Xβ − b‖² + α‖β‖₁`),
/// intercept unpenalised.
///
/// Cyclic coordinate descent with soft-thresholding (Friedman, Hastie & Tibshirani 2010,
/// "Regularization paths for generalized linear models via coordinate descent", J. Stat. Softw.
/// 33(1), eq. 5), keeping the residual up to date so each coordinate costs two passes over a
/// column. Convergence is scikit-learn's (`enet_coordinate_descent` in `cd_fast.pyx`): when the
/// largest coefficient change is below `tol` relative to the largest coefficient, the duality gap
/// is computed, and fitting stops once it is below `tol · ‖ỹ‖²`, or after `maxIter` sweeps.
///
/// ```swift
/// var rng = SeededGenerator(seed: 0)
/// let m = try Lasso(alpha: 0.1).fit(x, revenue, weights: nil, generator: &rng)
/// m.coefficients   // some exactly 0
/// ```
public struct Lasso: RegressorParameters {
    /// The penalty strength (`alpha`), ≥ 0.
    public var alpha: Double
    /// Whether to fit an intercept (`fit_intercept`).
    public var fitIntercept: Bool
    /// The most sweeps over the coefficients (`max_iter`).
    public var maxIter: Int
    /// The duality-gap tolerance (`tol`), relative to `‖ỹ‖²`.
    public var tol: Double

    /// Creates the hyperparameters (scikit-learn's defaults).
    public init(alpha: Double = 1.0, fitIntercept: Bool = true, maxIter: Int = 1000, tol: Double = 1e-4) {
        self.alpha = alpha
        self.fitIntercept = fitIntercept
        self.maxIter = maxIter
        self.tol = tol
    }

    /// Fits the coefficients.
    ///
    /// - Throws: as ``LinearRegression/fit(_:_:weights:generator:)``, and
    ///   `FrameError.invalidArgument` for a negative `alpha`, `maxIter < 1` or a negative `tol`.
    /// - Complexity: O(n p) per sweep, at most `maxIter` sweeps.
    public func fit(_ x: FeatureMatrix, _ y: [Double], weights: [Double]?, generator: inout SeededGenerator) throws -> LinearModel {
        guard alpha >= 0, alpha.isFinite else { throw FrameError.invalidArgument("alpha must be a finite number ≥ 0, got \(alpha)") }
        guard maxIter >= 1 else { throw FrameError.invalidArgument("max_iter must be at least 1, got \(maxIter)") }
        guard tol >= 0, tol.isFinite else { throw FrameError.invalidArgument("tol must be ≥ 0, got \(tol)") }
        try EstimatorChecks.requireRows(x, y.count, "the target")
        try EstimatorChecks.requireWeights(x, weights)
        let d = try LinearRegression.design(x, y, weights: weights, fitIntercept: fitIntercept)
        let penalty = alpha * d.weightSum
        // Many more rows than features: covariance updates make a sweep O(p²) instead of O(n p).
        let beta = d.n >= 2 * d.p && d.p <= 512
            ? Lasso.covarianceDescent(d, penalty: penalty, maxIter: maxIter, tol: tol)
            : Lasso.coordinateDescent(d, penalty: penalty, maxIter: maxIter, tol: tol)
        return d.model(beta)
    }

    /// The same cyclic descent with "covariance updates" (Friedman, Hastie & Tibshirani 2010,
    /// §2.2): with `G = X̃ᵀX̃` and `c = X̃ᵀỹ` computed once, `X̃ⱼᵀr = cⱼ − Σₖ Gⱼₖ βₖ`, so the
    /// residual is never formed. The duality gap uses `X̃ᵀr = c − Gβ`, `rᵀr = ỹᵀỹ − 2βᵀc + βᵀGβ`
    /// and `rᵀỹ = ỹᵀỹ − βᵀc`.
    static func covarianceDescent(_ d: WeightedDesign, penalty: Double, maxIter: Int, tol: Double) -> [Double] {
        let p = d.p
        let (gram, c) = d.normalEquations()
        let yy = d.y.reduce(0) { $0 + $1 * $1 }
        var beta = [Double](repeating: 0, count: p)
        // Gβ, kept up to date as coordinates change.
        var gb = [Double](repeating: 0, count: p)
        func gap() -> Double {
            var dualNorm = 0.0, bc = 0.0, bgb = 0.0, l1 = 0.0
            for j in 0..<p {
                dualNorm = max(dualNorm, abs(c[j] - gb[j]))
                bc += beta[j] * c[j]; bgb += beta[j] * gb[j]; l1 += abs(beta[j])
            }
            let rr = max(0, yy - 2 * bc + bgb), ry = yy - bc
            let scale = dualNorm > penalty ? penalty / dualNorm : 1
            return 0.5 * (rr + rr * scale * scale) + penalty * l1 - scale * ry
        }
        for sweep in 0..<maxIter {
            var maxBeta = 0.0, maxChange = 0.0
            for j in 0..<p where gram[j * p + j] > 0 {
                let old = beta[j], norm = gram[j * p + j]
                let rho = c[j] - gb[j] + norm * old
                let new = rho > penalty ? (rho - penalty) / norm : rho < -penalty ? (rho + penalty) / norm : 0
                let delta = new - old
                if delta != 0 {
                    for k in 0..<p { gb[k] += gram[k * p + j] * delta }
                    beta[j] = new
                }
                maxChange = max(maxChange, abs(delta)); maxBeta = max(maxBeta, abs(new))
            }
            if maxBeta == 0 || maxChange / maxBeta < tol || sweep == maxIter - 1 {
                if gap() <= tol * yy { break }
            }
        }
        return beta
    }

    /// Minimises `½‖ỹ − X̃β‖² + penalty · ‖β‖₁` (the objective above times `Σw`).
    static func coordinateDescent(_ d: WeightedDesign, penalty: Double, maxIter: Int, tol: Double) -> [Double] {
        let n = d.n, p = d.p
        var beta = [Double](repeating: 0, count: p)
        var residual = d.y
        let yy = d.y.reduce(0) { $0 + $1 * $1 }
        let gapTolerance = tol * yy
        d.x.withUnsafeBufferPointer { x in
            residual.withUnsafeMutableBufferPointer { r in
                let norms = (0..<p).map { j in (0..<n).reduce(0.0) { $0 + x[j * n + $1] * x[j * n + $1] } }
                for sweep in 0..<maxIter {
                    var maxBeta = 0.0, maxChange = 0.0
                    for j in 0..<p where norms[j] > 0 {
                        let base = j * n, old = beta[j]
                        // ρ = X̃ⱼᵀ (r + X̃ⱼ βⱼ): the partial residual's correlation.
                        var rho = 0.0
                        for i in 0..<n { rho += x[base + i] * r[i] }
                        rho += norms[j] * old
                        // Soft-threshold S(ρ, λ) / ‖X̃ⱼ‖² (Friedman et al. 2010, eq. 5).
                        let new = rho > penalty ? (rho - penalty) / norms[j] : rho < -penalty ? (rho + penalty) / norms[j] : 0
                        let delta = new - old
                        if delta != 0 {
                            for i in 0..<n { r[i] -= delta * x[base + i] }
                            beta[j] = new
                        }
                        maxChange = max(maxChange, abs(delta)); maxBeta = max(maxBeta, abs(new))
                    }
                    if maxBeta == 0 || maxChange / maxBeta < tol || sweep == maxIter - 1 {
                        if dualityGap(x, r, beta, n: n, p: p, penalty: penalty) <= gapTolerance { break }
                    }
                }
            }
        }
        return beta
    }

    /// The duality gap of the lasso at `β` with residual `r` (scikit-learn's `cd_fast.pyx`, after
    /// Kim et al. 2007 / El Ghaoui et al. 2012): the dual point is `r` rescaled into the feasible
    /// set `‖X̃ᵀθ‖∞ ≤ λ`.
    static func dualityGap(_ x: UnsafeBufferPointer<Double>, _ r: UnsafeMutableBufferPointer<Double>, _ beta: [Double],
                           n: Int, p: Int, penalty: Double) -> Double {
        var dualNorm = 0.0
        for j in 0..<p {
            var s = 0.0
            for i in 0..<n { s += x[j * n + i] * r[i] }
            dualNorm = max(dualNorm, abs(s))
        }
        var rr = 0.0, ry = 0.0
        for i in 0..<n { rr += r[i] * r[i] }
        // ỹ = r + X̃β, so rᵀỹ = rᵀr + Σⱼ βⱼ X̃ⱼᵀr.
        ry = rr
        for j in 0..<p where beta[j] != 0 {
            var s = 0.0
            for i in 0..<n { s += x[j * n + i] * r[i] }
            ry += beta[j] * s
        }
        let scale = dualNorm > penalty ? penalty / dualNorm : 1
        let l1 = beta.reduce(0) { $0 + abs($1) }
        let gap = 0.5 * (rr + rr * scale * scale) + penalty * l1 - scale * ry
        return gap
    }
}
