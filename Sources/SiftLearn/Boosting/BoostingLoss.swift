// The losses of gradient boosting: their gradients and hessians, initial predictions and links.
import Foundation

/// A differentiable loss for gradient boosting, with the per-row gradient `g` and hessian `h` of
/// the loss with respect to the raw prediction `F` that the Newton step of each tree uses
/// (Friedman, "Greedy Function Approximation", 2001; Chen & Guestrin 2016, eq. 2–3).
enum BoostingLoss: Sendable, Equatable, Codable {
    /// `½ (y − F)²`: `g = F − y`, `h = 1`; the start is the weighted mean.
    case squared
    /// Binary log loss with `p = σ(F)`: `g = p − y`, `h = p (1 − p)`; the start is the log-odds
    /// of the weighted base rate.
    case logistic
    /// Multinomial log loss with `p = softmax(F)` over `classes` raw scores, one tree per class
    /// per round: `g_k = p_k − [y = k]`, `h_k = p_k (1 − p_k)` (the diagonal of the Hessian, as
    /// scikit-learn's `HalfMultinomialLoss`); the start is the log of each class's weighted share.
    case softmax(classes: Int)

    /// Raw scores per row.
    var width: Int {
        if case .softmax(let k) = self { return k }
        return 1
    }

    /// Probabilities are clamped to [ε, 1 − ε] for the starting log-odds, so a class absent from
    /// the data gives a finite start (scikit-learn clips the same way).
    static let epsilon = 1e-12

    /// The starting raw scores.
    func initial(_ y: [Double], weights: [Double]?) -> [Double] {
        var total = 0.0
        for i in y.indices { total += weights?[i] ?? 1 }
        switch self {
        case .squared:
            var s = 0.0
            for i in y.indices { s += (weights?[i] ?? 1) * y[i] }
            return [total > 0 ? s / total : 0]
        case .logistic:
            var s = 0.0
            for i in y.indices where y[i] == 1 { s += weights?[i] ?? 1 }
            let p = min(1 - Self.epsilon, max(Self.epsilon, total > 0 ? s / total : 0.5))
            return [log(p / (1 - p))]
        case .softmax(let k):
            var share = [Double](repeating: 0, count: k)
            for i in y.indices { share[Int(y[i])] += weights?[i] ?? 1 }
            return share.map { log(min(1 - Self.epsilon, max(Self.epsilon, total > 0 ? $0 / total : 1 / Double(k)))) }
        }
    }

    /// The logistic function, written to stay finite and exact in both tails.
    @inline(__always) static func sigmoid(_ f: Double) -> Double {
        f >= 0 ? 1 / (1 + exp(-f)) : { let e = exp(f); return e / (1 + e) }()
    }

    /// Turns raw scores (`width` per row) into probabilities in place (softmax subtracts the
    /// row's maximum first, so `exp` never overflows).
    static func probabilities(raw: [Double], rows n: Int, classes k: Int) -> [Double] {
        if k == 1 { return [Double](repeating: 1, count: n) }
        var out = [Double](repeating: 0, count: n * k)
        if k == 2 {
            for i in 0..<n { let p = sigmoid(raw[i]); out[2 * i] = 1 - p; out[2 * i + 1] = p }
            return out
        }
        for i in 0..<n {
            var m = -Double.infinity
            for c in 0..<k { m = max(m, raw[i * k + c]) }
            var s = 0.0
            for c in 0..<k { let e = exp(raw[i * k + c] - m); out[i * k + c] = e; s += e }
            for c in 0..<k { out[i * k + c] /= s }
        }
        return out
    }
}
