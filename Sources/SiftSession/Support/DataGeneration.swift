// `sift gen clickstream`: generates the synthetic clickstream and writes it as CSV.
import SiftFrame
import SiftLang

/// Writes generated data sets.
enum DataGeneration {
    /// Generates `rows` clickstream events from `seed` (see ``ClickstreamGenerator``) and
    /// writes them to `path` through ``CSVWriter`` (atomically: a failure leaves no partial file).
    /// The same rows and seed write the same bytes.
    ///
    /// On success prints `wrote PATH: N rows × 12 columns, S sessions` to `out`.
    ///
    /// - Returns: whether it succeeded; failures are reported on `err`.
    static func writeClickstream(rows: Int, seed: Int, to path: String, out: (String) -> Void, err: (String) -> Void) -> Bool {
        do {
            let frame = try ClickstreamGenerator(rows: rows, seed: seed).frame()
            try CSVWriter.write(frame, to: path)
            var sessions: Int64 = 0
            if case .int(let s)? = try? frame.column(named: "session_id") { sessions = s.values.max() ?? 0 }
            out("wrote \(path): \(NumberFormat.grouped(rows)) rows × \(frame.columnCount) columns, \(NumberFormat.grouped(Int(sessions))) sessions\n")
            return true
        } catch {
            err("error: \(error)\n")
            return false
        }
    }
}
