// The run log of `train`: one JSON line per training run in runs/runs.jsonl, read back by `runs` newest first.
import Foundation
import SiftFrame
import SiftLearn

/// Records every `train` in `runs/runs.jsonl` beside the running script (the working
/// directory in the REPL), as an experiment tracker's run table: time, algorithm, formula,
/// options, data fingerprint, rows, holdout metrics and fit seconds.
enum RunLog {
    /// The log file for a script directory (nil: the working directory).
    static func path(directory: String?) -> String {
        let dir = (directory?.isEmpty ?? true) ? FileManager.default.currentDirectoryPath : directory ?? "."
        return (dir.hasSuffix("/") ? dir : dir + "/") + "runs/runs.jsonl"
    }

    /// One run.
    struct Run {
        var time: String
        var algorithm: String
        var formula: String
        var options: String
        var data: String
        var rows: Int
        var metrics: MetricTable?
        var fitSeconds: Double
    }

    /// Appends a run (creating `runs/` when needed).
    ///
    /// - Throws: `FrameError.io` when the file cannot be written.
    static func append(_ run: Run, directory: String?) throws {
        let file = path(directory: directory)
        let folder = (file as NSString).deletingLastPathComponent
        var fields: [String: Any] = [
            "time": run.time, "algorithm": run.algorithm, "formula": run.formula, "options": run.options,
            "data": run.data, "rows": run.rows, "fit_seconds": run.fitSeconds,
        ]
        if let m = run.metrics {
            var metrics: [String: Double] = [:]
            for (n, v) in zip(m.names, m.values) where v.isFinite { metrics[n] = v }
            fields["metrics"] = metrics
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            var line = try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
            line.append(0x0A)
            if let h = FileHandle(forWritingAtPath: file) {
                defer { try? h.close() }
                try h.seekToEnd()
                try h.write(contentsOf: line)
            } else {
                try line.write(to: URL(fileURLWithPath: file))
            }
        } catch {
            throw FrameError.io("cannot record the run in '\(file)': \(error.localizedDescription)")
        }
    }

    /// The runs of the log as a frame, newest first: time, algorithm, formula, options, data,
    /// rows, the metrics any run has (null where a run lacks one), fit_seconds. An absent log
    /// gives an empty frame with those columns.
    ///
    /// - Throws: `FrameError.io` for an unreadable or damaged log line (named by number).
    static func frame(directory: String?) throws -> DataFrame {
        let file = path(directory: directory)
        var runs: [[String: Any]] = []
        if FileManager.default.fileExists(atPath: file) {
            guard let data = FileManager.default.contents(atPath: file) else { throw FrameError.io("cannot read '\(file)'") }
            for (n, line) in data.split(separator: 0x0A).enumerated() where !line.isEmpty {
                guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                    throw FrameError.io("\(file):\(n + 1): not a run record")
                }
                runs.append(obj)
            }
        }
        runs.reverse()
        func strings(_ key: String) -> AnyColumn { .string(StringColumn(runs.map { $0[key] as? String })) }
        let metricSets = runs.map { $0["metrics"] as? [String: Any] ?? [:] }
        var columns: [(String, AnyColumn)] = [
            ("time", strings("time")), ("algorithm", strings("algorithm")), ("formula", strings("formula")),
            ("options", strings("options")), ("data", strings("data")),
            ("rows", .int(Column<Int64>(runs.map { ($0["rows"] as? NSNumber).map { $0.int64Value } }))),
        ]
        for name in MetricTable.allNames where metricSets.contains(where: { $0[name] != nil }) {
            columns.append((name, .double(Column<Double>(metricSets.map { ($0[name] as? NSNumber)?.doubleValue }))))
        }
        columns.append(("fit_seconds", .double(Column<Double>(runs.map { ($0["fit_seconds"] as? NSNumber)?.doubleValue }))))
        return try DataFrame(columns: columns)
    }

    /// The current time as `YYYY-MM-DD HH:MM:SS` UTC.
    static func now() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return f.string(from: Date())
    }

    /// A 64-bit FNV-1a hash (Fowler–Noll–Vo) of the named columns' names, types, nulls and
    /// values, as 16 hex digits: equal data gives an equal fingerprint in every process.
    ///
    /// - Complexity: O(rows × columns).
    static func fingerprint(_ frame: DataFrame, columns: [String]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix(_ byte: UInt8) { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        func mix64(_ v: UInt64) { for s in stride(from: 0, to: 64, by: 8) { mix(UInt8(truncatingIfNeeded: v >> UInt64(s))) } }
        mix64(UInt64(frame.rowCount))
        for name in columns {
            guard let c = try? frame.column(named: name) else { continue }
            for b in name.utf8 { mix(b) }
            for b in c.type.rawValue.utf8 { mix(b) }
            switch c {
            case .int(let col): for i in 0..<col.count { mix64(col.isValid(i) ? UInt64(bitPattern: col.values[i]) : 0x9E37) }
            case .double(let col): for i in 0..<col.count { mix64(col.isValid(i) ? (col.values[i] + 0.0).bitPattern : 0x9E37) }
            case .bool(let col): for i in 0..<col.count { mix(col.isValid(i) ? (col.values[i] ? 1 : 0) : 2) }
            case .string(let col):
                for i in 0..<col.count {
                    if col.isValid(i) { col.withUTF8(at: i) { for b in $0 { mix(b) } }; mix(0) } else { mix(0xFF) }
                }
            case .timestamp, .duration: mix64(UInt64(c.count))
            }
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
