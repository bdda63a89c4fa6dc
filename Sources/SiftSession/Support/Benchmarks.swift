// PLACEHOLDER until the benchmark lands: `sift bench`.

/// The engine and model benchmarks.
struct Benchmarks {
    let out: (String) -> Void
    let err: (String) -> Void

    /// Runs the benchmarks; false on failure.
    func run(_ args: [String]) -> Bool {
        err("error: sift bench is not built yet\n")
        return false
    }
}
