// PLACEHOLDER until issue 5: `sift render`.
import SiftLang

/// Replays a notebook into a report.
public struct ReportRenderer {
    let options: SessionOptions
    let err: (String) -> Void

    /// Creates a renderer.
    public init(options: SessionOptions, err: @escaping (String) -> Void) {
        self.options = options
        self.err = err
    }

    /// Renders; false on failure.
    public func render(input: String, output: String) -> Bool {
        err("error: sift render is not built yet\n")
        return false
    }
}
