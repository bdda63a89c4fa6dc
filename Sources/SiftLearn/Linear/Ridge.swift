// L2-penalised least squares (scikit-learn's Ridge).
import SiftFrame

/// Ridge regression, scikit-learn's `Ridge`: minimises `Σ wᵢ (yᵢ − b − xᵢ·β)² + α ‖β‖²`, with
/// the intercept `b` unpenalised (Hoerl & Kennard 1970; Hastie et al., *ESL* §3.4.1).
///
/// Solved in closed form by Cholesky on `X̃ᵀX̃ + α I` of the centred design, with pivoted QR on
/// the augmented design as the fallback when `α` is too small to make it well-conditioned.
///
/// ```swift
/// var rng = SeededGenerator(seed: 0)
/// let m = try Ridge(alpha: 1).fit(x, revenue, weights: nil, generator: &rng)
/// ```
public struct Ridge: RegressorParameters {
    /// The penalty strength (`alpha`), ≥ 0.
    public var alpha: Double
    /// Whether to fit an intercept (`fit_intercept`).
    public var fitIntercept: Bool

    /// Creates the hyperparameters (scikit-learn's defaults).
    public init(alpha: Double = 1.0, fitIntercept: Bool = true) {
        self.alpha = alpha
        self.fitIntercept = fitIntercept
    }

    /// Fits the penalised coefficients.
    ///
    /// - Throws: as ``LinearRegression/fit(_:_:weights:generator:)``, and
    ///   `FrameError.invalidArgument` for a negative or non-finite `alpha`.
    /// - Complexity: O(n p²).
    public func fit(_ x: FeatureMatrix, _ y: [Double], weights: [Double]?, generator: inout SeededGenerator) throws -> LinearModel {
        guard alpha >= 0, alpha.isFinite else { throw FrameError.invalidArgument("alpha must be a finite number ≥ 0, got \(alpha)") }
        try EstimatorChecks.requireRows(x, y.count, "the target")
        try EstimatorChecks.requireWeights(x, weights)
        let design = try LinearRegression.design(x, y, weights: weights, fitIntercept: fitIntercept)
        return design.model(LinearRegression.solve(design, alpha: alpha))
    }
}
