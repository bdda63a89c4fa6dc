// Writes frames as CSV: header, `,`, minimal quoting, typed formatting into one reused buffer.

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
    /// Writes a frame to a file atomically (see ``AtomicFile``).
    ///
    /// - Throws: ``FrameError/io(_:)`` when the file cannot be written; the target is then unchanged.
    /// - Complexity: O(rows × columns), streamed through a 1 MiB buffer.
    public static func write(_ frame: DataFrame, to path: String) throws {
        try AtomicFile.write(to: path) { sink in
            try write(frame) { try sink.write($0) }
        }
    }

    /// The CSV text of a frame, in memory.
    public static func encode(_ frame: DataFrame) -> [UInt8] {
        var out: [UInt8] = []
        write(frame) { out.append(contentsOf: $0) }
        return out
    }

    /// Formats a frame, handing the text to `sink` in chunks.
    public static func write(_ frame: DataFrame, _ sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        let buffer = CSVOutputBuffer()
        defer { buffer.free() }
        for (i, name) in frame.columnNames.enumerated() {
            if i > 0 { try buffer.byte(44, sink) }
            var n = name
            try n.withUTF8 { try buffer.string($0, sink) }
        }
        try buffer.byte(10, sink)
        let columns = (0..<frame.columnCount).map { frame.column(at: $0) }
        guard !columns.isEmpty else { try buffer.flush(sink); return }
        // Rows are written in bands so each column's values are read from a small window.
        let band = 4096
        var start = 0
        while start < frame.rowCount {
            let end = min(frame.rowCount, start + band)
            for r in start..<end {
                for (j, c) in columns.enumerated() {
                    if j > 0 { try buffer.byte(44, sink) }
                    try cell(c, r, buffer, sink)
                }
                try buffer.byte(10, sink)
            }
            start = end
        }
        try buffer.flush(sink)
    }

    @inline(__always)
    private static func cell(_ c: AnyColumn, _ r: Int, _ out: CSVOutputBuffer, _ sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        guard c.isValid(r) else { return }
        switch c {
        case .int(let x): try out.int(x.values[r], sink)
        case .double(let x): try out.double(x.values[r], sink)
        case .bool(let x):
            try out.ascii(x.values[r] ? "true" : "false", sink)
        case .timestamp(let x): try out.timestamp(x.values[r], sink)
        case .duration(let x): try out.ascii(x.values[r].description, sink)
        case .string(let s): try s.withUTF8(at: r) { try out.string($0, sink) }
        }
    }
}

/// The writer's output buffer: formatting writes into raw memory and flushes when full.
final class CSVOutputBuffer {
    static let capacity = 1 << 20
    private let base = UnsafeMutablePointer<UInt8>.allocate(capacity: CSVOutputBuffer.capacity)
    private var pos = 0

    func free() { base.deallocate() }

    func flush(_ sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        if pos > 0 { try sink(UnsafeRawBufferPointer(start: base, count: pos)) }
        pos = 0
    }

    /// Makes room for `n` bytes (flushing); false when `n` is more than the buffer holds.
    @inline(__always)
    private func room(_ n: Int, _ sink: (UnsafeRawBufferPointer) throws -> Void) rethrows -> Bool {
        if pos + n > CSVOutputBuffer.capacity { try flush(sink) }
        return n <= CSVOutputBuffer.capacity
    }

    @inline(__always)
    func byte(_ b: UInt8, _ sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        _ = try room(1, sink)
        base[pos] = b
        pos += 1
    }

    func ascii(_ s: String, _ sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var s = s
        try s.withUTF8 { u in
            _ = try room(u.count, sink)
            for b in u { base[pos] = b; pos += 1 }
        }
    }

    @inline(__always)
    func int(_ v: Int64, _ sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        _ = try room(20, sink)
        var m = v.magnitude
        if v < 0 { base[pos] = 45; pos += 1 }
        var digits = 1
        var t = m
        while t >= 10 { t /= 10; digits += 1 }
        var i = pos + digits - 1
        repeat {
            base[i] = UInt8(truncatingIfNeeded: m % 10) &+ 48
            m /= 10
            i -= 1
        } while m > 0
        pos += digits
    }

    /// Shortest round-trip form, as `Double.description` gives it; integral values below 1e15
    /// (which it prints as `123.0`) are formatted here without making a string.
    @inline(__always)
    func double(_ d: Double, _ sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        if d != 0, d.magnitude < 1e15, d == d.rounded(.towardZero) {
            try int(Int64(d), sink)
            _ = try room(2, sink)
            base[pos] = 46
            base[pos + 1] = 48
            pos += 2
        } else {
            try ascii(d.description, sink)
        }
    }

    func timestamp(_ t: Timestamp, _ sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        let (days, inDay) = Calendar.splitDays(t.micros)
        let (y, m, d) = Calendar.civilFromDays(days)
        guard y >= 0 && y <= 9999 else { try ascii(t.description, sink); return }
        _ = try room(26, sink)
        @inline(__always) func put(_ v: Int, _ width: Int) {
            var v = v
            var i = pos + width - 1
            while i >= pos { base[i] = UInt8(truncatingIfNeeded: v % 10) &+ 48; v /= 10; i -= 1 }
            pos += width
        }
        @inline(__always) func sep(_ b: UInt8) { base[pos] = b; pos += 1 }
        let secs = Int(inDay / 1_000_000), micro = Int(inDay % 1_000_000)
        put(y, 4); sep(45); put(m, 2); sep(45); put(d, 2); sep(32)
        put(secs / 3600, 2); sep(58); put(secs / 60 % 60, 2); sep(58); put(secs % 60, 2)
        if micro != 0 { sep(46); put(micro, 6) }
    }

    /// A string field, quoted only when it must be.
    func string(_ u: UnsafeBufferPointer<UInt8>, _ sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var needsQuotes = u.isEmpty
        for b in u where b == 44 || b == 34 || b == 10 || b == 13 { needsQuotes = true; break }
        if !needsQuotes && u.count <= 4 && CSVOutputBuffer.isNullToken(u) { needsQuotes = true }
        if !needsQuotes {
            if try room(u.count, sink) {
                if let src = u.baseAddress { (base + pos).update(from: src, count: u.count) }
                pos += u.count
            } else {
                try flush(sink)
                try sink(UnsafeRawBufferPointer(u))
            }
            return
        }
        try byte(34, sink)
        for b in u {
            if b == 34 { try byte(34, sink) }
            try byte(b, sink)
        }
        try byte(34, sink)
    }

    private static func isNullToken(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = String(decoding: u, as: UTF8.self)
        return s == "NA" || s == "NULL" || s == "null" || s == "NaN"
    }
}
