// The preprocessing a model learns from its training rows: median imputation, scaling, one-hot or integer codes of strings.
import SiftFrame

/// Turns frame columns into an estimator's feature matrix, the way a fitted scikit-learn
/// `ColumnTransformer` of `SimpleImputer(strategy="median")`, `StandardScaler`/`MinMaxScaler`
/// and `OneHotEncoder(handle_unknown="ignore")` (or `OrdinalEncoder`) does.
///
/// Everything is learned from the training rows only and stored, so predicting on new rows
/// applies the training medians, scales and levels — nothing leaks from the holdout.
/// - numbers and bools (as 0/1): a null becomes the training median (or stays NaN when the
///   model handles missing values natively); then `x' = (x − shift) / scale`.
/// - strings: the sorted distinct training values are the levels. With one-hot encoding each
///   level is a 0/1 column (`name=level`) and a null or a level not seen in training is all
///   zeros; with codes the level's index is the value, and a null or unseen level gets the code
///   `levels.count` (NaN when missing values are native).
public struct FeatureEncoder: Sendable, Equatable, Codable {
    /// How string features reach the estimator.
    public enum Encoding: String, Sendable, Codable {
        /// One 0/1 column per level (linear models, naive Bayes, the MLP).
        case oneHot = "one_hot"
        /// One column of level indices (trees).
        case codes
    }

    /// How numeric features are scaled after imputation.
    public enum Scaling: String, Sendable, Codable, CaseIterable {
        /// Unchanged.
        case none
        /// Zero mean, unit population standard deviation (`StandardScaler`); a constant column keeps scale 1.
        case standard
        /// Onto [0, 1] by the training minimum and maximum (`MinMaxScaler`); a constant column keeps scale 1.
        case minmax
    }

    /// What a feature column held at training time.
    public enum Source: String, Sendable, Codable {
        /// Int or double.
        case number
        /// Bool, read as 0/1.
        case bool
        /// String, encoded by levels.
        case string
    }

    /// One input feature and what was learned about it.
    public struct Feature: Sendable, Equatable, Codable {
        /// The column name.
        public var name: String
        /// Its type at training time.
        public var source: Source
        /// The training median (numbers and bools).
        public var median: Double
        /// Subtracted before scaling.
        public var shift: Double
        /// Divided by after shifting (never 0).
        public var scale: Double
        /// Sorted training levels (strings).
        public var levels: [String]
    }

    /// The features in formula order.
    public var features: [Feature]
    /// The string encoding.
    public var encoding: Encoding
    /// The numeric scaling.
    public var scaling: Scaling
    /// Whether nulls are imputed (false: they stay NaN for models that handle them).
    public var imputes: Bool

    /// The estimator's column names: one per feature, or `name=level` per one-hot level.
    public var outputNames: [String] {
        features.flatMap { f -> [String] in
            f.source == .string && encoding == .oneHot ? f.levels.map { "\(f.name)=\($0)" } : [f.name]
        }
    }

    /// The estimator's column kinds.
    public var outputKinds: [FeatureKind] {
        features.flatMap { f -> [FeatureKind] in
            guard f.source == .string else { return [.numeric] }
            return encoding == .oneHot ? [FeatureKind](repeating: .numeric, count: f.levels.count)
                                       : [.categorical(levelCount: f.levels.count + 1)]
        }
    }

    /// For each output column, the index of the input feature it comes from.
    public var outputSources: [Int] {
        features.indices.flatMap { j -> [Int] in
            let f = features[j]
            return f.source == .string && encoding == .oneHot ? [Int](repeating: j, count: f.levels.count) : [j]
        }
    }

    // MARK: - Fitting

    /// Learns the encoding of `names` from a frame (the training rows).
    ///
    /// - Throws: `FrameError.columnNotFound` for a missing column, `FrameError.typeMismatch` for
    ///   a timestamp or duration feature.
    /// - Complexity: O(n log n) per numeric feature (the median), O(n) per string feature.
    public static func fit(_ frame: DataFrame, features names: [String], encoding: Encoding, scaling: Scaling,
                           imputes: Bool) throws -> FeatureEncoder {
        var features: [Feature] = []
        for name in names {
            let column = try frame.column(named: name)
            switch column.type {
            case .int, .double, .bool:
                let values = numericValues(column)
                let present = values.filter { !$0.isNaN }.sorted()
                let median = present.isEmpty ? 0 : quantileMedian(present)
                var shift = 0.0, scale = 1.0
                let filled = present.isEmpty ? [0] : present
                switch scaling {
                case .none: break
                case .standard:
                    // Imputed values sit at the median, so the moments include them (the scaler follows the imputer).
                    let missing = Double(values.count - present.count)
                    let n = Double(values.count)
                    let mean = n == 0 ? 0 : (filled.reduce(0, +) + missing * median) / max(n, 1)
                    var ss = 0.0
                    for v in present { ss += (v - mean) * (v - mean) }
                    ss += missing * (median - mean) * (median - mean)
                    let sd = n == 0 ? 0 : (ss / n).squareRoot()
                    shift = mean; scale = sd > 0 ? sd : 1
                case .minmax:
                    let lo = min(filled[0], median), hi = max(filled[filled.count - 1], median)
                    shift = lo; scale = hi > lo ? hi - lo : 1
                }
                features.append(Feature(name: name, source: column.type == .bool ? .bool : .number, median: median,
                                        shift: shift, scale: scale, levels: []))
            case .string:
                guard case .string(let s) = column else { continue }
                var seen = Set<String>()
                for i in 0..<s.count { if let v = s[i] { seen.insert(v) } }
                features.append(Feature(name: name, source: .string, median: 0, shift: 0, scale: 1, levels: seen.sorted()))
            case .timestamp, .duration:
                throw FrameError.typeMismatch("feature '\(name)' is a \(column.type); derive a number from it first (e.g. hour(\(name)) or seconds(\(name)))")
            }
        }
        return FeatureEncoder(features: features, encoding: encoding, scaling: scaling, imputes: imputes)
    }

    /// The median of sorted values, interpolating between the two middle ones (NumPy's `median`).
    static func quantileMedian(_ sorted: [Double]) -> Double {
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    /// A numeric or bool column as doubles, NaN for null.
    static func numericValues(_ column: AnyColumn) -> [Double] {
        switch column {
        case .double(let c):
            guard let v = c.validity else { return c.values }
            return c.values.indices.map { v[$0] ? c.values[$0] : .nan }
        case .int(let c):
            guard let v = c.validity else { return c.values.map { Double($0) } }
            return c.values.indices.map { v[$0] ? Double(c.values[$0]) : .nan }
        case .bool(let c):
            return c.values.indices.map { c.isValid($0) ? (c.values[$0] ? 1 : 0) : .nan }
        default:
            return [Double](repeating: .nan, count: column.count)
        }
    }

    // MARK: - Transforming

    /// The column-major values of the frame's rows, `rowCount × outputNames.count`; NaN only
    /// for missing values when ``imputes`` is false.
    ///
    /// - Throws: `FrameError.columnNotFound` when a feature column is missing,
    ///   `FrameError.typeMismatch` when it has another kind of type than at training time.
    /// - Complexity: O(rows × output columns).
    public func transform(_ frame: DataFrame) throws -> [Double] {
        let n = frame.rowCount
        var out: [Double] = []
        out.reserveCapacity(n * outputNames.count)
        for f in features {
            guard frame.index(of: f.name) != nil else {
                throw FrameError.invalidArgument("the model needs column '\(f.name)', which the input does not have (the model's features: \(features.map(\.name).joined(separator: ", ")))")
            }
            var column = try frame.column(named: f.name)
            if column.count > 0 && column.nullCount == column.count {
                // An all-null column (`{x: null}`, or a null literal derived) has no type of its own: all missing.
                column = f.source == .string ? .string(StringColumn([String?](repeating: nil, count: column.count)))
                                             : .double(Column<Double>([Double?](repeating: nil, count: column.count)))
            }
            switch f.source {
            case .number, .bool:
                guard column.type.isNumeric || column.type == .bool else {
                    throw FrameError.typeMismatch("feature '\(f.name)' was a \(f.source == .bool ? "bool" : "number") in training, got \(FrameError.withArticle("\(column.type) column"))")
                }
                let values = Self.numericValues(column)
                let fill = imputes ? f.median : Double.nan
                let shift = f.shift, scale = f.scale
                for v in values { out.append(((v.isNaN ? fill : v) - shift) / scale) }
            case .string:
                guard case .string(let s) = column else {
                    throw FrameError.typeMismatch("feature '\(f.name)' was a string in training, got \(FrameError.withArticle("\(column.type) column"))")
                }
                let codes = levelIndices(s, levels: f.levels)
                if encoding == .oneHot {
                    for level in 0..<f.levels.count {
                        for c in codes { out.append(c == level ? 1 : 0) }
                    }
                } else {
                    let unseen = imputes ? Double(f.levels.count) : Double.nan
                    for c in codes { out.append(c < 0 ? unseen : Double(c)) }
                }
            }
        }
        return out
    }

    /// The level index of each row, -1 for null or unseen.
    func levelIndices(_ s: StringColumn, levels: [String]) -> [Int] {
        var index: [String: Int] = [:]
        for (i, l) in levels.enumerated() { index[l] = i }
        switch s.storage {
        case .dictionary(let codes, let entries):
            let map = (0..<entries.count).map { index[entries[$0]] ?? -1 }
            return codes.indices.map { s.isValid($0) && Int(codes[$0]) < map.count ? map[Int(codes[$0])] : -1 }
        case .plain:
            return (0..<s.count).map { i in s[i].flatMap { index[$0] } ?? -1 }
        }
    }

    /// The frame's rows as a complete feature matrix (requires ``imputes``).
    ///
    /// - Throws: as ``transform(_:)``.
    public func matrix(_ frame: DataFrame) throws -> FeatureMatrix {
        try FeatureMatrix(rowCount: frame.rowCount, names: outputNames, kinds: outputKinds, values: try transform(frame))
    }
}
