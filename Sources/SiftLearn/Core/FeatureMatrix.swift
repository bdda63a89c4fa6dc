// The numeric input of every estimator: a column-major matrix of doubles with named, typed features.
import SiftFrame

/// What a feature column holds.
public enum FeatureKind: Sendable, Equatable, Codable {
    /// A number (imputed and possibly scaled by the pipeline).
    case numeric
    /// Integer codes `0..<levelCount` of a category (trees split on them; linear models and the
    /// MLP see one-hot columns instead, made by the pipeline).
    case categorical(levelCount: Int)
}

/// A dense matrix of features, stored column by column.
///
/// Feature `j` occupies `values[j * rowCount ..< (j + 1) * rowCount]`, so a tree scanning one
/// feature or a histogram builder binning it reads contiguous memory. Estimators never see
/// nulls or NaN: the pipeline imputes before fitting. A matrix may have zero rows or zero
/// features; estimators decide whether they can fit that.
///
/// ```swift
/// let x = try FeatureMatrix(columns: [[1, 2, 3], [0.5, 0.5, 1]], names: ["clicks", "rate"])
/// x[2, 0]      // 3.0
/// x.rowCount   // 3
/// ```
public struct FeatureMatrix: Sendable, Equatable {
    /// The number of rows (samples).
    public let rowCount: Int
    /// Feature names, one per column.
    public let names: [String]
    /// Feature kinds, one per column.
    public let kinds: [FeatureKind]
    /// Column-major values, `rowCount * featureCount` of them.
    public let values: [Double]

    /// The number of feature columns.
    public var featureCount: Int { names.count }

    /// Creates a matrix from column-major values.
    ///
    /// - Throws: ``FrameError/shapeMismatch(_:)`` when the sizes do not agree, and
    ///   ``FrameError/invalidArgument(_:)`` when a value is NaN or infinite.
    public init(rowCount: Int, names: [String], kinds: [FeatureKind]? = nil, values: [Double]) throws {
        let kinds = kinds ?? [FeatureKind](repeating: .numeric, count: names.count)
        guard kinds.count == names.count else {
            throw FrameError.shapeMismatch("\(kinds.count) feature kinds for \(names.count) features")
        }
        guard values.count == rowCount * names.count else {
            throw FrameError.shapeMismatch("\(values.count) values do not fill \(rowCount) rows × \(names.count) features")
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            let name = names[rowCount == 0 ? 0 : bad / rowCount]
            throw FrameError.invalidArgument("feature '\(name)' has a missing or infinite value; impute it first")
        }
        self.rowCount = rowCount
        self.names = names
        self.kinds = kinds
        self.values = values
    }

    /// Creates a matrix from one array per feature.
    ///
    /// - Throws: as ``init(rowCount:names:kinds:values:)``, and when the columns differ in length.
    public init(columns: [[Double]], names: [String], kinds: [FeatureKind]? = nil) throws {
        let n = columns.first?.count ?? 0
        if let bad = columns.firstIndex(where: { $0.count != n }) {
            throw FrameError.shapeMismatch("feature '\(bad < names.count ? names[bad] : "#\(bad + 1)")' has \(columns[bad].count) rows, expected \(n)")
        }
        guard columns.count == names.count else {
            throw FrameError.shapeMismatch("\(columns.count) feature columns for \(names.count) names")
        }
        try self.init(rowCount: n, names: names, kinds: kinds, values: columns.flatMap { $0 })
    }

    /// The value of row `i`, feature `j`.
    @inlinable public subscript(i: Int, j: Int) -> Double { values[j * rowCount + i] }

    /// Calls `body` with feature `j`'s values as one contiguous buffer.
    @inlinable
    public func withColumn<R>(_ j: Int, _ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try values.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[(j * rowCount)..<((j + 1) * rowCount)])) }
    }

    /// The rows at `indices`, in that order (repeats allowed: bootstrap samples).
    ///
    /// - Complexity: O(indices.count × featureCount).
    public func rows(_ indices: [Int]) -> FeatureMatrix {
        let m = indices.count, p = featureCount, n = rowCount
        var out = [Double](repeating: 0, count: m * p)
        values.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for j in 0..<p {
                    let s = j * n, d = j * m
                    for (k, i) in indices.enumerated() { dst[d + k] = src[s + i] }
                }
            }
        }
        return FeatureMatrix(unchecked: m, names, kinds, out)
    }

    /// Row `i` as an array (slow: for tests and single predictions).
    public func row(_ i: Int) -> [Double] { (0..<featureCount).map { self[i, $0] } }

    private init(unchecked rowCount: Int, _ names: [String], _ kinds: [FeatureKind], _ values: [Double]) {
        self.rowCount = rowCount
        self.names = names
        self.kinds = kinds
        self.values = values
    }
}
