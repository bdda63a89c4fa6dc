// A fixed-width typed column: a contiguous value buffer plus an optional validity bitmap.

/// An immutable column of fixed-width values (`Int64`, `Double`, `Bool`, ``Timestamp``,
/// ``Duration``) with an optional validity mask.
///
/// `values` always has `count` entries. A row is null when `validity` exists and its bit is
/// clear; the value stored in a null slot is unspecified (but deterministic), so kernels must
/// consult the mask. A column with no nulls has no mask at all (`validity == nil`), which lets
/// kernels take a single tight loop.
///
/// ```swift
/// let prices = Column<Int64>([28, nil, 52])
/// prices.count       // 3
/// prices.nullCount   // 1
/// prices[1]          // nil
/// ```
public struct Column<T: ColumnElement>: Sendable {
    /// The values, one per row; slots of null rows hold unspecified values.
    public let values: [T]
    /// The validity mask, or nil when no row is null. Never a mask without an unset bit.
    public let validity: Bitmap?

    /// Creates a column from values and a validity mask (dropped when it has no null).
    public init(values: [T], validity: Bitmap? = nil) {
        if let validity { precondition(validity.count == values.count, "validity length does not match values") }
        self.values = values
        self.validity = (validity?.unsetCount ?? 0) == 0 ? nil : validity
    }

    /// Creates a column from optional values; nil becomes null (its slot holds `T.zero`).
    public init(_ optionals: [T?]) {
        var hasNull = false
        let vals = optionals.map { v -> T in
            if let v { return v }
            hasNull = true
            return T.zero
        }
        self.init(values: vals, validity: hasNull ? Bitmap(optionals.lazy.map { $0 != nil }) : nil)
    }

    /// The number of rows.
    @inlinable public var count: Int { values.count }

    /// The number of null rows.
    @inlinable public var nullCount: Int { validity?.unsetCount ?? 0 }

    /// Whether row `i` holds a value.
    @inlinable public func isValid(_ i: Int) -> Bool { validity.map { $0[i] } ?? true }

    /// The value of row `i`, or nil when it is null.
    @inlinable public subscript(i: Int) -> T? { isValid(i) ? values[i] : nil }
}

extension Column: Equatable {
    /// Columns are equal when they have the same rows: the same nulls, and equal values where
    /// both are valid (null slots' contents are ignored).
    public static func == (a: Column, b: Column) -> Bool {
        guard a.count == b.count, a.nullCount == b.nullCount else { return false }
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }
}
