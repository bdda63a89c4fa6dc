// `sift bench --ml`: bench_ml.py's session table built by Sift's engine, every model of ModelBenchmark timed, the anchors beside them.
import Foundation
import SiftFrame
import SiftLang
import SiftLearn

/// The model benchmark of `../shared/bench/bench_ml.py`, on the same table, split and models.
///
/// From the events file it builds the per-session table with a Sift pipeline (``sessionPipeline``:
/// the same features, target and revenue as the script's polars code), splits it 80/20
/// stratified on `purchased` with scikit-learn's draws (``StratifiedShuffleSplit``, seed 0),
/// imputes `mean_price` with the training median, and runs each row of
/// ``ModelBenchmark/cases``: three fits (median shown), the test metric, and one prediction on
/// 1,000,000 rows. Then it runs `bench_ml.py` on the same file, in the same invocation, and
/// prints both side by side with the ratio of fit times and the goal of issue 6.
struct MLBench {
    let out: (String) -> Void
    let err: (String) -> Void
    /// Fits per model (the median is shown).
    var repetitions = Benchmarks.repetitions

    /// The default events file.
    static let defaultFile = "/tmp/sift-bench/clicks_1m.csv"

    /// The session table: bench_ml.py's `build()` (polars `group_by("session_id").agg(...)`,
    /// sorted by session) in Sift. Revenue sums the purchase rows' prices, 0 without one.
    static let sessionPipeline = """
        t | group session_id | agg clicks = count(), distinct_products = n_unique(product), mean_price = mean(price), \
        max_page = max(page), first_ts = min(ts), last_ts = max(ts), country = first(country), \
        purchased = any(event == "purchase"), revenue = sum(if(event == "purchase", price, 0)) \
        | derive duration_s = seconds(last_ts - first_ts) | sort session_id
        """

    /// The features, in bench_ml.py's order (`FEATS`).
    static let features = ["clicks", "distinct_products", "mean_price", "max_page", "duration_s", "country"]

    /// The anchor name of the feature-table timing.
    static let tableAnchor = "feature_table(polars group_by)"

    /// Runs the benchmark on `file`; `models` restricts the rows (names of ``ModelBenchmark/cases``).
    func run(file: String, anchors: BenchmarkAnchors?, models: [String]?) -> Bool {
        do {
            let cases = ModelBenchmark.cases.filter { models?.contains($0.name) ?? true }
            if let models, let unknown = models.first(where: { m in !ModelBenchmark.cases.contains { $0.name == m } }) {
                err("error: unknown model '\(unknown)' for 'sift bench --ml'; the models are \(ModelBenchmark.cases.map(\.name).joined(separator: ", "))\n")
                return false
            }
            let events = try CSVReader.read(path: file).frame
            var tableTimes: [Double] = [], table: DataFrame? = nil
            for _ in 0..<repetitions {
                tableTimes.append(try Benchmarks.time { table = try Self.sessionTable(events) })
            }
            guard let table else { return false }
            let data = try Self.split(table)
            var rows: [ModelBenchmark.Measurement] = []
            for c in cases { rows.append(try c.run(data.split, repetitions: repetitions)) }
            let theirs = anchors.map { Self.anchorRows($0.run("bench_ml.py", [file])) } ?? [:]
            out(Self.report(file: file, repetitions: repetitions, table: table, tableSeconds: tableTimes, data: data, cases: cases, rows: rows, anchors: theirs))
            return true
        } catch {
            err("error: \(error)\n")
            return false
        }
    }

    // MARK: - The table and the split

    /// The session table of an events frame.
    static func sessionTable(_ events: DataFrame) throws -> DataFrame {
        let session = Session()
        session.interpreter.globals.bind("t", .frame(events))
        let source = session.interpreter.sources.add(name: "<bench --ml>", text: sessionPipeline)
        var result: Value = .null
        try session.interpreter.run(source) { v, _ in result = v }
        guard case .frame(let f) = result else { throw FrameError.typeMismatch("the session pipeline did not give a frame") }
        return f
    }

    /// The split as bench_ml.py makes it, with what was imputed.
    struct Prepared {
        let split: ModelBenchmark.Split
        let nullMeanPrice: Int
        let purchaseRate: Double
        let meanRevenue: Double
    }

    /// Features, label and revenue of the table; the stratified split; the training medians
    /// put in for missing values (`np.nanmedian` over the training rows, per feature).
    static func split(_ table: DataFrame) throws -> Prepared {
        let columns = try features.map { try doubles(table.column(named: $0), $0) }
        let purchased = try doubles(table.column(named: "purchased"), "purchased").map { Int($0.isNaN ? 0 : $0) }
        let revenue = try doubles(table.column(named: "revenue"), "revenue").map { $0.isNaN ? 0 : $0 }
        let (train, test) = StratifiedShuffleSplit.split(labels: purchased, testSize: 0.2, seed: 0)
        let medians = columns.map { c in nanMedian(train.map { c[$0] }) }
        func matrix(_ rows: [Int]) throws -> FeatureMatrix {
            let cols = columns.enumerated().map { j, c in rows.map { c[$0].isNaN ? medians[j] : c[$0] } }
            return try FeatureMatrix(columns: cols, names: features)
        }
        let split = try ModelBenchmark.Split(
            train: try matrix(train), test: try matrix(test),
            labels: train.map { Int32(purchased[$0]) }, testLabels: test.map { Int32(purchased[$0]) },
            targets: train.map { revenue[$0] }, testTargets: test.map { revenue[$0] })
        let n = Double(max(1, purchased.count))
        return Prepared(split: split, nullMeanPrice: columns[2].filter(\.isNaN).count,
                        purchaseRate: Double(purchased.reduce(0, +)) / n, meanRevenue: revenue.reduce(0, +) / n)
    }

    /// A numeric or bool column as doubles, null as NaN.
    static func doubles(_ c: AnyColumn, _ name: String) throws -> [Double] {
        switch c {
        case .int(let col): return (0..<col.count).map { col.isValid($0) ? Double(col.values[$0]) : .nan }
        case .double(let col): return (0..<col.count).map { col.isValid($0) ? col.values[$0] : .nan }
        case .bool(let col): return (0..<col.count).map { col.isValid($0) ? (col.values[$0] ? 1 : 0) : .nan }
        default: throw FrameError.typeMismatch("column '\(name)' of the session table is \(c.type), not a number")
        }
    }

    /// The median of the non-NaN values (the mean of the middle two for an even count), NaN for none.
    static func nanMedian(_ xs: [Double]) -> Double { median(xs.filter { !$0.isNaN }) ?? .nan }

    // MARK: - The anchors and the report

    /// bench_ml.py's JSON lines by model name.
    static func anchorRows(_ lines: [[String: Any]]) -> [String: [String: Any]] {
        var out: [String: [String: Any]] = [:]
        for line in lines { if let m = line["model"] as? String { out[m] = line } }
        return out
    }

    /// The printed report: a line on the table and split, then one row per model.
    static func report(file: String, repetitions: Int, table: DataFrame, tableSeconds: [Double], data: Prepared, cases: [ModelBenchmark.Case],
                       rows: [ModelBenchmark.Measurement], anchors: [String: [String: Any]]) -> String {
        func secs(_ row: [String: Any]?) -> Double? { (row?["secs"] as? [Double]).flatMap(median) }
        func fixed(_ v: Double?, _ digits: Int) -> String { v.map { String(format: "%.\(digits)f", $0) } ?? "" }
        let polars = anchors[tableAnchor], split = anchors["split"]
        var text = "\(file): session table of bench_ml.py, \(NumberFormat.grouped(table.rowCount)) sessions"
        if let r = polars?["rows"] as? Int { text += " (anchor \(NumberFormat.grouped(r)))" }
        text += String(format: ", purchase rate %.4f", data.purchaseRate)
        if let p = polars?["purchase_rate"] as? Double { text += String(format: " (anchor %.4f)", p) }
        text += ", null mean_price \(data.nullMeanPrice)"
        if let k = polars?["null_mean_price"] as? Int { text += " (anchor \(k))" }
        text += "\nsplit: \(NumberFormat.grouped(data.split.train.rowCount)) train / \(NumberFormat.grouped(data.split.test.rowCount)) test"
        if let a = split?["n_train"] as? Int, let b = split?["n_test"] as? Int {
            text += " (anchor \(NumberFormat.grouped(a)) / \(NumberFormat.grouped(b)))"
        }
        if let v = split?["sklearn"] as? String, let x = split?["xgboost"] as? String { text += "; scikit-learn \(v), XGBoost \(x)" }
        text += "; fit times are medians of \(repetitions) wall-clock fits (1 for the MLPs and the forest regressor), predict is one call on "
            + "\(NumberFormat.grouped(data.split.predictRows)) rows; cpu = process CPU time of Sift's fit (median) and predict\n"

        var lines: [[String]] = [["model", "sift fit s", "anchor", "anchor fit s", "ratio", "goal", "sift metric", "anchor metric", "predict 1M s",
                                    "fit cpu s", "predict cpu s"]]
        let tableAnchorSecs = secs(polars)
        if let s = median(tableSeconds) {
            lines.append(["session table", Benchmarks.seconds(s), tableAnchor, tableAnchorSecs.map(Benchmarks.seconds) ?? "",
                          tableAnchorSecs.map { String(format: "%.2f×", s / $0) } ?? "", "", "", "", "", "", ""])
        }
        for (c, r) in zip(cases, rows) {
            let a = c.anchor.flatMap { anchors[$0] }
            let theirs = secs(a)
            let ratio = theirs.map { r.medianFit / $0 }
            var goal = c.goal.map { String(format: "≤ %.1f×", $0) } ?? ""
            if let g = c.goal, let ratio { goal += ratio <= g ? " ok" : " MISS" }
            lines.append([c.name, Benchmarks.seconds(r.medianFit), c.anchor ?? "", theirs.map(Benchmarks.seconds) ?? "",
                          ratio.map { String(format: "%.2f×", $0) } ?? "", goal,
                          "\(r.metric) \(fixed(r.value, 4))", (a?["value"] as? Double).map { "\(r.metric) \(fixed($0, 4))" } ?? "",
                          Benchmarks.seconds(r.predictSeconds), Benchmarks.seconds(r.medianFitCPU), Benchmarks.seconds(r.predictCPUSeconds)])
        }
        return text + Benchmarks.layout(lines)
    }
}
