// A packed array of UTF-8 strings: one byte buffer plus count + 1 offsets.

/// An immutable list of strings packed as UTF-8 bytes and offsets (Arrow's string layout).
///
/// String `i` is `bytes[offsets[i] ..< offsets[i + 1]]`. Offsets never decrease and
/// `offsets[0] == 0`. Strings are not NUL-terminated and may contain any Unicode text.
///
/// ```swift
/// let a = StringArray(["view", "cart"])
/// a[1]           // "cart"
/// a.offsets      // [0, 4, 8]
/// ```
public struct StringArray: Sendable, Equatable {
    /// Start offsets of each string, plus the end of the last one.
    public let offsets: [Int]
    /// The concatenated UTF-8 bytes.
    public let bytes: [UInt8]

    /// Creates an array from raw offsets and bytes.
    public init(offsets: [Int], bytes: [UInt8]) {
        precondition(offsets.first == 0 && offsets.last == bytes.count, "string offsets do not cover the bytes")
        self.offsets = offsets
        self.bytes = bytes
    }

    /// Creates an array from Swift strings.
    public init<S: Sequence>(_ strings: S) where S.Element == String {
        var builder = StringArrayBuilder()
        for s in strings { builder.append(s) }
        self = builder.build()
    }

    /// The empty array.
    public static let empty = StringArray(offsets: [0], bytes: [])

    /// The number of strings.
    @inlinable public var count: Int { offsets.count - 1 }

    /// String `i`, decoded.
    public subscript(i: Int) -> String {
        let start = offsets[i], end = offsets[i + 1]
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    /// The length in bytes of string `i`.
    @inlinable public func byteCount(at i: Int) -> Int { offsets[i + 1] - offsets[i] }

    /// Calls `body` with the UTF-8 bytes of string `i`.
    @inlinable
    public func withUTF8<R>(at i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = offsets[i], end = offsets[i + 1]
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }
}

/// Builds a ``StringArray`` by appending strings or raw UTF-8 bytes.
public struct StringArrayBuilder: Sendable {
    /// Offsets so far (always one more than the strings appended).
    public private(set) var offsets: [Int] = [0]
    /// Bytes so far.
    public private(set) var bytes: [UInt8] = []

    /// Creates an empty builder with room for `capacity` strings of `byteCapacity` bytes in all.
    public init(capacity: Int = 0, byteCapacity: Int = 0) {
        offsets.reserveCapacity(capacity + 1)
        bytes.reserveCapacity(byteCapacity)
    }

    /// The number of strings appended.
    public var count: Int { offsets.count - 1 }

    /// Appends a string.
    public mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
        offsets.append(bytes.count)
    }

    /// Appends a string given as UTF-8 bytes (the caller guarantees they are valid UTF-8).
    public mutating func append(utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: utf8)
        offsets.append(bytes.count)
    }

    /// Appends the empty string (used for null slots).
    public mutating func appendEmpty() { offsets.append(bytes.count) }

    /// Finishes the array.
    public func build() -> StringArray { StringArray(offsets: offsets, bytes: bytes) }
}
