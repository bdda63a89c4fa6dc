// Split search of the tree builder: per-feature histograms (dense, sorted or subtracted) and the ordered scan.
import Dispatch
import SiftFrame

/// Scratch memory for evaluating one feature of one node; a builder has one per parallel lane.
final class SplitLane {
    let width: Int
    let keys: UnsafeMutablePointer<UInt64>
    let runBins: UnsafeMutablePointer<Int32>
    let runCounts: UnsafeMutablePointer<Int32>
    let runStats: UnsafeMutablePointer<Double>
    let acc: UnsafeMutablePointer<Double>
    let left: UnsafeMutablePointer<Double>
    let right: UnsafeMutablePointer<Double>
    let bestLeft: UnsafeMutablePointer<Double>
    var best = SplitChoice()
    var constant = true

    init(width: Int, rowCapacity: Int) {
        self.width = width
        let n = max(1, rowCapacity)
        keys = .allocate(capacity: n)
        runBins = .allocate(capacity: n)
        runCounts = .allocate(capacity: n)
        runStats = .allocate(capacity: n * width)
        acc = .allocate(capacity: width); left = .allocate(capacity: width)
        right = .allocate(capacity: width); bestLeft = .allocate(capacity: width)
    }

    deinit {
        keys.deallocate(); runBins.deallocate(); runCounts.deallocate(); runStats.deallocate()
        acc.deallocate(); left.deallocate(); right.deallocate(); bestLeft.deallocate()
    }
}

/// Rows below which a node's features are evaluated on one thread (dispatch costs ~10 µs,
/// about what 4,000 histogram updates take).
let parallelNodeRows = 4096

extension TreeBuilder {
    /// The best split of the node `rows[start..<end]`, or nil when no feature has a valid one;
    /// writes the left child's statistics to `leftStats`.
    func findSplit(start: Int, end: Int, stats: UnsafePointer<Double>, block: Int, leftStats: UnsafeMutablePointer<Double>,
                   generator: inout SeededGenerator) -> SplitChoice? {
        let m = end - start
        let parentScore = criterion.score(stats)
        var best = SplitChoice()
        best.gain = limits.minimumGain
        var winner: SplitLane? = nil
        func take(_ lane: SplitLane) {
            if lane.best.feature >= 0 && lane.best.gain > best.gain {
                best = lane.best
                for k in 0..<width { leftStats[k] = lane.bestLeft[k] }
                winner = lane
            }
        }
        if limits.maxFeatures >= featureCount {
            if lanes.count > 1 && m >= parallelNodeRows {
                nonisolated(unsafe) let me = self
                nonisolated(unsafe) let s = stats
                DispatchQueue.concurrentPerform(iterations: featureCount) { f in
                    me.evaluate(feature: f, start: start, end: end, stats: s, parentScore: parentScore,
                                block: block, lane: me.lanes[f])
                }
                for f in 0..<featureCount { take(lanes[f]) }
            } else {
                for f in 0..<featureCount {
                    evaluate(feature: f, start: start, end: end, stats: stats, parentScore: parentScore,
                             block: block, lane: lanes[0])
                    take(lanes[0])
                }
            }
        } else {
            // Draw features without replacement until `maxFeatures` non-constant ones have been
            // examined (scikit-learn's splitter does not count constant features).
            for f in 0..<featureCount { featureOrder[f] = f }
            var drawn = 0, examined = 0
            while drawn < featureCount && examined < limits.maxFeatures {
                let j = drawn + generator.below(featureCount - drawn)
                (featureOrder[drawn], featureOrder[j]) = (featureOrder[j], featureOrder[drawn])
                let f = featureOrder[drawn]
                drawn += 1
                evaluate(feature: f, start: start, end: end, stats: stats, parentScore: parentScore,
                         block: block, lane: lanes[0])
                if !lanes[0].constant { examined += 1 }
                take(lanes[0])
            }
        }
        return winner == nil ? nil : best
    }

    /// Evaluates feature `f` for the node, leaving the result in `lane.best` / `lane.constant`.
    func evaluate(feature f: Int, start: Int, end: Int, stats parent: UnsafePointer<Double>, parentScore: Double,
                  block: Int, lane: SplitLane) {
        let m = end - start
        let bins = codes.binCounts[f]
        let miss = codes.missingSlot
        lane.best = SplitChoice()
        lane.best.gain = limits.minimumGain
        if searchBounds >= 0 {
            // A feature whose range in the node is one code is constant there: nothing to sum.
            let b = bounds.lower(searchBounds)
            if b[f] == b[featureCount + f] { lane.constant = true; return }
        }
        do {
            if block >= 0 {
                let b = blocks[block], o = slotOffset[f]
                scan(feature: f, entries: bins, first: 0, bins: nil, counts: UnsafePointer(b.counts + o), stats: UnsafePointer(b.hist + o * width),
                     missing: miss.map { (b.counts[o + $0], UnsafePointer(b.hist + (o + $0) * width)) },
                     parent: parent, m: m, parentScore: parentScore, lane: lane)
            } else if let range = denseRange(feature: f, rows: m) {
                // Only the codes the node can hold are zeroed, summed and scanned.
                let b = blocks[0], o = slotOffset[f], first = range.lowerBound
                let h = b.hist + (o + first) * width, c = b.counts + o + first
                let slots = codes.isExact ? range.count : codes.slotCounts[f]
                h.update(repeating: 0, count: slots * width)
                c.update(repeating: 0, count: slots)
                criterion.accumulate(rows: UnsafeBufferPointer(start: rows + start, count: m), codes: codes.codes(f),
                                     hist: b.hist + o * width, counts: b.counts + o)
                scan(feature: f, entries: range.count, first: first, bins: nil, counts: UnsafePointer(c), stats: UnsafePointer(h),
                     missing: miss.map { (c[$0], UnsafePointer(h + $0 * width)) },
                     parent: parent, m: m, parentScore: parentScore, lane: lane)
            } else {
                let runs = sortedRuns(feature: f, start: start, end: end, lane: lane)
                scan(feature: f, entries: runs, first: 0, bins: UnsafePointer(lane.runBins), counts: UnsafePointer(lane.runCounts), stats: UnsafePointer(lane.runStats),
                     missing: nil, parent: parent, m: m, parentScore: parentScore, lane: lane)
            }
        }
    }

    /// The codes to histogram densely for feature `f` in a node of `m` rows: all of them for
    /// binned codes; for exact codes the node's range (``CodeBounds``) when it is small enough
    /// against `m` that zeroing and scanning it costs less than sorting the node's codes, else nil.
    private func denseRange(feature f: Int, rows m: Int) -> Range<Int>? {
        guard codes.isExact else { return 0..<codes.binCounts[f] }
        var range = 0..<codes.binCounts[f]
        if searchBounds >= 0 {
            let b = bounds.lower(searchBounds)
            range = Int(b[f])..<Int(b[featureCount + f]) + 1
        }
        return range.count <= 16 * m ? range : nil
    }

    /// Sorts the node's (code, row) pairs and sums the statistics of each run of equal codes
    /// into the lane's run arrays; returns the number of runs.
    ///
    /// - Complexity: O(m log m).
    private func sortedRuns(feature f: Int, start: Int, end: Int, lane: SplitLane) -> Int {
        let m = end - start, c = codes.codes(f)
        for k in 0..<m {
            let row = rows[start + k]
            lane.keys[k] = UInt64(c[Int(row)]) << 32 | UInt64(UInt32(bitPattern: row))
        }
        var keys = UnsafeMutableBufferPointer(start: lane.keys, count: m)
        keys.sort()
        var runs = -1, current = UInt64.max
        for k in 0..<m {
            let key = keys[k], code = key >> 32
            if code != current {
                runs += 1
                current = code
                lane.runBins[runs] = Int32(truncatingIfNeeded: code)
                lane.runCounts[runs] = 0
                (lane.runStats + runs * width).update(repeating: 0, count: width)
            }
            lane.runCounts[runs] &+= 1
            criterion.add(row: Int(UInt32(truncatingIfNeeded: key)), to: lane.runStats + runs * width)
        }
        return runs + 1
    }

    /// Scans the codes of one feature in ascending order and keeps the best valid boundary in
    /// the lane. Entry `j` has code `bins?[j] ?? first + j`, `counts[j]` rows and statistics
    /// `stats[j · width ...]`; entries with no rows are skipped, so a boundary always lies
    /// between two codes present in the node. With missing rows, each boundary is tried with
    /// them on the left and on the right, and "missing alone on the right" is tried last.
    private func scan(feature f: Int, entries: Int, first: Int, bins: UnsafePointer<Int32>?, counts: UnsafePointer<Int32>,
                      stats: UnsafePointer<Double>, missing: (count: Int32, stats: UnsafePointer<Double>)?,
                      parent: UnsafePointer<Double>, m: Int, parentScore: Double, lane: SplitLane) {
        let w = width, minLeaf = limits.minSamplesLeaf
        let acc = lane.acc, left = lane.left, right = lane.right
        acc.update(repeating: 0, count: w)
        var accCount = 0, previous = -1, present = 0
        let missCount = Int(missing?.count ?? 0)

        @inline(__always) func consider(_ l: UnsafeMutablePointer<Double>, leftCount lc: Int, lo: Int, hi: Int,
                                        missingLeft: Bool, onlyMissingRight: Bool) {
            let rc = m - lc
            guard lc >= minLeaf, rc >= minLeaf else { return }
            if w == 2 { right[0] = parent[0] - l[0]; right[1] = parent[1] - l[1] } else { for k in 0..<w { right[k] = parent[k] - l[k] } }
            guard criterion.isAdmissible(l), criterion.isAdmissible(right) else { return }
            let gain = criterion.score(l) + criterion.score(right) - parentScore
            guard gain > lane.best.gain else { return }
            lane.best = SplitChoice(feature: f, lo: lo, hi: hi, missingLeft: missingLeft, gain: gain, leftCount: lc,
                                    threshold: onlyMissingRight ? Double.greatestFiniteMagnitude
                                        : codes.threshold(feature: f, lo: lo, hi: hi))
            lane.bestLeft.update(from: l, count: w)
        }

        for j in 0..<entries {
            let cnt = Int(counts[j])
            if cnt == 0 { continue }
            let bin = bins.map { Int($0[j]) } ?? first + j
            if previous >= 0 {
                if let missing {
                    consider(acc, leftCount: accCount, lo: previous, hi: bin, missingLeft: false, onlyMissingRight: false)
                    for k in 0..<w { left[k] = acc[k] + missing.stats[k] }
                    consider(left, leftCount: accCount + missCount, lo: previous, hi: bin, missingLeft: true,
                             onlyMissingRight: false)
                } else {
                    // No missing values seen here: at predict time they follow the larger child.
                    consider(acc, leftCount: accCount, lo: previous, hi: bin, missingLeft: 2 * accCount >= m,
                             onlyMissingRight: false)
                }
            }
            let s = stats + j * w
            if w == 2 { acc[0] += s[0]; acc[1] += s[1] } else { for k in 0..<w { acc[k] += s[k] } }
            accCount += cnt
            previous = bin
            present += 1
        }
        if missCount > 0 && present >= 1 {
            consider(acc, leftCount: accCount, lo: previous, hi: previous, missingLeft: false, onlyMissingRight: true)
        }
        lane.constant = present + (missCount > 0 ? 1 : 0) <= 1
    }

    // MARK: - Histogram blocks (subtraction mode)

    /// Fills block `b` with the histograms of every feature over `rows[start..<end]`, row by
    /// row from the row-major codes; large nodes are cut into one range per core, each summed
    /// into its own block, and the partial blocks are added up.
    func buildBlock(_ b: Int, start: Int, end: Int) {
        let m = end - start
        let chunks = limits.parallel && m >= parallelNodeRows ? Parallel.coreCount : 1
        while partialBlocks.count < chunks - 1 { partialBlocks.append(makeBlock()) }
        let targets = [b] + partialBlocks.prefix(chunks - 1)
        nonisolated(unsafe) let me = self
        let ranges = (0..<chunks).map { Parallel.chunkRange($0, of: chunks, count: m) }
        let body: @Sendable (Int) -> Void = { k in
            let block = me.clear(targets[k])
            me.accumulateRows(me.rows + start + ranges[k].lowerBound, count: ranges[k].count, hist: block.hist, counts: block.counts)
        }
        if chunks > 1 {
            DispatchQueue.concurrentPerform(iterations: chunks, execute: body)
            for t in targets.dropFirst() { add(into: b, t) }
        } else {
            body(0)
        }
    }

    /// The row-wise histogram loop over the `count` rows listed at `list` (every feature of a
    /// row at once).
    func accumulateRows(_ list: UnsafePointer<Int32>, count: Int, hist: UnsafeMutablePointer<Double>, counts: UnsafeMutablePointer<Int32>) {
        guard let rm = rowMajor else { return }
        let p = featureCount, w = width
        slotOffset.withUnsafeBufferPointer { so in
            if w == 2 {
                // Boosting's (gradient, hessian): read once per row, not once per feature (the
                // histogram stores could alias the criterion's arrays, so they are reloaded).
                let pair = UnsafeMutablePointer<Double>.allocate(capacity: 2)
                defer { pair.deallocate() }
                for j in 0..<count {
                    let row = Int(list[j])
                    let codesOfRow = rm + row &* p
                    pair[0] = 0; pair[1] = 0
                    criterion.add(row: row, to: pair)
                    let g = pair[0], h = pair[1]
                    for f in 0..<p {
                        let slot = so[f] &+ Int(codesOfRow[f])
                        hist[2 &* slot] += g
                        hist[2 &* slot &+ 1] += h
                        counts[slot] &+= 1
                    }
                }
                return
            }
            for j in 0..<count {
                let row = Int(list[j])
                let codesOfRow = rm + row &* p
                for f in 0..<p {
                    let slot = so[f] &+ Int(codesOfRow[f])
                    criterion.add(row: row, to: hist + slot &* w)
                    counts[slot] &+= 1
                }
            }
        }
    }

    /// `blocks[parent] -= blocks[small]`, slot by slot: the sibling's histograms.
    func subtract(from parent: Int, _ small: Int) {
        let p = blocks[parent], s = blocks[small]
        for k in 0..<(totalSlots * width) { p.hist[k] -= s.hist[k] }
        for k in 0..<totalSlots { p.counts[k] &-= s.counts[k] }
    }

    /// `blocks[into] += blocks[partial]`, slot by slot: a core's share of a histogram.
    func add(into b: Int, _ partial: Int) {
        let into = blocks[b], from = blocks[partial]
        for k in 0..<(totalSlots * width) { into.hist[k] += from.hist[k] }
        for k in 0..<totalSlots { into.counts[k] &+= from.counts[k] }
    }

    /// Zeroes block `b` and returns it.
    func clear(_ b: Int) -> (hist: UnsafeMutablePointer<Double>, counts: UnsafeMutablePointer<Int32>) {
        let block = blocks[b]
        block.hist.update(repeating: 0, count: totalSlots * width)
        block.counts.update(repeating: 0, count: totalSlots)
        return block
    }
}
