// A uniform grid over one or two coordinates: the radius-neighbour search behind DBSCAN, in O(n) memory.

/// Points bucketed into square cells of side `eps` over the one or two features with the
/// largest spread. A radius query looks at the 3 (or 3 × 3) cells around the query's cell and
/// checks the full Euclidean distance on every feature, so the answer is exact in any number
/// of dimensions; the grid only prunes. Memory is O(n): a sorted permutation and one entry per
/// non-empty cell, never an n × n matrix or stored neighbour lists.
///
/// - Complexity: building is O(n log n); a query costs the points in its 3^d cells. On 2-D data
///   whose neighbourhoods hold m points on average, all queries take about O(n · m); data
///   piled into a few cells degrades towards O(n²) time (still O(n) memory).
struct NeighbourGrid {
    private let points: [Double]
    private let p: Int
    private let eps: Double
    private let dims: [Int]
    private let origin: [Double]
    /// Cell coordinates of each non-empty cell, sorted; `cellStart[c] ..< cellStart[c + 1]`
    /// indexes `order`.
    private let cells: [Cell]
    private let cellStart: [Int]
    private let order: [Int]

    private struct Cell: Comparable {
        var a: Int, b: Int
        static func < (l: Cell, r: Cell) -> Bool { l.a != r.a ? l.a < r.a : l.b < r.b }
    }

    /// Cell coordinates are clamped to ±2⁵⁰ so a tiny `eps` over a wide range cannot overflow an
    /// `Int`; clamped points share an edge cell, which costs time but not correctness.
    private static let coordinateLimit = Double(1 << 50)

    /// Buckets the `n` rows of the row-major `points` (`p` features each).
    init(points: [Double], n: Int, p: Int, eps: Double) {
        self.points = points
        self.p = p
        self.eps = eps
        // The one or two widest features prune best.
        var spread: [(Int, Double)] = []
        for j in 0..<p {
            var lo = Double.infinity, hi = -Double.infinity
            for i in 0..<n { lo = min(lo, points[i * p + j]); hi = max(hi, points[i * p + j]) }
            spread.append((j, n == 0 ? 0 : hi - lo))
        }
        spread.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        dims = spread.prefix(2).map(\.0)
        origin = dims.map { j in (0..<n).reduce(Double.infinity) { min($0, points[$1 * p + j]) } }
        var keyed: [(Cell, Int)] = []
        keyed.reserveCapacity(n)
        let dimsCopy = dims, originCopy = origin
        for i in 0..<n {
            keyed.append((Self.cell(points, i * p, dimsCopy, originCopy, eps), i))
        }
        keyed.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var cells: [Cell] = [], starts: [Int] = []
        for (k, entry) in keyed.enumerated() where k == 0 || entry.0 != keyed[k - 1].0 {
            cells.append(entry.0); starts.append(k)
        }
        starts.append(n)
        self.cells = cells
        self.cellStart = starts
        self.order = keyed.map(\.1)
    }

    private static func cell(_ values: [Double], _ offset: Int, _ dims: [Int], _ origin: [Double], _ eps: Double) -> Cell {
        func coordinate(_ d: Int) -> Int {
            guard d < dims.count else { return 0 }
            let raw = ((values[offset + dims[d]] - origin[d]) / eps).rounded(.down)
            return Int(max(-coordinateLimit, min(coordinateLimit, raw)))
        }
        return Cell(a: coordinate(0), b: coordinate(1))
    }

    /// Calls `visit` with the index of every grid point within `eps` (inclusive, as scikit-learn's
    /// `radius_neighbors`) of the query `query[offset ..< offset + p]`, in no particular order,
    /// until `visit` returns false.
    func forEachNeighbour(of query: [Double], at offset: Int, _ visit: (Int) -> Bool) {
        guard !cells.isEmpty else { return }
        let centre = Self.cell(query, offset, dims, origin, eps)
        let limit = eps * eps
        let spanB = dims.count > 1 ? -1...1 : 0...0
        points.withUnsafeBufferPointer { pts in
            query.withUnsafeBufferPointer { q in
                order.withUnsafeBufferPointer { order in
                    for da in -1...1 {
                        for db in spanB {
                            let target = Cell(a: centre.a + da, b: centre.b + db)
                            guard let c = find(target) else { continue }
                            for k in cellStart[c]..<cellStart[c + 1] {
                                let i = order[k]
                                var s = 0.0
                                for j in 0..<p {
                                    let d = pts[i * p + j] - q[offset + j]
                                    s += d * d
                                }
                                if s <= limit, !visit(i) { return }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The number of grid points within `eps` of the query, counting no further than `cap`.
    func neighbourCount(of query: [Double], at offset: Int, upTo cap: Int) -> Int {
        var count = 0
        forEachNeighbour(of: query, at: offset) { _ in
            count += 1
            return count < cap
        }
        return count
    }

    /// The index of `target` in `cells` (binary search), or nil.
    private func find(_ target: Cell) -> Int? {
        var lo = 0, hi = cells.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if cells[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        return lo < cells.count && cells[lo] == target ? lo : nil
    }
}
