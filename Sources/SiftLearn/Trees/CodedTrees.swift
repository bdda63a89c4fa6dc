// Trees recoded for fast prediction of many rows: thresholds as exact integer ranks, 8-byte nodes, rows coded block by block.
import SiftFrame

/// A list of trees whose split thresholds are replaced by their rank among all thresholds of the
/// same feature, so that a block of rows is coded once (one small integer per feature) and every
/// tree then walks 8-byte nodes comparing integers.
///
/// The recoding is exact: with `T` the ascending distinct thresholds of a feature and
/// `code(v) = #{t ∈ T : t < v}`, `v <= T[j]` holds exactly when `code(v) <= j`. A NaN codes to 0
/// and goes left, as `v > t` is false in the plain walk. Half-size nodes and a row's codes side
/// by side halve what the walk reads from memory (the benchmark's 100 fully grown trees over
/// 1M rows: 2.8 s walking doubles, 2.2 s coded, 2.0 s in ``TreePrediction/subRows`` pieces).
struct CodedTrees {
    /// Per feature: the distinct thresholds of every split on it, ascending.
    let thresholds: [[Double]]
    /// Per tree: its nodes, in the tree's order.
    let nodes: [[CodedNode]]

    /// Recodes `trees` over `featureCount` features, or returns nil when a node cannot be packed
    /// (more than 256 features, 2²⁴ nodes in a tree, or a NaN threshold).
    init?(_ trees: [DecisionTree], featureCount p: Int) {
        guard p <= 256, trees.allSatisfy({ $0.nodes.count < 1 << 24 }) else { return nil }
        var entries = [[(value: Double, tree: Int32, node: Int32)]](repeating: [], count: p)
        var nodes: [[CodedNode]] = []
        for (t, tree) in trees.enumerated() {
            var coded: [CodedNode] = []
            coded.reserveCapacity(tree.nodes.count)
            for (k, node) in tree.nodes.enumerated() {
                if node.left == 0 {
                    coded.append(CodedNode(code: .max, link: UInt32(k) << 8))
                } else {
                    guard !node.threshold.isNaN, Int(node.feature) < p else { return nil }
                    entries[Int(node.feature)].append((node.threshold, Int32(t), Int32(k)))
                    coded.append(CodedNode(code: 0, link: UInt32(node.left) << 8 | UInt32(node.feature)))
                }
            }
            nodes.append(coded)
        }
        var sorter = RadixSorter(capacity: entries.map(\.count).max() ?? 0)
        var thresholds: [[Double]] = []
        for list in entries {
            let (keys, order) = sorter.sort(count: list.count) { orderedBits(list[$0].value) }
            var distinct: [Double] = [], last: UInt64? = nil
            for k in 0..<list.count {
                let e = list[Int(order[k])]
                if keys[k] != last { distinct.append(e.value + 0.0); last = keys[k] }
                nodes[Int(e.tree)][Int(e.node)].code = UInt32(distinct.count - 1)
            }
            thresholds.append(distinct)
        }
        self.thresholds = thresholds
        self.nodes = nodes
    }

    /// Writes the codes of rows `range` of column-major `x` (`n` rows) to `codes`, row-major:
    /// row `range.lowerBound + r` at `codes[r · p ...]`.
    func code(_ x: UnsafePointer<Double>, rows n: Int, range: Range<Int>, into codes: UnsafeMutablePointer<UInt32>) {
        let p = thresholds.count
        for f in 0..<p {
            thresholds[f].withUnsafeBufferPointer { tb in
                let column = x + f &* n
                guard let t = tb.baseAddress else {
                    for r in 0..<range.count { codes[r &* p &+ f] = 0 }
                    return
                }
                let count = tb.count
                for (r, i) in range.enumerated() {
                    // Branch-free lower bound (Khuong & Morin's layout-agnostic form).
                    let v = column[i]
                    var base = 0, len = count
                    while len > 1 {
                        let half = len &>> 1
                        base = t[base &+ half] < v ? base &+ half : base
                        len &-= half
                    }
                    codes[r &* p &+ f] = UInt32(base &+ (t[base] < v ? 1 : 0))
                }
            }
        }
    }
}

/// One node of a ``CodedTrees`` tree: a split sends a row with code `c` (of feature
/// `link & 255`) to `link >> 8` when `c <= code`, else to the next node; a leaf has code
/// `UInt32.max` and links to itself, so a row that arrived steps in place.
struct CodedNode: Sendable {
    var code: UInt32
    var link: UInt32
}

extension DecisionTree {
    /// Adds `scale ×` the leaf output of the block's rows `base ..< base + m`, coded row-major
    /// in `codes` (`p` per row), to `out` (`width` values per row, this tree's from `offset`);
    /// `coded` is this tree's ``CodedTrees`` nodes.
    ///
    /// - Parameter scratch: room for `3 × m` indices.
    func add(coded: UnsafePointer<CodedNode>, codes: UnsafePointer<UInt32>, features p: Int, base: Int, count m: Int,
             into out: UnsafeMutablePointer<Double>, width: Int, offset: Int, scale: Double,
             scratch: UnsafeMutablePointer<Int32>) {
        descend(count: m, scratch: scratch) { k, r in
            let node = coded[k]
            let c = codes[r &* p &+ Int(node.link & 255)]
            return Int32(node.link >> 8) &+ Int32(unsafeBitCast(c > node.code, to: UInt8.self))
        }
        emit(leaves: scratch, base: base, count: m, into: out, width: width, offset: offset, scale: scale)
    }
}
