// The supervised algorithms a model can be trained with, and what each needs from the pipeline.

/// A supervised learning algorithm of `train ALGO`.
public enum Algorithm: String, Sendable, Codable, CaseIterable {
    /// L2-regularised logistic regression (classification).
    case logistic
    /// A CART tree (classification or regression).
    case tree
    /// A random forest (classification or regression).
    case forest
    /// Histogram gradient boosting (classification or regression).
    case boost
    /// A multi-layer perceptron (classification).
    case mlp
    /// Gaussian naive Bayes (classification).
    case bayes
    /// Least squares (regression).
    case linear
    /// Least squares with an L2 penalty (regression).
    case ridge
    /// Least squares with an L1 penalty by coordinate descent (regression).
    case lasso

    /// Whether it fits bool and string targets.
    public var classifies: Bool {
        switch self {
        case .logistic, .tree, .forest, .boost, .mlp, .bayes: return true
        case .linear, .ridge, .lasso: return false
        }
    }

    /// Whether it fits numeric targets.
    public var regresses: Bool {
        switch self {
        case .linear, .ridge, .lasso, .tree, .forest, .boost: return true
        case .logistic, .mlp, .bayes: return false
        }
    }

    /// Whether it is a tree model (string features as codes, no scaling).
    public var isTreeModel: Bool { self == .tree || self == .forest || self == .boost }

    /// Whether it is a linear model (a coefficient table in its display).
    public var isLinear: Bool { self == .logistic || self == .linear || self == .ridge || self == .lasso }

    /// How string features are encoded for it.
    public var encoding: FeatureEncoder.Encoding { isTreeModel ? .codes : .oneHot }

    /// The scaling used unless `scale:` says otherwise: standard for linear models and the MLP
    /// (their penalties and gradient steps assume comparable scales), none for trees and
    /// naive Bayes (scale-invariant).
    public var defaultScaling: FeatureEncoder.Scaling { isLinear || self == .mlp ? .standard : .none }

    /// Whether `scale:` applies.
    public var takesScaling: Bool { isLinear || self == .mlp }

    /// The hyperparameter options of `train` that apply (beyond the pipeline's split, seed,
    /// weights, balance, cv).
    public var hyperparameters: [String] {
        switch self {
        case .tree: return ["depth"]
        case .forest: return ["trees", "depth"]
        case .boost: return ["rounds", "rate", "depth"]
        case .logistic: return ["alpha"]
        case .ridge, .lasso: return ["alpha"]
        case .linear, .bayes: return []
        case .mlp: return ["rate", "rounds", "alpha", "depth"]
        }
    }

    /// Whether this build can fit it (every supervised algorithm now; kept for algorithms whose
    /// estimators are still to come).
    public var isAvailable: Bool { true }

    /// The unsupervised algorithms LANGUAGE.md names that are not available yet.
    public static let unsupervised = ["kmeans", "dbscan", "hclust", "isolation"]
}

/// The options of `train` that shape the pipeline and the estimator.
public struct TrainingOptions: Sendable, Equatable, Codable {
    /// How rows are resampled before fitting (training part only).
    public enum Balance: String, Sendable, Codable, CaseIterable {
        /// No resampling.
        case none
        /// SMOTE oversampling of every class up to the largest (k = 5 neighbours).
        case smote
        /// Random undersampling of every class down to the smallest.
        case under
    }

    /// The share of rows used for training; the rest is the holdout (1: no holdout).
    public var split: Double = 0.8
    /// The seed of the split, the resampling and the estimator.
    public var seed: Int = 42
    /// Whether classes are weighted inversely to their frequency (`class_weight="balanced"`).
    public var balancedWeights = false
    /// Resampling of the training part.
    public var balance: Balance = .none
    /// The scaling of numeric features, or nil for the algorithm's default.
    public var scale: FeatureEncoder.Scaling?
    /// `trees:` (forest's `n_estimators`).
    public var trees: Int?
    /// `depth:` (`max_depth`).
    public var depth: Int?
    /// `rate:` (learning rate).
    public var rate: Double?
    /// `rounds:` (boosting rounds, MLP epochs).
    public var rounds: Int?
    /// `alpha:` (penalty strength).
    public var alpha: Double?
    /// `cv:` (folds of cross-validation on the training part), or nil.
    public var cv: Int?

    /// The defaults (`split:0.8 seed:42`).
    public init() {}

    /// The options as `name:value` text in a fixed order, the ones that differ from the defaults only.
    public var text: String {
        func num(_ d: Double) -> String { d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : "\(d)" }
        var parts: [String] = []
        if split != 0.8 { parts.append("split:\(num(split))") }
        parts.append("seed:\(seed)")
        if balancedWeights { parts.append("weights:balanced") }
        if balance != .none { parts.append("balance:\(balance.rawValue)") }
        if let scale { parts.append("scale:\(scale.rawValue)") }
        if let trees { parts.append("trees:\(trees)") }
        if let depth { parts.append("depth:\(depth)") }
        if let rate { parts.append("rate:\(num(rate))") }
        if let rounds { parts.append("rounds:\(rounds)") }
        if let alpha { parts.append("alpha:\(num(alpha))") }
        if let cv { parts.append("cv:\(cv)") }
        return parts.joined(separator: " ")
    }
}
