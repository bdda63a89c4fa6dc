// The clustering or anomaly model value of the language: displays its sizes and centres, saves as JSON.
import Foundation
import SiftFrame
import SiftLang
import SiftLearn

/// A model made by `train kmeans|dbscan|hclust|isolation ~ a + b` or loaded from its `.json`.
///
/// Displays the algorithm, formula, rows and options, the training metrics, the cluster sizes,
/// and the centres (kmeans) or centroids (hclust) in the features' original units; `.algorithm`,
/// `.formula`, `.features`, `.rows`, `.sizes` and `.metrics` read its parts.
public struct UnsupervisedModelValue: HostObject {
    /// The fitted pipeline.
    public let model: UnsupervisedModel

    /// Wraps a model.
    public init(_ model: UnsupervisedModel) { self.model = model }

    /// `model`.
    public var typeName: String { "model" }

    /// `kmeans clustering (3 clusters)`, `isolation anomaly model`.
    var kindText: String {
        guard model.algorithm.isClustering else { return "isolation forest (anomaly model)" }
        let k = clusterCount
        return "\(model.algorithm.rawValue) clustering (\(k) cluster\(k == 1 ? "" : "s"))"
    }

    /// ``kindText`` with its article (`a kmeans clustering`, `an isolation forest`).
    var articleKindText: String { (kindText.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + kindText }

    var clusterCount: Int { model.estimator.clustering?.clusterCount ?? 0 }

    /// Rows per cluster on the training data.
    var sizes: [Int] { ClusteringMetrics.sizes(model.estimator.clustering?.labels ?? []).sizes }

    /// The summary shown when the model is displayed.
    public func display(_ options: DisplayOptions) -> String {
        let p = model.featureNames.count
        let scaling = model.encoder.scaling == .none ? "unscaled" : "scaled: \(model.encoder.scaling.rawValue)"
        var lines = ["model: \(kindText)",
                     "formula: \(model.formula)  (\(p) feature\(p == 1 ? "" : "s"), \(scaling))",
                     "trained on \(NumberFormat.grouped(model.trainingRows)) row\(model.trainingRows == 1 ? "" : "s") (\(model.options.text(for: model.algorithm)))"]
        let m = model.trainingMetrics
        let shown = zip(m.names, m.values).filter { !$0.0.hasPrefix("size_") && $0.0 != "clusters" }
        func text(_ name: String, _ v: Double) -> String {
            if v.isNaN { return "n/a" }
            return ["noise", "anomalies"].contains(name) ? NumberFormat.grouped(Int(v)) : NumberFormat.double(v)
        }
        lines.append("training: " + shown.map { "\($0) \(text($0, $1))" }.joined(separator: "  "))
        if model.algorithm.isClustering, model.trainingRows > ClusteringMetrics.silhouetteSampleSize {
            lines[lines.count - 1] += "  (silhouette on a \(NumberFormat.grouped(ClusteringMetrics.silhouetteSampleSize))-row sample, seed 0)"
        }
        switch model.estimator {
        case .isolation(let f):
            lines.append("forest: \(f.trees.count) trees of \(f.sampleSize) rows; anomaly when score > \(NumberFormat.double(f.threshold))"
                         + (f.contamination == nil ? " (the paper's cut)" : " (contamination \(NumberFormat.double(f.contamination ?? 0)))"))
        default:
            lines.append("sizes: " + sizes.map { NumberFormat.grouped($0) }.joined(separator: ", "))
            if case .dbscan(let d) = model.estimator { lines.append("noise: \(NumberFormat.grouped(d.noiseCount)) rows (cluster -1)") }
            if let table = centreFrame() {
                let caption = model.algorithm == .kmeans ? "centres (original units):" : "centroids (original units):"
                lines.append(TableFormatter.format(table, options: options, caption: caption))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The centres (kmeans) or centroids (hclust), one row per cluster with its size, in the
    /// features' units (scaling undone; a one-hot column's value is the share of that level).
    func centreFrame() -> DataFrame? {
        let centres: [Double], k: Int
        switch model.estimator {
        case .kmeans(let m): centres = m.centres; k = m.clusterCount
        case .hclust(let m): centres = m.centroids; k = m.clusterCount
        default: return nil
        }
        let names = model.encoder.outputNames, sources = model.encoder.outputSources
        let p = names.count
        guard p > 0, centres.count == k * p else { return nil }
        let s = sizes
        var columns: [(String, AnyColumn)] = [("cluster", .int(Column<Int64>(values: (0..<k).map { Int64($0) }))),
                                              ("size", .int(Column<Int64>(values: (0..<k).map { Int64($0 < s.count ? s[$0] : 0) })))]
        for j in 0..<p {
            let f = model.encoder.features[sources[j]]
            let values = (0..<k).map { c -> Double in
                let v = centres[c * p + j]
                return f.source == .string ? v : v * f.scale + f.shift
            }
            columns.append((names[j], .double(Column<Double>(values: values))))
        }
        return try? DataFrame(columns: columns)
    }

    /// Fields: algorithm, formula, features, rows, sizes, metrics (undefined ones null).
    public func member(_ name: String) -> Value? {
        switch name {
        case "algorithm": return .scalar(.string(model.algorithm.rawValue))
        case "formula": return .scalar(.string(model.formula))
        case "features": return .list(model.featureNames.map { .scalar(.string($0)) })
        case "rows": return .scalar(.int(Int64(model.trainingRows)))
        case "sizes": return .list(sizes.map { .scalar(.int(Int64($0))) })
        case "metrics":
            let m = model.trainingMetrics
            return .record(zip(m.names, m.values).map { ($0, .scalar($1.isNaN ? .null : .double($1))) })
        default: return nil
        }
    }

    /// `json`.
    public var savableExtensions: [String] { ["json"] }

    /// The whole pipeline as JSON (keys sorted, so one model gives one file).
    public func savedContents(extension ext: String) throws -> [UInt8]? {
        guard ext == "json" else { return nil }
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        do { return Array(try e.encode(model)) } catch {
            throw FrameError.invalidArgument("cannot write the model as JSON: \(error)")
        }
    }

    /// Whether saved JSON is an unsupervised model (it has `"task": "clustering"` or `"anomaly"`).
    static func isUnsupervised(_ data: Data) -> Bool {
        struct Header: Decodable { var task: UnsupervisedModel.Task? }
        return (try? JSONDecoder().decode(Header.self, from: data))?.task != nil
    }

    /// A model from JSON written by ``savedContents(extension:)``.
    ///
    /// - Throws: `FrameError.invalidArgument` for a later format version or a damaged file
    ///   (``UnsupervisedModel/validate()``).
    static func decode(_ data: Data, path: String) throws -> UnsupervisedModel {
        struct Header: Decodable { var version: Int? }
        let v = (try? JSONDecoder().decode(Header.self, from: data))?.version ?? 0
        guard v <= UnsupervisedModel.currentVersion else {
            throw FrameError.invalidArgument("'\(path)' is a model of format version \(v); this sift reads version \(UnsupervisedModel.currentVersion) and earlier")
        }
        let model: UnsupervisedModel
        do { model = try JSONDecoder().decode(UnsupervisedModel.self, from: data) } catch {
            throw FrameError.invalidArgument("'\(path)' is not a valid Sift model: \(error.localizedDescription)")
        }
        do { try model.validate() } catch let e as FrameError {
            throw FrameError.invalidArgument("'\(path)' is not a valid Sift model: \(e.description)")
        }
        return model
    }
}
