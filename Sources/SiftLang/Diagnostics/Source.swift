// Source texts and positions: byte offsets stored cheaply, turned into line and column only when printed.

/// A range of UTF-8 bytes in one source text.
///
/// Tokens and syntax nodes carry ranges; line and column numbers are worked out by
/// ``SourceFile/location(of:)`` when a diagnostic is rendered (DuckDB's `QueryErrorContext`).
public struct SourceRange: Sendable, Equatable, Hashable {
    /// The source's id in its ``SourceManager``.
    public var source: Int
    /// Offset of the first byte.
    public var start: Int
    /// Offset just past the last byte.
    public var end: Int

    /// Creates a range.
    public init(source: Int, start: Int, end: Int) {
        self.source = source
        self.start = start
        self.end = max(start, end)
    }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(source: source, start: min(start, other.start), end: max(end, other.end))
    }

    /// An empty range at the end of this one.
    public var atEnd: SourceRange { SourceRange(source: source, start: end, end: end) }
}

/// A named source text: a script file, a `-c` argument, a REPL cell (`<cell 7>`) or a stdlib file.
public struct SourceFile: Sendable {
    /// The id used in ``SourceRange/source``.
    public let id: Int
    /// The name printed in diagnostics (a path, `<cell 7>`, `<stdin>`).
    public let name: String
    /// The text's UTF-8 bytes.
    public let bytes: [UInt8]
    private let lineStarts: [Int]

    /// Creates a source from text.
    public init(id: Int, name: String, text: String) {
        self.id = id
        self.name = name
        self.bytes = Array(text.utf8)
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        self.lineStarts = starts
    }

    /// The text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The 1-based line and column (in characters) of a byte offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let o = min(max(0, offset), bytes.count)
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        let prefix = bytes[lineStarts[lo]..<o]
        return (lo + 1, String(decoding: prefix, as: UTF8.self).count + 1)
    }

    /// The text of a 1-based line, without its line terminator.
    public func line(_ n: Int) -> String {
        guard n >= 1 && n <= lineStarts.count else { return "" }
        let start = lineStarts[n - 1]
        var end = n < lineStarts.count ? lineStarts[n] - 1 : bytes.count
        if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The text of a range.
    public func text(of range: SourceRange) -> String {
        let s = min(max(0, range.start), bytes.count), e = min(max(s, range.end), bytes.count)
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }
}

/// Owns every source of a session so diagnostics can be rendered from ranges alone.
public final class SourceManager: @unchecked Sendable {
    private var files: [SourceFile] = []

    /// Creates an empty manager.
    public init() {}

    /// Adds a source and returns it with its new id.
    @discardableResult
    public func add(name: String, text: String) -> SourceFile {
        let f = SourceFile(id: files.count, name: name, text: text)
        files.append(f)
        return f
    }

    /// The source with an id, if any.
    public subscript(id: Int) -> SourceFile? { id >= 0 && id < files.count ? files[id] : nil }
}
