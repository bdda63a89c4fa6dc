// Linear models predicted straight from the frame: one-hot columns are never materialised.
import SiftFrame

extension TrainedModel {
    /// The linear predictors `b + Σⱼ βⱼ x'ⱼ` (one array per coefficient row) of a linear model,
    /// computed from the frame without building the one-hot matrix: a one-hot column adds its
    /// coefficient to the rows of its level only. Nil for other models.
    ///
    /// The terms are added in the encoder's column order, skipping zero coefficients, exactly
    /// as `LinearModel.linearPredictor` sums the dense matrix (a one-hot 0 adds ±0, which
    /// leaves a sum unchanged), so both paths give bit-identical results; this one needs
    /// O(rows) memory per string feature instead of O(rows × levels).
    ///
    /// - Throws: as ``FeatureEncoder/transform(_:)``.
    /// - Complexity: O(rows × (numeric features + string features) × coefficient rows).
    func linearPredictors(_ frame: DataFrame) throws -> [[Double]]? {
        guard let (betas, intercepts) = estimator.coefficients, encoder.encoding == .oneHot else { return nil }
        let n = frame.rowCount
        // One input feature at a time, as the encoder would encode it.
        let single = FeatureEncoder(features: [], encoding: encoder.encoding, scaling: encoder.scaling, imputes: encoder.imputes)
        var etas = intercepts.map { [Double](repeating: $0, count: n) }
        var column = 0
        for f in encoder.features {
            var one = single
            one.features = [f]
            if f.source == .string {
                // Level indices of the rows (-1: null or unseen), via a one-column code encoding.
                var codes = one
                codes.encoding = .codes
                codes.imputes = true
                let idx = try codes.transform(frame)
                for (k, beta) in betas.enumerated() {
                    etas[k].withUnsafeMutableBufferPointer { eta in
                        for level in 0..<f.levels.count {
                            let c = beta[column + level]
                            guard c != 0 else { continue }
                            let code = Double(level)
                            for i in 0..<n where idx[i] == code { eta[i] += c }
                        }
                    }
                }
                column += f.levels.count
            } else {
                let x = try one.transform(frame)
                for (k, beta) in betas.enumerated() {
                    let c = beta[column]
                    guard c != 0 else { continue }
                    etas[k].withUnsafeMutableBufferPointer { eta in
                        x.withUnsafeBufferPointer { xv in for i in 0..<n { eta[i] += c * xv[i] } }
                    }
                }
                column += 1
            }
        }
        return etas
    }

    /// Probabilities of a logistic model from its linear predictors (as `predictProba`).
    func linearProbabilities(_ etas: [[Double]], rows n: Int) -> ProbabilityMatrix {
        let k = classCount
        if k <= 1 { return ProbabilityMatrix(rowCount: n, classCount: 1, values: [Double](repeating: 1, count: n)) }
        var out = [Double](repeating: 0, count: n * k)
        if k == 2, let eta = etas.first {
            for i in 0..<n {
                let q = LogisticLoss.sigmoid(eta[i])
                out[2 * i] = 1 - q; out[2 * i + 1] = q
            }
        } else {
            Softmax.rows(etas, into: &out, rows: n)
        }
        return ProbabilityMatrix(rowCount: n, classCount: k, values: out)
    }
}
