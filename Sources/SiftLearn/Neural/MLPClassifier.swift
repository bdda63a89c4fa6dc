// Multi-layer perceptron classifier: ReLU hidden layers, logistic or softmax output, Adam, early stopping (scikit-learn's MLPClassifier).
import SiftFrame

/// A multi-layer perceptron classifier, scikit-learn's `MLPClassifier` with ReLU and Adam:
/// one logistic output for two classes, softmax for more, trained on the log loss plus
/// `α/2 ‖W‖²` (see ``MLPNetwork`` and the training loop's notes for the sources).
///
/// With `earlyStopping` (the default here; scikit-learn's default is off) a seeded, stratified
/// `validationFraction` of the rows is held out, and training stops when the validation log loss
/// has not improved by `tol` for `nIterNoChange` epochs; the best epoch's weights are kept.
/// Without it, the training loss is monitored the same way. The generator draws the initial
/// weights, the validation rows and each epoch's shuffle, so one seed gives one model.
///
/// ```swift
/// var rng = SeededGenerator(seed: 0)
/// let m = try MLPClassifier(hiddenLayerSizes: [32, 16]).fit(x, churned, classCount: 2, weights: nil, generator: &rng)
/// ```
public struct MLPClassifier: ClassifierParameters {
    /// Units per hidden layer (`hidden_layer_sizes`), one or more layers.
    public var hiddenLayerSizes: [Int]
    /// The L2 penalty (`alpha`).
    public var alpha: Double
    /// Rows per minibatch (`batch_size`); nil for `min(200, rows)`.
    public var batchSize: Int?
    /// Adam's step size (`learning_rate_init`).
    public var learningRateInit: Double
    /// The most epochs (`max_iter`).
    public var maxIter: Int
    /// The improvement that counts (`tol`).
    public var tol: Double
    /// Whether to stop on a validation split (`early_stopping`).
    public var earlyStopping: Bool
    /// The share of rows held out for early stopping (`validation_fraction`).
    public var validationFraction: Double
    /// Epochs without improvement tolerated (`n_iter_no_change`).
    public var nIterNoChange: Int
    /// Adam's decay rates and stabiliser (`beta_1`, `beta_2`, `epsilon`).
    public var beta1: Double, beta2: Double, epsilon: Double

    /// Creates the hyperparameters (scikit-learn's defaults, except early stopping on).
    public init(hiddenLayerSizes: [Int] = [100], alpha: Double = 1e-4, batchSize: Int? = nil, learningRateInit: Double = 1e-3,
                maxIter: Int = 200, tol: Double = 1e-4, earlyStopping: Bool = true, validationFraction: Double = 0.1,
                nIterNoChange: Int = 10, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
        self.hiddenLayerSizes = hiddenLayerSizes
        self.alpha = alpha
        self.batchSize = batchSize
        self.learningRateInit = learningRateInit
        self.maxIter = maxIter
        self.tol = tol
        self.earlyStopping = earlyStopping
        self.validationFraction = validationFraction
        self.nIterNoChange = nIterNoChange
        self.beta1 = beta1; self.beta2 = beta2; self.epsilon = epsilon
    }

    var training: MLPTraining {
        MLPTraining(hiddenLayerSizes: hiddenLayerSizes, alpha: alpha, batchSize: batchSize, learningRateInit: learningRateInit,
                    maxIter: maxIter, tol: tol, earlyStopping: earlyStopping, validationFraction: validationFraction,
                    nIterNoChange: nIterNoChange, beta1: beta1, beta2: beta2, epsilon: epsilon)
    }

    /// Trains the network.
    ///
    /// - Throws: `FrameError.shapeMismatch` for a target or weights of the wrong length,
    ///   `FrameError.invalidArgument` for hyperparameters out of range, codes out of range, no
    ///   rows, or weights summing to 0.
    /// - Complexity: O(epochs × n × Σ fanIn·fanOut), at most `maxIter` epochs.
    public func fit(_ x: FeatureMatrix, _ y: [Int32], classCount: Int, weights: [Double]?,
                    generator: inout SeededGenerator) throws -> Model {
        try training.check()
        try EstimatorChecks.requireClassification(x, y, classCount: classCount, weights: weights)
        guard x.rowCount > 0, (weights?.reduce(0, +) ?? 1) > 0 else {
            throw FrameError.invalidArgument("a neural network needs rows with positive weight")
        }
        guard classCount > 1 else {
            var g = generator
            return Model(classCount: 1, network: MLPNetwork(sizes: [x.featureCount, 1, 1], output: .logistic, generator: &g), epochs: 0)
        }
        let (net, epochs) = training.train(x, .classes(y, count: classCount), weights: weights, generator: &generator)
        return Model(classCount: classCount, network: net, epochs: epochs)
    }

    /// A fitted MLP classifier.
    public struct Model: ClassificationModel, Equatable {
        /// The number of classes.
        public let classCount: Int
        /// The weights (`coefs_` and `intercepts_`).
        public let network: MLPNetwork
        /// Epochs trained (`n_iter_`).
        public let epochs: Int

        init(classCount: Int, network: MLPNetwork, epochs: Int) {
            self.classCount = classCount
            self.network = network
            self.epochs = epochs
        }

        /// The number of features.
        public var featureCount: Int { network.inputCount }

        /// Nil: a network has no intrinsic importance (the pipeline uses permutation importance).
        public var featureImportances: [Double]? { nil }

        /// Class probabilities from the output layer.
        ///
        /// - Throws: `FrameError.shapeMismatch` when `x` has another number of features.
        /// - Complexity: O(rows × Σ fanIn·fanOut), on all cores.
        public func predictProba(_ x: FeatureMatrix) throws -> ProbabilityMatrix {
            try EstimatorChecks.requireFeatures(x, featureCount)
            let n = x.rowCount
            if classCount == 1 { return ProbabilityMatrix(rowCount: n, classCount: 1, values: [Double](repeating: 1, count: n)) }
            let raw = network.outputs(x)
            guard classCount == 2 else { return ProbabilityMatrix(rowCount: n, classCount: classCount, values: raw) }
            var out = [Double](repeating: 0, count: 2 * n)
            for i in 0..<n { out[2 * i] = 1 - raw[i]; out[2 * i + 1] = raw[i] }
            return ProbabilityMatrix(rowCount: n, classCount: 2, values: out)
        }

        private enum CodingKeys: String, CodingKey { case classCount = "class_count", network, epochs }

        /// Reads a model, checking that the layers chain and match the classes.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            classCount = try c.decode(Int.self, forKey: .classCount)
            network = try c.decode(MLPNetwork.self, forKey: .network)
            epochs = try c.decode(Int.self, forKey: .epochs)
            try network.validate(inputs: network.inputCount)
            let expected = classCount <= 2 ? 1 : classCount
            guard classCount >= 1, network.outputCount == expected, network.output == (classCount <= 2 ? .logistic : .softmax) else {
                throw FrameError.invalidArgument("a neural network model does not match its \(classCount) classes")
            }
        }
    }
}
