// Bagging shared by the forest classifier and regressor: bootstrap weights, one generator per tree, trees on all cores.
import Dispatch
import SiftFrame

/// Grows the trees of a random forest (Breiman, "Random Forests", Machine Learning 45, 2001):
/// each tree sees a bootstrap sample of the rows and draws candidate features at every node.
///
/// A bootstrap sample is expressed as weights, `count × weight` per row, as scikit-learn does,
/// so the rank codes are computed once for all trees and rows drawn 0 times drop out. Tree `t`
/// draws from its own generator, seeded from one draw of the caller's generator and `t`, so
/// the forest is the same whatever the thread scheduling. The trees are split between the
/// cores in an interleaved order; each worker reuses one builder and one weight buffer.
enum ForestFitting {
    /// Grows `treeCount` trees.
    ///
    /// - Parameters:
    ///   - makeCriterion: the criterion reading per-row weights from the given buffer (the
    ///     targets are captured by the closure).
    /// - Returns: each tree with its per-feature gains, in tree order.
    /// - Complexity: `treeCount` times the tree's cost, over the cores.
    static func grow<C: SplitCriterion>(treeCount: Int, codes: FeatureCodes<UInt32>, limits: TreeLimits,
                                        weights: [Double]?, bootstrap: Bool, outputWidth: Int,
                                        generator: inout SeededGenerator,
                                        makeCriterion: @escaping @Sendable (UnsafePointer<Double>) -> C) -> [(DecisionTree, [Double])] {
        let n = codes.rowCount
        let seed = generator.next()
        let workers = min(treeCount, Parallel.coreCount)
        let results = UnsafeMutableBufferPointer<(DecisionTree, [Double])?>.allocate(capacity: treeCount)
        results.initialize(repeating: nil)
        defer { results.deinitialize(); results.deallocate() }
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let w = UnsafeMutablePointer<Double>.allocate(capacity: max(1, n))
            let rowSet = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, n))
            let counts = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, n))
            defer { w.deallocate(); rowSet.deallocate(); counts.deallocate() }
            let builder = TreeBuilder(codes: codes, criterion: makeCriterion(UnsafePointer(w)), limits: limits)
            for t in stride(from: worker, to: treeCount, by: workers) {
                var g = SeededGenerator(seed: treeSeed(seed, t))
                counts.update(repeating: bootstrap ? 0 : 1, count: n)
                if bootstrap { for _ in 0..<n { counts[g.below(n)] &+= 1 } }
                var m = 0
                for i in 0..<n {
                    let wi = Double(counts[i]) * (weights?[i] ?? 1)
                    w[i] = wi
                    if wi > 0 { rowSet[m] = Int32(i); m += 1 }
                }
                guard m > 0 else {
                    // Every drawn row had weight 0: the tree is a root predicting nothing in particular.
                    slots[t] = nil
                    continue
                }
                let grown = builder.grow(rowSet: UnsafeBufferPointer(start: rowSet, count: m), generator: &g)
                slots[t] = (DecisionTree(grown, outputWidth: outputWidth), grown.featureGains)
            }
        }
        return results.compactMap { $0 }
    }

    /// The seed of tree `t`: SplitMix64's increment walk from the forest's seed, so neighbouring
    /// trees get unrelated streams.
    static func treeSeed(_ seed: UInt64, _ t: Int) -> UInt64 { seed &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(t + 1) }

    /// The forest's importances: the mean of each tree's normalised importances over trees with
    /// a split, normalised again (scikit-learn's `feature_importances_`).
    static func importances(_ gains: [[Double]], featureCount: Int) -> [Double] {
        var total = [Double](repeating: 0, count: featureCount)
        for g in gains where g.contains(where: { $0 > 0 }) {
            for (j, v) in CARTFitting.normalized(g).enumerated() { total[j] += v }
        }
        return CARTFitting.normalized(total)
    }

    /// Throws unless the forest-level hyperparameters are valid.
    static func check(treeCount: Int) throws {
        guard treeCount >= 1 else { throw FrameError.invalidArgument("n_estimators must be at least 1, got \(treeCount)") }
    }
}
