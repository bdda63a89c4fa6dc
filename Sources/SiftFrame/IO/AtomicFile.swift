// Writes a file through a temporary file in the same folder and a rename, so a failed save leaves no truncated file.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Atomic file replacement: write everything to a hidden temporary file beside the target, then
/// `rename(2)` it over the target. Readers see the old file or the new one, never a part; when
/// writing fails, the temporary file is removed and the target is untouched.
///
/// The data is not `fsync`ed: the guarantee is against Sift's own failures (a full disk, an
/// error half-way), not against a power cut, and syncing large CSVs would cost seconds.
///
/// ```swift
/// try AtomicFile.write(Array("hello\n".utf8), to: "out.txt")
/// ```
public enum AtomicFile {
    /// A file being written: buffered by the caller, handed over in chunks.
    public struct Sink {
        fileprivate let fd: Int32
        fileprivate let path: String

        /// Writes all of `bytes`.
        ///
        /// - Throws: ``FrameError/io(_:)`` when the write fails (a full disk).
        public func write(_ bytes: UnsafeRawBufferPointer) throws {
            var done = 0
            while done < bytes.count {
                let r = posixWrite(fd, bytes.baseAddress! + done, bytes.count - done)
                if r < 0 {
                    if errno == EINTR { continue }
                    throw FrameError.io("cannot save '\(path)': " + String(cString: strerror(errno)).lowercased())
                }
                done += r
            }
        }
    }

    /// Creates or replaces `path` with what `body` writes.
    ///
    /// - Parameters:
    ///   - path: the file to write.
    ///   - body: writes the contents through the sink.
    /// - Throws: ``FrameError/io(_:)`` when the folder does not exist or is not writable, or a
    ///   write fails; anything `body` throws (the target is then unchanged).
    public static func write(to path: String, _ body: (Sink) throws -> Void) throws {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[...$0]) } ?? ""
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !base.isEmpty else { throw FrameError.io("cannot save '\(path)': it names a folder, not a file") }
        var fd: Int32 = -1
        var temp = ""
        for attempt in 0..<100 {
            temp = "\(dir).\(base).sift-\(getpid())-\(attempt).tmp"
            fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, 0o666)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else {
            let e = errno
            switch e {
            case ENOENT: throw FrameError.io("cannot save '\(path)': the folder '\(dir.isEmpty ? "." : String(dir.dropLast()))' does not exist")
            case EACCES: throw FrameError.io("cannot save '\(path)': permission denied")
            default: throw FrameError.io("cannot save '\(path)': " + String(cString: strerror(e)).lowercased())
            }
        }
        do {
            try body(Sink(fd: fd, path: path))
        } catch {
            close(fd)
            unlink(temp)
            throw error
        }
        if close(fd) != 0 {
            let e = errno
            unlink(temp)
            throw FrameError.io("cannot save '\(path)': " + String(cString: strerror(e)).lowercased())
        }
        if rename(temp, path) != 0 {
            let e = errno
            unlink(temp)
            if e == EISDIR { throw FrameError.io("cannot save '\(path)': it is a directory") }
            throw FrameError.io("cannot save '\(path)': " + String(cString: strerror(e)).lowercased())
        }
    }

    /// Creates or replaces `path` with `bytes`.
    ///
    /// - Throws: as ``write(to:_:)``.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try write(to: path) { sink in try bytes.withUnsafeBytes { try sink.write($0) } }
    }
}

/// `write(2)`, named apart from ``AtomicFile/Sink/write(_:)``.
private func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
    write(fd, p, n)
}
