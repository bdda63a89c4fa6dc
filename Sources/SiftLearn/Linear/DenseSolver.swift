// Small dense linear solvers for the linear models: Cholesky on normal equations, pivoted Householder QR for least squares.
import Foundation

/// Dense solvers over row-major `p × p` matrices and column-major `n × p` designs.
///
/// The linear models have few features, so the `p × p` work is negligible next to the `O(n p²)`
/// passes over the rows; what matters is that an ill-conditioned or rank-deficient problem gives
/// a finite answer, never NaN.
enum DenseSolver {
    /// Solves `A x = b` for a symmetric positive-definite `A` (row-major, `p × p`) by the
    /// Cholesky factorisation `A = L Lᵀ` (Golub & Van Loan, *Matrix Computations*, 4th ed., Alg. 4.2.1).
    ///
    /// Returns nil when a pivot is not safely positive — `A` is singular or so ill-conditioned
    /// (pivot below `1e-10 ×` the largest diagonal entry) that the solution would lose most of
    /// its digits; the caller then falls back to QR.
    ///
    /// - Complexity: O(p³).
    static func choleskySolve(_ a: [Double], _ b: [Double], p: Int) -> [Double]? {
        guard p > 0 else { return [] }
        var l = [Double](repeating: 0, count: p * p)
        let scale = (0..<p).map { a[$0 * p + $0] }.max() ?? 0
        guard scale > 0, scale.isFinite else { return nil }
        for j in 0..<p {
            var d = a[j * p + j]
            for k in 0..<j { d -= l[j * p + k] * l[j * p + k] }
            guard d > 1e-10 * scale, d.isFinite else { return nil }
            let ljj = d.squareRoot()
            l[j * p + j] = ljj
            for i in (j + 1)..<p {
                var s = a[i * p + j]
                for k in 0..<j { s -= l[i * p + k] * l[j * p + k] }
                l[i * p + j] = s / ljj
            }
        }
        // Forward then back substitution.
        var z = b
        for i in 0..<p {
            var s = z[i]
            for k in 0..<i { s -= l[i * p + k] * z[k] }
            z[i] = s / l[i * p + i]
        }
        for i in stride(from: p - 1, through: 0, by: -1) {
            var s = z[i]
            for k in (i + 1)..<p { s -= l[k * p + i] * z[k] }
            z[i] = s / l[i * p + i]
        }
        return z.allSatisfy(\.isFinite) ? z : nil
    }

    /// Least squares `min ‖A x − b‖₂` for a column-major `n × p` matrix `a` by Householder QR with
    /// column pivoting (Golub & Van Loan, Alg. 5.4.1, and the basic solution of §5.5.6).
    ///
    /// Columns whose remaining norm falls below `1e-12 ×` the largest column norm are treated as
    /// dependent and get coefficient 0, so collinear or constant columns give a finite basic
    /// solution (not the minimum-norm one of an SVD; the fitted values are the same).
    ///
    /// - Complexity: O(n p²).
    static func qrLeastSquares(_ a: [Double], _ b: [Double], rows n: Int, columns p: Int) -> [Double] {
        var a = a, b = b
        var norms = (0..<p).map { j in (0..<n).reduce(0.0) { $0 + a[j * n + $1] * a[j * n + $1] } }
        let largest = norms.max() ?? 0
        var perm = Array(0..<p), rank = 0
        let steps = min(n, p)
        a.withUnsafeMutableBufferPointer { a in
            b.withUnsafeMutableBufferPointer { b in
                for k in 0..<steps {
                    // Pivot: the column with the largest remaining norm.
                    var best = k
                    for j in k..<p where norms[j] > norms[best] { best = j }
                    guard largest > 0, norms[best] > 1e-24 * largest else { break }
                    if best != k {
                        for i in 0..<n { a.swapAt(k * n + i, best * n + i) }
                        norms.swapAt(k, best); perm.swapAt(k, best)
                    }
                    // Householder vector for column k, rows k..<n.
                    var s = 0.0
                    for i in k..<n { s += a[k * n + i] * a[k * n + i] }
                    let alpha = a[k * n + k] >= 0 ? -s.squareRoot() : s.squareRoot()
                    let v0 = a[k * n + k] - alpha
                    let vnorm2 = s - a[k * n + k] * a[k * n + k] + v0 * v0
                    a[k * n + k] = v0
                    if vnorm2 > 0 {
                        for j in (k + 1)..<p {
                            var dot = 0.0
                            for i in k..<n { dot += a[k * n + i] * a[j * n + i] }
                            let f = 2 * dot / vnorm2
                            for i in k..<n { a[j * n + i] -= f * a[k * n + i] }
                        }
                        var dot = 0.0
                        for i in k..<n { dot += a[k * n + i] * b[i] }
                        let f = 2 * dot / vnorm2
                        for i in k..<n { b[i] -= f * a[k * n + i] }
                    }
                    // R's diagonal entry replaces the vector's head (kept aside for the solve).
                    a[k * n + k] = alpha
                    for j in (k + 1)..<p { norms[j] = (k + 1..<n).reduce(0.0) { $0 + a[j * n + $1] * a[j * n + $1] } }
                    rank = k + 1
                }
            }
        }
        // Back substitution on the leading rank × rank block of R; dependent columns get 0.
        var z = [Double](repeating: 0, count: p)
        for i in stride(from: rank - 1, through: 0, by: -1) {
            var s = b[i]
            for j in (i + 1)..<rank { s -= a[j * n + i] * z[j] }
            z[i] = s / a[i * n + i]
        }
        var x = [Double](repeating: 0, count: p)
        for k in 0..<p { x[perm[k]] = z[k].isFinite ? z[k] : 0 }
        return x
    }
}
