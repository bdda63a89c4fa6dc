// The nearest-neighbour chain (Murtagh 1983) with Lance–Williams updates, and the cut of its hierarchy at k clusters.

/// The nearest-neighbour-chain merge search and the cut of the resulting hierarchy.
enum HierarchyChain {
    struct Merge { var a: Int; var b: Int; var height: Double }

    /// The n − 1 merges, in the order the chain finds them (not sorted by height).
    static func merges(_ rows: [Double], n: Int, p: Int, linkage: Linkage) -> [Merge] {
        guard n > 1 else { return [] }
        // Condensed upper triangle: pair (i < j) at i·n − i(i+1)/2 + (j − i − 1).
        @inline(__always) func index(_ i: Int, _ j: Int) -> Int {
            let (a, b) = i < j ? (i, j) : (j, i)
            return a * n - a * (a + 1) / 2 + (b - a - 1)
        }
        var d = [Double](repeating: 0, count: n * (n - 1) / 2)
        rows.withUnsafeBufferPointer { x in
            d.withUnsafeMutableBufferPointer { dist in
                var t = 0
                for i in 0..<n {
                    for j in (i + 1)..<n {
                        let s = RowMajor.squaredDistance(x, i, x, j, p)
                        dist[t] = linkage == .ward ? s : s.squareRoot()
                        t += 1
                    }
                }
            }
        }
        var size = [Int](repeating: 1, count: n)
        var active = [Bool](repeating: true, count: n)
        var merges: [Merge] = []
        merges.reserveCapacity(n - 1)
        var chain: [Int] = []
        var firstActive = 0
        d.withUnsafeMutableBufferPointer { dist in
            while merges.count < n - 1 {
                if chain.isEmpty {
                    while !active[firstActive] { firstActive += 1 }
                    chain.append(firstActive)
                }
                var a = 0, b = 0, height = 0.0
                while true {
                    a = chain[chain.count - 1]
                    let previous = chain.count >= 2 ? chain[chain.count - 2] : -1
                    // Nearest active neighbour of a, preferring the previous chain element on ties
                    // (which is what guarantees the chain ends in a reciprocal pair).
                    var best = previous, bestD = previous >= 0 ? dist[index(a, previous)] : Double.infinity
                    if best < 0 {
                        // Start from some other active cluster, so a is never left without a partner.
                        best = (0..<n).first { active[$0] && $0 != a } ?? a
                        bestD = dist[index(a, best)]
                    }
                    for c in 0..<n where active[c] && c != a {
                        let v = dist[index(a, c)]
                        if v < bestD { bestD = v; best = c }
                    }
                    if best == previous { b = previous; height = bestD; break }
                    chain.append(best)
                }
                chain.removeLast(2)
                // Merge a into b (b keeps the slot), updating every other active cluster.
                let na = Double(size[a]), nb = Double(size[b]), dab = dist[index(a, b)]
                for c in 0..<n where active[c] && c != a && c != b {
                    let dac = dist[index(a, c)], dbc = dist[index(b, c)]
                    let updated: Double
                    switch linkage {
                    case .complete: updated = max(dac, dbc)
                    case .average: updated = (na * dac + nb * dbc) / (na + nb)
                    case .ward:
                        let nc = Double(size[c])
                        updated = ((na + nc) * dac + (nb + nc) * dbc - nc * dab) / (na + nb + nc)
                    }
                    dist[index(b, c)] = updated
                }
                active[a] = false
                size[b] += size[a]
                merges.append(Merge(a: a, b: b, height: linkage == .ward ? max(0, height).squareRoot() : height))
            }
        }
        return merges
    }

    /// The partition left after the n − k lowest merges (stable by height on ties), as raw labels.
    static func cut(_ merges: [Merge], n: Int, k: Int) -> [Int] {
        let order = merges.indices.sorted { merges[$0].height != merges[$1].height ? merges[$0].height < merges[$1].height : $0 < $1 }
        var parent = Array(0..<n)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        for m in order.prefix(n - k) {
            let ra = root(merges[m].a), rb = root(merges[m].b)
            if ra != rb { parent[ra] = rb }
        }
        var rootLabel = [Int](repeating: -1, count: n)
        var labels = [Int](repeating: 0, count: n)
        var next = 0
        for i in 0..<n {
            let r = root(i)
            if rootLabel[r] < 0 { rootLabel[r] = next; next += 1 }
            labels[i] = rootLabel[r]
        }
        return labels
    }
}
