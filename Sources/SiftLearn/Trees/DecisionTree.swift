// A fitted tree: packed nodes, per-node outputs, and the blocked traversal that predicts many rows.
import SiftFrame

/// One fitted decision tree, shared by every tree model.
///
/// A split node sends row `x` left when `x[feature] <= threshold` (scikit-learn's convention) and
/// a missing value (NaN, only in ``predictAdding(_:missingAware:into:width:scale:)``) to the side
/// learned at fit time. Each node holds `outputWidth` values: the class distribution (CART
/// classification), the mean (CART regression) or the shrunken Newton step (boosting).
public struct DecisionTree: Sendable, Equatable {
    var nodes: [TreeNode]
    var missingLeft: [Bool]
    /// The output values, `outputWidth` per node.
    public let outputs: [Double]
    /// Values output per node.
    public let outputWidth: Int

    init(_ grown: GrownTree, outputWidth: Int) {
        nodes = grown.nodes
        missingLeft = grown.missingLeft
        outputs = grown.outputs
        self.outputWidth = outputWidth
    }

    /// The number of nodes, leaves and splits.
    public var nodeCount: Int { nodes.count }
    /// The number of leaves.
    public var leafCount: Int { nodes.reduce(0) { $0 + ($1.left == 0 ? 1 : 0) } }

    /// The length of the longest root-to-leaf path (0 for a single leaf).
    public var depth: Int {
        var depths = [Int](repeating: 0, count: nodes.count), deepest = 0
        for (k, node) in nodes.enumerated() where node.left != 0 {
            depths[Int(node.left)] = depths[k] + 1
            depths[Int(node.left) + 1] = depths[k] + 1
            deepest = max(deepest, depths[k] + 1)
        }
        return deepest
    }

    /// The leaf that row `i` of column-major `x` (`n` rows) reaches.
    @inline(__always)
    func leaf(_ x: UnsafePointer<Double>, row i: Int, rows n: Int, nodes p: UnsafePointer<TreeNode>,
              missing: UnsafePointer<Bool>?) -> Int {
        var k = 0
        while true {
            let node = p[k]
            if node.left == 0 { return k }
            let v = x[Int(node.feature) &* n &+ i]
            if let missing, v.isNaN {
                k = Int(node.left) &+ (missing[k] ? 0 : 1)
            } else {
                k = Int(node.left) &+ Int(unsafeBitCast(v > node.threshold, to: UInt8.self))
            }
        }
    }

    /// Adds `scale ×` the leaf output of rows `range` of `x` (column-major, `n` rows) to `out`
    /// (`width` values per row, the first `outputWidth` of them written).
    func add(_ x: UnsafePointer<Double>, rows n: Int, range: Range<Int>, missingAware: Bool,
             into out: UnsafeMutablePointer<Double>, width: Int, offset: Int = 0, scale: Double) {
        nodes.withUnsafeBufferPointer { np in
            outputs.withUnsafeBufferPointer { op in
                missingLeft.withUnsafeBufferPointer { mp in
                    let miss = missingAware ? mp.baseAddress : nil
                    let p = np.baseAddress!, o = op.baseAddress!, w = outputWidth
                    if w == 1 {
                        for i in range { out[i &* width &+ offset] += scale * o[leaf(x, row: i, rows: n, nodes: p, missing: miss)] }
                    } else {
                        for i in range {
                            let l = leaf(x, row: i, rows: n, nodes: p, missing: miss) &* w
                            let d = out + (i &* width &+ offset)
                            for k in 0..<w { d[k] += scale * o[l &+ k] }
                        }
                    }
                }
            }
        }
    }
}

/// Prediction of a list of trees over many rows, blocked and on all cores.
enum TreePrediction {
    /// Rows per block: each tree walks a block of rows before the next tree starts, so the tree's
    /// nodes stay in cache while the block's feature values do too.
    static let blockRows = 512

    /// Sums, for every row, `scale ×` the outputs of `trees` (with `trees[t]` writing at
    /// `offsets[t]` of the row's `width` values), starting from `initial` per row.
    ///
    /// - Parameter missingAware: NaN features take the learned direction (raw input with missing
    ///   values) instead of the plain comparison.
    /// - Complexity: O(rows × trees × depth), split over the cores.
    static func sum(_ trees: [DecisionTree], offsets: [Int]? = nil, x values: [Double], rows n: Int, width: Int,
                    initial: [Double], scale: Double, missingAware: Bool = false) -> [Double] {
        var out = [Double](repeating: 0, count: n * width)
        guard n > 0 else { return out }
        values.withUnsafeBufferPointer { xv in
            out.withUnsafeMutableBufferPointer { ov in
                nonisolated(unsafe) let x = xv.baseAddress!, o = ov.baseAddress!
                Parallel.forEachChunk(count: n, grain: 4096) { chunk in
                    for i in chunk { for k in 0..<width { o[i * width + k] = initial[k] } }
                    var start = chunk.lowerBound
                    while start < chunk.upperBound {
                        let block = start..<min(chunk.upperBound, start + blockRows)
                        for (t, tree) in trees.enumerated() {
                            tree.add(x, rows: n, range: block, missingAware: missingAware, into: o, width: width,
                                     offset: offsets?[t] ?? 0, scale: scale)
                        }
                        start = block.upperBound
                    }
                }
            }
        }
        return out
    }
}
