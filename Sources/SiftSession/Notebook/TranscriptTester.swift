// `sift test`: replays every NAME.sift that has a NAME.out beside it and compares the output.
import Foundation
import SiftLang

/// Replays notebooks and checks them against their transcripts.
///
/// Each notebook runs in a fresh session with colour off, width 100 (or `--width`) and the
/// default seed, its displayed values and diagnostics captured in order — exactly what
/// `sift NAME.sift` would print with stdout and stderr joined. A mismatch prints a unified diff;
/// `--update` rewrites the transcripts instead.
public struct TranscriptTester {
    /// Options for every replay (colour is always off).
    public var options: SessionOptions
    /// Where the report goes.
    public var out: (String) -> Void

    /// Creates a tester.
    public init(options: SessionOptions, out: @escaping (String) -> Void) {
        var o = options
        o.display.color = false
        self.options = o
        self.out = out
    }

    /// The notebooks under the given files and folders that have a transcript, sorted by path.
    public static func notebooks(in paths: [String]) -> (found: [String], missing: [String]) {
        var found: [String] = [], missing: [String] = []
        let fm = FileManager.default
        for p in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir) else { missing.append(p); continue }
            if isDir.boolValue {
                let base = p.hasSuffix("/") ? String(p.dropLast()) : p
                let all = (fm.enumerator(atPath: p)?.allObjects as? [String]) ?? []
                for rel in all.sorted() where rel.hasSuffix(".sift") {
                    let path = base == "." ? rel : base + "/" + rel
                    if fm.fileExists(atPath: String(path.dropLast(5)) + ".out") { found.append(path) }
                }
            } else if p.hasSuffix(".sift") {
                found.append(p)
            } else {
                missing.append(p)
            }
        }
        return (found, missing)
    }

    /// The output of replaying one notebook.
    public func replay(_ path: String) -> String {
        var captured = ""
        let session = Session(options: options, output: { captured += $0 }, errors: { captured += $0 })
        guard let text = Runner.readText(path, err: { captured += $0 }) else { return captured }
        let dir = (path as NSString).deletingLastPathComponent
        session.runScript(text, name: (path as NSString).lastPathComponent, directory: dir.isEmpty ? nil : dir)
        return captured
    }

    /// Replays every notebook; returns whether all matched (or were updated).
    public mutating func run(paths: [String], update: Bool) -> Bool {
        let (found, missing) = TranscriptTester.notebooks(in: paths)
        for m in missing { out("error: '\(m)' is not a notebook or a folder\n") }
        var failed: [String] = []
        for path in found {
            let outPath = String(path.dropLast(5)) + ".out"
            let actual = replay(path)
            let expected = (FileManager.default.contents(atPath: outPath)).map { String(decoding: $0, as: UTF8.self) }
            if update {
                if expected != actual {
                    do {
                        try actual.write(toFile: outPath, atomically: true, encoding: .utf8)
                        out("updated \(outPath)\n")
                    } catch {
                        out("error: cannot write '\(outPath)': \(error.localizedDescription)\n")
                        failed.append(path)
                    }
                }
                continue
            }
            guard let expected else {
                out("FAIL \(path): no transcript \(outPath) (run sift test --update to create it)\n")
                failed.append(path)
                continue
            }
            if TranscriptComparison.matches(actual, expected) {
                out("ok   \(path)\n")
            } else {
                out("FAIL \(path)\n")
                out(UnifiedDiff.diff(expected, actual, oldName: outPath, newName: "\(path) (replayed)"))
                failed.append(path)
            }
        }
        let verb = update ? "checked" : "passed"
        out("\(found.count - failed.count) \(verb), \(failed.count) failed\n")
        return failed.isEmpty && missing.isEmpty
    }
}
