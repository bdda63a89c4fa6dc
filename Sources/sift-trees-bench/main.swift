// Harness: times Sift's tree models on the session split written by scripts/tree_anchors.py.
import Foundation
import SiftLearn
import SiftFrame

// Usage: swift run -c release sift-trees-bench [DIR] [MODEL...]
// DIR holds session_train.csv and session_test.csv (default /tmp/sift-trees).
let args = Array(CommandLine.arguments.dropFirst())
let dir = args.first ?? "/tmp/sift-trees"
let models = args.count > 1 ? Array(args.dropFirst()).filter { !$0.hasPrefix("--") } : TreeBenchmark.modelNames

/// Reads a plain numeric CSV with a header: features, then `purchased`, then `revenue`
/// (the CSV reader is another work package; this one only parses what tree_anchors.py writes).
func load(_ path: String) -> (FeatureMatrix, [Int32], [Double]) {
    guard let f = fopen(path, "r") else { fatalError("cannot open \(path)") }
    defer { fclose(f) }
    var header: [String] = [], flat: [Double] = []
    var line: UnsafeMutablePointer<CChar>? = nil, cap = 0
    while getline(&line, &cap, f) > 0, let l = line {
        if header.isEmpty {
            header = String(cString: l).split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            continue
        }
        var p: UnsafeMutablePointer<CChar>? = l
        for _ in 0..<header.count {
            var end: UnsafeMutablePointer<CChar>? = nil
            flat.append(strtod(p!, &end))
            p = end.map { $0 + 1 }
        }
    }
    free(line)
    let w = header.count, n = flat.count / w, p = w - 2
    let columns = (0..<p).map { j in (0..<n).map { flat[$0 * w + j] } }
    let x = try! FeatureMatrix(columns: columns, names: Array(header[0..<p]))
    return (x, (0..<n).map { Int32(flat[$0 * w + p]) }, (0..<n).map { flat[$0 * w + p + 1] })
}

let (xtr, ytr, rtr) = load(dir + "/session_train.csv")
let (xte, yte, rte) = load(dir + "/session_test.csv")
print("train \(xtr.rowCount) × \(xtr.featureCount), test \(xte.rowCount)")
for m in models {
    for r in try TreeBenchmark.run(train: xtr, labels: ytr, targets: rtr, test: xte, testLabels: yte, testTargets: rte, models: [m]) {
        let fits = r.fitSeconds.map { String(format: "%.3f", $0) }.joined(separator: " ")
        print(String(format: "%-44@ fit median %.3f s [%@]  predict 1M %.3f s  %@ %.6f",
                     r.model as NSString, r.medianFit, fits as NSString, r.predictSeconds, r.metric as NSString, r.value))
    }
}

if CommandLine.arguments.contains("--shape") {
    var g = SeededGenerator(seed: 0)
    let f = try RandomForestClassifier(nEstimators: 4).fit(xtr, ytr, classCount: 2, weights: nil, generator: &g)
    for t in f.trees { print("nodes \(t.nodeCount) leaves \(t.leafCount) depth \(t.depth)") }
}

if CommandLine.arguments.contains("--predict-profile") {
    var g = SeededGenerator(seed: 0)
    let m = try GradientBoostingClassifier(nEstimators: 30).fit(xtr, ytr, classCount: 2, weights: nil, generator: &g)
    let big = xte.rows((0..<1_000_000).map { $0 % xte.rowCount })
    let clock = ContinuousClock()
    for _ in 0..<3 {
        let t0 = clock.now, c0 = Foundation.clock()
        _ = try m.predictProba(big)
        print("predict 30 trees", clock.now - t0, "cpu", Double(Foundation.clock() - c0) / Double(CLOCKS_PER_SEC))
    }
}

if CommandLine.arguments.contains("--fit-profile") {
    let clock = ContinuousClock()
    for _ in 0..<3 {
        var g = SeededGenerator(seed: 0)
        let t0 = clock.now, c0 = Foundation.clock()
        _ = try GradientBoostingClassifier().fit(xtr, ytr, classCount: 2, weights: nil, generator: &g)
        print("boost fit", clock.now - t0, "cpu", Double(Foundation.clock() - c0) / Double(CLOCKS_PER_SEC))
    }
}

if CommandLine.arguments.contains("--forest-profile") {
    let clock = ContinuousClock()
    var g = SeededGenerator(seed: 0)
    let t0 = clock.now, c0 = Foundation.clock()
    let f = try RandomForestClassifier(nEstimators: 20).fit(xtr, ytr, classCount: 2, weights: nil, generator: &g)
    print("forest 20 fit", clock.now - t0, "cpu", Double(Foundation.clock() - c0) / Double(CLOCKS_PER_SEC))
    let big = xte.rows((0..<200_000).map { $0 % xte.rowCount })
    let t1 = clock.now, c1 = Foundation.clock()
    _ = try f.predictProba(big)
    print("forest 20 predict 200k", clock.now - t1, "cpu", Double(Foundation.clock() - c1) / Double(CLOCKS_PER_SEC))
}
