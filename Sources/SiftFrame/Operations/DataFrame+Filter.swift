// Row filters and slices: `where`, `head`, `tail` as row selections, with no column copied.

extension Column where T == Bool {
    /// The rows that are true and not null, packed 64 to a word (bit set = keep), as `where`
    /// reads a condition: null counts as false.
    ///
    /// - Complexity: O(rows), split across cores; eight booleans are packed per multiply.
    public func trueBits() -> Bitmap {
        let n = count
        return Bitmap(count: n) { words in
            nonisolated(unsafe) let w = words.baseAddress
            values.withUnsafeBufferPointer { vals in
                nonisolated(unsafe) let v = UnsafeRawPointer(vals.baseAddress)
                let wordCount = words.count
                Parallel.forEachChunk(count: wordCount, grain: 1 << 10) { r in
                    for wi in r {
                        let start = wi << 6
                        let end = Swift.min(start + 64, n)
                        var word: UInt64 = 0
                        if end - start == 64 {
                            // Bytes of 0/1: the multiply gathers each byte's low bit into the top byte
                            // (bit i from byte i), the standard SWAR byte-to-bit pack.
                            for b in 0..<8 {
                                let x = v.unsafelyUnwrapped.loadUnaligned(fromByteOffset: start + b * 8, as: UInt64.self)
                                word |= (((x & 0x0101_0101_0101_0101) &* 0x0102_0408_1020_4080) >> 56) << UInt64(b * 8)
                            }
                        } else {
                            for i in start..<end where v.unsafelyUnwrapped.load(fromByteOffset: i, as: Bool.self) {
                                word |= 1 << UInt64(i - start)
                            }
                        }
                        w.unsafelyUnwrapped[wi] = word
                    }
                }
            }
            if let validity {
                for wi in 0..<words.count { words[wi] &= validity.words[wi] }
            }
        }
    }

    /// The number of rows that are true (nulls count as false): what `where c | count` gives,
    /// without building a selection.
    ///
    /// - Complexity: O(rows).
    public var trueCount: Int { trueBits().setCount }
}

extension RowSelection {
    /// The indices of the set bits of a bitmap, in increasing order (a filter's selection).
    ///
    /// - Complexity: O(count / 64 + setCount), split across cores.
    public init(setBitsOf bits: Bitmap) {
        let total = bits.setCount
        let wordCount = bits.words.count
        let chunks = Parallel.chunkCount(count: wordCount, grain: 1 << 10)
        var starts = [Int](repeating: 0, count: chunks + 1)
        bits.words.withUnsafeBufferPointer { w in
            for k in 0..<chunks {
                var c = 0
                for wi in Parallel.chunkRange(k, of: chunks, count: wordCount) { c &+= w[wi].nonzeroBitCount }
                starts[k + 1] = starts[k] + c
            }
        }
        let indices = [Int32](unsafeUninitializedCapacity: total) { out, initialized in
            nonisolated(unsafe) let o = out.baseAddress
            HugePages.advise(UnsafeMutableRawPointer(o), byteCount: total * 4)
            let s = starts
            bits.words.withUnsafeBufferPointer { wb in
                nonisolated(unsafe) let w = wb.baseAddress
                Parallel.forEach(chunks) { k in
                    var j = s[k]
                    for wi in Parallel.chunkRange(k, of: chunks, count: wordCount) {
                        var word = w.unsafelyUnwrapped[wi]
                        let base = Int32(truncatingIfNeeded: wi << 6)
                        while word != 0 {
                            o.unsafelyUnwrapped[j] = base | Int32(truncatingIfNeeded: word.trailingZeroBitCount)
                            j &+= 1
                            word &= word &- 1
                        }
                    }
                }
            }
            initialized = total
        }
        self.init(indices: indices, hasNulls: false)
    }
}

extension DataFrame {
    /// The rows where `mask` is true; null counts as false (SQL's `WHERE`, LANGUAGE.md's `where`).
    ///
    /// No column is copied: every column gets the selection of kept rows (composed with any
    /// selection it already had), and is gathered only when read.
    ///
    /// ```swift
    /// let kept = try df.filter(Column<Bool>([true, nil, false, true]))
    /// kept.rowCount   // 2
    /// ```
    /// - Parameter mask: one boolean per row.
    /// - Throws: ``FrameError/shapeMismatch(_:)`` when the mask's length differs from the frame's.
    /// - Complexity: O(rows) for the mask, O(kept) per column that already has a selection.
    public func filter(_ mask: Column<Bool>) throws -> DataFrame {
        guard mask.count == rowCount else {
            throw FrameError.shapeMismatch("condition has \(mask.count) rows but the frame has \(rowCount)")
        }
        let bits = mask.trueBits()
        if bits.setCount == rowCount { return self }
        return selecting(rows: RowSelection(setBitsOf: bits))
    }

    /// The first `n` rows (all of them when the frame is shorter), without copying a column.
    ///
    /// - Throws: ``FrameError/invalidArgument(_:)`` when `n` is negative.
    /// - Complexity: O(min(n, rows)).
    public func head(_ n: Int) throws -> DataFrame {
        guard n >= 0 else { throw FrameError.invalidArgument("head needs a non-negative count, got \(n)") }
        return slice(0..<min(n, rowCount))
    }

    /// The last `n` rows (all of them when the frame is shorter), without copying a column.
    ///
    /// - Throws: ``FrameError/invalidArgument(_:)`` when `n` is negative.
    /// - Complexity: O(min(n, rows)).
    public func tail(_ n: Int) throws -> DataFrame {
        guard n >= 0 else { throw FrameError.invalidArgument("tail needs a non-negative count, got \(n)") }
        return slice(max(0, rowCount - n)..<rowCount)
    }

    /// Rows `range` (clamped to the frame), as a selection.
    ///
    /// - Complexity: O(range.count).
    public func slice(_ range: Range<Int>) -> DataFrame {
        let r = max(0, range.lowerBound)..<max(max(0, range.lowerBound), min(range.upperBound, rowCount))
        if r == 0..<rowCount { return self }
        return selecting(rows: RowSelection(range: r))
    }
}
