// Slow, obviously correct reference versions of grouping, sorting and joining, for cross-checking the fast kernels.
import XCTest
@testable import SiftFrame

/// Boxed reference implementations: row by row over `Scalar`s, with the same semantics the
/// engine documents (first-seen groups, null a key of its own, stable sorts with nulls last,
/// joins where null never matches).
enum Reference {
    /// Group ids in first-seen order over rows of scalars.
    static func groupIDs(_ keys: [AnyColumn]) -> (ids: [Int32], firsts: [Int32]) {
        let n = keys.first?.count ?? 0
        var seen: [[Scalar]: Int32] = [:]
        var ids: [Int32] = [], firsts: [Int32] = []
        for i in 0..<n {
            let k = keys.map { normalised($0[i]) }
            if let g = seen[k] { ids.append(g); continue }
            let g = Int32(firsts.count)
            seen[k] = g
            firsts.append(Int32(i))
            ids.append(g)
        }
        return (ids, firsts)
    }

    /// `-0.0` as `0.0`, so dictionary keys treat the zeros as one.
    static func normalised(_ s: Scalar) -> Scalar {
        if case .double(let d) = s, d == 0 { return .double(0) }
        return s
    }

    /// Compares two non-null scalars of one type (ints and doubles numerically).
    static func less(_ a: Scalar, _ b: Scalar) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.bool(let x), .bool(let y)): return !x && y
        case (.string(let x), .string(let y)): return Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
        case (.timestamp(let x), .timestamp(let y)): return x < y
        case (.duration(let x), .duration(let y)): return x < y
        default: return a.numericValue! < b.numericValue!
        }
    }

    /// The stable sort permutation with nulls last in both directions (ties broken by row
    /// number, so the result does not depend on the library sort's stability).
    static func sortPermutation(_ keys: [(AnyColumn, SortDirection)]) -> [Int32] {
        let n = keys.first?.0.count ?? 0
        let values = keys.map { k in (0..<n).map { k.0[$0] } }
        func before(_ i: Int, _ j: Int) -> Bool {
            for (k, (_, order)) in keys.enumerated() {
                let a = values[k][i], b = values[k][j]
                switch (a.isNull, b.isNull) {
                case (true, true): continue
                case (true, false): return false
                case (false, true): return true
                case (false, false):
                    if less(a, b) { return order == .ascending }
                    if less(b, a) { return order == .descending }
                }
            }
            return i < j
        }
        return (0..<n).sorted(by: before).map { Int32($0) }
    }

    /// Whether two scalars are equal join keys (null never matches; ints and doubles numerically).
    static func matches(_ a: Scalar, _ b: Scalar) -> Bool {
        if a.isNull || b.isNull { return false }
        if let x = a.numericValue, let y = b.numericValue { return x == y }
        return normalised(a) == normalised(b)
    }

    /// For each left row, the right rows whose keys all match (nested loops).
    static func matchingRows(_ l: [AnyColumn], _ r: [AnyColumn]) -> [[Int]] {
        let nl = l.first?.count ?? 0, nr = r.first?.count ?? 0
        let lv = l.map { c in (0..<nl).map { c[$0] } }, rv = r.map { c in (0..<nr).map { c[$0] } }
        var out = [[Int]](repeating: [], count: nl)
        for i in 0..<nl {
            for j in 0..<nr {
                var all = true
                for k in 0..<l.count where !matches(lv[k][i], rv[k][j]) { all = false; break }
                if all { out[i].append(j) }
            }
        }
        return out
    }

    /// Join output as (left row, right row) pairs, -1 for none, from ``matchingRows(_:_:)``.
    static func join(_ hits: [[Int]], rightCount nr: Int, how: JoinKind) -> [(Int32, Int32)] {
        var out: [(Int32, Int32)] = []
        var matchedRight = Set<Int>()
        for (i, h) in hits.enumerated() {
            switch how {
            case .inner: out += h.map { (Int32(i), Int32($0)) }
            case .left, .outer: out += h.isEmpty ? [(Int32(i), Int32(-1))] : h.map { (Int32(i), Int32($0)) }
            case .anti: if h.isEmpty { out.append((Int32(i), Int32(-1))) }
            }
            matchedRight.formUnion(h)
        }
        if how == .outer { out += (0..<nr).filter { !matchedRight.contains($0) }.map { (Int32(-1), Int32($0)) } }
        return out
    }
}

/// Test columns of every type with nulls in a pattern that moves with `seed`.
enum Sample {
    /// Ints in `0 ..< spread` (times `scale`), null where `nullPattern` says so.
    static func ints(_ n: Int, spread: Int, scale: Int64 = 1, nullEvery period: Int = 5, seed: Int = 0) -> AnyColumn {
        let valid = nullPattern(n, period: period, seed: seed)
        return .int(Column((0..<n).map { i in valid[i] ? Int64((i * 37 + seed * 11) % spread) * scale : nil }))
    }

    /// Doubles from a small set including both zeros and negatives.
    static func doubles(_ n: Int, nullEvery period: Int = 4, seed: Int = 0) -> AnyColumn {
        let valid = nullPattern(n, period: period, seed: seed)
        let pool: [Double] = [2.5, -0.0, -1.25, 0.0, 1e300, -7, 2.5, 3]
        return .double(Column((0..<n).map { i in valid[i] ? pool[(i * 5 + seed) % pool.count] : nil }))
    }

    /// Strings from a small pool (with non-ASCII text), plain or dictionary-encoded.
    static func strings(_ n: Int, dictionary: Bool, nullEvery period: Int = 6, seed: Int = 0) -> AnyColumn {
        let valid = nullPattern(n, period: period, seed: seed)
        let pool = ["view", "cart", "", "Zoë", "purchase", "cart2", "é", "b"]
        let c = StringColumn((0..<n).map { i in valid[i] ? pool[(i * 3 + seed) % pool.count] : nil })
        return .string(dictionary ? c.dictionaryEncoded() : c)
    }

    /// Bools, null where the pattern says so.
    static func bools(_ n: Int, nullEvery period: Int = 3, seed: Int = 0) -> AnyColumn {
        let valid = nullPattern(n, period: period, seed: seed)
        return .bool(Column((0..<n).map { i in valid[i] ? (i * 7 + seed) % 3 == 0 : nil }))
    }

    /// Timestamps a few seconds apart, repeating.
    static func timestamps(_ n: Int, nullEvery period: Int = 7, seed: Int = 0) -> AnyColumn {
        let valid = nullPattern(n, period: period, seed: seed)
        return .timestamp(Column((0..<n).map { i in valid[i] ? Timestamp(micros: Int64((i * 13 + seed) % 9) * 1_000_000 - 3_000_000) : nil }))
    }

    /// One column of every type and layout (and int keys on both the dense and hashed paths).
    static func allTypes(_ n: Int, seed: Int = 0) -> [(String, AnyColumn)] {
        [("dense", ints(n, spread: 7, seed: seed)), ("sparse", ints(n, spread: 11, scale: 1 << 40, seed: seed)),
         ("d", doubles(n, seed: seed)), ("plain", strings(n, dictionary: false, seed: seed)),
         ("dict", strings(n, dictionary: true, seed: seed)), ("b", bools(n, seed: seed)), ("t", timestamps(n, seed: seed))]
    }
}
