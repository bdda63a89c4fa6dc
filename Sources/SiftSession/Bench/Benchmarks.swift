// `sift bench`: times load and the six engine operations on the benchmark files, with the anchors beside them.
import Foundation
import SiftFrame
import SiftLang

/// The engine benchmark of `../shared/bench/README.md` (and, with `--ml`, the model benchmark: ``MLBench``).
///
/// For each file (default `/tmp/sift-bench/clicks_1m.csv` and `clicks_10m.csv`, made by
/// `setup.sh` or `sift gen clickstream`), it times in fresh child processes of itself:
/// - `load`: one warm-up and three timed loads in one process (median), and the peak RSS of a
///   process that only loads (`wait4`'s `ru_maxrss`, what `/usr/bin/time -v` shows);
/// - the operations b_count ... f_join, each three times (median) through a Sift pipeline, and
///   the same operation called on the engine directly, so the language's overhead shows.
/// When the anchors are installed (``BenchmarkAnchors``), their medians from the same run are
/// printed beside Sift's with the ratio to the fastest. Timings never appear in tests.
struct Benchmarks {
    let out: (String) -> Void
    let err: (String) -> Void

    /// Repetitions per timing (the median is shown).
    static let repetitions = 3

    /// The usage line.
    static let usage = "sift bench [FILE ...] [--no-anchors] | sift bench --ml [FILE] [--models a,b,...] [--reps N] [--no-anchors]"

    /// Runs `sift bench [FILE ...] [--no-anchors]`, `sift bench --ml ...` (``MLBench``), or one
    /// of the child modes.
    func run(_ args: [String]) -> Bool {
        if args.first == "--child" { return runChild(Array(args.dropFirst())) }
        var files: [String] = []
        var anchors = true, ml = false
        var models: [String]? = nil
        var reps = Self.repetitions
        var rest = args[...]
        while let a = rest.popFirst() {
            switch a {
            case "--no-anchors": anchors = false
            case "--ml": ml = true
            case "--models":
                guard let list = rest.popFirst() else { err("error: --models needs a list, e.g. --models tree,forest\n"); return false }
                models = list.split(separator: ",").map(String.init)
            case "--reps":
                guard let r = rest.popFirst().flatMap({ Int($0) }), r >= 1 else { err("error: --reps needs a positive count\n"); return false }
                reps = r
            case let f where !f.hasPrefix("-"): files.append(f)
            default:
                err("error: unknown option '\(a)' for 'sift bench'; usage: \(Self.usage)\n")
                return false
            }
        }
        if ml || models != nil { return runML(files: files, anchors: anchors, models: models, repetitions: reps) }
        if files.isEmpty { files = ["/tmp/sift-bench/clicks_1m.csv", "/tmp/sift-bench/clicks_10m.csv"] }
        let present = files.filter { FileManager.default.fileExists(atPath: $0) }
        if present.isEmpty {
            err("error: no benchmark files (\(files.joined(separator: ", "))); make them with ../shared/bench/setup.sh or 'sift gen clickstream --rows 1000000 -o /tmp/sift-bench/clicks_1m.csv'\n")
            return false
        }
        let anchorSet = anchors ? BenchmarkAnchors.locate() : nil
        if anchors && anchorSet == nil {
            out("(anchors not installed: run ../shared/bench/setup.sh to time pandas, polars and DuckDB beside Sift)\n")
        }
        for file in present {
            guard let table = measure(file, anchors: anchorSet) else { return false }
            out(table + "\n")
        }
        return true
    }

    /// `sift bench --ml [FILE]`: the model table on one events file.
    private func runML(files: [String], anchors: Bool, models: [String]?, repetitions: Int) -> Bool {
        guard files.count <= 1 else { err("error: 'sift bench --ml' takes one events file, got \(files.count)\n"); return false }
        let file = files.first ?? MLBench.defaultFile
        guard FileManager.default.fileExists(atPath: file) else {
            err("error: no events file '\(file)'; make it with ../shared/bench/setup.sh or 'sift gen clickstream --rows 1000000 -o \(file)'\n")
            return false
        }
        let anchorSet = anchors ? BenchmarkAnchors.locate() : nil
        if anchors && anchorSet == nil {
            out("(anchors not installed: run ../shared/bench/setup.sh to time scikit-learn and XGBoost beside Sift)\n")
        }
        var bench = MLBench(out: out, err: err)
        bench.repetitions = repetitions
        return bench.run(file: file, anchors: anchorSet, models: models)
    }

    // MARK: - Parent: measure and print

    private func measure(_ file: String, anchors: BenchmarkAnchors?) -> String? {
        let exe = ChildProcess.currentExecutable
        let bytes = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        guard let warm = ChildProcess.run(exe, ["bench", "--child", "load", file]), warm.status == 0,
              let fresh = ChildProcess.run(exe, ["bench", "--child", "load-once", file]), fresh.status == 0,
              let ops = ChildProcess.run(exe, ["bench", "--child", "ops", file]), ops.status == 0 else {
            err("error: the benchmark child process failed on '\(file)'\n")
            return nil
        }
        var sift = Self.parse(warm.output)
        for (k, v) in Self.parse(ops.output) { sift[k] = v }
        let anchorLoad = anchors?.loadSeconds(file) ?? [:]
        let anchorRSS = anchors?.loadPeakRSS(file) ?? [:]
        let anchorOps = anchors?.operationSeconds(file) ?? [:]
        let rows = sift["rows"]?.first.map { Int($0) } ?? 0

        var lines: [[String]] = [["op", "sift s", "engine s", "lang/eng", "throughput", "fastest anchor", "ratio"] + BenchmarkAnchors.tools.map { "\($0) s" }]
        for op in ["load"] + Self.operations.map(\.name) {
            guard let s = sift[op].flatMap(median) else { continue }
            let engine = sift[op + ".engine"].flatMap(median)
            let theirs = op == "load" ? anchorLoad : anchorOps[op] ?? [:]
            let best = BenchmarkAnchors.tools.compactMap { t in theirs[t].map { (t, $0) } }.min { $0.1 < $1.1 }
            let throughput = op == "load" ? String(format: "%.0f MB/s", Double(bytes) / 1e6 / s)
                                          : String(format: "%.0f Mrow/s", Double(rows) / 1e6 / s)
            var line: [String] = [op, Self.seconds(s)]
            line.append(engine.map(Self.seconds) ?? "")
            line.append(engine.map { String(format: "%.2f", s / $0) } ?? "")
            line.append(throughput)
            line.append(best.map { "\($0.0) \(Self.seconds($0.1))" } ?? "")
            line.append(best.map { String(format: "%.2f×", s / $0.1) } ?? "")
            for t in BenchmarkAnchors.tools { line.append(theirs[t].map(Self.seconds) ?? "") }
            lines.append(line)
        }
        var text = "\(file): \(NumberFormat.grouped(rows)) rows, \(String(format: "%.1f", Double(bytes) / 1e6)) MB; medians of \(Self.repetitions)\n"
        text += Self.layout(lines)
        text += "peak RSS: load \(Self.mebibytes(fresh.peakRSS))"
        if let d = anchorRSS["duckdb"] { text += " (DuckDB \(Self.mebibytes(d)), ratio \(String(format: "%.2f", Double(fresh.peakRSS) / Double(d))))" }
        text += "; load + all operations \(Self.mebibytes(ops.peakRSS))\n"
        return text
    }

    /// `key v1 v2 ...` lines into a dictionary.
    static func parse(_ text: String) -> [String: [Double]] {
        var out: [String: [Double]] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard let key = parts.first else { continue }
            out[String(key)] = parts.dropFirst().compactMap { Double($0) }
        }
        return out
    }

    static func seconds(_ s: Double) -> String { s < 0.1 ? String(format: "%.4f", s) : String(format: "%.3f", s) }
    static func mebibytes(_ b: Int) -> String { "\(b >> 20) MiB" }

    /// Columns padded to their widest cell; the first left-aligned, the rest right-aligned.
    static func layout(_ rows: [[String]]) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    // MARK: - Children: do the timed work

    private func runChild(_ args: [String]) -> Bool {
        guard args.count == 2 else { err("error: bad benchmark child arguments\n"); return false }
        let (mode, file) = (args[0], args[1])
        do {
            switch mode {
            case "load-once":
                _ = try CSVReader.read(path: file)
            case "load":
                _ = try CSVReader.read(path: file)
                var secs: [Double] = []
                for _ in 0..<Self.repetitions { secs.append(try Self.time { _ = try CSVReader.read(path: file) }) }
                out("load " + secs.map { String($0) }.joined(separator: " ") + "\n")
            case "ops":
                let frame = try CSVReader.read(path: file).frame
                out("rows \(frame.rowCount)\n")
                let bench = try OperationBench(frame: frame)
                for op in Self.operations {
                    var lang: [Double] = [], engine: [Double] = []
                    // Alternated, so neither variant always runs on the memory the other just freed.
                    for _ in 0..<Self.repetitions {
                        lang.append(try Self.time { try bench.language(op) })
                        if op.engine != nil { engine.append(try Self.time { try bench.engine(op) }) }
                    }
                    out(op.name + " " + lang.map { String($0) }.joined(separator: " ") + "\n")
                    if !engine.isEmpty { out(op.name + ".engine " + engine.map { String($0) }.joined(separator: " ") + "\n") }
                }
            default:
                err("error: unknown benchmark child mode '\(mode)'\n")
                return false
            }
            return true
        } catch {
            err("error: \(error)\n")
            return false
        }
    }

    /// Wall-clock seconds of one call.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        let d = clock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
