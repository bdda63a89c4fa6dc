// Gathers rows by a selection vector: the one kernel that materialises filtered, sorted and joined columns.

extension Column {
    /// The rows named by `selection`, in its order; index -1 gives a null row.
    ///
    /// - Complexity: O(selection.count), split across cores for large selections.
    public func gathered(_ selection: RowSelection) -> Column<T> {
        let n = selection.count
        if n == 0 { return Column(values: [], validity: nil) }
        let vals = [T](unsafeUninitializedCapacity: n) { out, initialized in
            nonisolated(unsafe) let dst = out.baseAddress!
            HugePages.advise(UnsafeMutableRawPointer(dst), byteCount: n * MemoryLayout<T>.stride)
            values.withUnsafeBufferPointer { src in
                nonisolated(unsafe) let s = src.baseAddress
                selection.indices.withUnsafeBufferPointer { idx in
                    nonisolated(unsafe) let ix = idx.baseAddress!
                    let nullable = selection.hasNulls
                    Parallel.forEachChunk(count: n) { r in
                        if nullable {
                            for i in r {
                                let j = ix[i]
                                (dst + i).initialize(to: j >= 0 ? s![Int(j)] : T.zero)
                            }
                        } else {
                            for i in r { (dst + i).initialize(to: s![Int(ix[i])]) }
                        }
                    }
                }
            }
            initialized = n
        }
        return Column(values: vals, validity: gatheredValidity(validity, selection))
    }
}

/// The validity of gathered rows: valid when the index is not -1 and the source row is valid.
/// Nil when every gathered row is valid.
///
/// Each output word is assembled from its 64 indices, so chunks of words run on all cores.
///
/// - Complexity: O(selection.count).
func gatheredValidity(_ validity: Bitmap?, _ selection: RowSelection) -> Bitmap? {
    if validity == nil && !selection.hasNulls { return nil }
    let n = selection.count
    return selection.indices.withUnsafeBufferPointer { idx in
        nonisolated(unsafe) let ix = idx.baseAddress
        return Bitmap(count: n) { words in
            nonisolated(unsafe) let out = words.baseAddress
            let wordCount = words.count
            func fill(_ src: UnsafePointer<UInt64>?) {
                nonisolated(unsafe) let sw = src
                Parallel.forEachChunk(count: wordCount, grain: 1 << 10) { r in
                    for wi in r {
                        var word: UInt64 = 0
                        let base = wi << 6
                        for b in 0..<Swift.min(64, n - base) {
                            let j = Int(ix.unsafelyUnwrapped[base + b])
                            let bit: UInt64
                            if let sw {
                                bit = j >= 0 ? (sw[j >> 6] >> UInt64(j & 63)) & 1 : 0
                            } else {
                                bit = j >= 0 ? 1 : 0
                            }
                            word |= bit << UInt64(b)
                        }
                        out.unsafelyUnwrapped[wi] = word
                    }
                }
            }
            if let v = validity { v.words.withUnsafeBufferPointer { fill($0.baseAddress) } } else { fill(nil) }
        }
    }
}

extension StringColumn {
    /// The rows named by `selection`; index -1 gives a null row. A dictionary column gathers
    /// its codes and shares its entries.
    ///
    /// - Complexity: O(selection.count) for dictionary columns; O(selection.count + bytes
    ///   gathered) for plain ones.
    public func gathered(_ selection: RowSelection) -> StringColumn {
        let validity = gatheredValidity(self.validity, selection)
        switch storage {
        case .dictionary(let codes, let entries):
            let g = Column<UInt32>(values: codes, validity: nil).gathered(selection)
            return StringColumn(storage: .dictionary(codes: g.values, entries: entries), validity: validity)
        case .plain(let a):
            var b = StringArrayBuilder(capacity: selection.count)
            a.bytes.withUnsafeBufferPointer { bytes in
                for j in selection.indices {
                    if j < 0 { b.appendEmpty(); continue }
                    let s = a.offsets[Int(j)], e = a.offsets[Int(j) + 1]
                    b.append(utf8: UnsafeBufferPointer(rebasing: bytes[s..<e]))
                }
            }
            return StringColumn(storage: .plain(b.build()), validity: validity)
        }
    }
}

extension UInt32: ColumnElement {
    /// Dictionary codes are stored like ints; a `Column<UInt32>` never appears in a frame.
    public static var dataType: DataType { .int }
}

extension AnyColumn {
    /// The rows named by `selection`; index -1 gives a null row.
    ///
    /// - Complexity: O(selection.count).
    public func gathered(_ selection: RowSelection) -> AnyColumn {
        switch self {
        case .int(let c): return .int(c.gathered(selection))
        case .double(let c): return .double(c.gathered(selection))
        case .bool(let c): return .bool(c.gathered(selection))
        case .string(let c): return .string(c.gathered(selection))
        case .timestamp(let c): return .timestamp(c.gathered(selection))
        case .duration(let c): return .duration(c.gathered(selection))
        }
    }

    /// Rows `range` of the column.
    public func sliced(_ range: Range<Int>) -> AnyColumn {
        gathered(RowSelection(range: range))
    }
}
