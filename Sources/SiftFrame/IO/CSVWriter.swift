// Writes frames as CSV: header, `,`, minimal quoting, typed formatting of row bands on both cores.

/// Writes a ``DataFrame`` as CSV text that ``CSVReader`` reads back to the same frame.
///
/// - A header line of column names, `,` between fields, `\n` after every record.
/// - A field is quoted only when it must be: when it holds `,`, `"`, `\r` or `\n` (quotes
///   doubled), when it is the empty string (`""`, so it is not read as null), or when it is a
///   string equal to one of the reader's default null tokens (`"NA"`, `"NULL"`, `"null"`,
///   `"NaN"`).
/// - Null is an empty field; ints in decimal; doubles in shortest round-trip form
///   (`Double.description`: `0.1`, `3.0`, `1e-07`, `inf`), so integral doubles keep `.0` and
///   read back as doubles; bools `true`/`false`; timestamps `YYYY-MM-DD HH:MM:SS`, with
///   `.ffffff` only when there is a fraction.
/// - Durations in the language's literal form (`1d 2h 3m 4s`, `1.5s`); inference reads them
///   back as strings, so load them with `types:{col: "duration"}`.
///
/// Values that inference reads as another type come back as that type: a string column of
/// digits reads back as `int`, and a column with only nulls as ``DataType/untypedNull``;
/// `types:` restores them.
///
/// ```swift
/// try CSVWriter.write(frame, to: "out.csv")
/// String(decoding: CSVWriter.encode(frame), as: UTF8.self)   // "a,b\n1,x\n"
/// ```
public enum CSVWriter {
    /// Rows formatted per band; two bands are formatted at once, one per core, then written in order.
    static let bandRows = 1 << 14

    /// Writes a frame to a file atomically (see ``AtomicFile``).
    ///
    /// - Throws: ``FrameError/io(_:)`` when the file cannot be written; the target is then unchanged.
    /// - Complexity: O(rows × columns); two bands of rows are formatted in parallel.
    public static func write(_ frame: DataFrame, to path: String) throws {
        try AtomicFile.write(to: path) { sink in
            try write(frame) { try sink.write($0) }
        }
    }

    /// The CSV text of a frame, in memory.
    public static func encode(_ frame: DataFrame) -> [UInt8] {
        var out: [UInt8] = []
        // The sink never throws, so neither does the write.
        try? write(frame) { out.append(contentsOf: $0) }
        return out
    }

    /// Formats a frame, handing the text to `sink` in chunks, in order.
    ///
    /// - Throws: whatever `sink` throws.
    public static func write(_ frame: DataFrame, _ sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        let header = CSVOutputBuffer()
        defer { header.free() }
        for (i, name) in frame.columnNames.enumerated() {
            if i > 0 { header.byte(44) }
            var n = name
            n.withUTF8 { header.string($0) }
        }
        header.byte(10)
        try header.flush(sink)
        let columns = (0..<frame.columnCount).map { frame.column(at: $0) }
        guard !columns.isEmpty, frame.rowCount > 0 else { return }
        var sources: [CSVCellSource] = []
        try CSVCellSource.with(columns[...], &sources) { cells in
            let buffers = [CSVOutputBuffer(), CSVOutputBuffer()]
            defer { for b in buffers { b.free() } }
            let n = frame.rowCount
            var start = 0
            while start < n {
                let bands = min(2, (n - start + bandRows - 1) / bandRows)
                let s0 = start
                Parallel.forEach(bands) { k in
                    let lo = s0 + k * bandRows, hi = min(n, lo + bandRows)
                    format(cells, rows: lo..<hi, into: buffers[k])
                }
                for k in 0..<bands { try buffers[k].flush(sink) }
                start = min(n, start + bands * bandRows)
            }
        }
    }

    /// Formats rows into a buffer.
    private static func format(_ cells: [CSVCellSource], rows: Range<Int>, into out: CSVOutputBuffer) {
        for r in rows {
            for (j, c) in cells.enumerated() {
                if j > 0 { out.byte(44) }
                if let v = c.validity, v[r >> 6] >> UInt64(r & 63) & 1 == 0 { continue }
                switch c.values {
                case .int(let x): out.int(x[r])
                case .double(let x): out.double(x[r])
                case .bool(let x): out.ascii(x[r] ? "true" : "false")
                case .timestamp(let x): out.timestamp(x[r])
                case .duration(let x): out.ascii(x[r].description)
                case .plain(let offsets, let bytes):
                    out.string(UnsafeBufferPointer(start: bytes + offsets[r], count: offsets[r + 1] - offsets[r]))
                case .dictionary(let codes, let offsets, let bytes):
                    let k = Int(codes[r])
                    out.string(UnsafeBufferPointer(start: bytes + offsets[k], count: offsets[k + 1] - offsets[k]))
                }
            }
            out.byte(10)
        }
    }
}

/// One column as raw pointers for the formatting loop (no reference counting per cell); valid
/// only inside ``with(_:_:_:)``.
struct CSVCellSource: @unchecked Sendable {
    enum Values {
        case int(UnsafePointer<Int64>), double(UnsafePointer<Double>), bool(UnsafePointer<Bool>)
        case timestamp(UnsafePointer<Timestamp>), duration(UnsafePointer<Duration>)
        case plain(offsets: UnsafePointer<Int>, bytes: UnsafePointer<UInt8>)
        case dictionary(codes: UnsafePointer<UInt32>, offsets: UnsafePointer<Int>, bytes: UnsafePointer<UInt8>)
    }
    var values: Values
    var validity: UnsafePointer<UInt64>?

    /// Calls `body` with the sources of `columns`, keeping every buffer pinned meanwhile (one
    /// nested `withUnsafeBufferPointer` per buffer, by recursion over the columns).
    static func with<R>(_ columns: ArraySlice<AnyColumn>, _ acc: inout [CSVCellSource],
                        _ body: ([CSVCellSource]) throws -> R) throws -> R {
        guard let c = columns.first else { return try body(acc) }
        let rest = columns.dropFirst()
        func pinned<T>(_ a: [T], _ make: (UnsafePointer<T>) -> Values, _ acc: inout [CSVCellSource]) throws -> R {
            try a.withUnsafeBufferPointer { p in
                try withValidity(c.validity, { make(p.baseAddress ?? dangling()) }, &acc)
            }
        }
        func withValidity(_ v: Bitmap?, _ values: () -> Values, _ acc: inout [CSVCellSource]) throws -> R {
            guard let v else {
                acc.append(CSVCellSource(values: values(), validity: nil))
                return try with(rest, &acc, body)
            }
            return try v.words.withUnsafeBufferPointer { w in
                acc.append(CSVCellSource(values: values(), validity: w.baseAddress))
                return try with(rest, &acc, body)
            }
        }
        switch c {
        case .int(let x): return try pinned(x.values, { .int($0) }, &acc)
        case .double(let x): return try pinned(x.values, { .double($0) }, &acc)
        case .bool(let x): return try pinned(x.values, { .bool($0) }, &acc)
        case .timestamp(let x): return try pinned(x.values, { .timestamp($0) }, &acc)
        case .duration(let x): return try pinned(x.values, { .duration($0) }, &acc)
        case .string(let s):
            switch s.storage {
            case .plain(let a):
                return try a.offsets.withUnsafeBufferPointer { o in
                    try a.bytes.withUnsafeBufferPointer { b in
                        try withValidity(s.validity, { .plain(offsets: o.baseAddress!, bytes: b.baseAddress ?? dangling()) }, &acc)
                    }
                }
            case .dictionary(let codes, let e):
                return try codes.withUnsafeBufferPointer { cp in
                    try e.offsets.withUnsafeBufferPointer { o in
                        try e.bytes.withUnsafeBufferPointer { b in
                            try withValidity(s.validity, {
                                .dictionary(codes: cp.baseAddress ?? dangling(), offsets: o.baseAddress!, bytes: b.baseAddress ?? dangling())
                            }, &acc)
                        }
                    }
                }
            }
        }
    }

    /// A pointer for an empty buffer (never dereferenced: no row reads it).
    private static func dangling<T>() -> UnsafePointer<T> {
        UnsafePointer(bitPattern: MemoryLayout<T>.alignment)!
    }
}

/// A growable byte buffer the formatting writes into with raw stores.
final class CSVOutputBuffer: @unchecked Sendable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var pos = 0

    init(capacity: Int = 1 << 20) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    func free() { base.deallocate() }

    /// Hands the contents to `sink` and empties the buffer.
    func flush(_ sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        if pos > 0 { try sink(UnsafeRawBufferPointer(start: base, count: pos)) }
        pos = 0
    }

    @inline(__always)
    private func room(_ n: Int) {
        if pos &+ n > capacity { grow(pos + n) }
    }

    private func grow(_ need: Int) {
        var c = capacity * 2
        while c < need { c *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        bigger.update(from: base, count: pos)
        base.deallocate()
        base = bigger
        capacity = c
    }

    @inline(__always)
    func byte(_ b: UInt8) {
        room(1)
        base[pos] = b
        pos &+= 1
    }

    func ascii(_ s: String) {
        var s = s
        s.withUTF8 { u in
            room(u.count)
            if let src = u.baseAddress { (base + pos).update(from: src, count: u.count) }
            pos &+= u.count
        }
    }

    @inline(__always)
    func int(_ v: Int64) {
        room(20)
        var m = v.magnitude
        if v < 0 { base[pos] = 45; pos &+= 1 }
        var digits = 1
        var t = m
        while t >= 10 { t /= 10; digits &+= 1 }
        var i = pos &+ digits &- 1
        repeat {
            base[i] = UInt8(truncatingIfNeeded: m % 10) &+ 48
            m /= 10
            i &-= 1
        } while m > 0
        pos &+= digits
    }

    /// Shortest round-trip form, as `Double.description` gives it; integral values below 1e15
    /// (which it prints as `123.0`) are formatted here without making a string.
    @inline(__always)
    func double(_ d: Double) {
        if d != 0, d.magnitude < 1e15, d == d.rounded(.towardZero) {
            int(Int64(d))
            room(2)
            base[pos] = 46
            base[pos &+ 1] = 48
            pos &+= 2
        } else {
            ascii(d.description)
        }
    }

    /// `YYYY-MM-DD HH:MM:SS`, with `.ffffff` only when there is a fraction.
    func timestamp(_ t: Timestamp) {
        let (days, inDay) = Calendar.splitDays(t.micros)
        let (y, m, d) = Calendar.civilFromDays(days)
        guard y >= 0 && y <= 9999 else { ascii(t.description); return }
        room(26)
        @inline(__always) func put(_ v: Int, _ width: Int) {
            var v = v
            var i = pos &+ width &- 1
            while i >= pos { base[i] = UInt8(truncatingIfNeeded: v % 10) &+ 48; v /= 10; i &-= 1 }
            pos &+= width
        }
        @inline(__always) func sep(_ b: UInt8) { base[pos] = b; pos &+= 1 }
        let secs = Int(inDay / 1_000_000), micro = Int(inDay % 1_000_000)
        put(y, 4); sep(45); put(m, 2); sep(45); put(d, 2); sep(32)
        put(secs / 3600, 2); sep(58); put(secs / 60 % 60, 2); sep(58); put(secs % 60, 2)
        if micro != 0 { sep(46); put(micro, 6) }
    }

    /// A string field, quoted only when it must be.
    func string(_ u: UnsafeBufferPointer<UInt8>) {
        var needsQuotes = u.isEmpty
        for b in u where b == 44 || b == 34 || b == 10 || b == 13 { needsQuotes = true; break }
        if !needsQuotes && u.count <= 4 && CSVOutputBuffer.isNullToken(u) { needsQuotes = true }
        if !needsQuotes {
            room(u.count)
            if let src = u.baseAddress { (base + pos).update(from: src, count: u.count) }
            pos &+= u.count
            return
        }
        room(2 &* u.count &+ 2)
        base[pos] = 34
        pos &+= 1
        for b in u {
            if b == 34 { base[pos] = 34; pos &+= 1 }
            base[pos] = b
            pos &+= 1
        }
        base[pos] = 34
        pos &+= 1
    }

    /// Whether a string would read back as one of the reader's default null tokens.
    private static func isNullToken(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        switch u.count {
        case 2: return u[0] == 78 && u[1] == 65                                                     // NA
        case 3: return u[0] == 78 && u[1] == 97 && u[2] == 78                                       // NaN
        case 4: return (u[0] == 78 && u[1] == 85 && u[2] == 76 && u[3] == 76)                       // NULL
                    || (u[0] == 110 && u[1] == 117 && u[2] == 108 && u[3] == 108)                   // null
        default: return false
        }
    }
}
