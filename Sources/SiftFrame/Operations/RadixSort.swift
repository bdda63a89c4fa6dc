// Stable least-significant-digit radix sort of packed 64-bit sort keys, split across cores.

/// An element a radix sort can move: a 64-bit key (plus, for pairs, the row it belongs to).
protocol RadixSortable: SendableMetatype {
    /// The bits the sort orders by.
    var sortKey: UInt64 { get }
}

extension UInt64: RadixSortable {
    /// The value itself (a key in the high bits and a row index in the low bits).
    @inline(__always) var sortKey: UInt64 { self }
}

/// A key with the row it belongs to, for keys too wide to share a word with a row index.
struct KeyedRow: RadixSortable {
    var key: UInt64
    var row: Int32
    @inline(__always) var sortKey: UInt64 { key }
}

/// LSD radix sort (Knuth, TAOCP vol. 3, §5.2.5; the histogram-then-scatter form of counting
/// sort per digit), stable, on a bit range of each element's key.
///
/// Digits are at most 11 bits wide (2048 counters of 4 bytes fit in L1) and the width is
/// spread evenly over the passes. A pass whose digit is the same for every element is
/// skipped, so a key with a small range costs only the passes it needs. Above
/// ``Parallel/defaultGrain`` elements each pass counts and scatters chunk by chunk on all
/// cores; chunk `k`'s elements of a bucket land after chunk `k - 1`'s, which keeps the sort
/// stable.
enum RadixSort {
    /// The widest digit: 2^11 buckets.
    static let maxDigitBits = 11

    /// Sorts `a` (with `scratch` of the same size as working space) by bits
    /// `lowBit ..< lowBit + bits` of each key, stably.
    ///
    /// - Returns: the buffer that holds the sorted elements (`a` or `scratch`).
    /// - Complexity: O(count × passes), passes = ⌈bits / 11⌉ at most.
    static func sort<E: RadixSortable>(_ a: UnsafeMutablePointer<E>, scratch: UnsafeMutablePointer<E>, count n: Int,
                                        lowBit: Int, bits: Int) -> UnsafeMutablePointer<E> {
        if n < 2 || bits <= 0 { return a }
        if n <= 32 { insertionSort(a, count: n, lowBit: lowBit, bits: bits); return a }
        let passes = (bits + maxDigitBits - 1) / maxDigitBits
        let width = (bits + passes - 1) / passes
        var src = a, dst = scratch
        var shift = lowBit
        let end = lowBit + bits
        while shift < end {
            let w = min(width, end - shift)
            if scatter(src, dst, count: n, shift: shift, width: w) { swap(&src, &dst) }
            shift += w
        }
        return src
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

    /// One counting-sort pass on the digit at `shift`; false (and nothing moved) when every
    /// element has the same digit.
    private static func scatter<E: RadixSortable>(_ src: UnsafeMutablePointer<E>, _ dst: UnsafeMutablePointer<E>,
                                                   count n: Int, shift: Int, width: Int) -> Bool {
        let buckets = 1 << width
        let mask = UInt64(buckets - 1)
        let sh = UInt64(shift)
        let chunks = Parallel.chunkCount(count: n)
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: chunks * buckets)
        defer { counts.deallocate() }
        counts.initialize(repeating: 0, count: chunks * buckets)
        nonisolated(unsafe) let s = src, d = dst, c = counts
        Parallel.forEach(chunks) { k in
            let h = c + k * buckets
            for i in Parallel.chunkRange(k, of: chunks, count: n) {
                h[Int(truncatingIfNeeded: (s[i].sortKey &>> sh) & mask)] &+= 1
            }
        }
        // Trivial digit: all elements in one bucket.
        for b in 0..<buckets {
            var total = 0
            for k in 0..<chunks { total &+= counts[k * buckets + b] }
            if total == n { return false }
            if total != 0 { break }
        }
        // Exclusive prefix over (bucket, chunk): chunk k's share of bucket b follows chunk k-1's.
        var running = 0
        for b in 0..<buckets {
            for k in 0..<chunks {
                let x = counts[k * buckets + b]
                counts[k * buckets + b] = running
                running &+= x
            }
        }
        Parallel.forEach(chunks) { k in
            let off = c + k * buckets
            for i in Parallel.chunkRange(k, of: chunks, count: n) {
                let e = s[i]
                let b = Int(truncatingIfNeeded: (e.sortKey &>> sh) & mask)
                d[off[b]] = e
                off[b] &+= 1
            }
        }
        return true
    }
}
