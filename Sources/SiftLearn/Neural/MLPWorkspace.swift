// The buffers of one minibatch (inputs, activations, deltas, gradients) and the backpropagation step on them.
import Foundation

/// Scratch memory for training: allocated once per fit, reused by every minibatch, so a step
/// allocates nothing.
final class MLPWorkspace {
    let batch: Int, inputs: Int
    let widths: [Int]
    let input: UnsafeMutablePointer<Double>
    let activations: [UnsafeMutablePointer<Double>]
    let deltas: [UnsafeMutablePointer<Double>]
    var gradW: [[Double]], gradB: [[Double]]

    init(net: MLPNetwork, batch: Int, inputs: Int) {
        self.batch = batch
        self.inputs = inputs
        widths = net.layers.map(\.fanOut)
        input = .allocate(capacity: max(1, batch * inputs))
        activations = widths.map { .allocate(capacity: batch * $0) }
        deltas = widths.map { .allocate(capacity: batch * $0) }
        gradW = net.layers.map { [Double](repeating: 0, count: $0.weights.count) }
        gradB = net.layers.map { [Double](repeating: 0, count: $0.biases.count) }
    }

    deinit {
        input.deallocate()
        activations.forEach { $0.deallocate() }
        deltas.forEach { $0.deallocate() }
    }

    /// Copies the rows into the row-major input buffer.
    private func gather(_ rows: ArraySlice<Int>, x: UnsafePointer<Double>, p: Int) {
        for (r, i) in rows.enumerated() {
            let s = x + i * p, d = input + r * p
            for j in 0..<p { d[j] = s[j] }
        }
    }

    /// The summed weighted loss of the output rows against their targets, writing
    /// `wᵢ (output − target)` (the gradient of the loss at the pre-activation, for logistic and
    /// softmax outputs with log loss as for identity with half squared error) into the last delta.
    private func outputLoss(_ rows: ArraySlice<Int>, _ target: MLPTraining.Target, weights: [Double]) -> Double {
        let out = activations[activations.count - 1], d = deltas[deltas.count - 1]
        let width = widths[widths.count - 1]
        var loss = 0.0
        // Probabilities are clipped to [1e-15, 1 − 1e-15] in the loss, as scikit-learn's log_loss.
        let eps = 1e-15
        for (r, i) in rows.enumerated() {
            let w = weights[i]
            switch target {
            case .classes(let y, let k):
                if k == 2 {
                    let q = out[r], t = y[i] == 1 ? 1.0 : 0.0
                    let qc = min(max(q, eps), 1 - eps)
                    loss -= w * (t * log(qc) + (1 - t) * log(1 - qc))
                    d[r] = w * (q - t)
                } else {
                    let c = Int(y[i])
                    loss -= w * log(min(max(out[r * width + c], eps), 1 - eps))
                    for o in 0..<width { d[r * width + o] = w * (out[r * width + o] - (o == c ? 1 : 0)) }
                }
            case .values(let v):
                let e = out[r] - v[i]
                loss += w * 0.5 * e * e
                d[r] = w * e
            }
        }
        return loss
    }

    /// One Adam step on the minibatch `rows`; returns the batch's loss times its size (the mean
    /// loss plus `α/2 ‖W‖² / b`, times `b`), for the epoch's average.
    func step(_ net: inout MLPNetwork, rows: [Int], x: [Double], p: Int, target: MLPTraining.Target, weights: [Double],
              alpha: Double, adam: inout MLPAdam, learningRate: Double, beta1: Double, beta2: Double, epsilon: Double) -> Double {
        let b = rows.count
        x.withUnsafeBufferPointer { gather(rows[...], x: $0.baseAddress!, p: p) }
        net.forward(input, rows: b, activations: activations)
        var loss = outputLoss(rows[...], target, weights: weights)
        let scale = 1 / Double(b)
        var squares = 0.0
        // Backpropagation (Rumelhart, Hinton & Williams 1986): δ_{l−1} = (δ_l W_lᵀ) ⊙ ReLU′(a_{l−1}).
        for l in stride(from: net.layers.count - 1, through: 0, by: -1) {
            let layer = net.layers[l], fanIn = layer.fanIn, fanOut = layer.fanOut
            let a = l == 0 ? UnsafePointer(input) : UnsafePointer(activations[l - 1])
            let d = deltas[l]
            gradW[l].withUnsafeMutableBufferPointer { g in
                layer.weights.withUnsafeBufferPointer { w in
                    for k in 0..<(fanIn * fanOut) { g[k] = alpha * w[k]; squares += w[k] * w[k] }
                    if fanOut >= 8 {
                        for r in 0..<b {
                            let ar = a + r * fanIn, dr = d + r * fanOut
                            for k in 0..<fanIn {
                                let v = ar[k]
                                if v == 0 { continue }
                                let gk = g.baseAddress! + k * fanOut
                                for o in 0..<fanOut { gk[o] += v * dr[o] }
                            }
                        }
                    } else {
                        // Narrow layer: one contiguous pass along the inputs per output.
                        for r in 0..<b {
                            let ar = a + r * fanIn, dr = d + r * fanOut
                            for o in 0..<fanOut {
                                let dv = dr[o]
                                if fanOut == 1 {
                                    for k in 0..<fanIn { g[k] += ar[k] * dv }
                                } else {
                                    for k in 0..<fanIn { g[k * fanOut + o] += ar[k] * dv }
                                }
                            }
                        }
                    }
                    for k in 0..<(fanIn * fanOut) { g[k] *= scale }
                    if l > 0 {
                        let prev = deltas[l - 1]
                        for r in 0..<b {
                            let ar = a + r * fanIn, dr = d + r * fanOut, pr = prev + r * fanIn
                            if fanOut == 1 {
                                let dv = dr[0]
                                for k in 0..<fanIn { pr[k] = ar[k] > 0 ? dv * w[k] : 0 }
                                continue
                            }
                            for k in 0..<fanIn {
                                guard ar[k] > 0 else { pr[k] = 0; continue }
                                let wk = w.baseAddress! + k * fanOut
                                var s = 0.0
                                for o in 0..<fanOut { s += dr[o] * wk[o] }
                                pr[k] = s
                            }
                        }
                    }
                }
            }
            gradB[l].withUnsafeMutableBufferPointer { g in
                for o in 0..<fanOut { g[o] = 0 }
                for r in 0..<b { let dr = d + r * fanOut; for o in 0..<fanOut { g[o] += dr[o] } }
                for o in 0..<fanOut { g[o] *= scale }
            }
        }
        loss += 0.5 * alpha * squares
        // Adam (Kingma & Ba 2015, Algorithm 1), step size lr·√(1−β₂ᵗ)/(1−β₁ᵗ) and ε outside the root.
        adam.t += 1
        let t = Double(adam.t)
        let stepSize = learningRate * (1 - pow(beta2, t)).squareRoot() / (1 - pow(beta1, t))
        for l in 0..<net.layers.count {
            MLPWorkspace.adamUpdate(&net.layers[l].weights, gradW[l], &adam.mW[l], &adam.vW[l], stepSize, beta1, beta2, epsilon)
            MLPWorkspace.adamUpdate(&net.layers[l].biases, gradB[l], &adam.mB[l], &adam.vB[l], stepSize, beta1, beta2, epsilon)
        }
        return loss
    }

    private static func adamUpdate(_ theta: inout [Double], _ g: [Double], _ m: inout [Double], _ v: inout [Double],
                                   _ stepSize: Double, _ beta1: Double, _ beta2: Double, _ epsilon: Double) {
        theta.withUnsafeMutableBufferPointer { th in
            m.withUnsafeMutableBufferPointer { m in
                v.withUnsafeMutableBufferPointer { v in
                    g.withUnsafeBufferPointer { g in
                        for k in 0..<th.count {
                            m[k] = beta1 * m[k] + (1 - beta1) * g[k]
                            v[k] = beta2 * v[k] + (1 - beta2) * g[k] * g[k]
                            th[k] -= stepSize * m[k] / (v[k].squareRoot() + epsilon)
                        }
                    }
                }
            }
        }
    }

    /// The weighted mean loss over `rows` (no penalty), in batches through the same buffers.
    func loss(_ net: MLPNetwork, rows: [Int], x: [Double], p: Int, target: MLPTraining.Target, weights: [Double]) -> Double {
        var total = 0.0, weight = 0.0, start = 0
        while start < rows.count {
            let part = rows[start..<min(rows.count, start + batch)]
            x.withUnsafeBufferPointer { gather(part, x: $0.baseAddress!, p: p) }
            net.forward(input, rows: part.count, activations: activations)
            total += outputLoss(part, target, weights: weights)
            for i in part { weight += weights[i] }
            start += part.count
        }
        return weight > 0 ? total / weight : 0
    }
}
