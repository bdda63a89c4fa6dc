// Runs the anchor scripts (pandas, polars, DuckDB, scikit-learn, ...) when their environment exists, and reads their medians.
import Foundation

/// The anchors of `../shared/bench/`: Python scripts timing the tools a Sift user would otherwise
/// pick, on the same files, in the same run.
///
/// They are found through `SIFT_BENCH_VENV` (default `/tmp/sift-bench-venv`, made by
/// `setup.sh`) and `SIFT_BENCH_SCRIPTS` (default `../shared/bench` from the working directory).
/// When either is missing, the benchmark prints Sift's figures alone and says how to add them.
struct BenchmarkAnchors {
    /// The venv's python.
    let python: String
    /// The folder holding `bench_load.py`, `bench_ops.py` and `bench_ml.py`.
    let scripts: String

    /// The tools `bench_load.py` and `bench_ops.py` time, in the order shown.
    static let tools = ["pandas", "polars", "duckdb"]

    /// The anchors, or nil when their environment is not installed.
    static func locate() -> BenchmarkAnchors? {
        let env = ProcessInfo.processInfo.environment
        let venv = env["SIFT_BENCH_VENV"] ?? "/tmp/sift-bench-venv"
        let scripts = env["SIFT_BENCH_SCRIPTS"] ?? "../shared/bench"
        let python = venv + "/bin/python"
        let fm = FileManager.default
        guard fm.isExecutableFile(atPath: python), fm.fileExists(atPath: scripts + "/bench_ops.py") else { return nil }
        return BenchmarkAnchors(python: python, scripts: (scripts as NSString).standardizingPath)
    }

    /// The JSON objects a script printed, one per line.
    func run(_ script: String, _ arguments: [String]) -> [[String: Any]] {
        guard let r = ChildProcess.run(python, [scripts + "/" + script] + arguments), r.status == 0 else { return [] }
        return r.output.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("{"), let data = line.data(using: .utf8) else { return nil }
            return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        }
    }

    /// Median seconds of a warm in-process load per tool.
    func loadSeconds(_ file: String) -> [String: Double] {
        var out: [String: Double] = [:]
        for tool in Self.tools {
            if let secs = run("bench_load.py", [tool, file, "--warm"]).first?["secs"] as? [Double], let m = median(secs) { out[tool] = m }
        }
        return out
    }

    /// Peak RSS in bytes of a fresh process that loads the file, per tool.
    func loadPeakRSS(_ file: String, tools: [String] = ["duckdb"]) -> [String: Int] {
        var out: [String: Int] = [:]
        for tool in tools {
            if let r = ChildProcess.run(python, [scripts + "/bench_load.py", tool, file]), r.status == 0 { out[tool] = r.peakRSS }
        }
        return out
    }

    /// Median seconds per operation per tool: `[op: [tool: seconds]]`.
    func operationSeconds(_ file: String) -> [String: [String: Double]] {
        var out: [String: [String: Double]] = [:]
        for tool in Self.tools {
            for row in run("bench_ops.py", [tool, file]) {
                guard let op = row["op"] as? String, let secs = row["secs"] as? [Double], let m = median(secs) else { continue }
                out[op, default: [:]][tool] = m
            }
        }
        return out
    }
}

/// The median of some numbers (the mean of the middle two for an even count), or nil for none.
func median(_ xs: [Double]) -> Double? {
    guard !xs.isEmpty else { return nil }
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}
