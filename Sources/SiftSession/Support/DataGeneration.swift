// PLACEHOLDER until the generator lands: `sift gen clickstream`.

/// Writes generated data sets.
enum DataGeneration {
    /// Writes a synthetic clickstream CSV; false on failure.
    static func writeClickstream(rows: Int, seed: Int, to path: String, out: (String) -> Void, err: (String) -> Void) -> Bool {
        err("error: sift gen is not built yet\n")
        return false
    }
}
