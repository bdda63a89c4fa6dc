// The penalised logistic losses (binary and multinomial) with their gradients and the binary Hessian.
import Foundation
import SiftFrame

/// The mean-scaled objective of L2 logistic regression,
/// `F(θ) = (1/Σw) Σᵢ wᵢ ℓᵢ(θ) + ‖β‖² / (2 C Σw)` — scikit-learn's
/// `C Σ wᵢ ℓᵢ + ½‖β‖²` divided by `C Σw`, so the same minimiser — with intercepts unpenalised.
///
/// Binary: `θ = (β₁…β_p, b)`, `ℓᵢ = log(1 + e^{ηᵢ}) − yᵢ ηᵢ`, `ηᵢ = b + xᵢ·β` (Hastie et al., *ESL*
/// §4.4.1, eq. 4.20). Multinomial: `θ` holds `K` blocks `(β_k, b_k)`,
/// `ℓᵢ = log Σ_k e^{η_ik} − η_{i,yᵢ}` (ESL eq. 4.17). Scratch buffers are allocated once, so an
/// evaluation costs `O(n p K)` arithmetic and no allocation.
final class LogisticLoss {
    let n: Int, p: Int, classes: Int
    let x: [Double]
    let y: [Int32]
    let w: [Double]
    let invWeight: Double, penalty: Double
    /// `η`, class-major (`classes × n`; one row for the binary loss).
    var eta: [Double]
    /// `wᵢ (pᵢ − yᵢ)` per class, same layout.
    var residual: [Double]

    /// The loss of `x` (column-major `n × p`) against class codes `y`; `classes == 2` uses the
    /// binary (single-vector) parameterisation.
    init(x: [Double], n: Int, p: Int, y: [Int32], weights: [Double], classes: Int, c: Double) {
        self.n = n; self.p = p; self.classes = classes
        self.x = x; self.y = y; self.w = weights
        let total = weights.reduce(0, +)
        invWeight = 1 / total
        penalty = 1 / (c * total)
        let rows = classes == 2 ? 1 : classes
        eta = [Double](repeating: 0, count: rows * n)
        residual = eta
    }

    /// The number of parameters.
    var dimension: Int { (classes == 2 ? 1 : classes) * (p + 1) }

    /// `F(θ)`, writing `∇F(θ)` into `gradient`.
    func evaluate(_ theta: [Double], _ gradient: inout [Double]) -> Double {
        let rows = classes == 2 ? 1 : classes, width = p + 1
        var loss = 0.0
        x.withUnsafeBufferPointer { x in
            eta.withUnsafeMutableBufferPointer { eta in
                residual.withUnsafeMutableBufferPointer { r in
                    // η = X β + b per class.
                    for k in 0..<rows {
                        let base = k * n, b = theta[k * width + p]
                        for i in 0..<n { eta[base + i] = b }
                        for j in 0..<p {
                            let c = theta[k * width + j], col = j * n
                            if c == 0 { continue }
                            for i in 0..<n { eta[base + i] += c * x[col + i] }
                        }
                    }
                    if rows == 1 {
                        for i in 0..<n {
                            let e = eta[i], yi = y[i] == 1 ? 1.0 : 0.0
                            // log(1 + e^η) computed without overflow.
                            let softplus = max(e, 0) + log1p(exp(-abs(e)))
                            loss += w[i] * (softplus - yi * e)
                            r[i] = w[i] * (LogisticLoss.sigmoid(e) - yi)
                        }
                    } else {
                        for i in 0..<n {
                            var m = -Double.infinity
                            for k in 0..<rows { m = max(m, eta[k * n + i]) }
                            var s = 0.0
                            for k in 0..<rows { let e = exp(eta[k * n + i] - m); r[k * n + i] = e; s += e }
                            let yi = Int(y[i])
                            loss += w[i] * (m + log(s) - eta[yi * n + i])
                            for k in 0..<rows { r[k * n + i] = w[i] * (r[k * n + i] / s - (k == yi ? 1 : 0)) }
                        }
                    }
                    for k in 0..<rows {
                        let base = k * n
                        for j in 0..<p {
                            let col = j * n
                            var s = 0.0
                            for i in 0..<n { s += r[base + i] * x[col + i] }
                            gradient[k * width + j] = s * invWeight + penalty * theta[k * width + j]
                        }
                        var s = 0.0
                        for i in 0..<n { s += r[base + i] }
                        gradient[k * width + p] = s * invWeight
                    }
                }
            }
        }
        var squares = 0.0
        for k in 0..<rows { for j in 0..<p { squares += theta[k * width + j] * theta[k * width + j] } }
        return loss * invWeight + 0.5 * penalty * squares
    }

    /// The binary Hessian `(1/Σw) Xᵀ diag(wᵢ σᵢ(1−σᵢ)) X + diag(penalty, …, penalty, 0)` at the `η`
    /// of the last ``evaluate(_:_:)`` (the IRLS weight matrix, ESL eq. 4.24), row-major
    /// `(p+1) × (p+1)` with the intercept last.
    ///
    /// Accumulated as rank-one updates over row-major blocks of 256 rows, so the inner loop runs
    /// along a contiguous Hessian row and a zero feature value (most of a one-hot design) skips
    /// its whole row of work. Large problems split the rows over the cores, one partial Hessian each.
    ///
    /// - Complexity: O(Σᵢ nnz(xᵢ) · p), at most O(n p²).
    func binaryHessian() -> [Double] {
        let d = p + 1, n = self.n, p = self.p
        var s = [Double](repeating: 0, count: n)
        for i in 0..<n { let q = LogisticLoss.sigmoid(eta[i]); s[i] = w[i] * q * (1 - q) }
        let chunks = n * d * d >= 1 << 22 ? Parallel.chunkCount(count: n, grain: 4096) : 1
        var partial = [Double](repeating: 0, count: chunks * d * d)
        x.withUnsafeBufferPointer { x in
            s.withUnsafeBufferPointer { s in
                partial.withUnsafeMutableBufferPointer { hp in
                    nonisolated(unsafe) let x = x, s = s, hp = hp
                    Parallel.forEach(chunks) { c in
                        let h = hp.baseAddress! + c * d * d
                        let range = Parallel.chunkRange(c, of: chunks, count: n)
                        let block = 256
                        let buf = UnsafeMutablePointer<Double>.allocate(capacity: block * d)
                        defer { buf.deallocate() }
                        var start = range.lowerBound
                        while start < range.upperBound {
                            let rows = min(block, range.upperBound - start)
                            for j in 0..<p {
                                let col = x.baseAddress! + j * n + start
                                for r in 0..<rows { buf[r * d + j] = col[r] }
                            }
                            for r in 0..<rows { buf[r * d + p] = 1 }
                            for r in 0..<rows {
                                let sr = s[start + r]
                                if sr == 0 { continue }
                                let br = buf + r * d
                                for j in 0..<d {
                                    let v = br[j] * sr
                                    if v == 0 { continue }
                                    let hj = h + j * d
                                    for k in j..<d { hj[k] += v * br[k] }
                                }
                            }
                            start += rows
                        }
                    }
                }
            }
        }
        var h = [Double](repeating: 0, count: d * d)
        for j in 0..<d {
            for k in j..<d {
                var t = 0.0
                for c in 0..<chunks { t += partial[c * d * d + j * d + k] }
                h[j * d + k] = t * invWeight; h[k * d + j] = t * invWeight
            }
        }
        for j in 0..<p { h[j * d + j] += penalty }
        return h
    }

    /// The logistic function `1 / (1 + e^{−η})`, exact in both tails.
    @inline(__always) static func sigmoid(_ e: Double) -> Double {
        e >= 0 ? 1 / (1 + exp(-e)) : { let z = exp(e); return z / (1 + z) }()
    }
}
