// Co-occurrence: how often two items share a basket (a session, an order), with support, confidence and lift.

extension DataFrame {
    /// The pairs of items that occur in the same basket: `item`, `other`, `count` (baskets
    /// holding both), `support`, `confidence` and `lift`, the measures of association rules
    /// (Agrawal, Imieliński & Swami, "Mining association rules between sets of items in large
    /// databases", SIGMOD 1993; lift after Brin et al., SIGMOD 1997):
    ///
    /// - `support = count / baskets`,
    /// - `confidence = count / baskets holding item` (the estimate of P(other | item)),
    /// - `lift = confidence / (baskets holding other / baskets)`.
    ///
    /// Each basket counts an item once however often it occurs in it. Every pair appears in
    /// both directions (a, b) and (b, a), since confidence is not symmetric. `baskets` counts
    /// every basket with at least one item, including those with a single item. Rows are
    /// sorted by `count` descending, then `item` and `other` ascending. Rows with a null item
    /// or a null basket are skipped.
    ///
    /// ```swift
    /// let pairs = try clicks.cooccurrence(item: "product", by: "session_id", minCount: 2)
    /// ```
    /// - Parameters:
    ///   - item: the item column (any type).
    ///   - by: the column that identifies baskets (any type).
    ///   - minCount: the fewest shared baskets a pair must have to be listed (at least 1).
    /// - Throws: ``FrameError/columnNotFound(name:available:)``, ``FrameError/invalidArgument(_:)``
    ///   for `minCount` below 1 or columns named like the output's.
    /// - Complexity: O(rows + Σ k²) over baskets of k distinct items, expected.
    public func cooccurrence(item: String, by: String, minCount: Int = 1) throws -> DataFrame {
        guard minCount >= 1 else { throw FrameError.invalidArgument("min_count must be at least 1, got \(minCount)") }
        let input = try ClickstreamInput(self, [item, by])
        let n = input.rowCount
        let itemColumn = input.columns[0]
        let empty = Grouping(groupIDs: [], groupCount: 0, firstRows: [])
        let items = n > 0 ? Grouping(keys: [itemColumn]) : empty
        let baskets = n > 0 ? Grouping(keys: [input.columns[1]]) : empty
        let d = items.groupCount
        let (offsets, rows) = baskets.rowsByGroup()
        var holding = [Int64](repeating: 0, count: d)     // baskets holding each item
        var stamp = [Int32](repeating: -1, count: d)      // the last basket each item was seen in
        var members = [Int32](repeating: 0, count: d)     // the distinct items of the current basket
        let pairs = PairCounter(items: d)
        items.groupIDs.withUnsafeBufferPointer { ids in
            rows.withUnsafeBufferPointer { rowsOf in
                holding.withUnsafeMutableBufferPointer { held in
                    stamp.withUnsafeMutableBufferPointer { seen in
                        members.withUnsafeMutableBufferPointer { basket in
                            for b in 0..<baskets.groupCount {
                                var k = 0
                                for j in offsets[b]..<offsets[b + 1] {
                                    let it = ids[Int(rowsOf[j])]
                                    if seen[Int(it)] != Int32(b) { seen[Int(it)] = Int32(b); basket[k] = it; k += 1 }
                                }
                                for i in 0..<k {
                                    let x = basket[i]
                                    held[Int(x)] &+= 1
                                    for j in (i + 1)..<k {
                                        let y = basket[j]
                                        pairs.add(Swift.min(x, y), Swift.max(x, y))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let total = Double(baskets.groupCount)
        var left = [Int32](), right = [Int32](), counts = [Int64]()
        var support = [Double](), confidence = [Double](), lift = [Double]()
        pairs.forEach { a, b, c in
            guard c >= minCount else { return }
            for (x, y) in [(a, b), (b, a)] {
                left.append(x); right.append(y); counts.append(Int64(c))
                let cx = Double(holding[Int(x)]), cy = Double(holding[Int(y)])
                support.append(Double(c) / total)
                confidence.append(Double(c) / cx)
                lift.append(Double(c) * total / (cx * cy))
            }
        }
        let values = itemColumn.gathered(RowSelection(indices: items.firstRows, hasNulls: false))
        let out = try DataFrame(columns: [
            ("item", values.gathered(RowSelection(indices: left, hasNulls: false))),
            ("other", values.gathered(RowSelection(indices: right, hasNulls: false))),
            ("count", .int(Column(values: counts))),
            ("support", .double(Column(values: support))),
            ("confidence", .double(Column(values: confidence))),
            ("lift", .double(Column(values: lift))),
        ])
        return try out.sorted(by: [SortKey("count", .descending), SortKey("item"), SortKey("other")]).materialized()
    }

    /// The items most often found with `item`, from a ``cooccurrence(item:by:minCount:)``
    /// table: its rows whose `item` equals the given value, by `confidence` descending, then
    /// `lift` descending, then `other` ascending, at most `top` of them. An item that is in no
    /// pair gives no rows.
    ///
    /// - Parameters:
    ///   - item: the item to recommend for (of the `item` column's type; ints and doubles compare by value).
    ///   - top: the most rows to return (not negative).
    /// - Throws: ``FrameError/columnNotFound(name:available:)`` when the frame lacks `item`,
    ///   `other`, `confidence` or `lift`; ``FrameError/invalidArgument(_:)`` for a negative `top`.
    /// - Complexity: O(pairs) to find the rows, plus sorting them.
    public func recommendations(for item: Scalar, top: Int) throws -> DataFrame {
        guard top >= 0 else { throw FrameError.invalidArgument("top must not be negative, got \(top)") }
        for name in ["other", "confidence", "lift"] { _ = try requireIndex(of: name) }
        let mask = try column(named: "item").equalityMask(item)
        return try filter(mask).sorted(by: [SortKey("confidence", .descending), SortKey("lift", .descending), SortKey("other")])
            .head(top).materialized()
    }
}

/// Counts of item pairs `(a, b)`, `a < b`: a dense triangle-free square table when the items are
/// few, an ``IntKeyTable`` of `a × items + b` otherwise.
final class PairCounter {
    /// Items up to which a dense `items²` table of counts is used: 2,048² × 4 bytes is 16 MB,
    /// about what the hash table would take for a few million pairs anyway.
    static let denseLimit = 2048

    private let items: Int
    /// The dense table (nil when hashing); a `let` pointer, so the hot loop has no exclusivity checks.
    private let dense: UnsafeMutablePointer<Int32>?
    private let table: IntKeyTable?
    private var hashed: [Int32] = []
    private var keys: [Int64] = []

    /// Creates a counter for item ids `0..<items`.
    init(items: Int) {
        self.items = items
        if items <= Self.denseLimit {
            let cells = Swift.max(items * items, 1)
            let p = UnsafeMutablePointer<Int32>.allocate(capacity: cells)
            p.initialize(repeating: 0, count: cells)
            dense = p
            table = nil
        } else {
            dense = nil
            table = IntKeyTable(expected: 1 << 12)
        }
    }

    deinit { dense?.deallocate() }

    /// Counts one basket holding both `a` and `b` (`a < b`).
    @inline(__always)
    func add(_ a: Int32, _ b: Int32) {
        let key = Int(a) &* items &+ Int(b)
        if let dense {
            dense[key] &+= 1
        } else if let table {
            let id = Int(table.insert(Int64(key)))
            if id == hashed.count { hashed.append(1); keys.append(Int64(key)) } else { hashed[id] &+= 1 }
        }
    }

    /// Calls `body(a, b, count)` for every pair counted at least once, in order of `(a, b)`.
    func forEach(_ body: (Int32, Int32, Int) -> Void) {
        if let dense {
            for a in 0..<items {
                for b in (a + 1)..<items where dense[a * items + b] > 0 {
                    body(Int32(a), Int32(b), Int(dense[a * items + b]))
                }
            }
            return
        }
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        for i in order {
            body(Int32(keys[i] / Int64(items)), Int32(keys[i] % Int64(items)), Int(hashed[i]))
        }
    }
}
