// Multi-layer perceptron regressor: the MLP classifier's network with an identity output and squared loss (scikit-learn's MLPRegressor).
import SiftFrame

/// A multi-layer perceptron regressor, scikit-learn's `MLPRegressor` with ReLU and Adam: an
/// identity output trained on half the squared error plus `α/2 ‖W‖²`, with the hyperparameters
/// and early stopping of ``MLPClassifier`` (validation loss = mean squared error).
///
/// Unlike scikit-learn, the target is standardised for training (the network fits
/// `(y − ȳ)/s_y` and predictions are mapped back), so the step size suits any target scale;
/// a constant target is predicted exactly.
///
/// ```swift
/// var rng = SeededGenerator(seed: 0)
/// let m = try MLPRegressor(hiddenLayerSizes: [64]).fit(x, revenue, weights: nil, generator: &rng)
/// ```
public struct MLPRegressor: RegressorParameters {
    /// The training hyperparameters, as ``MLPClassifier``'s.
    public var hyperparameters: MLPClassifier

    /// Creates the hyperparameters (scikit-learn's defaults, except early stopping on).
    public init(hiddenLayerSizes: [Int] = [100], alpha: Double = 1e-4, batchSize: Int? = nil, learningRateInit: Double = 1e-3,
                maxIter: Int = 200, tol: Double = 1e-4, earlyStopping: Bool = true, validationFraction: Double = 0.1,
                nIterNoChange: Int = 10) {
        hyperparameters = MLPClassifier(hiddenLayerSizes: hiddenLayerSizes, alpha: alpha, batchSize: batchSize,
                                        learningRateInit: learningRateInit, maxIter: maxIter, tol: tol, earlyStopping: earlyStopping,
                                        validationFraction: validationFraction, nIterNoChange: nIterNoChange)
    }

    /// Trains the network.
    ///
    /// - Throws: as ``MLPClassifier/fit(_:_:classCount:weights:generator:)``, and
    ///   `FrameError.invalidArgument` for a non-finite target.
    /// - Complexity: O(epochs × n × Σ fanIn·fanOut).
    public func fit(_ x: FeatureMatrix, _ y: [Double], weights: [Double]?, generator: inout SeededGenerator) throws -> Model {
        let training = hyperparameters.training
        try training.check()
        try EstimatorChecks.requireRows(x, y.count, "the target")
        try EstimatorChecks.requireWeights(x, weights)
        guard y.allSatisfy(\.isFinite) else { throw FrameError.invalidArgument("the target has a missing or infinite value") }
        let w = weights ?? [Double](repeating: 1, count: x.rowCount)
        let total = w.reduce(0, +)
        guard x.rowCount > 0, total > 0 else { throw FrameError.invalidArgument("a neural network needs rows with positive weight") }
        var mean = 0.0
        for i in y.indices { mean += w[i] * y[i] }
        mean /= total
        var spread = 0.0
        for i in y.indices { spread += w[i] * (y[i] - mean) * (y[i] - mean) }
        let scale = (spread / total).squareRoot()
        guard scale > 0 else {
            // A constant target: a network whose output layer is zero predicts the mean exactly.
            var net = MLPNetwork(sizes: [x.featureCount] + hyperparameters.hiddenLayerSizes + [1], output: .identity, generator: &generator)
            let last = net.layers.count - 1
            net.layers[last].weights = net.layers[last].weights.map { _ in 0 }
            net.layers[last].biases = [0]
            return Model(network: net, targetMean: mean, targetScale: 1, epochs: 0)
        }
        let (net, epochs) = training.train(x, .values(y.map { ($0 - mean) / scale }), weights: weights, generator: &generator)
        return Model(network: net, targetMean: mean, targetScale: scale, epochs: epochs)
    }

    /// A fitted MLP regressor.
    public struct Model: RegressionModel, Equatable {
        /// The weights.
        public let network: MLPNetwork
        /// The target's weighted mean and standard deviation used to standardise it.
        public let targetMean: Double, targetScale: Double
        /// Epochs trained (`n_iter_`).
        public let epochs: Int

        init(network: MLPNetwork, targetMean: Double, targetScale: Double, epochs: Int) {
            self.network = network
            self.targetMean = targetMean
            self.targetScale = targetScale
            self.epochs = epochs
        }

        /// The number of features.
        public var featureCount: Int { network.inputCount }

        /// Nil: the pipeline uses permutation importance.
        public var featureImportances: [Double]? { nil }

        /// The network's output mapped back to the target's scale.
        ///
        /// - Throws: `FrameError.shapeMismatch` when `x` has another number of features.
        /// - Complexity: O(rows × Σ fanIn·fanOut), on all cores.
        public func predict(_ x: FeatureMatrix) throws -> [Double] {
            try EstimatorChecks.requireFeatures(x, featureCount)
            return network.outputs(x).map { targetMean + targetScale * $0 }
        }

        private enum CodingKeys: String, CodingKey { case network, targetMean = "target_mean", targetScale = "target_scale", epochs }

        /// Reads a model, checking the layers.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            network = try c.decode(MLPNetwork.self, forKey: .network)
            targetMean = try c.decode(Double.self, forKey: .targetMean)
            targetScale = try c.decode(Double.self, forKey: .targetScale)
            epochs = try c.decode(Int.self, forKey: .epochs)
            try network.validate(inputs: network.inputCount)
            guard network.outputCount == 1, network.output == .identity, targetMean.isFinite, targetScale.isFinite, targetScale > 0 else {
                throw FrameError.invalidArgument("a neural network regression model is inconsistent")
            }
        }
    }
}
