// The one tree builder behind CART, random forests and gradient boosting: histogram split search, growth order, limits.
import Dispatch
import SiftFrame

/// Limits on a tree's growth, in scikit-learn's terms.
struct TreeLimits: Sendable {
    /// The deepest a node may be (the root is depth 0); `Int.max` for no limit.
    var maxDepth = Int.max
    /// The most leaves; `Int.max` grows depth-first without a limit, a finite value grows
    /// best-first (the highest gain splits next), as LightGBM and scikit-learn's
    /// `max_leaf_nodes` do.
    var maxLeafNodes = Int.max
    /// The fewest rows a node needs to be split.
    var minSamplesSplit = 2
    /// The fewest rows each child must keep.
    var minSamplesLeaf = 1
    /// Features examined per node (drawn at random when fewer than all; constant features do
    /// not count, as in scikit-learn's splitter).
    var maxFeatures = Int.max
    /// A split is made only when its gain exceeds this (`-infinity` for CART, which splits any
    /// impure node that has a valid split, as scikit-learn does; XGBoost's `γ` for boosting).
    var minimumGain = -Double.infinity
    /// Keep each node's histograms and derive the larger child's as parent minus smaller child
    /// (the LightGBM/XGBoost subtraction trick); for binned codes, where histograms are small.
    var subtractHistograms = false
    /// Spread the features of large nodes over the cores.
    var parallel = false
}

/// One node of a fitted tree, 16 bytes so that a tree's hot part stays in cache.
///
/// A split node sends a row to `left` when `x[feature] <= threshold` and to `left + 1`
/// otherwise (children are allocated in pairs). A leaf has `left == 0`, which no child can have
/// since node 0 is the root.
struct TreeNode: Sendable, Equatable {
    /// The split value (unused in a leaf).
    var threshold: Double
    /// The feature tested (unused in a leaf).
    var feature: Int32
    /// The left child, or 0 in a leaf.
    var left: Int32
}

/// A tree as the builder grows it, before a model wraps it.
struct GrownTree: Sendable {
    /// The nodes, root first.
    var nodes: [TreeNode] = []
    /// Per node: whether a missing value goes left (learned where the node saw missing values).
    var missingLeft: [Bool] = []
    /// `outputWidth` values per node (leaves use theirs; inner ones are kept for inspection).
    var outputs: [Double] = []
    /// The total gain of the splits on each feature.
    var featureGains: [Double] = []
    /// Leaves and the range of the builder's row order that each holds (boosting updates its
    /// predictions from these without walking the tree).
    var leaves: [(node: Int32, start: Int32, end: Int32)] = []
}

/// A split chosen for a node.
struct SplitChoice {
    var feature = -1
    /// Rows with codes ≤ `lo` go left; `hi` is the next code present in the node.
    var lo = 0
    var hi = 0
    var missingLeft = false
    var gain = -Double.infinity
    var leftCount = 0
    var threshold = 0.0
}

/// A node waiting to be split.
struct OpenNode {
    var node: Int32
    var start: Int
    var end: Int
    var depth: Int
    var split: SplitChoice
    /// The node's histogram block in subtraction mode, else -1.
    var block: Int
    /// The node's slot in the builder's ``CodeBounds`` (exact codes), else -1.
    var bounds: Int
}

/// Grows one tree over coded features with a plugged-in criterion (ML-From-Scratch's
/// `DecisionTree`, with tinygbt's second-order use in boosting), searching splits on per-node
/// histograms of the codes.
///
/// For each candidate feature of a node it sums the criterion's statistics per code — with a
/// dense histogram when the node has at least a sixteenth as many rows as the feature has codes,
/// else by sorting the node's codes — and scans the codes in order, so every split lies between
/// two codes present in the node: between two distinct values (exact codes) or two bins.
/// Missing values (binned codes) are tried on both sides and the better side is remembered
/// (XGBoost's sparsity-aware split finding, Chen & Guestrin 2016, Algorithm 3).
///
/// A builder owns its scratch memory and can grow many trees (boosting rounds) in turn; it is
/// not shared between threads (a forest makes one per tree).
final class TreeBuilder<Code: FixedWidthInteger & UnsignedInteger & Sendable, Criterion: SplitCriterion> {
    let codes: FeatureCodes<Code>
    let criterion: Criterion
    let limits: TreeLimits
    let featureCount: Int
    let width: Int
    /// Slot offset of each feature inside a histogram block.
    let slotOffset: [Int]
    let totalSlots: Int
    /// The working row order: every node owns a contiguous range.
    let rows: UnsafeMutablePointer<Int32>
    let scratchRows: UnsafeMutablePointer<Int32>
    /// One histogram block per lane (non-subtraction) or a pool of blocks (subtraction).
    var blocks: [(hist: UnsafeMutablePointer<Double>, counts: UnsafeMutablePointer<Int32>)] = []
    var freeBlocks: [Int] = []
    /// Per-lane scratch for sorted (sparse) histograms and scans.
    let lanes: [SplitLane]
    /// Scratch for drawing candidate features.
    let featureOrder: UnsafeMutablePointer<Int>
    /// Subtraction mode: the codes again, row by row (`featureCount` per row), so one gather
    /// brings all of a row's bins, and per-thread partial blocks for large nodes.
    var rowMajor: UnsafeMutablePointer<Code>? = nil
    var partialBlocks: [Int] = []
    /// Exact codes: the code range of every feature in each open node, and the slot of the node
    /// whose split is being searched (-1 when ranges are not tracked).
    let bounds: CodeBounds
    var searchBounds = -1

    init(codes: FeatureCodes<Code>, criterion: Criterion, limits: TreeLimits) {
        self.codes = codes
        self.criterion = criterion
        self.limits = limits
        featureCount = codes.featureCount
        width = criterion.width
        var offsets: [Int] = [], total = 0
        for s in codes.slotCounts { offsets.append(total); total += s }
        slotOffset = offsets
        totalSlots = total
        bounds = CodeBounds(featureCount: codes.featureCount)
        rows = .allocate(capacity: max(1, codes.rowCount))
        scratchRows = .allocate(capacity: max(1, codes.rowCount))
        let laneCount = limits.parallel && !limits.subtractHistograms ? max(1, featureCount) : 1
        featureOrder = .allocate(capacity: max(1, codes.featureCount))
        lanes = (0..<laneCount).map { _ in SplitLane(width: criterion.width, rowCapacity: codes.rowCount) }
        if !limits.subtractHistograms { _ = makeBlock() }
        if limits.subtractHistograms {
            let n = codes.rowCount, p = featureCount
            let rm = UnsafeMutablePointer<Code>.allocate(capacity: max(1, n * p))
            for f in 0..<p {
                let c = codes.codes(f)
                for i in 0..<n { rm[i * p + f] = c[i] }
            }
            rowMajor = rm
        }
    }

    deinit {
        rows.deallocate(); scratchRows.deallocate(); featureOrder.deallocate()
        rowMajor?.deallocate()
        for b in blocks { b.hist.deallocate(); b.counts.deallocate() }
    }

    func makeBlock() -> Int {
        let hist = UnsafeMutablePointer<Double>.allocate(capacity: max(1, totalSlots * width))
        let counts = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, totalSlots))
        hist.initialize(repeating: 0, count: max(1, totalSlots * width))
        counts.initialize(repeating: 0, count: max(1, totalSlots))
        blocks.append((hist, counts))
        return blocks.count - 1
    }

    func takeBlock() -> Int { freeBlocks.popLast() ?? makeBlock() }

    // MARK: - Growth

    /// Grows a tree on `rowSet` (rows with positive weight, ascending, each once).
    ///
    /// - Parameters:
    ///   - rowSet: the rows to fit.
    ///   - generator: draws the candidate features of each node when `maxFeatures` < all.
    /// - Complexity: O(depth · n · candidate features) for the histograms, plus O(m log m) per
    ///   sorted node-feature and O(codes) per dense scan.
    func grow(rowSet: UnsafeBufferPointer<Int32>, generator: inout SeededGenerator) -> GrownTree {
        let n = rowSet.count, w = width, ow = criterion.outputWidth
        if let base = rowSet.baseAddress { rows.update(from: base, count: n) }
        var tree = GrownTree()
        tree.featureGains = [Double](repeating: 0, count: featureCount)
        let nodeStats = GrowingBuffer(), leftStats = GrowingBuffer(), outputs = GrowingBuffer()
        let childLeft = UnsafeMutablePointer<Double>.allocate(capacity: w)
        let childRight = UnsafeMutablePointer<Double>.allocate(capacity: w)
        defer { childLeft.deallocate(); childRight.deallocate() }
        childLeft.initialize(repeating: 0, count: w)
        for i in 0..<n { criterion.add(row: Int(rows[i]), to: childLeft) }
        var frontier: [OpenNode] = []
        var leafCount = 1
        // Trees limited by depth alone in subtraction mode (boosting) grow a level at a time,
        // so that each level costs one dispatch to the cores instead of two per node.
        let levelWise = limits.subtractHistograms && limits.maxLeafNodes == Int.max

        /// Appends a node whose statistics are `s` (scratch memory, not one of the buffers).
        func addNode(_ s: UnsafePointer<Double>) -> Int32 {
            let id = Int32(tree.nodes.count)
            tree.nodes.append(TreeNode(threshold: 0, feature: -1, left: 0))
            tree.missingLeft.append(false)
            nodeStats.append(s, count: w)
            leftStats.appendZeros(w)
            outputs.appendZeros(ow)
            criterion.output(s, into: outputs.base + Int(id) * ow)
            return id
        }

        /// Finds the node's split, or records it as a leaf.
        func open(_ id: Int32, start: Int, end: Int, depth: Int, block: Int, bounds slot: Int, generator: inout SeededGenerator) {
            let m = end - start
            let s = UnsafePointer(nodeStats.base + Int(id) * w)
            var split: SplitChoice? = nil
            if depth < limits.maxDepth && m >= limits.minSamplesSplit && m >= 2 * limits.minSamplesLeaf
                && !criterion.isPure(s, rows: UnsafeBufferPointer(start: rows + start, count: m)) {
                searchBounds = slot
                split = findSplit(start: start, end: end, stats: s, block: block,
                                  leftStats: leftStats.base + Int(id) * w, generator: &generator)
            }
            if let split {
                frontier.append(OpenNode(node: id, start: start, end: end, depth: depth, split: split, block: block, bounds: slot))
            } else {
                tree.leaves.append((id, Int32(start), Int32(end)))
                if block >= 0 { freeBlocks.append(block) }
                bounds.release(slot)
            }
        }

        let root = addNode(childLeft)
        var rootBlock = -1
        if limits.subtractHistograms {
            rootBlock = takeBlock()
            buildBlock(rootBlock, start: 0, end: n)
        }
        var rootBounds = -1
        if codes.isExact && !limits.subtractHistograms {
            rootBounds = bounds.take()
            let b = bounds.lower(rootBounds)
            for f in 0..<featureCount { b[f] = 0; b[featureCount + f] = Int32(max(0, codes.binCounts[f] - 1)) }
        }
        open(root, start: 0, end: n, depth: 0, block: rootBlock, bounds: rootBounds, generator: &generator)

        /// Makes `c` a split with two new children (whose histogram blocks are `lb` and `rb`
        /// in subtraction mode) and opens them.
        func split(_ c: OpenNode, leftBlock lb: Int, rightBlock rb: Int, generator: inout SeededGenerator) {
            let sp = c.split
            let p = Int(c.node) * w
            for k in 0..<w {
                childLeft[k] = leftStats.base[p + k]
                childRight[k] = nodeStats.base[p + k] - leftStats.base[p + k]
            }
            let leftID = addNode(childLeft)
            _ = addNode(childRight)
            tree.nodes[Int(c.node)] = TreeNode(threshold: sp.threshold, feature: Int32(sp.feature), left: leftID)
            tree.missingLeft[Int(c.node)] = sp.missingLeft
            tree.featureGains[sp.feature] += max(0, sp.gain)
            leafCount += 1
            let mid = c.start + sp.leftCount
            // The children's code ranges: the parent's, cut at the split.
            var leftBounds = -1, rightBounds = -1
            if c.bounds >= 0 {
                leftBounds = bounds.take(copying: c.bounds)
                rightBounds = bounds.take(copying: c.bounds)
                bounds.lower(leftBounds)[featureCount + sp.feature] = Int32(sp.lo)
                bounds.lower(rightBounds)[sp.feature] = Int32(sp.hi)
                bounds.release(c.bounds)
            }
            let depth = c.depth + 1
            let before = frontier.count
            open(leftID, start: c.start, end: mid, depth: depth, block: lb, bounds: leftBounds, generator: &generator)
            open(leftID + 1, start: mid, end: c.end, depth: depth, block: rb, bounds: rightBounds, generator: &generator)
            // Depth-first pops the left child first, as scikit-learn's builder does.
            if !levelWise, limits.maxLeafNodes == Int.max, frontier.count == before + 2 { frontier.swapAt(before, before + 1) }
        }

        while !frontier.isEmpty {
            if levelWise {
                // Every node of the level is partitioned, and its smaller child histogrammed,
                // in one pass over the cores; the larger children's histograms are the parents'
                // minus those.
                let level = frontier
                frontier.removeAll(keepingCapacity: true)
                let small = level.map { _ in takeBlock() }
                partitionLevel(level, smallBlocks: small)
                for (c, s) in zip(level, small) {
                    subtract(from: c.block, s)
                    let leftSmaller = 2 * c.split.leftCount <= c.end - c.start
                    split(c, leftBlock: leftSmaller ? s : c.block, rightBlock: leftSmaller ? c.block : s, generator: &generator)
                }
                continue
            }
            let c: OpenNode
            if limits.maxLeafNodes == Int.max {
                c = frontier.removeLast()
            } else {
                var best = 0
                for k in 1..<frontier.count where frontier[k].split.gain > frontier[best].split.gain { best = k }
                c = frontier.remove(at: best)
            }
            if leafCount >= limits.maxLeafNodes {
                tree.leaves.append((c.node, Int32(c.start), Int32(c.end)))
                if c.block >= 0 { freeBlocks.append(c.block) }
                bounds.release(c.bounds)
                continue
            }
            partition(start: c.start, end: c.end, split: c.split)
            var lb = -1, rb = -1
            if c.block >= 0 {
                // Build the smaller child's histograms; the larger one's are the parent's minus those.
                let small = takeBlock()
                let mid = c.start + c.split.leftCount
                let leftSmaller = c.split.leftCount <= c.end - mid
                if leftSmaller { buildBlock(small, start: c.start, end: mid) } else { buildBlock(small, start: mid, end: c.end) }
                subtract(from: c.block, small)
                (lb, rb) = leftSmaller ? (small, c.block) : (c.block, small)
            }
            split(c, leftBlock: lb, rightBlock: rb, generator: &generator)
        }
        tree.outputs = Array(UnsafeBufferPointer(start: outputs.base, count: outputs.count))
        return tree
    }

    /// The builder's row order after `grow` (leaf ranges index into it).
    var rowOrder: UnsafePointer<Int32> { UnsafePointer(rows) }

    /// Moves the rows going left to the front of the node's range, keeping both sides in their
    /// previous (ascending) order so later gathers stay sequential.
    ///
    /// Large nodes of a parallel builder are cut into one range per core; each range is
    /// partitioned on its own, then the left parts are joined in range order, then the right
    /// parts, which gives exactly the order of one sequential pass.
    private func partition(start: Int, end: Int, split: SplitChoice) {
        let m = end - start
        let parts = limits.parallel && m >= parallelPartitionRows ? Parallel.coreCount : 1
        guard parts > 1 else {
            let l = partitionRange(start, end, split: split)
            (rows + start + l).update(from: scratchRows + start, count: m - l)
            return
        }
        let lefts = UnsafeMutableBufferPointer<Int>.allocate(capacity: parts)
        defer { lefts.deallocate() }
        nonisolated(unsafe) let me = self
        nonisolated(unsafe) let counts = lefts
        DispatchQueue.concurrentPerform(iterations: parts) { k in
            let r = Parallel.chunkRange(k, of: parts, count: m)
            counts[k] = me.partitionRange(start + r.lowerBound, start + r.upperBound, split: split)
        }
        join(start: start, count: m, parts: parts, lefts: UnsafePointer(lefts.baseAddress!))
    }

    /// Partitions every node of `level` and sums the histograms of each node's smaller child
    /// into `smallBlocks[i]`, cutting every node into one range per core: each core partitions
    /// its ranges and histograms the rows of each that go to the smaller side into its own
    /// blocks, which are then added up.
    func partitionLevel(_ level: [OpenNode], smallBlocks: [Int]) {
        let total = level.reduce(0) { $0 + $1.end - $1.start }
        let parts = limits.parallel && total >= parallelNodeRows ? Parallel.coreCount : 1
        while partialBlocks.count < (parts - 1) * level.count { partialBlocks.append(makeBlock()) }
        let lefts = UnsafeMutableBufferPointer<Int>.allocate(capacity: level.count * parts)
        defer { lefts.deallocate() }
        nonisolated(unsafe) let me = self
        nonisolated(unsafe) let counts = lefts
        let body: @Sendable (Int) -> Void = { k in
            for (i, c) in level.enumerated() {
                let r = Parallel.chunkRange(k, of: parts, count: c.end - c.start)
                let from = c.start + r.lowerBound, to = c.start + r.upperBound
                let l = me.partitionRange(from, to, split: c.split)
                counts[i * parts + k] = l
                let block = me.clear(k == 0 ? smallBlocks[i] : me.partialBlocks[(k - 1) * level.count + i])
                if 2 * c.split.leftCount <= c.end - c.start {
                    me.accumulateRows(me.rows + from, count: l, hist: block.hist, counts: block.counts)
                } else {
                    me.accumulateRows(me.scratchRows + from, count: r.count - l, hist: block.hist, counts: block.counts)
                }
            }
        }
        if parts > 1 { DispatchQueue.concurrentPerform(iterations: parts, execute: body) } else { body(0) }
        for (i, c) in level.enumerated() {
            join(start: c.start, count: c.end - c.start, parts: parts, lefts: UnsafePointer(lefts.baseAddress! + i * parts))
            for k in 1..<max(1, parts) { add(into: smallBlocks[i], partialBlocks[(k - 1) * level.count + i]) }
        }
    }

    /// Joins the `parts` partitioned ranges of `rows[start ..< start + m]` (range k's
    /// `lefts[k]` left rows at its own start, its right rows in `scratchRows` from there): the
    /// left parts in range order, then the right parts, which gives exactly the order of one
    /// sequential pass.
    private func join(start: Int, count m: Int, parts: Int, lefts: UnsafePointer<Int>) {
        var at = start
        for k in 0..<parts {
            // Range k's left rows sit at its own start, never before `at`: a forward copy is safe.
            let from = start + Parallel.chunkRange(k, of: parts, count: m).lowerBound
            if at != from { for j in 0..<lefts[k] { rows[at + j] = rows[from + j] } }
            at += lefts[k]
        }
        for k in 0..<parts {
            let r = Parallel.chunkRange(k, of: parts, count: m)
            let right = r.count - lefts[k]
            (rows + at).update(from: scratchRows + start + r.lowerBound, count: right)
            at += right
        }
    }

    /// Partitions `rows[from..<to]`: the left rows move to the front of the range, the right
    /// ones go to `scratchRows[from...]`, both in order; returns the number of left rows.
    func partitionRange(_ from: Int, _ to: Int, split: SplitChoice) -> Int {
        let c = codes.codes(split.feature)
        let lo = split.lo, miss = codes.missingSlot ?? Int.max, missLeft = split.missingLeft
        var l = from, r = from
        // Branch-free: each row is written to both sides and only the matching cursor advances
        // (a branch on a random direction mispredicts half the time).
        for k in from..<to {
            let row = rows[k]
            let code = Int(c[Int(row)])
            let goesLeft = code == miss ? missLeft : code <= lo
            let step = Int(unsafeBitCast(goesLeft, to: UInt8.self))
            rows[l] = row
            scratchRows[r] = row
            l &+= step
            r &+= 1 &- step
        }
        return l - from
    }
}

/// Rows from which a parallel builder partitions a node on all cores.
let parallelPartitionRows = 32_768

/// Per open node, the range of codes each feature can still take in it: the root's range cut
/// by every split on the way down (left: codes ≤ `lo`, right: codes ≥ `hi`). A node's dense
/// histogram of a feature then needs only that range, which narrows quickly with depth for
/// features of many distinct values. Slots of `2 × featureCount` codes (lower bounds, then
/// upper bounds) are taken and released as nodes open and close; pointers into the pool are
/// valid until the next `take`.
final class CodeBounds {
    private let featureCount: Int
    private var base: UnsafeMutablePointer<Int32>
    private var capacity = 0, used = 0
    private var free: [Int] = []

    init(featureCount: Int) {
        self.featureCount = featureCount
        base = .allocate(capacity: 1)
    }

    deinit { base.deallocate() }

    /// The lower bounds of slot `k` (`featureCount` of them), followed by the upper bounds.
    func lower(_ k: Int) -> UnsafeMutablePointer<Int32> { base + k * 2 * featureCount }

    /// A free slot (its contents undefined).
    func take() -> Int {
        if let k = free.popLast() { return k }
        if used == capacity {
            let grown = max(16, 2 * capacity), width = 2 * featureCount
            let fresh = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, grown * width))
            fresh.update(from: base, count: used * width)
            base.deallocate()
            base = fresh
            capacity = grown
        }
        used += 1
        return used - 1
    }

    /// A free slot holding a copy of slot `k`.
    func take(copying k: Int) -> Int {
        let fresh = take()
        lower(fresh).update(from: lower(k), count: 2 * featureCount)
        return fresh
    }

    /// Returns slot `k` to the pool (nothing for -1).
    func release(_ k: Int) { if k >= 0 { free.append(k) } }
}

/// An append-only buffer of doubles addressed by offset (its base moves when it grows, so
/// pointers into it are taken only between appends).
final class GrowingBuffer {
    private(set) var base: UnsafeMutablePointer<Double>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 256) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        let grown = max(2 * capacity, count + extra)
        let fresh = UnsafeMutablePointer<Double>.allocate(capacity: grown)
        fresh.moveInitialize(from: base, count: count)
        base.deallocate()
        base = fresh
        capacity = grown
    }

    func append(_ values: UnsafePointer<Double>, count k: Int) {
        reserve(k)
        (base + count).initialize(from: values, count: k)
        count += k
    }

    func appendZeros(_ k: Int) {
        reserve(k)
        (base + count).initialize(repeating: 0, count: k)
        count += k
    }
}
