// Reads CSV/TSV files into frames: sniffing, header, streaming blocks, parallel column parsing, type inference.

/// Reads delimited text into a ``DataFrame``.
///
/// The file is streamed in blocks of ``CSVReadOptions/blockSize`` bytes (one window of memory,
/// never the whole file). Each block is tokenized into field offsets (split at record boundaries
/// into two halves that are tokenized on both cores), and then every column parses its fields
/// straight from the block's bytes into typed arrays, columns in parallel. Types are inferred
/// over the whole file (see ``CSVColumnBuilder``); a column that turns to text after typed rows
/// is read again as text in a second pass over the file.
///
/// Errors name the file and the physical line (1-based, header included) where the offending
/// record starts: `data.csv:1042: expected 14 fields, found 13`.
///
/// ```swift
/// let r = try CSVReader.read(path: "notebooks/data/eshop-clothing-2008.csv", options: CSVReadOptions())
/// r.frame.rowCount   // 165474
/// ```
public enum CSVReader {
    /// Reads a file.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - options: how to read it.
    ///   - name: the name used in error messages (default: `path`).
    /// - Returns: the frame and the number of rows skipped by `bad_rows: skip`.
    /// - Throws: ``FrameError/io(_:)`` for a missing, unreadable, directory or empty file;
    ///   ``FrameError/badData(file:line:message:)`` for malformed content;
    ///   ``FrameError/invalidArgument(_:)`` and ``FrameError/columnNotFound(name:available:)``
    ///   for options that do not fit the file.
    /// - Complexity: O(file size), in one pass (two when a column turns to text late).
    public static func read(path: String, options: CSVReadOptions = CSVReadOptions(), name: String? = nil) throws -> CSVReadResult {
        try CSVRead(source: try CSVSource(path: path, name: name ?? path), options: options).run()
    }

    /// Reads CSV text held in memory (for tests and small inputs), exactly as ``read(path:options:name:)``.
    public static func read(bytes: [UInt8], name: String = "<bytes>", options: CSVReadOptions = CSVReadOptions()) throws -> CSVReadResult {
        try CSVRead(source: try CSVSource(bytes: bytes, name: name), options: options).run()
    }
}

/// One read of one source.
final class CSVRead {
    let source: CSVSource
    let options: CSVReadOptions
    private var delimiter: UInt8 = UInt8(ascii: ",")
    private var columns = 0
    private var names: [String] = []
    private var fixedTypes: [DataType?] = []
    private var rowEstimate = 0

    /// Below this many fields in a block, columns are parsed on the calling thread.
    static let parallelFieldThreshold = 1 << 14

    init(source: CSVSource, options: CSVReadOptions) {
        self.source = source
        self.options = options
    }

    func run() throws -> CSVReadResult {
        if let d = options.delimiter, d == 34 || d == 10 || d == 13 {
            throw FrameError.invalidArgument("the delimiter cannot be a quote or a line break")
        }
        try prepare()
        let nulls = CSVNullTokens(options.nulls)
        let validate = options.encoding == .utf8
        var builders = (0..<columns).map { j in
            CSVColumnBuilder(name: names[j], fixed: fixedTypes[j], nulls: nulls, validateUTF8: validate, capacityHint: rowEstimate)
        }
        let skipped = try pass(builders, active: Array(0..<columns))
        let deferred = builders.indices.filter { builders[$0].kind == .deferred }
        if !deferred.isEmpty {
            for j in deferred {
                builders[j] = CSVColumnBuilder(name: names[j], fixed: .string, nulls: nulls, validateUTF8: validate, capacityHint: rowEstimate)
            }
            _ = try pass(builders, active: deferred)
        }
        var cols: [(String, AnyColumn)] = []
        for (j, b) in builders.enumerated() {
            guard let c = b.finish() else { preconditionFailure("column rebuilt as text is still deferred") }
            cols.append((names[j], c))
        }
        return CSVReadResult(frame: try DataFrame(columns: cols), skippedRows: skipped)
    }

    // MARK: - Delimiter, header, names, types

    /// Sniffs the delimiter, reads the header, and settles names, types and the row estimate.
    private func prepare() throws {
        // A sample of the start, for the delimiter and the bytes per row.
        let sampleSize = min(source.size, 1 << 16)
        var sample = [UInt8](repeating: 0, count: sampleSize)
        let got = try sample.withUnsafeMutableBytes { try source.read(into: $0.baseAddress!, at: 0, count: sampleSize) }
        let sampleAtEnd = got == source.size
        delimiter = options.delimiter ?? sample.withUnsafeBufferPointer {
            CSVSniffer.sniff($0.baseAddress!, length: got, atEnd: sampleAtEnd)
        }
        var lineBreaks = 0
        for b in sample.prefix(got) where b == 10 { lineBreaks += 1 }

        var stream = CSVBlockStream(source: source, encoding: options.encoding, capacity: options.blockSize)
        defer { stream.deallocate() }
        try stream.fill()
        guard let rec = try firstRecord(&stream) else {
            throw FrameError.io("cannot load '\(source.name)': the file has no rows (only blank lines)")
        }
        let fileNames: [String]? = try options.header ? rec.fields.map { f in
            if options.encoding == .utf8 && !UTF8Validation.isValid(stream.bytes + f.start, f.end - f.start) {
                throw FrameError.badData(file: source.name, line: stream.line(at: rec.recordStart),
                                         message: "invalid UTF-8 in the header (if the file is Latin-1, load it with encoding:\"latin-1\")")
            }
            return CSVField.text(stream.bytes, start: f.start, end: f.end, quoted: f.quoted)
        } : nil
        columns = rec.fields.count
        if let given = options.names, given.count != columns {
            throw FrameError.invalidArgument("names: gives \(given.count) name\(given.count == 1 ? "" : "s"), but the file has \(columns) column\(columns == 1 ? "" : "s")")
        }
        var chosen = options.names ?? fileNames ?? ColumnNames.defaults(columns)
        if options.clean { chosen = chosen.map(ColumnNames.clean) }
        names = ColumnNames.unique(chosen)

        fixedTypes = [DataType?](repeating: nil, count: columns)
        for key in options.types.keys.sorted() {
            guard let j = names.firstIndex(of: key) ?? fileNames?.firstIndex(of: key) else {
                throw FrameError.context("in option 'types'", .columnNotFound(name: key, available: names))
            }
            fixedTypes[j] = options.types[key]
        }

        let dataLines = max(1, lineBreaks - (options.header ? 1 : 0))
        let perRow = max(1.0, Double(got) / Double(dataLines + (options.header ? 1 : 0)))
        rowEstimate = sampleAtEnd ? dataLines + 1 : Int(Double(source.size) / perRow * 1.1) + 64
    }

    /// The first record of the stream, growing the window until it is complete.
    private func firstRecord(_ stream: inout CSVBlockStream) throws
        -> (fields: [(start: Int, end: Int, quoted: Bool)], recordStart: Int, next: Int, newlines: Int)? {
        while true {
            if let rec = CSVTokenizer.splitRecord(stream.bytes, start: 0, limit: stream.length, atEnd: stream.atEnd, delimiter: delimiter) {
                if rec.unterminated, let last = rec.fields.last {
                    throw FrameError.badData(file: source.name, line: stream.line(at: last.start),
                                             message: "unterminated quoted field (the quote opened here is never closed)")
                }
                return (rec.fields, rec.recordStart, rec.next, rec.newlines)
            }
            if stream.atEnd { return nil }
            if stream.length == stream.buffer.count { try stream.grow() }
            try stream.fill()
        }
    }

    // MARK: - The pass over the data

    /// Streams the data records into the active builders; returns the number of skipped rows.
    private func pass(_ builders: [CSVColumnBuilder], active: [Int]) throws -> Int {
        var stream = CSVBlockStream(source: source, encoding: options.encoding, capacity: options.blockSize)
        defer { stream.deallocate() }
        try stream.fill()
        guard let rec = try firstRecord(&stream) else { return 0 }
        if options.header {
            stream.consume(rec.next, newlines: rec.newlines)
        } else {
            var before = 0
            for i in 0..<rec.recordStart where stream.bytes[i] == 10 { before += 1 }
            stream.consume(rec.recordStart, newlines: before)
        }
        let index = CSVRecordIndex(columns: columns)
        var skipped = 0
        let work = builders
        let activeColumns = active
        while true {
            if !stream.atEnd && stream.length < stream.buffer.count { try stream.fill() }
            let len = stream.length
            if len == 0 && stream.atEnd { break }
            index.reset(bytes: len)
            let end = CSVTokenizer.tokenize(stream.bytes, start: 0, limit: len, stopAt: len, atEnd: stream.atEnd,
                                            delimiter: delimiter, skipBad: options.badRows == .skip, into: index)
            if let q = index.unterminatedQuote {
                throw FrameError.badData(file: source.name, line: stream.line(at: q),
                                         message: "unterminated quoted field (the quote opened here is never closed)")
            }
            if let bad = index.badRecord {
                throw FrameError.badData(file: source.name, line: stream.line(at: bad.offset),
                                         message: "expected \(columns) field\(columns == 1 ? "" : "s"), found \(bad.fields)")
            }
            skipped += index.skipped
            if end == 0 {
                // Not one complete record fits: widen the window.
                if stream.length == stream.buffer.count { try stream.grow() }
                try stream.fill()
                continue
            }
            try parseColumns(stream.bytes, index, work, activeColumns, stream: stream)
            let wasAtEnd = stream.atEnd
            stream.consume(end, newlines: index.newlines)
            if wasAtEnd && stream.length == 0 { break }
        }
        return skipped
    }

    /// Parses every active column of a tokenized block, in parallel when the block is large.
    private func parseColumns(_ bytes: UnsafePointer<UInt8>, _ index: CSVRecordIndex, _ builders: [CSVColumnBuilder],
                              _ active: [Int], stream: CSVBlockStream) throws {
        var failures = [CSVCellError?](repeating: nil, count: active.count)
        if index.count * active.count < CSVRead.parallelFieldThreshold || Parallel.coreCount == 1 {
            for (k, j) in active.enumerated() {
                do { try builders[j].append(bytes, index, column: j) } catch let e as CSVCellError { failures[k] = e }
            }
        } else {
            nonisolated(unsafe) let b = bytes
            let idx = index
            let work = builders
            let cols = active
            failures.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let slots = out
                Parallel.forEach(cols.count) { k in
                    do { try work[cols[k]].append(b, idx, column: cols[k]) } catch let e as CSVCellError { slots[k] = e } catch {}
                }
            }
        }
        // The first failing record, then the leftmost column: the same error whatever the scheduling.
        var worst: CSVCellError? = nil
        for f in failures { if let f, f.record < (worst?.record ?? Int.max) { worst = f } }
        if let w = worst {
            throw FrameError.badData(file: source.name, line: stream.line(at: Int(index.recordStarts[w.record])), message: w.message)
        }
    }
}
