// The centred, weight-scaled design every least-squares model solves on (intercept handled by centring).
import SiftFrame

/// A feature matrix centred at its weighted column means and scaled row-wise by `√wᵢ`, with
/// the target treated the same way.
///
/// Minimising `Σ wᵢ (yᵢ − b − xᵢ·β)²` over `b` gives `b = ȳ − x̄·β` (weighted means), and what
/// remains is the unweighted problem `‖ỹ − X̃ β‖²` on `x̃ᵢⱼ = √wᵢ (xᵢⱼ − x̄ⱼ)`,
/// `ỹᵢ = √wᵢ (yᵢ − ȳ)` — how scikit-learn fits an intercept with sample weights
/// (`_preprocess_data` and `_rescale_data` in `sklearn/linear_model/_base.py`). A penalty on
/// `β` alone therefore leaves the intercept unpenalised.
struct WeightedDesign {
    /// Rows and features.
    let n: Int, p: Int
    /// `X̃`, column-major.
    let x: [Double]
    /// `ỹ`.
    let y: [Double]
    /// Weighted feature means `x̄`.
    let xMean: [Double]
    /// Weighted target mean `ȳ`.
    let yMean: Double
    /// The sum of the weights.
    let weightSum: Double

    /// Centres (unless `center` is false: no intercept) and scales `x` and `y`.
    ///
    /// - Throws: `FrameError.invalidArgument` for a non-finite target or weights summing to 0.
    /// - Complexity: O(n p).
    init(_ features: FeatureMatrix, _ target: [Double], weights: [Double]?, center: Bool = true) throws {
        let n = features.rowCount, p = features.featureCount
        self.n = n; self.p = p
        guard target.allSatisfy(\.isFinite) else { throw FrameError.invalidArgument("the target has a missing or infinite value") }
        let w = weights ?? [Double](repeating: 1, count: n)
        let total = w.reduce(0, +)
        guard total > 0 else { throw FrameError.invalidArgument("a linear model needs rows with positive weight") }
        weightSum = total
        let root = w.map { $0.squareRoot() }
        var ym = 0.0
        for i in 0..<n { ym += w[i] * target[i] }
        ym = center ? ym / total : 0
        yMean = ym
        y = (0..<n).map { root[$0] * (target[$0] - ym) }
        var means = [Double](repeating: 0, count: p)
        var out = [Double](repeating: 0, count: n * p)
        features.values.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for j in 0..<p {
                    let base = j * n
                    var m = 0.0
                    for i in 0..<n { m += w[i] * src[base + i] }
                    m /= total
                    // A column equal to one value everywhere centres to exactly zero.
                    if n > 0 && (0..<n).allSatisfy({ src[base + $0] == src[base] }) { m = src[base] }
                    if !center { m = 0 }
                    means[j] = m
                    for i in 0..<n { dst[base + i] = root[i] * (src[base + i] - m) }
                }
            }
        }
        xMean = means
        x = out
    }

    /// `X̃ᵀ X̃` (row-major `p × p`) and `X̃ᵀ ỹ`.
    ///
    /// - Complexity: O(n p²).
    func normalEquations() -> (gram: [Double], rhs: [Double]) {
        var gram = [Double](repeating: 0, count: p * p), rhs = [Double](repeating: 0, count: p)
        x.withUnsafeBufferPointer { a in
            y.withUnsafeBufferPointer { b in
                for j in 0..<p {
                    let cj = UnsafeBufferPointer(rebasing: a[(j * n)..<((j + 1) * n)])
                    for k in j..<p {
                        let ck = UnsafeBufferPointer(rebasing: a[(k * n)..<((k + 1) * n)])
                        var s = 0.0
                        for i in 0..<n { s += cj[i] * ck[i] }
                        gram[j * p + k] = s; gram[k * p + j] = s
                    }
                    var s = 0.0
                    for i in 0..<n { s += cj[i] * b[i] }
                    rhs[j] = s
                }
            }
        }
        return (gram, rhs)
    }

    /// The fitted model for coefficients `beta` on this design (intercept `ȳ − x̄·β`).
    func model(_ beta: [Double]) -> LinearModel {
        let clean = beta.map { $0.isFinite ? $0 : 0 }
        var b = yMean
        for j in 0..<p { b -= xMean[j] * clean[j] }
        return LinearModel(coefficients: clean, intercept: b.isFinite ? b : yMean)
    }
}
