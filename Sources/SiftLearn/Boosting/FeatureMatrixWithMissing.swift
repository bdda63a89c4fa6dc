// Features that may hold missing values (NaN), for the models that handle them natively: histogram boosting.
import SiftFrame

/// A column-major feature matrix in which NaN marks a missing value.
///
/// ``FeatureMatrix`` never holds NaN because the pipeline imputes first (LANGUAGE.md: median
/// for numeric features). Gradient boosting can do without imputation: its binner puts missing
/// values in a bin of their own and every split learns which side they go to. This type is the
/// input for that choice (`fit(allowingMissing:)`, `predict…(allowingMissing:)`), so a later
/// "no imputation for trees" option of `train boost` needs no change to the models.
///
/// ```swift
/// let x = try FeatureMatrixWithMissing(columns: [[1, .nan, 3]], names: ["mean_price"])
/// x.missingCount   // 1
/// ```
public struct FeatureMatrixWithMissing: Sendable, Equatable {
    /// The number of rows.
    public let rowCount: Int
    /// Feature names.
    public let names: [String]
    /// Column-major values; NaN is missing.
    public let values: [Double]

    /// The number of features.
    public var featureCount: Int { names.count }
    /// The number of missing cells.
    public var missingCount: Int { values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) } }

    /// Creates a matrix from one array per feature.
    ///
    /// - Throws: `FrameError.shapeMismatch` when the columns differ in length or do not match
    ///   the names, `FrameError.invalidArgument` for an infinite value.
    public init(columns: [[Double]], names: [String]) throws {
        let n = columns.first?.count ?? 0
        guard columns.count == names.count else {
            throw FrameError.shapeMismatch("\(columns.count) feature columns for \(names.count) names")
        }
        if let bad = columns.firstIndex(where: { $0.count != n }) {
            throw FrameError.shapeMismatch("feature '\(names[bad])' has \(columns[bad].count) rows, expected \(n)")
        }
        if let bad = columns.firstIndex(where: { $0.contains { $0.isInfinite } }) {
            throw FrameError.invalidArgument("feature '\(names[bad])' has an infinite value")
        }
        rowCount = n
        self.names = names
        values = columns.flatMap { $0 }
    }

    /// The same values as a complete matrix has (no missing cells).
    public init(_ x: FeatureMatrix) {
        rowCount = x.rowCount
        names = x.names
        values = x.values
    }
}
