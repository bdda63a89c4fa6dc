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
