// `sift render`: replays a notebook and writes it as an HTML or Markdown report, atomically.
import Foundation
import SiftFrame
import SiftLang

/// Replays a notebook into a report: `sift render FILE.sift -o OUT.html` (or `OUT.md`).
///
/// The replay is `sift FILE.sift`'s — same parameters (`--param`), seed and folder — and stops
/// at the first error, which the report shows in its cell; the report is still written, and the
/// command then exits 1 like the replay would. A notebook that does not parse, a notebook that
/// cannot be read and an output that cannot be written are errors with nothing written.
/// Everything is deterministic except the run date, which `SOURCE_DATE_EPOCH` (seconds since
/// 1970, as in reproducible builds) fixes.
///
/// `.md` output writes its plots as `OUT_files/plot-N.svg` beside the report (stale `plot-N.svg`
/// files from an earlier render with more plots are removed).
public struct ReportRenderer {
    let options: SessionOptions
    let err: (String) -> Void
    /// The run date shown in the header; nil: `SOURCE_DATE_EPOCH`, else now.
    var date: String?

    /// Creates a renderer.
    ///
    /// - Parameters:
    ///   - options: session options from the command line (colour is ignored).
    ///   - err: where errors go.
    ///   - date: the header's date text, for tests; by default `SOURCE_DATE_EPOCH` or now.
    public init(options: SessionOptions, err: @escaping (String) -> Void, date: String? = nil) {
        self.options = options
        self.err = err
        self.date = date
    }

    /// Replays `input` and writes the report to `output` (`.html` or `.md`).
    ///
    /// - Returns: true when the notebook ran to the end and the report was written.
    public func render(input: String, output: String) -> Bool {
        let isMarkdown = output.lowercased().hasSuffix(".md")
        guard output.lowercased().hasSuffix(".html") || isMarkdown else {
            err("error: the report must be .html or .md, got '\(output)'\n")
            return false
        }
        guard let text = Runner.readText(input, err: err) else { return false }
        if let problem = ReportRenderer.unwritable(output) {
            err("error: cannot write '\(output)': \(problem)\n")
            return false
        }
        let notebook: ReplayedNotebook
        switch ReplayedNotebook.replay(text, path: input, options: options) {
        case .success(let n): notebook = n
        case .failure(let f):
            err(f.text)
            err("error: '\(input)' does not parse; no report written\n")
            return false
        }
        let when = date ?? ReportRenderer.runDate(environment: ProcessInfo.processInfo.environment)
        do {
            if isMarkdown {
                try writeMarkdown(notebook, date: when, to: output)
            } else {
                let html = HTMLReport(notebook: notebook, date: when, options: options.display, verbs: Set(Builtins.verbs().names)).render()
                try AtomicFile.write(Array(html.utf8), to: output)
            }
        } catch {
            err("error: \(ReportRenderer.message(error))\n")
            return false
        }
        if let failure = notebook.failure {
            err(failure)
            err("error: '\(input)' stopped at this error; the report '\(output)' shows it, and the cells after it did not run\n")
            return false
        }
        return true
    }

    /// Writes the Markdown report and its plot files.
    func writeMarkdown(_ notebook: ReplayedNotebook, date: String, to output: String) throws {
        let base = String(output.dropLast(3))
        let folderPath = base + "_files"
        let folderName = (folderPath as NSString).lastPathComponent
        let md = MarkdownReport(notebook: notebook, date: date, options: options.display, assetsFolder: folderName)
        let (text, plots) = md.render()
        let fm = FileManager.default
        if !plots.isEmpty {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: folderPath, isDirectory: &isDir), !isDir.boolValue {
                throw FrameError.io("cannot save plots in '\(folderPath)': it is a file, not a folder")
            }
            do { try fm.createDirectory(atPath: folderPath, withIntermediateDirectories: true) } catch {
                throw FrameError.io("cannot create the folder '\(folderPath)' for the plots")
            }
            for p in plots { try AtomicFile.write(p.svg, to: folderPath + "/" + p.name) }
        }
        // Plot files left from an earlier render with more plots.
        if let old = try? fm.contentsOfDirectory(atPath: folderPath) {
            for name in old.sorted() where name.hasPrefix("plot-") && name.hasSuffix(".svg") {
                let number = Int(name.dropFirst(5).dropLast(4)) ?? 0
                if number > plots.count { try? fm.removeItem(atPath: folderPath + "/" + name) }
            }
        }
        try AtomicFile.write(Array(text.utf8), to: output)
    }

    /// Why `path` cannot be written, checked before the replay so that a long notebook does not
    /// run for nothing (the write itself reports anything this misses).
    static func unwritable(_ path: String) -> String? {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue { return "it is a directory" }
        let dir = (path as NSString).deletingLastPathComponent
        let folder = dir.isEmpty ? "." : dir
        guard fm.fileExists(atPath: folder, isDirectory: &isDir) else { return "the folder '\(folder)' does not exist" }
        guard isDir.boolValue else { return "'\(folder)' is not a folder" }
        guard fm.isWritableFile(atPath: folder) else { return "the folder '\(folder)' is not writable" }
        return nil
    }

    /// The run date: `SOURCE_DATE_EPOCH` when set to whole seconds, else now; as `YYYY-MM-DD HH:MM UTC`.
    static func runDate(environment: [String: String]) -> String {
        if let s = environment["SOURCE_DATE_EPOCH"], let secs = Int64(s.trimmingSpaces()) { return formatDate(epochSeconds: secs) }
        return formatDate(epochSeconds: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }

    /// Seconds since 1970 as `YYYY-MM-DD HH:MM UTC`.
    static func formatDate(epochSeconds: Int64) -> String {
        let secs = min(max(epochSeconds, -62_135_596_800), 253_402_300_799)   // years 1 to 9999
        let full = Timestamp(micros: secs * 1_000_000).description           // YYYY-MM-DD HH:MM:SS
        return String(full.prefix(16)) + " UTC"
    }

    /// An error's message without the type's decoration.
    static func message(_ error: Error) -> String {
        if let e = error as? FrameError { return e.description }
        return "\(error)"
    }

    /// The frame a report shows as a table for a value, with its caption: frames, grouped frames
    /// (captioned as the terminal captions them) and columns; nil for anything else.
    static func tabular(_ v: Value) -> (frame: DataFrame, caption: String?)? {
        switch v {
        case .frame(let f): return (f, nil)
        case .grouped(let g): return (g.frame, ValueFormatter.groupedCaption(g))
        case .column(let name, let c): return (try? DataFrame(columns: [(name, c)])).map { ($0, nil) }
        default: return nil
        }
    }
}
