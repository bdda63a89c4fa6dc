// The reader's input: a file read in blocks with pread, or bytes in memory, decoded to UTF-8 block by block.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A random-access byte source: an open file or an in-memory buffer.
final class CSVSource: @unchecked Sendable {
    /// The name used in messages (the path as the user wrote it).
    let name: String
    /// The number of bytes.
    let size: Int
    private let fd: Int32
    private let memory: [UInt8]

    /// Opens a file for reading.
    ///
    /// - Throws: ``FrameError/io(_:)`` when the path does not exist, is a directory or cannot
    ///   be read, and when the file is empty.
    init(path: String, name: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CSVSource.openError(name, errno) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let e = errno
            close(fd)
            throw CSVSource.openError(name, e)
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw FrameError.io("cannot load '\(name)': it is a directory, not a file")
        }
        self.fd = fd
        self.name = name
        self.size = Int(st.st_size)
        self.memory = []
        if size == 0 { throw FrameError.io("cannot load '\(name)': the file is empty") }
    }

    /// Wraps bytes in memory.
    ///
    /// - Throws: ``FrameError/io(_:)`` when there are no bytes.
    init(bytes: [UInt8], name: String) throws {
        self.fd = -1
        self.name = name
        self.size = bytes.count
        self.memory = bytes
        if size == 0 { throw FrameError.io("cannot load '\(name)': the file is empty") }
    }

    deinit { if fd >= 0 { close(fd) } }

    private static func openError(_ name: String, _ code: Int32) -> FrameError {
        switch code {
        case ENOENT: return .io("cannot load '\(name)': no such file")
        case EACCES: return .io("cannot load '\(name)': permission denied")
        case EISDIR: return .io("cannot load '\(name)': it is a directory, not a file")
        default: return .io("cannot load '\(name)': " + String(cString: strerror(code)).lowercased())
        }
    }

    /// Reads up to `count` bytes at `offset` into `into`; returns how many were read (0 at the end).
    ///
    /// - Throws: ``FrameError/io(_:)`` on a read error.
    func read(into: UnsafeMutableRawPointer, at offset: Int, count: Int) throws -> Int {
        let n = min(count, size - offset)
        guard n > 0 else { return 0 }
        if fd < 0 {
            memory.withUnsafeBytes { src in into.copyMemory(from: src.baseAddress! + offset, byteCount: n) }
            return n
        }
        var done = 0
        while done < n {
            let r = pread(fd, into + done, n - done, off_t(offset + done))
            if r < 0 {
                if errno == EINTR { continue }
                throw FrameError.io("cannot read '\(name)': " + String(cString: strerror(errno)).lowercased())
            }
            if r == 0 { break }
            done += r
        }
        return done
    }
}

/// A window onto the decoded input that moves forward one block at a time.
///
/// `bytes[0 ..< length]` holds decoded UTF-8: the unconsumed tail of the previous block followed
/// by newly read bytes. The owner tokenizes complete records, calls ``consume(_:)`` for them, and
/// calls ``fill()`` for more. A record longer than the window makes the owner call ``grow()``.
/// Only this one buffer (plus a raw buffer for Latin-1) is ever held, never the whole file.
struct CSVBlockStream {
    /// The largest window: field offsets are 31-bit, and a single record this long is surely
    /// not a CSV record.
    static let maxCapacity = 1 << 30

    let source: CSVSource
    let encoding: CSVReadOptions.Encoding
    /// The window's memory.
    private(set) var buffer: UnsafeMutableRawBufferPointer
    /// Valid bytes at the start of `buffer`.
    private(set) var length = 0
    /// The next raw offset of the source to read.
    private(set) var sourceOffset = 0
    /// Whether every byte of the source has been read into the window.
    var atEnd: Bool { sourceOffset >= source.size }
    /// Newlines in everything consumed so far (the physical line before `bytes[0]` is this + 1).
    private(set) var linesConsumed = 0
    private var raw: UnsafeMutableRawBufferPointer? = nil

    init(source: CSVSource, encoding: CSVReadOptions.Encoding, capacity: Int) {
        self.source = source
        self.encoding = encoding
        self.buffer = .allocate(byteCount: max(64, capacity), alignment: 64)
    }

    /// Frees the buffers (the stream must not be used afterwards).
    func deallocate() {
        buffer.deallocate()
        raw?.deallocate()
    }

    /// The decoded bytes of the window.
    var bytes: UnsafePointer<UInt8> { UnsafePointer(buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)) }

    /// Reads more of the source into the free part of the window (a no-op at the end).
    mutating func fill() throws {
        let first = sourceOffset == 0
        switch encoding {
        case .utf8:
            let n = try source.read(into: buffer.baseAddress! + length, at: sourceOffset, count: buffer.count - length)
            sourceOffset += n
            if first && length == 0 && n >= 3 {
                let b = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
                if b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
                    (buffer.baseAddress! + 0).copyMemory(from: buffer.baseAddress! + 3, byteCount: n - 3)
                    length = n - 3
                    return
                }
            }
            length += n
        case .latin1:
            // Each byte becomes one or two UTF-8 bytes, so read at most half the free space.
            let want = (buffer.count - length) / 2
            guard want > 0 else { return }
            if raw == nil || raw!.count < want {
                raw?.deallocate()
                raw = .allocate(byteCount: want, alignment: 64)
            }
            let n = try source.read(into: raw!.baseAddress!, at: sourceOffset, count: want)
            sourceOffset += n
            let src = raw!.baseAddress!.assumingMemoryBound(to: UInt8.self)
            let dst = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var j = length
            for i in 0..<n {
                let c = src[i]
                if c < 0x80 {
                    dst[j] = c
                    j += 1
                } else {
                    dst[j] = 0xC0 | (c >> 6)
                    dst[j + 1] = 0x80 | (c & 0x3F)
                    j += 2
                }
            }
            length = j
        }
    }

    /// Drops the first `count` bytes, which held `newlines` line breaks, moving the rest to the front.
    mutating func consume(_ count: Int, newlines: Int) {
        precondition(count <= length, "consumed past the window")
        let rest = length - count
        if rest > 0 && count > 0 { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + count, byteCount: rest) }
        length = rest
        linesConsumed += newlines
    }

    /// Doubles the window, keeping its contents.
    ///
    /// - Throws: ``FrameError/badData(file:line:message:)`` when one record would not fit in
    ///   ``maxCapacity`` bytes.
    mutating func grow() throws {
        guard buffer.count < CSVBlockStream.maxCapacity else {
            throw FrameError.badData(file: source.name, line: linesConsumed + 1,
                                     message: "a record longer than \(CSVBlockStream.maxCapacity >> 20) MiB (is a quote left open?)")
        }
        let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: min(buffer.count * 2, CSVBlockStream.maxCapacity), alignment: 64)
        bigger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: length)
        buffer.deallocate()
        buffer = bigger
    }

    /// The physical line (1-based) of the byte at `offset` in the window.
    func line(at offset: Int) -> Int {
        var n = linesConsumed + 1
        let b = bytes
        for i in 0..<min(offset, length) where b[i] == 10 { n += 1 }
        return n
    }
}
