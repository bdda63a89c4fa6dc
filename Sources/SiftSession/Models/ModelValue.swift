// The model value of the language: a trained pipeline carried as a host object that displays, saves as JSON and plots.
import Foundation
import SiftFrame
import SiftLang
import SiftLearn
import SiftPlot

/// A model made by `train` or `load "m.json"`.
///
/// Displays as a short summary (algorithm, formula, rows, holdout metrics, cross-validation,
/// and for linear models the coefficient table); `.algorithm`, `.formula`, `.target`,
/// `.features`, `.rows`, `.classes` and `.metrics` read its parts; `save "m.json"` writes the
/// whole pipeline; `plot roc` and `plot importance` draw its holdout ROC curve and importances.
public struct ModelValue: HostObject, PlotDataSource {
    /// The fitted pipeline.
    public let model: TrainedModel

    /// Wraps a trained model.
    public init(_ model: TrainedModel) { self.model = model }

    /// `model`.
    public var typeName: String { "model" }

    /// What kind of model, e.g. `forest classifier`.
    var kindText: String {
        let task: String
        if model.isClassifier { task = model.classCount == 2 ? "binary classifier" : "classifier (\(model.classCount) class\(model.classCount == 1 ? "" : "es"))" }
        else { task = "regressor" }
        return "\(model.algorithm.rawValue) \(task)"
    }

    /// The summary shown when the model is displayed.
    public func display(_ options: DisplayOptions) -> String {
        var lines = ["model: \(kindText)", "formula: \(model.formula)  (\(model.featureNames.count) feature\(model.featureNames.count == 1 ? "" : "s"))"]
        func count(_ n: Int) -> String { "\(NumberFormat.grouped(n)) row\(n == 1 ? "" : "s")" }
        var rows = "trained on \(count(model.trainingRows))"
        if let h = model.holdout { rows += ", holdout \(count(h.rows))" }
        rows += " (\(model.options.text))"
        lines.append(rows)
        if model.isClassifier { lines.append("classes: " + model.classLabels.joined(separator: ", ")) }
        if let m = model.holdoutMetrics {
            lines.append("holdout: " + zip(m.names, m.values).map { "\($0) \(NumberFormat.double($1))" }.joined(separator: "  "))
        }
        if let cv = model.crossValidation {
            lines.append("cv \(cv.folds)-fold: " + cv.names.indices.map {
                "\(cv.names[$0]) \(NumberFormat.double(cv.means[$0])) ± \(NumberFormat.double(cv.deviations[$0]))"
            }.joined(separator: "  "))
        }
        if let table = coefficientFrame() {
            lines.append(TableFormatter.format(table, options: options, caption: "coefficients (on scaled features):"))
        }
        return lines.joined(separator: "\n")
    }

    /// The coefficient table of a linear model (term, then one column per class for
    /// multinomial models), intercept first; nil for other models.
    func coefficientFrame() -> DataFrame? {
        guard let c = model.estimator.coefficients else { return nil }
        var columns: [(String, AnyColumn)] = [("term", .string(StringColumn((["(intercept)"] + model.encoder.outputNames).map { Optional($0) })))]
        for (k, values) in c.values.enumerated() {
            let name = c.values.count == 1 ? "coefficient" : model.classLabels.indices.contains(k) ? model.classLabels[k] : "class_\(k)"
            columns.append((name, .double(Column<Double>(values: [c.intercepts[k]] + values))))
        }
        return try? DataFrame(columns: columns)
    }

    /// Fields: algorithm, formula, target, features, rows, classes, metrics.
    public func member(_ name: String) -> Value? {
        switch name {
        case "algorithm": return .scalar(.string(model.algorithm.rawValue))
        case "formula": return .scalar(.string(model.formula))
        case "target": return .scalar(.string(model.target))
        case "features": return .list(model.featureNames.map { .scalar(.string($0)) })
        case "rows": return .scalar(.int(Int64(model.trainingRows)))
        case "classes": return .list(model.classLabels.map { .scalar(.string($0)) })
        case "metrics":
            guard let m = model.holdoutMetrics else { return .record([]) }
            return .record(zip(m.names, m.values).map { ($0, .scalar(.double($1))) })
        default: return nil
        }
    }

    /// `json`.
    public var savableExtensions: [String] { ["json"] }

    /// The whole pipeline as JSON (keys sorted, so one model gives one file).
    public func savedContents(extension ext: String) throws -> [UInt8]? {
        guard ext == "json" else { return nil }
        return Array(try ModelValue.encode(model))
    }

    /// A model as JSON.
    ///
    /// - Throws: `FrameError.invalidArgument` when the model holds a value JSON cannot carry.
    static func encode(_ model: TrainedModel) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        do { return try e.encode(model) } catch {
            throw FrameError.invalidArgument("cannot write the model as JSON: \(error)")
        }
    }

    /// A model from JSON written by ``savedContents(extension:)``.
    ///
    /// - Throws: `FrameError.badData` for a file that is not a model or of a later version.
    static func decode(_ data: Data, path: String) throws -> TrainedModel {
        struct Header: Decodable { var version: Int? }
        guard let header = try? JSONDecoder().decode(Header.self, from: data), let v = header.version else {
            throw FrameError.invalidArgument("'\(path)' is not a saved Sift model (no version field)")
        }
        guard v <= TrainedModel.currentVersion else {
            throw FrameError.invalidArgument("'\(path)' is a model of format version \(v); this sift reads version \(TrainedModel.currentVersion) and earlier")
        }
        let model: TrainedModel
        do { model = try JSONDecoder().decode(TrainedModel.self, from: data) } catch {
            throw FrameError.invalidArgument("'\(path)' is not a valid Sift model: \(Self.describe(error))")
        }
        do { try model.validate() } catch let e as FrameError {
            throw FrameError.invalidArgument("'\(path)' is not a valid Sift model: \(e.description)")
        }
        return model
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let c): return c.debugDescription
        case DecodingError.keyNotFound(let k, _): return "missing field '\(k.stringValue)'"
        case DecodingError.typeMismatch(_, let c): return "wrong type at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.valueNotFound(_, let c): return "missing value at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "\(error)"
        }
    }

    // MARK: - PlotDataSource

    /// The holdout ROC curve of a binary classifier.
    public func rocCurve() -> ROCCurve? {
        guard let h = model.holdout, let p = model.holdoutProbabilities, p.classCount == 2 else { return nil }
        let points = ROCPoints(positive: h.classes.map { $0 == 1 }, scores: p.column(1))
        return ROCCurve(label: model.algorithm.rawValue, fpr: points.fpr, tpr: points.tpr)
    }

    /// The model's importances, descending.
    public func importances() -> [(feature: String, importance: Double)]? {
        guard !model.importanceNames.isEmpty else { return nil }
        return zip(model.importanceNames, model.importanceValues).map { ($0, $1) }
    }
}
