// Harness: times Sift's linear, Bayes and neural models on the session split written by scripts/tree_anchors.py.
import Foundation
import SiftLearn
import SiftFrame

// Usage: swift run -c release sift-linear-bench [DIR] [MODEL...]
// DIR holds session_train.csv and session_test.csv (default /tmp/sift-linear): numeric columns,
// the features then `purchased` then `revenue`, as scripts/tree_anchors.py session writes them.
let args = Array(CommandLine.arguments.dropFirst())
let dir = args.first ?? "/tmp/sift-linear"
let named = Array(args.dropFirst()).filter { !$0.hasPrefix("--") }
let models = args.count > 1 ? named : LinearBenchmark.modelNames

/// Reads the numeric CSV (header, then comma-separated numbers).
func load(_ path: String) throws -> (FeatureMatrix, [Int32], [Double]) {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
    guard !lines.isEmpty else { throw FrameError.invalidArgument("\(path) is empty") }
    let header = lines.removeFirst().split(separator: ",").map(String.init)
    let w = header.count, p = w - 2
    var columns = [[Double]](repeating: [], count: w)
    for line in lines {
        let fields = line.split(separator: ",")
        guard fields.count == w else { throw FrameError.invalidArgument("\(path): a row has \(fields.count) fields, expected \(w)") }
        for (j, f) in fields.enumerated() { columns[j].append(Double(f) ?? .nan) }
    }
    let x = try FeatureMatrix(columns: Array(columns[0..<p]), names: Array(header[0..<p]))
    return (x, columns[p].map { Int32($0) }, columns[p + 1])
}

let (xtr, ytr, rtr) = try load(dir + "/session_train.csv")
let (xte, yte, rte) = try load(dir + "/session_test.csv")
print("train \(xtr.rowCount) × \(xtr.featureCount), test \(xte.rowCount)")
for m in models {
    let cpu0 = clock()
    defer { print(String(format: "  (process CPU for %@: %.2f s)", m as NSString, Double(clock() - cpu0) / Double(CLOCKS_PER_SEC))) }
    for r in try LinearBenchmark.run(train: xtr, labels: ytr, targets: rtr, test: xte, testLabels: yte, testTargets: rte, models: [m]) {
        let fits = r.fitSeconds.map { String(format: "%.4f", $0) }.joined(separator: " ")
        print(String(format: "%-34@ fit median %.4f s [%@]  predict 1M %.3f s  %@ %.6f",
                     r.model as NSString, r.medianFit, fits as NSString, r.predictSeconds, r.metric as NSString, r.value))
    }
}

if CommandLine.arguments.contains("--predict-profile") {
    var g = SeededGenerator(seed: 0)
    let m = try MLPClassifier(maxIter: 2).fit(xtr, ytr, classCount: 2, weights: nil, generator: &g)
    let big = xte.rows((0..<1_000_000).map { $0 % xte.rowCount })
    let wall = ContinuousClock()
    for _ in 0..<3 {
        let t0 = wall.now, c0 = clock()
        _ = try m.predictProba(big)
        print("mlp (100,) predict 1M", wall.now - t0, "cpu", Double(clock() - c0) / Double(CLOCKS_PER_SEC))
    }
}

/// `--wide`: the five numeric features standardised plus `country` one-hot (0/1, unscaled), as
/// the pipeline feeds linear models; times the binary logistic fit on it.
if CommandLine.arguments.contains("--wide") {
    func wide(_ x: FeatureMatrix, levels: [Double], means: [Double], scales: [Double]) throws -> FeatureMatrix {
        let n = x.rowCount
        var columns: [[Double]] = (0..<5).map { j in (0..<n).map { (x[$0, j] - means[j]) / scales[j] } }
        for level in levels { columns.append((0..<n).map { x[$0, 5] == level ? 1 : 0 }) }
        return try FeatureMatrix(columns: columns, names: (0..<columns.count).map { "f\($0)" })
    }
    let levels = Array(Set((0..<xtr.rowCount).map { xtr[$0, 5] })).sorted()
    let means = (0..<5).map { j in (0..<xtr.rowCount).reduce(0.0) { $0 + xtr[$1, j] } / Double(xtr.rowCount) }
    let scales = (0..<5).map { j in ((0..<xtr.rowCount).reduce(0.0) { $0 + (xtr[$1, j] - means[j]) * (xtr[$1, j] - means[j]) } / Double(xtr.rowCount)).squareRoot() }
    let wtr = try wide(xtr, levels: levels, means: means, scales: scales), wte = try wide(xte, levels: levels, means: means, scales: scales)
    let wall = ContinuousClock()
    for solver in [LogisticRegression.Solver.newtonCholesky, .lbfgs] {
        var times: [Swift.Duration] = [], model: LogisticRegression.Model? = nil
        for _ in 0..<3 {
            var g = SeededGenerator(seed: 0)
            let t0 = wall.now
            model = try LogisticRegression(solver: solver).fit(wtr, ytr, classCount: 2, weights: nil, generator: &g)
            times.append(wall.now - t0)
        }
        guard let model else { break }
        let p = try model.predictProba(wte).column(1)
        // Mann–Whitney AUC (no ties handling needed for a comparison printout beyond midranks).
        let order = p.indices.sorted { p[$0] < p[$1] }
        var rankSum = 0.0, positives = 0.0, k = 0
        while k < order.count {
            var e = k
            while e + 1 < order.count && p[order[e + 1]] == p[order[k]] { e += 1 }
            for j in k...e where yte[order[j]] == 1 { rankSum += Double(k + e) / 2 + 1; positives += 1 }
            k = e + 1
        }
        let auc = (rankSum - positives * (positives + 1) / 2) / (positives * (Double(yte.count) - positives))
        print("wide logistic \(solver) p=\(wtr.featureCount)", times.sorted()[1], "AUC", auc)
    }
}

/// `--mlp-epochs`: epochs run and seconds per epoch of the default MLP classifier, and of one
/// capped at scikit-learn's 15 epochs on this table, for a per-epoch comparison.
if CommandLine.arguments.contains("--mlp-epochs") {
    let (str, _) = try LinearBenchmark.standardize(xtr, xte)
    let wall = ContinuousClock()
    for params in [MLPClassifier(), MLPClassifier(maxIter: 15)] {
        var g = SeededGenerator(seed: 0)
        let t0 = wall.now
        let m = try params.fit(str, ytr, classCount: 2, weights: nil, generator: &g)
        let t = wall.now - t0
        print("mlp max_iter=\(params.maxIter): \(m.epochs) epochs in", t, "(standardised input)")
    }
}
