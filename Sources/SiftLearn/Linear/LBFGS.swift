// Limited-memory BFGS for smooth unconstrained minimisation (the multinomial logistic solver).

/// L-BFGS with the two-loop recursion (Nocedal & Wright, *Numerical Optimization*, 2nd ed.,
/// Algorithm 7.4 for the direction, Algorithm 7.5 for the method) and a backtracking line search
/// on the Armijo condition (Algorithm 3.1, `c₁ = 10⁻⁴`).
///
/// Pairs with `sᵀy ≤ 10⁻¹²‖s‖‖y‖` are skipped, which keeps the implicit Hessian approximation
/// positive definite without a Wolfe line search (N&W §7.2 discuss this safeguard).
enum LBFGS {
    /// The outcome of a minimisation.
    struct Result {
        /// The final point.
        var x: [Double]
        /// The objective there.
        var value: Double
        /// Iterations taken.
        var iterations: Int
    }

    /// Minimises `f` from `x0`.
    ///
    /// - Parameters:
    ///   - x0: the starting point.
    ///   - memory: correction pairs kept (`m`; 10 as scikit-learn's and SciPy's default).
    ///   - maxIter: the most iterations.
    ///   - gradientTolerance: stop when `max |∇f| ≤` this.
    ///   - evaluate: writes `∇f(x)` into its second argument and returns `f(x)`.
    /// - Complexity: O(m · dim) per iteration plus the evaluations.
    static func minimize(_ x0: [Double], memory: Int = 10, maxIter: Int, gradientTolerance: Double,
                         evaluate: ([Double], inout [Double]) -> Double) -> Result {
        let dim = x0.count
        var x = x0, g = [Double](repeating: 0, count: dim)
        var f = evaluate(x, &g)
        var s: [[Double]] = [], y: [[Double]] = [], rho: [Double] = []
        var alpha = [Double](repeating: 0, count: memory)
        var iterations = 0
        var trial = [Double](repeating: 0, count: dim), gTrial = g
        while iterations < maxIter {
            if (g.map(abs).max() ?? 0) <= gradientTolerance { break }
            iterations += 1
            // Two-loop recursion: d = −H g.
            var q = g
            for k in stride(from: s.count - 1, through: 0, by: -1) {
                alpha[k] = rho[k] * dot(s[k], q)
                for i in 0..<dim { q[i] -= alpha[k] * y[k][i] }
            }
            if let last = s.indices.last {
                let gamma = dot(s[last], y[last]) / dot(y[last], y[last])
                for i in 0..<dim { q[i] *= gamma }
            } else {
                // First step: unit length along −g.
                let norm = dot(g, g).squareRoot()
                if norm > 0 { for i in 0..<dim { q[i] /= max(norm, 1) } }
            }
            for k in 0..<s.count {
                let beta = rho[k] * dot(y[k], q)
                for i in 0..<dim { q[i] += s[k][i] * (alpha[k] - beta) }
            }
            var slope = -dot(g, q)
            if !(slope < 0) {
                // Not a descent direction (lost curvature): restart from steepest descent.
                s.removeAll(); y.removeAll(); rho.removeAll()
                q = g
                slope = -dot(g, g)
            }
            // Backtracking Armijo line search.
            var step = 1.0, accepted = false, fTrial = f
            for _ in 0..<60 {
                for i in 0..<dim { trial[i] = x[i] - step * q[i] }
                fTrial = evaluate(trial, &gTrial)
                if fTrial.isFinite && fTrial <= f + 1e-4 * step * slope { accepted = true; break }
                step *= 0.5
            }
            guard accepted else { break }
            var sk = [Double](repeating: 0, count: dim), yk = [Double](repeating: 0, count: dim)
            for i in 0..<dim { sk[i] = trial[i] - x[i]; yk[i] = gTrial[i] - g[i] }
            let sy = dot(sk, yk)
            let decrease = f - fTrial
            swap(&x, &trial); swap(&g, &gTrial)
            f = fTrial
            if sy > 1e-12 * dot(sk, sk).squareRoot() * dot(yk, yk).squareRoot() {
                if s.count == memory { s.removeFirst(); y.removeFirst(); rho.removeFirst() }
                s.append(sk); y.append(yk); rho.append(1 / sy)
            }
            // Relative decrease below 64 ε: no representable progress left (scikit-learn passes
            // SciPy's L-BFGS-B the same `ftol = 64 * eps`).
            if decrease <= 64 * Double.ulpOfOne * max(abs(f), abs(f + decrease), 1) { break }
        }
        return Result(x: x, value: f, iterations: iterations)
    }

    @inline(__always) static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in a.indices { s += a[i] * b[i] }
        return s
    }
}
