// Ordinary least squares with an intercept (scikit-learn's LinearRegression).
import SiftFrame

/// Ordinary least squares, scikit-learn's `LinearRegression`: minimises `Σ wᵢ (yᵢ − b − xᵢ·β)²`.
///
/// Solved by Cholesky on the normal equations of the centred design (fast: one `O(n p²)` pass);
/// when that system is singular or ill-conditioned (collinear or constant features) it falls
/// back to Householder QR with column pivoting on the design itself, which drops dependent
/// columns (coefficient 0) instead of producing NaN. scikit-learn's `lstsq` returns the
/// minimum-norm solution there instead; both give the same fitted values.
///
/// ```swift
/// var rng = SeededGenerator(seed: 0)
/// let m = try LinearRegression().fit(x, revenue, weights: nil, generator: &rng)
/// m.coefficients; m.intercept
/// ```
public struct LinearRegression: RegressorParameters {
    /// Whether to fit an intercept (`fit_intercept`).
    public var fitIntercept: Bool

    /// Creates the hyperparameters (scikit-learn's defaults).
    public init(fitIntercept: Bool = true) { self.fitIntercept = fitIntercept }

    /// Fits the least-squares coefficients.
    ///
    /// - Throws: `FrameError.shapeMismatch` for a target or weights of the wrong length,
    ///   `FrameError.invalidArgument` for a non-finite target or all-zero weights.
    /// - Complexity: O(n p²) time, O(n p) extra memory.
    public func fit(_ x: FeatureMatrix, _ y: [Double], weights: [Double]?, generator: inout SeededGenerator) throws -> LinearModel {
        try EstimatorChecks.requireRows(x, y.count, "the target")
        try EstimatorChecks.requireWeights(x, weights)
        let design = try LinearRegression.design(x, y, weights: weights, fitIntercept: fitIntercept)
        return design.model(LinearRegression.solve(design, alpha: 0))
    }

    /// The design, centred only when an intercept is fitted.
    static func design(_ x: FeatureMatrix, _ y: [Double], weights: [Double]?, fitIntercept: Bool) throws -> WeightedDesign {
        try WeightedDesign(x, y, weights: weights, center: fitIntercept)
    }

    /// `(X̃ᵀX̃ + α I) β = X̃ᵀỹ` by Cholesky, else least squares on `[X̃; √α I]` by pivoted QR.
    static func solve(_ d: WeightedDesign, alpha: Double) -> [Double] {
        var (gram, rhs) = d.normalEquations()
        for j in 0..<d.p { gram[j * d.p + j] += alpha }
        if let beta = DenseSolver.choleskySolve(gram, rhs, p: d.p) { return beta }
        guard alpha > 0 else { return DenseSolver.qrLeastSquares(d.x, d.y, rows: d.n, columns: d.p) }
        // Ridge as an augmented least-squares problem (Hastie et al., ESL §3.4.1, exercise 3.12).
        let m = d.n + d.p
        var a = [Double](repeating: 0, count: m * d.p)
        for j in 0..<d.p {
            for i in 0..<d.n { a[j * m + i] = d.x[j * d.n + i] }
            a[j * m + d.n + j] = alpha.squareRoot()
        }
        return DenseSolver.qrLeastSquares(a, d.y + [Double](repeating: 0, count: d.p), rows: m, columns: d.p)
    }
}
