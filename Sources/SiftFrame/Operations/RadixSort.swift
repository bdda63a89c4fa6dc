// Stable radix sort of packed 64-bit sort keys: one parallel MSD partition, then LSD passes per bucket in cache.

/// An element a radix sort can move: a 64-bit key, and the row it stands for.
protocol RadixSortable: SendableMetatype {
    /// The bits the sort orders by.
    var sortKey: UInt64 { get }
    /// The row index the element carries.
    var row: Int32 { get }
}

extension UInt64: RadixSortable {
    /// The value itself (a key in the high bits and a row index in the low bits).
    @inline(__always) var sortKey: UInt64 { self }
    /// The low 32 bits.
    @inline(__always) var row: Int32 { Int32(truncatingIfNeeded: self) }
}

/// A key with the row it belongs to, for keys too wide to share a word with a row index.
struct KeyedRow: RadixSortable {
    var key: UInt64
    var row: Int32
    @inline(__always) var sortKey: UInt64 { key }
}

/// Radix sort (Knuth, TAOCP vol. 3, §5.2.5: counting sort per digit), stable, on a bit range
/// of each element's key, giving the elements' rows in sorted order.
///
/// Large inputs are first partitioned by their most significant varying digit in one pass
/// split across cores (chunk `k`'s elements of a bucket land after chunk `k - 1`'s, so the
/// partition is stable). Each bucket, typically a few hundred KB, is then sorted by the
/// remaining bits with least-significant-digit passes that stay in L2, buckets spread over
/// the cores; its last pass writes the rows straight into the output. Plain LSD over the
/// whole array would stream it through memory once per digit (measured at 10M elements:
/// four full passes cost several times the partition).
///
/// The partition digit is 8 bits (256 write streams, which stay in L1 while the pass
/// streams through memory; 11 bits above 16M elements, to keep buckets small); the in-cache
/// digits are up to 11 bits, spread evenly. A digit that is the same for every element costs
/// no pass, so a key with a small range pays only for the passes it needs.
enum RadixSort {
    /// The width of the partition digit.
    static let digitBits = 8
    /// Inputs up to this many elements are sorted by LSD passes directly (they fit in L2).
    static let cacheElements = 1 << 16

    /// Sorts `a` by bits `lowBit ..< lowBit + bits` of each key, stably, and returns the
    /// elements' rows in sorted order. `a` and `scratch` (of the same size) are clobbered.
    ///
    /// - Complexity: O(count × ⌈bits / 8⌉), the first pass split across cores, the rest in cache.
    static func sortedRows<E: RadixSortable>(_ a: UnsafeMutablePointer<E>, scratch: UnsafeMutablePointer<E>, count n: Int,
                                             lowBit: Int, bits: Int) -> [Int32] {
        if n <= 32 {
            if n > 1 && bits > 0 { insertionSort(a, count: n, lowBit: lowBit, bits: bits) }
            return (0..<n).map { a[$0].row }
        }
        return [Int32](hugeUninitializedCount: n) { out in
            let o = out.baseAddress.unsafelyUnwrapped
            if n <= cacheElements {
                lsd(a, scratch, 0..<n, lowBit: lowBit, bits: bits, rows: o)
                return
            }
            // The widest partition digit that keeps buckets near L2 size on average.
            let msdBits = n > 1 << 24 ? 11 : digitBits
            var high = lowBit + bits
            while high > lowBit {
                let width = min(msdBits, high - lowBit)
                let shift = high - width
                if partition(a, scratch, count: n, shift: shift, width: width, lowBit: lowBit, rows: o) { return }
                high = shift
            }
            // Every digit is the same for all elements: the input order is the sorted order.
            nonisolated(unsafe) let src = a, dst = o
            Parallel.forEachChunk(count: n) { r in for i in r { dst[i] = src[i].row } }
        }
    }

    /// Partitions `a` into `scratch` by the digit at `shift`, then sorts each bucket by the bits
    /// below it into `rows`. False (and nothing done) when every element has the same digit.
    private static func partition<E: RadixSortable>(_ a: UnsafeMutablePointer<E>, _ scratch: UnsafeMutablePointer<E>, count n: Int,
                                                    shift: Int, width: Int, lowBit: Int, rows: UnsafeMutablePointer<Int32>) -> Bool {
        let buckets = 1 << width
        let mask = UInt64(buckets - 1), sh = UInt64(shift)
        let chunks = Parallel.chunkCount(count: n)
        var counts = [Int](repeating: 0, count: chunks * buckets)
        nonisolated(unsafe) let s = a, d = scratch, out = rows
        counts.withUnsafeMutableBufferPointer { cb in
            nonisolated(unsafe) let c = cb.baseAddress.unsafelyUnwrapped
            Parallel.forEach(chunks) { k in
                let h = c + k * buckets
                for i in Parallel.chunkRange(k, of: chunks, count: n) { h[Int(truncatingIfNeeded: (s[i].sortKey &>> sh) & mask)] &+= 1 }
            }
        }
        // Bucket bounds, and each chunk's start within each bucket.
        var starts = [Int](repeating: 0, count: buckets + 1)
        var running = 0
        for b in 0..<buckets {
            starts[b] = running
            for k in 0..<chunks {
                let x = counts[k * buckets + b]
                counts[k * buckets + b] = running
                running &+= x
            }
            if running - starts[b] == n { return false }
        }
        starts[buckets] = n
        counts.withUnsafeMutableBufferPointer { cb in
            nonisolated(unsafe) let c = cb.baseAddress.unsafelyUnwrapped
            Parallel.forEach(chunks) { k in
                let off = c + k * buckets
                for i in Parallel.chunkRange(k, of: chunks, count: n) {
                    let e = s[i]
                    let b = Int(truncatingIfNeeded: (e.sortKey &>> sh) & mask)
                    d[off[b]] = e
                    off[b] &+= 1
                }
            }
        }
        let rest = shift - lowBit
        let bounds = starts
        Parallel.forEach(buckets) { b in
            let r = bounds[b]..<bounds[b + 1]
            if r.isEmpty { return }
            lsd(d, s, r, lowBit: lowBit, bits: rest, rows: out)
        }
        return true
    }

    /// Sorts `src[range]` (with `tmp[range]` as working space) by LSD passes, serially, and
    /// writes the rows in order to `rows[range]`.
    static func lsd<E: RadixSortable>(_ src: UnsafeMutablePointer<E>, _ tmp: UnsafeMutablePointer<E>, _ range: Range<Int>,
                                      lowBit: Int, bits: Int, rows: UnsafeMutablePointer<Int32>) {
        let m = range.count
        let base = range.lowerBound
        var from = src + base, to = tmp + base
        if m <= 32 || bits <= 0 {
            if m > 1 && bits > 0 { insertionSort(from, count: m, lowBit: lowBit, bits: bits) }
            for i in 0..<m { rows[base + i] = from[i].row }
            return
        }
        // The bucket is in L2 already, so digits up to 11 bits (fewer passes) pay off here.
        let passes = (bits + 10) / 11
        let width = (bits + passes - 1) / passes
        let buckets = 1 << width
        let mask = UInt64(buckets - 1)
        // All digits' histograms in one read.
        // All digits' histograms in one read, even and odd elements in separate tables, so runs
        // of equal digits (nearly sorted data) do not chain every increment through one counter.
        var hist = [Int](repeating: 0, count: 2 * passes * buckets)
        hist.withUnsafeMutableBufferPointer { hb in
            let h0 = hb.baseAddress.unsafelyUnwrapped, h1 = h0 + passes * buckets
            let w = UInt64(width), lb = UInt64(lowBit)
            var i = 0
            while i + 1 < m {
                let k0 = from[i].sortKey &>> lb, k1 = from[i + 1].sortKey &>> lb
                for p in 0..<passes {
                    let sh = UInt64(p) &* w
                    h0[p * buckets + Int(truncatingIfNeeded: (k0 &>> sh) & mask)] &+= 1
                    h1[p * buckets + Int(truncatingIfNeeded: (k1 &>> sh) & mask)] &+= 1
                }
                i += 2
            }
            if i < m {
                let k0 = from[i].sortKey &>> lb
                for p in 0..<passes { h0[p * buckets + Int(truncatingIfNeeded: (k0 &>> (UInt64(p) &* w)) & mask)] &+= 1 }
            }
            for j in 0..<(passes * buckets) { h0[j] &+= h1[j] }
        }
        let live = (0..<passes).filter { p in !(0..<buckets).contains { hist[p * buckets + $0] == m } }
        if live.isEmpty {
            for i in 0..<m { rows[base + i] = from[i].row }
            return
        }
        var offsets = [Int](repeating: 0, count: buckets)
        offsets.withUnsafeMutableBufferPointer { off in
            for (j, p) in live.enumerated() {
                var running = 0
                for b in 0..<buckets { off[b] = running; running &+= hist[p * buckets + b] }
                let sh = UInt64(lowBit + p * width)
                // The current bucket's next position lives in a register and is written back
                // only when the bucket changes (long runs in nearly sorted data).
                var current = Int(truncatingIfNeeded: (from[0].sortKey &>> sh) & mask)
                var pos = off[current]
                if j == live.count - 1 {
                    let r = rows + base
                    for i in 0..<m {
                        let e = from[i]
                        let b = Int(truncatingIfNeeded: (e.sortKey &>> sh) & mask)
                        if b != current { off[current] = pos; current = b; pos = off[b] }
                        r[pos] = e.row
                        pos &+= 1
                    }
                } else {
                    for i in 0..<m {
                        let e = from[i]
                        let b = Int(truncatingIfNeeded: (e.sortKey &>> sh) & mask)
                        if b != current { off[current] = pos; current = b; pos = off[b] }
                        to[pos] = e
                        pos &+= 1
                    }
                    swap(&from, &to)
                }
            }
        }
    }

    /// Stable insertion sort for tiny inputs, where histograms cost more than they save.
    static func insertionSort<E: RadixSortable>(_ a: UnsafeMutablePointer<E>, count n: Int, lowBit: Int, bits: Int) {
        let mask: UInt64 = bits >= 64 ? ~0 : ((1 << UInt64(bits)) &- 1) << UInt64(lowBit)
        for i in 1..<n {
            let x = a[i]
            let k = x.sortKey & mask
            var j = i
            while j > 0 && a[j - 1].sortKey & mask > k { a[j] = a[j - 1]; j -= 1 }
            a[j] = x
        }
    }
}
