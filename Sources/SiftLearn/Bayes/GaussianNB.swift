// Gaussian naive Bayes: per-class feature means and variances with a smoothing term (scikit-learn's GaussianNB).
import Foundation
import SiftFrame

/// Gaussian naive Bayes, scikit-learn's `GaussianNB`
/// (https://scikit-learn.org/stable/modules/naive_bayes.html#gaussian-naive-bayes): each feature
/// is normal within a class, features independent given the class, so
/// `log P(k | x) = log π_k − ½ Σⱼ [log(2π σ²_kj) + (xⱼ − μ_kj)² / σ²_kj] + const`.
///
/// Means and variances are weighted (population variance, dividing by the class's weight), each
/// variance is increased by `varSmoothing × the largest feature variance` (the unweighted
/// variance over all rows, as scikit-learn's `epsilon_`), and the priors `π_k` are the weighted
/// class frequencies. A class with no rows gets probability 0. When every feature is constant
/// scikit-learn's smoothing term is 0 and it divides by zero; here the term becomes
/// `varSmoothing` itself.
///
/// ```swift
/// var rng = SeededGenerator(seed: 0)
/// let m = try GaussianNB().fit(x, segment, classCount: 3, weights: nil, generator: &rng)
/// ```
public struct GaussianNB: ClassifierParameters {
    /// The fraction of the largest feature variance added to every variance (`var_smoothing`).
    public var varSmoothing: Double

    /// Creates the hyperparameters (scikit-learn's defaults).
    public init(varSmoothing: Double = 1e-9) { self.varSmoothing = varSmoothing }

    /// Estimates the per-class means, variances and priors.
    ///
    /// - Throws: `FrameError.shapeMismatch` for a target or weights of the wrong length,
    ///   `FrameError.invalidArgument` for a negative `varSmoothing`, codes out of range or
    ///   weights summing to 0.
    /// - Complexity: O(n p), two passes.
    public func fit(_ x: FeatureMatrix, _ y: [Int32], classCount: Int, weights: [Double]?,
                    generator: inout SeededGenerator) throws -> Model {
        guard varSmoothing >= 0, varSmoothing.isFinite else {
            throw FrameError.invalidArgument("var_smoothing must be a finite number ≥ 0, got \(varSmoothing)")
        }
        try EstimatorChecks.requireClassification(x, y, classCount: classCount, weights: weights)
        let n = x.rowCount, p = x.featureCount, k = classCount
        var classWeight = [Double](repeating: 0, count: k)
        for i in 0..<n { classWeight[Int(y[i])] += weights?[i] ?? 1 }
        let total = classWeight.reduce(0, +)
        guard total > 0 else { throw FrameError.invalidArgument("naive Bayes needs rows with positive weight") }
        var means = [Double](repeating: 0, count: k * p), variances = means
        var largestVariance = 0.0
        x.values.withUnsafeBufferPointer { v in
            for j in 0..<p {
                let col = UnsafeBufferPointer(rebasing: v[(j * n)..<((j + 1) * n)])
                var overall = 0.0
                for i in 0..<n { overall += col[i] }
                overall /= Double(max(n, 1))
                var spread = 0.0
                for i in 0..<n { spread += (col[i] - overall) * (col[i] - overall) }
                largestVariance = max(largestVariance, spread / Double(max(n, 1)))
                for i in 0..<n { means[Int(y[i]) * p + j] += (weights?[i] ?? 1) * col[i] }
                for c in 0..<k where classWeight[c] > 0 { means[c * p + j] /= classWeight[c] }
                for i in 0..<n {
                    let c = Int(y[i]), d = col[i] - means[c * p + j]
                    variances[c * p + j] += (weights?[i] ?? 1) * d * d
                }
                for c in 0..<k where classWeight[c] > 0 { variances[c * p + j] /= classWeight[c] }
            }
        }
        var epsilon = varSmoothing * largestVariance
        if epsilon == 0 { epsilon = max(varSmoothing, Double.leastNormalMagnitude) }
        return Model(classCount: k, means: means, variances: variances.map { $0 + epsilon },
                     priors: classWeight.map { $0 / total }, featureCount: p)
    }

    /// A fitted Gaussian naive Bayes classifier.
    public struct Model: ClassificationModel, Equatable {
        /// The number of classes.
        public let classCount: Int
        /// Per-class feature means (`theta_`), row-major `classCount × featureCount`.
        public let means: [Double]
        /// Per-class feature variances including the smoothing term (`var_`), same layout.
        public let variances: [Double]
        /// Class priors (`class_prior_`).
        public let priors: [Double]
        /// The number of features.
        public let featureCount: Int

        init(classCount: Int, means: [Double], variances: [Double], priors: [Double], featureCount: Int) {
            self.classCount = classCount
            self.means = means
            self.variances = variances
            self.priors = priors
            self.featureCount = featureCount
        }

        /// Naive Bayes has no intrinsic importance measure (the pipeline uses permutation importance).
        public var featureImportances: [Double]? { nil }

        /// Posterior class probabilities, normalised in log space (the joint log-likelihood minus
        /// its log-sum-exp over classes).
        ///
        /// - Throws: `FrameError.shapeMismatch` when `x` has another number of features.
        /// - Complexity: O(rows × features × classes).
        public func predictProba(_ x: FeatureMatrix) throws -> ProbabilityMatrix {
            try EstimatorChecks.requireFeatures(x, featureCount)
            let n = x.rowCount, p = featureCount
            var scores: [[Double]] = []
            x.values.withUnsafeBufferPointer { v in
                for c in 0..<classCount {
                    guard priors[c] > 0 else { scores.append([Double](repeating: -.infinity, count: n)); continue }
                    var constant = log(priors[c])
                    for j in 0..<p { constant -= 0.5 * log(2 * Double.pi * variances[c * p + j]) }
                    var s = [Double](repeating: constant, count: n)
                    for j in 0..<p {
                        let mu = means[c * p + j], half = 0.5 / variances[c * p + j], base = j * n
                        for i in 0..<n { let d = v[base + i] - mu; s[i] -= half * d * d }
                    }
                    scores.append(s)
                }
            }
            var out = [Double](repeating: 0, count: n * classCount)
            Softmax.rows(scores, into: &out, rows: n)
            // Every score of a row can overflow to −∞ only for absurd inputs; fall back to the priors.
            for i in 0..<n where !out[i * classCount].isFinite {
                for c in 0..<classCount { out[i * classCount + c] = priors[c] }
            }
            return ProbabilityMatrix(rowCount: n, classCount: classCount, values: out)
        }

        private enum CodingKeys: String, CodingKey { case classCount = "class_count", means, variances, priors, featureCount = "feature_count" }

        /// Reads a model, checking its shape and that variances are positive.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            classCount = try c.decode(Int.self, forKey: .classCount)
            means = try c.decode([Double].self, forKey: .means)
            variances = try c.decode([Double].self, forKey: .variances)
            priors = try c.decode([Double].self, forKey: .priors)
            featureCount = try c.decode(Int.self, forKey: .featureCount)
            guard classCount >= 1, featureCount >= 0, means.count == classCount * featureCount, variances.count == means.count,
                  priors.count == classCount, means.allSatisfy(\.isFinite), variances.allSatisfy({ $0 > 0 && $0.isFinite }),
                  priors.allSatisfy({ $0 >= 0 && $0.isFinite }), priors.contains(where: { $0 > 0 }) else {
                throw DecodingError.dataCorruptedError(forKey: .means, in: c, debugDescription: "a naive Bayes model has the wrong shape")
            }
        }
    }
}
