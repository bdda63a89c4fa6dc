// The CART fits shared by single trees and forests: checks, the rows to fit, and one call into the builder.
import SiftFrame

/// Helpers for fitting CART trees (classification with Gini, regression with squared error).
enum CARTFitting {
    /// Throws unless the growth limits are in range (scikit-learn's parameter constraints).
    static func checkLimits(maxDepth: Int?, minSamplesSplit: Int, minSamplesLeaf: Int, maxFeatures: MaxFeatures) throws {
        if let d = maxDepth, d < 1 { throw FrameError.invalidArgument("max_depth must be at least 1, got \(d)") }
        guard minSamplesSplit >= 2 else {
            throw FrameError.invalidArgument("min_samples_split must be at least 2, got \(minSamplesSplit)")
        }
        guard minSamplesLeaf >= 1 else {
            throw FrameError.invalidArgument("min_samples_leaf must be at least 1, got \(minSamplesLeaf)")
        }
        try maxFeatures.validate()
    }

    /// The limits for a CART tree.
    static func limits(maxDepth: Int?, minSamplesSplit: Int, minSamplesLeaf: Int, maxFeatures: Int, parallel: Bool) -> TreeLimits {
        var l = TreeLimits()
        l.maxDepth = maxDepth ?? Int.max
        l.minSamplesSplit = minSamplesSplit
        l.minSamplesLeaf = minSamplesLeaf
        l.maxFeatures = maxFeatures
        l.parallel = parallel
        return l
    }

    /// The rows with positive weight, ascending (scikit-learn drops zero-weight rows the same way).
    ///
    /// - Throws: `FrameError.invalidArgument` when there is none.
    static func positiveRows(count n: Int, weights: [Double]?) throws -> [Int32] {
        let rows: [Int32]
        if let weights { rows = (0..<n).filter { weights[$0] > 0 }.map { Int32($0) } } else { rows = (0..<n).map { Int32($0) } }
        guard !rows.isEmpty else {
            throw FrameError.invalidArgument(n == 0 ? "cannot fit a tree on zero rows" : "the weights are all zero")
        }
        guard n < Int(Int32.max) else { throw FrameError.invalidArgument("trees fit at most \(Int32.max - 1) rows, got \(n)") }
        return rows
    }

    /// Grows one Gini tree over `rows`.
    static func classificationTree(codes: FeatureCodes<UInt32>, y: [Int32], classCount: Int, weights: [Double],
                                   rows: [Int32], limits: TreeLimits, generator: inout SeededGenerator) -> (DecisionTree, [Double]) {
        y.withUnsafeBufferPointer { yp in
            weights.withUnsafeBufferPointer { wp in
                rows.withUnsafeBufferPointer { rp in
                    let criterion = GiniCriterion(classCount: classCount, y: yp.baseAddress!, w: wp.baseAddress!)
                    let builder = TreeBuilder(codes: codes, criterion: criterion, limits: limits)
                    let grown = builder.grow(rowSet: rp, generator: &generator)
                    return (DecisionTree(grown, outputWidth: classCount), grown.featureGains)
                }
            }
        }
    }

    /// Grows one squared-error tree over `rows`.
    static func regressionTree(codes: FeatureCodes<UInt32>, y: [Double], weights: [Double], rows: [Int32],
                               limits: TreeLimits, generator: inout SeededGenerator) -> (DecisionTree, [Double]) {
        y.withUnsafeBufferPointer { yp in
            weights.withUnsafeBufferPointer { wp in
                rows.withUnsafeBufferPointer { rp in
                    let criterion = SquaredErrorCriterion(w: wp.baseAddress!, y: yp.baseAddress!)
                    let builder = TreeBuilder(codes: codes, criterion: criterion, limits: limits)
                    let grown = builder.grow(rowSet: rp, generator: &generator)
                    return (DecisionTree(grown, outputWidth: 1), grown.featureGains)
                }
            }
        }
    }

    /// Gains scaled to sum to 1 (all zeros when nothing was split), scikit-learn's normalisation.
    static func normalized(_ gains: [Double]) -> [Double] {
        let total = gains.reduce(0, +)
        return total > 0 ? gains.map { $0 / total } : gains.map { _ in 0 }
    }

    /// Throws unless `y` holds finite numbers.
    static func checkTarget(_ y: [Double]) throws {
        if y.contains(where: { !$0.isFinite }) { throw FrameError.invalidArgument("the target has a missing or infinite value") }
    }
}
