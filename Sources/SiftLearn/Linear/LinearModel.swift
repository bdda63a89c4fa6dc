// The fitted linear regressor shared by LinearRegression, Ridge and Lasso: coefficients and an intercept.
import SiftFrame

/// A fitted linear model `ŷ = b + Σⱼ βⱼ xⱼ` (scikit-learn's `coef_` and `intercept_`).
///
/// ```swift
/// let m = LinearModel(coefficients: [2, -1], intercept: 0.5)
/// try m.predict(x)   // 0.5 + 2 x0 − x1 per row
/// ```
public struct LinearModel: RegressionModel, Equatable {
    /// One coefficient per feature (`coef_`).
    public let coefficients: [Double]
    /// The intercept (`intercept_`).
    public let intercept: Double

    /// Creates a model.
    public init(coefficients: [Double], intercept: Double) {
        self.coefficients = coefficients
        self.intercept = intercept
    }

    /// The number of features.
    public var featureCount: Int { coefficients.count }

    /// `|βⱼ|`: on standardised inputs (the pipeline scales them), the change of the prediction
    /// per standard deviation of each feature.
    public var featureImportances: [Double]? { coefficients.map(abs) }

    /// `b + X β`, one value per row.
    ///
    /// - Throws: `FrameError.shapeMismatch` when `x` has another number of features.
    /// - Complexity: O(rows × features), one contiguous pass per feature.
    public func predict(_ x: FeatureMatrix) throws -> [Double] {
        try EstimatorChecks.requireFeatures(x, featureCount)
        return LinearModel.linearPredictor(x, coefficients, intercept)
    }

    /// `b + X β` over the column-major storage.
    static func linearPredictor(_ x: FeatureMatrix, _ beta: [Double], _ b: Double) -> [Double] {
        let n = x.rowCount
        var out = [Double](repeating: b, count: n)
        x.values.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for j in 0..<beta.count where beta[j] != 0 {
                    let c = beta[j], base = j * n
                    for i in 0..<n { dst[i] += c * src[base + i] }
                }
            }
        }
        return out
    }

    private enum CodingKeys: String, CodingKey { case coefficients, intercept }

    /// Reads a model, rejecting non-finite values.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        coefficients = try c.decode([Double].self, forKey: .coefficients)
        intercept = try c.decode(Double.self, forKey: .intercept)
        guard coefficients.allSatisfy(\.isFinite), intercept.isFinite else {
            throw DecodingError.dataCorruptedError(forKey: .coefficients, in: c, debugDescription: "a linear model has a non-finite coefficient")
        }
    }
}
