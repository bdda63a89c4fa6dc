// Minibatch Adam training of an MLPNetwork with L2 penalty and early stopping (shared by the MLP classifier and regressor).
import Foundation
import SiftFrame

/// The training hyperparameters shared by ``MLPClassifier`` and ``MLPRegressor``, and the loop
/// that uses them.
///
/// Each epoch shuffles the training rows (from the passed generator) and takes Adam steps
/// (Kingma & Ba 2015, "Adam: a method for stochastic optimization", ICLR, Algorithm 1, with the
/// bias corrections folded into the step size as in §2) on minibatches, minimising the mean loss
/// plus `α/2 ‖W‖²` per batch, scikit-learn's objective (`_backprop` in
/// `sklearn/neural_network/_multilayer_perceptron.py`): the gradient of a batch of `b` rows is
/// `(aᵀδ + α W) / b`, biases unpenalised.
struct MLPTraining: Sendable, Equatable {
    var hiddenLayerSizes: [Int]
    var alpha: Double
    var batchSize: Int?
    var learningRateInit: Double
    var maxIter: Int
    var tol: Double
    var earlyStopping: Bool
    var validationFraction: Double
    var nIterNoChange: Int
    var beta1: Double, beta2: Double, epsilon: Double

    /// Throws for hyperparameters out of range.
    func check() throws {
        guard !hiddenLayerSizes.isEmpty, hiddenLayerSizes.allSatisfy({ $0 >= 1 }) else {
            throw FrameError.invalidArgument("hidden_layer_sizes needs one or more layers of at least 1 unit, got \(hiddenLayerSizes)")
        }
        guard alpha >= 0, alpha.isFinite else { throw FrameError.invalidArgument("alpha must be ≥ 0, got \(alpha)") }
        if let b = batchSize, b < 1 { throw FrameError.invalidArgument("batch_size must be at least 1, got \(b)") }
        guard learningRateInit > 0, learningRateInit.isFinite else {
            throw FrameError.invalidArgument("learning_rate_init must be > 0, got \(learningRateInit)")
        }
        guard maxIter >= 1 else { throw FrameError.invalidArgument("max_iter must be at least 1, got \(maxIter)") }
        guard validationFraction > 0, validationFraction < 1 else {
            throw FrameError.invalidArgument("validation_fraction must be in (0, 1), got \(validationFraction)")
        }
        guard nIterNoChange >= 1 else { throw FrameError.invalidArgument("n_iter_no_change must be at least 1, got \(nIterNoChange)") }
        guard (0..<1).contains(beta1), (0..<1).contains(beta2), epsilon > 0 else {
            throw FrameError.invalidArgument("beta_1 and beta_2 must be in [0, 1) and epsilon > 0")
        }
    }

    /// What the network is fitted to: per-row targets as the loss sees them.
    enum Target {
        /// Class codes (logistic output for 2 classes, softmax otherwise).
        case classes([Int32], count: Int)
        /// Numbers (identity output, half squared error).
        case values([Double])
    }

    /// Trains a network from Glorot initialisation.
    ///
    /// - Parameters:
    ///   - x: the features.
    ///   - target: the targets.
    ///   - weights: per-row weights (normalised here to mean 1), or nil.
    ///   - stratify: class codes to stratify the validation split by, or nil.
    /// - Returns: the network with the lowest validation loss (early stopping) or the last one,
    ///   and the epochs run.
    /// - Complexity: O(epochs × n × Σ fanIn·fanOut).
    func train(_ x: FeatureMatrix, _ target: Target, weights: [Double]?, generator: inout SeededGenerator) -> (MLPNetwork, Int) {
        let n = x.rowCount, p = x.featureCount
        let outputs: Int, output: MLPNetwork.Output
        switch target {
        case .classes(_, let k): outputs = k == 2 ? 1 : k; output = k == 2 ? .logistic : .softmax
        case .values: outputs = 1; output = .identity
        }
        var net = MLPNetwork(sizes: [p] + hiddenLayerSizes + [outputs], output: output, generator: &generator)
        // Validation rows (stratified by class), drawn before the epochs' shuffles.
        var trainRows = Array(0..<n), validRows: [Int] = []
        let validate = earlyStopping && n >= 20
        if validate {
            (trainRows, validRows) = splitRows(n, target, generator: &generator)
        }
        var w = weights ?? [Double](repeating: 1, count: n)
        let meanWeight = trainRows.reduce(0.0) { $0 + w[$1] } / Double(max(1, trainRows.count))
        if meanWeight > 0 { w = w.map { $0 / meanWeight } }
        let rowMajor = MLPTraining.rowMajor(x)
        let state = MLPWorkspace(net: net, batch: min(batchSize ?? 200, max(1, trainRows.count)), inputs: p)
        var adam = MLPAdam(net: net)
        var bestLoss = Double.infinity, bestNet = net, stalls = 0, epochs = 0
        for _ in 0..<maxIter {
            epochs += 1
            generator.shuffle(&trainRows)
            var total = 0.0
            var start = 0
            while start < trainRows.count {
                let rows = Array(trainRows[start..<min(trainRows.count, start + state.batch)])
                total += state.step(&net, rows: rows, x: rowMajor, p: p, target: target, weights: w, alpha: alpha,
                                    adam: &adam, learningRate: learningRateInit, beta1: beta1, beta2: beta2, epsilon: epsilon)
                start += rows.count
            }
            let trainLoss = total / Double(max(1, trainRows.count))
            // scikit-learn's `_update_no_improvement_count`: a loss within `tol` of the best counts as
            // no improvement; `n_iter_no_change` such epochs in a row end the fit. On a validation
            // split the monitored loss is the validation loss (scikit-learn monitors accuracy or R²
            // there; the loss is smoother and rewards calibrated probabilities).
            let monitored = validate
                ? state.loss(net, rows: validRows, x: rowMajor, p: p, target: target, weights: w)
                : trainLoss
            guard monitored.isFinite else { break }
            if monitored > bestLoss - tol { stalls += 1 } else { stalls = 0 }
            if monitored < bestLoss { bestLoss = monitored; if validate { bestNet = net } }
            if stalls > nIterNoChange { break }
        }
        return (validate ? bestNet : net, epochs)
    }

    /// A seeded split: `validationFraction` of the rows (of each class, rounded) for validation.
    private func splitRows(_ n: Int, _ target: Target, generator: inout SeededGenerator) -> ([Int], [Int]) {
        var groups: [[Int]]
        switch target {
        case .classes(let y, let k):
            groups = [[Int]](repeating: [], count: k)
            for i in 0..<n { groups[Int(y[i])].append(i) }
        case .values: groups = [Array(0..<n)]
        }
        var train: [Int] = [], valid: [Int] = []
        for var g in groups where !g.isEmpty {
            generator.shuffle(&g)
            let take = min(g.count - 1, Int((Double(g.count) * validationFraction).rounded()))
            valid += g[0..<max(0, take)]
            train += g[max(0, take)...]
        }
        return (train.sorted(), valid.sorted())
    }

    /// The features row-major (`n × p`), so a minibatch gathers whole rows (one dummy value when
    /// there are none, so the buffer always has an address).
    static func rowMajor(_ x: FeatureMatrix) -> [Double] {
        let n = x.rowCount, p = x.featureCount
        var out = [Double](repeating: 0, count: max(1, n * p))
        x.values.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for j in 0..<p { for i in 0..<n { dst[i * p + j] = src[j * n + i] } }
            }
        }
        return out
    }
}

/// Adam's first and second moment estimates, one pair of arrays per layer.
struct MLPAdam {
    var mW: [[Double]], vW: [[Double]], mB: [[Double]], vB: [[Double]]
    var t = 0

    init(net: MLPNetwork) {
        mW = net.layers.map { [Double](repeating: 0, count: $0.weights.count) }
        vW = mW
        mB = net.layers.map { [Double](repeating: 0, count: $0.biases.count) }
        vB = mB
    }
}
