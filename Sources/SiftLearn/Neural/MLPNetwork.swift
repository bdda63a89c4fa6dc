// A fully connected ReLU network: layers, Glorot initialisation, the batched forward pass and prediction.
import Foundation
import SiftFrame

/// The weights of a multi-layer perceptron with ReLU hidden layers, shared by ``MLPClassifier``
/// and ``MLPRegressor``.
///
/// Layer `l` maps `fanIn` activations to `fanOut` with a row-major `fanIn × fanOut` weight
/// matrix, so the forward pass over a row-major batch runs the inner loop along a contiguous
/// weight row (`z[r, :] += a[r, k] · W[k, :]`), which the compiler vectorises.
public struct MLPNetwork: Sendable, Equatable, Codable {
    /// The output function.
    public enum Output: String, Sendable, Codable {
        /// No function: regression.
        case identity
        /// One logistic unit: P(class 1) of a binary classifier (as scikit-learn).
        case logistic
        /// Softmax over one unit per class.
        case softmax
    }

    /// One fully connected layer.
    public struct Layer: Sendable, Equatable, Codable {
        /// Inputs and outputs.
        public let fanIn: Int, fanOut: Int
        /// Row-major `fanIn × fanOut` weights.
        public var weights: [Double]
        /// One bias per output.
        public var biases: [Double]
    }

    /// The layers, input to output.
    public internal(set) var layers: [Layer]
    /// The output function.
    public let output: Output

    /// The number of inputs.
    public var inputCount: Int { layers.first?.fanIn ?? 0 }
    /// The number of outputs.
    public var outputCount: Int { layers.last?.fanOut ?? 0 }

    /// A network of layer widths `sizes` (input first) with Glorot–Bengio uniform initialisation:
    /// weights and biases from `U(−b, b)`, `b = √(6 / (fanIn + fanOut))` (Glorot & Bengio 2010,
    /// eq. 16; scikit-learn's `_init_coef` for ReLU).
    init(sizes: [Int], output: Output, generator: inout SeededGenerator) {
        self.output = output
        layers = []
        for l in 0..<(sizes.count - 1) {
            let fanIn = sizes[l], fanOut = sizes[l + 1]
            let bound = (6 / Double(fanIn + fanOut)).squareRoot()
            let w = (0..<(fanIn * fanOut)).map { _ in (2 * generator.nextDouble() - 1) * bound }
            let b = (0..<fanOut).map { _ in (2 * generator.nextDouble() - 1) * bound }
            layers.append(Layer(fanIn: fanIn, fanOut: fanOut, weights: w, biases: b))
        }
    }

    /// Runs a row-major batch of `rows` inputs through the network: `activations[l]` receives
    /// layer `l`'s output (`rows × fanOut`, ReLU for hidden layers, the output function last).
    /// Each buffer must hold at least `rows × fanOut` values.
    func forward(_ input: UnsafePointer<Double>, rows: Int, activations: [UnsafeMutablePointer<Double>]) {
        var a = input
        for (l, layer) in layers.enumerated() {
            let z = activations[l], fanIn = layer.fanIn, fanOut = layer.fanOut
            layer.weights.withUnsafeBufferPointer { w in
                layer.biases.withUnsafeBufferPointer { b in
                    // Biases are never empty (fanOut ≥ 1); weights are when there are no inputs, and
                    // are then never read.
                    guard let bp = b.baseAddress else { return }
                    MLPNetwork.affine(a, rows: rows, fanIn: fanIn, w.baseAddress ?? bp, bp, fanOut: fanOut, into: z)
                }
            }
            if l < layers.count - 1 {
                for i in 0..<(rows * fanOut) { z[i] = z[i] > 0 ? z[i] : 0 }
            } else {
                MLPNetwork.applyOutput(output, z, rows: rows, width: fanOut)
            }
            a = UnsafePointer(z)
        }
    }

    /// `z = a W + b` for a row-major batch. Wide layers run one contiguous `z[r, :] += a[r, k] W[k, :]`
    /// per input (vectorised); narrow ones (the output layer of a binary classifier or a
    /// regressor) take one dot product per output with four partial sums, since a loop along a
    /// width of 1 cannot be vectorised.
    @inline(__always)
    static func affine(_ a: UnsafePointer<Double>, rows: Int, fanIn: Int, _ w: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
                       fanOut: Int, into z: UnsafeMutablePointer<Double>) {
        if fanOut >= 8 {
            for r in 0..<rows {
                let zr = z + r * fanOut, ar = a + r * fanIn
                for o in 0..<fanOut { zr[o] = b[o] }
                for k in 0..<fanIn {
                    let v = ar[k]
                    if v == 0 { continue }
                    let wk = w + k * fanOut
                    for o in 0..<fanOut { zr[o] += v * wk[o] }
                }
            }
            return
        }
        let blocks = fanIn / 4
        for r in 0..<rows {
            let ar = a + r * fanIn, zr = z + r * fanOut
            for o in 0..<fanOut {
                var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
                for q in 0..<blocks {
                    let k = 4 * q
                    s0 += ar[k] * w[k * fanOut + o]; s1 += ar[k + 1] * w[(k + 1) * fanOut + o]
                    s2 += ar[k + 2] * w[(k + 2) * fanOut + o]; s3 += ar[k + 3] * w[(k + 3) * fanOut + o]
                }
                for k in (4 * blocks)..<fanIn { s0 += ar[k] * w[k * fanOut + o] }
                zr[o] = b[o] + ((s0 + s1) + (s2 + s3))
            }
        }
    }

    /// The output function in place on `rows × width` raw scores.
    static func applyOutput(_ output: Output, _ z: UnsafeMutablePointer<Double>, rows: Int, width: Int) {
        switch output {
        case .identity: break
        case .logistic:
            for i in 0..<rows { z[i] = LogisticLoss.sigmoid(z[i]) }
        case .softmax:
            for r in 0..<rows {
                let zr = z + r * width
                var m = -Double.infinity
                for o in 0..<width { m = max(m, zr[o]) }
                var s = 0.0
                for o in 0..<width { zr[o] = exp(zr[o] - m); s += zr[o] }
                for o in 0..<width { zr[o] /= s }
            }
        }
    }

    /// The network's outputs for every row of `x`, row-major `rows × outputCount`.
    ///
    /// Rows are gathered into row-major blocks of 512 and the blocks shared among the cores;
    /// each block allocates its buffers once.
    ///
    /// - Complexity: O(rows × Σ fanIn·fanOut).
    func outputs(_ x: FeatureMatrix) -> [Double] {
        let n = x.rowCount, p = x.featureCount, width = outputCount
        var out = [Double](repeating: 0, count: n * width)
        guard n > 0 else { return out }
        let block = 512
        let widths = layers.map(\.fanOut)
        let values = x.values.isEmpty ? [0] : x.values
        values.withUnsafeBufferPointer { xv in
            out.withUnsafeMutableBufferPointer { ov in
                nonisolated(unsafe) let src = xv.baseAddress!, dst = ov.baseAddress!
                let net = self
                Parallel.forEachChunk(count: n, grain: 8192) { chunk in
                    let input = UnsafeMutablePointer<Double>.allocate(capacity: max(1, block * p))
                    let acts = widths.map { UnsafeMutablePointer<Double>.allocate(capacity: block * $0) }
                    defer { input.deallocate(); acts.forEach { $0.deallocate() } }
                    var start = chunk.lowerBound
                    while start < chunk.upperBound {
                        let rows = min(block, chunk.upperBound - start)
                        for j in 0..<p {
                            let col = src + j * n + start
                            for r in 0..<rows { input[r * p + j] = col[r] }
                        }
                        net.forward(input, rows: rows, activations: acts)
                        let last = acts[acts.count - 1]
                        for i in 0..<(rows * width) { dst[start * width + i] = last[i].isFinite ? last[i] : 0 }
                        start += rows
                    }
                }
            }
        }
        return out
    }

    /// Throws unless the layers chain and every value is finite (for decoded models).
    func validate(inputs: Int) throws {
        var width = inputs
        for layer in layers {
            guard layer.fanIn == width, layer.fanOut >= 1, layer.weights.count == layer.fanIn * layer.fanOut,
                  layer.biases.count == layer.fanOut, layer.weights.allSatisfy(\.isFinite), layer.biases.allSatisfy(\.isFinite) else {
                throw FrameError.invalidArgument("a neural network model has inconsistent layers")
            }
            width = layer.fanOut
        }
        guard !layers.isEmpty else { throw FrameError.invalidArgument("a neural network model has no layers") }
    }
}
