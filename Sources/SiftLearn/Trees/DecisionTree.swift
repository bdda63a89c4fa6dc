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
    /// +∞, so a row steps in place once it has arrived (how the block walk detects arrival).
    let walk: [TreeNode]
    /// The output values, `outputWidth` per node.
    public let outputs: [Double]
    /// The longest root-to-leaf path.
    let levels: Int
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
        levels = Self.depth(of: nodes)
    }

    /// Trees at most this deep are walked in whole-block passes, one per level; deeper ones
    /// (fully grown forest trees, whose paths vary widely in length) keep a list of the rows
    /// still travelling.
    static let levelPassDepth = 12

    /// The number of nodes, leaves and splits.
    public var nodeCount: Int { nodes.count }
    /// The number of leaves.
    public var leafCount: Int { nodes.reduce(0) { $0 + ($1.left == 0 ? 1 : 0) } }

    /// The length of the longest root-to-leaf path (0 for a single leaf).
    public var depth: Int { levels }

    /// The length of the longest path from node 0 (children come after their parent).
    static func depth(of nodes: [TreeNode]) -> Int {
        var depths = [Int](repeating: 0, count: nodes.count), deepest = 0
        for (k, node) in nodes.enumerated() where node.left != 0 {
            // max: a damaged file may give a node two parents; the walk must still reach leaves.
            depths[Int(node.left)] = max(depths[Int(node.left)], depths[k] + 1)
            depths[Int(node.left) + 1] = max(depths[Int(node.left) + 1], depths[k] + 1)
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
    /// - Parameter scratch: room for `3 × range.count` node indices (the caller's, reused).
    func add(_ x: UnsafePointer<Double>, rows n: Int, range: Range<Int>, missingAware: Bool,
             into out: UnsafeMutablePointer<Double>, width: Int, offset: Int = 0, scale: Double,
             scratch: UnsafeMutablePointer<Int32>) {
        let m = range.count, base = range.lowerBound
        if missingAware {
            nodes.withUnsafeBufferPointer { np in
                missingLeft.withUnsafeBufferPointer { mp in
                    for r in 0..<m {
                        scratch[r] = Int32(leaf(x, row: base &+ r, rows: n, nodes: np.baseAddress!, missing: mp.baseAddress))
                    }
                }
            }
        } else {
            walk.withUnsafeBufferPointer { np in
                let p = np.baseAddress!
                descend(count: m, scratch: scratch) { k, r in
                    let node = p[k]
                    let v = x[Int(node.feature) &* n &+ base &+ r]
                    return node.left &+ Int32(unsafeBitCast(v > node.threshold, to: UInt8.self))
                }
            }
        }
        emit(leaves: scratch, base: base, count: m, into: out, width: width, offset: offset, scale: scale)
    }

    /// Walks `m` rows from the root to their leaves, level by level, leaving row `r`'s leaf in
    /// `scratch[r]`; `step(k, r)` is the node row `r` goes to from node `k` (a leaf returns
    /// itself).
    ///
    /// Each pass moves every row that is still travelling down the tree; the iterations of a
    /// pass are independent, so the processor overlaps the node and feature loads of many rows
    /// instead of waiting on one path at a time. Shallow trees (boosting) take exactly `levels`
    /// passes over all rows. Deep ones (fully grown forest trees, whose paths vary widely in
    /// length) keep a list of the rows still travelling: each pass takes two steps per row,
    /// marks the rows that moved, and a second, cheap loop drops the others (compacting inside
    /// the first loop would chain every iteration to the previous one's loads; two steps per
    /// pass halve the bookkeeping and took 2.8 → 2.2 s on the benchmark's forest).
    ///
    /// - Parameter scratch: room for `3 × m` indices: leaves, the travelling list, the marks.
    @inline(__always)
    func descend(count m: Int, scratch: UnsafeMutablePointer<Int32>, step: (Int, Int) -> Int32) {
        let position = scratch, active = scratch + m
        guard levels > 0 else {
            position.update(repeating: 0, count: m)
            return
        }
        for r in 0..<m { position[r] = step(0, r) }
        if levels <= Self.levelPassDepth {
            for _ in 1..<levels {
                for r in 0..<m { position[r] = step(Int(position[r]), r) }
            }
            return
        }
        for r in 0..<m { active[r] = Int32(r) }
        let moved = UnsafeMutableRawPointer(scratch + 2 * m).assumingMemoryBound(to: UInt8.self)
        var count = m
        while count > 0 {
            for a in 0..<count {
                let r = Int(active[a]), k = position[r]
                let next = step(Int(step(Int(k), r)), r)
                position[r] = next
                moved[a] = unsafeBitCast(next != k, to: UInt8.self)
            }
            var kept = 0
            for a in 0..<count {
                active[kept] = active[a]
                kept &+= Int(moved[a])
            }
            count = kept
        }
    }

    /// Adds `scale ×` the outputs of leaves `leaves[r]` to output rows `base + r` (`width`
    /// values per row, this tree's from `offset`).
    func emit(leaves: UnsafePointer<Int32>, base: Int, count m: Int, into out: UnsafeMutablePointer<Double>,
              width: Int, offset: Int, scale: Double) {
        outputs.withUnsafeBufferPointer { op in
            let o = op.baseAddress!, w = outputWidth
            if w == 1 {
                for r in 0..<m { out[(base &+ r) &* width &+ offset] += scale * o[Int(leaves[r])] }
            } else {
                for r in 0..<m {
                    let d = out + ((base &+ r) &* width &+ offset), l = Int(leaves[r]) &* w
                    for k in 0..<w { d[k] += scale * o[l &+ k] }
                }
            }
        }
    }
}

/// Prediction of a list of trees over many rows, blocked and on all cores.
enum TreePrediction {
    /// Rows per block: each tree walks a block of rows before the next tree starts, so the
    /// tree's nodes are fetched once per block and reused by its rows. Measured on the session
    /// table (process CPU for 1M rows): a forest of 100 fully grown trees (36k nodes each) took
    /// 12.4 s at 8,192 rows, 10.0 s at 65,536 and 14 s at 500,000 (the block's columns no
    /// longer fit the cache); 100 boosting trees of depth 6 take 0.9 s at 8,192 or 32,768.
    /// With ``CodedTrees`` the forest takes 4.4–5 s at 65,536 and 6–8 s at 8,192 or 16,384.
    static let blockRows = 65_536

    /// When a prediction recodes the trees (``CodedTrees``) instead of walking their double
    /// thresholds: from `codedRows` rows and `codedTrees` trees, and from one row per
    /// `nodesPerCodedRow` nodes. Recoding reads and sorts every threshold once, 0.14 s for the
    /// benchmark's forest of 3.6M nodes, which then predicts 20k / 50k / 100k / 1M rows in
    /// 0.20 / 0.26 / 0.34 / 1.95 s against 0.10 / 0.19 / 0.32 / 2.7–3.0 s walking doubles. Coding
    /// the input costs a binary search per value, which a single tree does not win back (1M
    /// rows of the session table, one depth-10 tree: 0.015 s walking doubles, 0.077 s coded).
    static let codedRows = 4096
    static let codedTrees = 8
    static let nodesPerCodedRow = 32

    /// Rows a coded tree walks at a time inside a block: the tree stays in the core's cache
    /// while the block's codes pass by in small pieces (the benchmark's forest: 2.25 s for 1M
    /// rows with the whole block at once, 2.0 s with 4,096-row pieces, 2.2 s with 2,048).
    static let subRows = 4096

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
        let p = values.count / n, codeStride = max(1, p)
        let values = values.isEmpty ? [0] : values
        let nodes = trees.reduce(0) { $0 + $1.nodeCount }
        let worthCoding = !missingAware && n >= codedRows && trees.count >= codedTrees && n * nodesPerCodedRow >= nodes
        let coded = worthCoding ? CodedTrees(trees, featureCount: p) : nil
        values.withUnsafeBufferPointer { xv in
            out.withUnsafeMutableBufferPointer { ov in
                nonisolated(unsafe) let x = xv.baseAddress!, o = ov.baseAddress!
                Parallel.forEachChunk(count: n, grain: 4096) { chunk in
                    let rows = min(blockRows, chunk.count)
                    let scratch = UnsafeMutablePointer<Int32>.allocate(capacity: 3 * rows)
                    // Codes of a block, row-major; all zero for a matrix without features.
                    let codes = UnsafeMutablePointer<UInt32>.allocate(capacity: coded == nil ? 0 : rows * codeStride)
                    codes.initialize(repeating: 0, count: coded == nil ? 0 : rows * codeStride)
                    defer { scratch.deallocate(); codes.deallocate() }
                    for i in chunk { for k in 0..<width { o[i * width + k] = initial[k] } }
                    var start = chunk.lowerBound
                    while start < chunk.upperBound {
                        let block = start..<min(chunk.upperBound, start + blockRows)
                        if let coded {
                            coded.code(x, rows: n, range: block, into: codes)
                            coded.nodes.withUnsafeBufferPointer { all in
                                for (t, tree) in trees.enumerated() {
                                    let nodes = all.baseAddress! + coded.starts[t]
                                    var sub = 0
                                    while sub < block.count {
                                        let m = min(subRows, block.count - sub)
                                        tree.add(coded: nodes, codes: codes + sub * codeStride, features: codeStride,
                                                 base: block.lowerBound + sub, count: m, into: o, width: width,
                                                 offset: offsets?[t] ?? 0, scale: scale, scratch: scratch)
                                        sub += m
                                    }
                                }
                            }
                        } else {
                            for (t, tree) in trees.enumerated() {
                                tree.add(x, rows: n, range: block, missingAware: missingAware, into: o, width: width,
                                         offset: offsets?[t] ?? 0, scale: scale, scratch: scratch)
                            }
                        }
                        start = block.upperBound
                    }
                }
            }
        }
        return out
    }
}
