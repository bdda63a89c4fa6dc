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
    /// The nodes for prediction without missing values: a leaf points to itself with threshold
    /// +∞, so a row steps in place once it has arrived and groups of rows can walk in lockstep.
    let walk: [TreeNode]
    /// The output values, `outputWidth` per node.
    public let outputs: [Double]
    /// Values output per node.
    public let outputWidth: Int

    init(_ grown: GrownTree, outputWidth: Int) {
        self.init(nodes: grown.nodes, missingLeft: grown.missingLeft, outputs: grown.outputs, outputWidth: outputWidth)
    }

    init(nodes: [TreeNode], missingLeft: [Bool], outputs: [Double], outputWidth: Int) {
        self.nodes = nodes
        self.missingLeft = missingLeft
        self.outputs = outputs
        self.outputWidth = outputWidth
        walk = nodes.enumerated().map { k, node in
            node.left == 0 ? TreeNode(threshold: .infinity, feature: 0, left: Int32(k)) : node
        }
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
    /// (`width` values per row, this tree's written from `offset`).
    ///
    /// Without missing values, rows walk in lockstep groups of eight: each step is branch-free
    /// and the eight paths are independent, so their loads overlap instead of waiting on each
    /// other; a group stops when all eight stand on leaves.
    func add(_ x: UnsafePointer<Double>, rows n: Int, range: Range<Int>, missingAware: Bool,
             into out: UnsafeMutablePointer<Double>, width: Int, offset: Int = 0, scale: Double) {
        outputs.withUnsafeBufferPointer { op in
            let o = op.baseAddress!, w = outputWidth
            @inline(__always) func emit(_ i: Int, _ leaf: Int) {
                if w == 1 {
                    out[i &* width &+ offset] += scale * o[leaf]
                } else {
                    let d = out + (i &* width &+ offset), l = leaf &* w
                    for k in 0..<w { d[k] += scale * o[l &+ k] }
                }
            }
            if missingAware {
                nodes.withUnsafeBufferPointer { np in
                    missingLeft.withUnsafeBufferPointer { mp in
                        for i in range { emit(i, leaf(x, row: i, rows: n, nodes: np.baseAddress!, missing: mp.baseAddress)) }
                    }
                }
                return
            }
            walk.withUnsafeBufferPointer { np in
                let p = np.baseAddress!
                @inline(__always) func step(_ k: Int, _ i: Int) -> Int {
                    let node = p[k]
                    let v = x[Int(node.feature) &* n &+ i]
                    return Int(node.left) &+ Int(unsafeBitCast(v > node.threshold, to: UInt8.self))
                }
                var i = range.lowerBound
                while i &+ 8 <= range.upperBound {
                    var k0 = 0, k1 = 0, k2 = 0, k3 = 0, k4 = 0, k5 = 0, k6 = 0, k7 = 0
                    while true {
                        let n0 = step(k0, i), n1 = step(k1, i &+ 1), n2 = step(k2, i &+ 2), n3 = step(k3, i &+ 3)
                        let n4 = step(k4, i &+ 4), n5 = step(k5, i &+ 5), n6 = step(k6, i &+ 6), n7 = step(k7, i &+ 7)
                        let moved = (n0 ^ k0) | (n1 ^ k1) | (n2 ^ k2) | (n3 ^ k3) | (n4 ^ k4) | (n5 ^ k5) | (n6 ^ k6) | (n7 ^ k7)
                        k0 = n0; k1 = n1; k2 = n2; k3 = n3; k4 = n4; k5 = n5; k6 = n6; k7 = n7
                        if moved == 0 { break }
                    }
                    emit(i, k0); emit(i &+ 1, k1); emit(i &+ 2, k2); emit(i &+ 3, k3)
                    emit(i &+ 4, k4); emit(i &+ 5, k5); emit(i &+ 6, k6); emit(i &+ 7, k7)
                    i &+= 8
                }
                while i < range.upperBound {
                    var k = 0
                    while true { let next = step(k, i); if next == k { break }; k = next }
                    emit(i, k)
                    i &+= 1
                }
            }
        }
    }
}

/// Prediction of a list of trees over many rows, blocked and on all cores.
enum TreePrediction {
    /// Rows per block: each tree walks a block of rows before the next tree starts, so the
    /// tree's upper nodes are fetched once per block. Measured on a forest of fully grown trees
    /// (33k nodes each): 512 rows cost 2.8× the CPU time of 4,096–16,384; 8,192 keeps a block's
    /// six feature columns (384 KB) near the cache size.
    static let blockRows = 8192

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
        // A matrix without features has no values; its trees are single leaves that read none.
        let values = values.isEmpty ? [0] : values
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
