// Verbs that move data in and out: load (CSV/TSV into a frame) and save (frames, plots, models to files).
import Foundation
import SiftFrame
import SiftLang

/// The "Data in and out" verbs of LANGUAGE.md.
enum DataVerbs {
    static let all: [VerbDefinition] = [load, save]

    // MARK: - load

    static let loadOptions = ["delim", "header", "names", "clean", "nulls", "types", "bad_rows", "encoding"]

    static let load = VerbDefinition(
        "load",
        signature: "load PATH [delim:\";\"] [header:true] [names:[...]] [clean:true] [nulls:[\"\", \"NA\"]] [types:{col: \"int\"}] [bad_rows:\"error\"|\"skip\"] [encoding:\"latin-1\"]",
        summary: "read a CSV/TSV file into a frame: delimiter sniffed, types inferred over the whole file",
        example: "load \"notebooks/data/eshop-clothing-2008.csv\" clean:true | schema", topic: "data"
    ) { b in
        try b.check(positional: 1...1, options: loadOptions)
        guard b.input == .nothing else {
            throw b.error("'load' starts a pipeline; it cannot take a piped \(b.input)", id: "bind.wrongInput")
        }
        let path = try b.string(b.positionals[0], position: 1, expected: "path string")
        let options = try readOptions(b)
        let interpreter = b.interpreter
        return BoundStage(output: .unknown) { _ in
            if path.lowercased().hasSuffix(".json") {
                let resolved = resolve(path, scriptDirectory: interpreter.currentDirectory)
                guard let data = FileManager.default.contents(atPath: resolved) else {
                    throw FrameError.io("cannot read '\(path)': no such file")
                }
                if UnsupervisedModelValue.isUnsupervised(data) {
                    return .object(UnsupervisedModelValue(try UnsupervisedModelValue.decode(data, path: path)))
                }
                return .object(ModelValue(try ModelValue.decode(data, path: path)))
            }
            let resolved = resolve(path, scriptDirectory: interpreter.currentDirectory)
            let result = try CSVReader.read(path: resolved, options: options, name: path)
            if result.skippedRows > 0 {
                let rows = result.skippedRows == 1 ? "1 row" : "\(result.skippedRows) rows"
                interpreter.warn("skipped \(rows) with the wrong number of fields in '\(path)'")
            }
            return .frame(result.frame)
        }
    }

    /// A relative path as given when it exists from the working directory, else from the
    /// running script's folder when it exists there, else as given (so the error names it).
    static func resolve(_ path: String, scriptDirectory: String?) -> String {
        if path.hasPrefix("/") || FileManager.default.fileExists(atPath: path) { return path }
        if let dir = scriptDirectory, !dir.isEmpty {
            let candidate = dir.hasSuffix("/") ? dir + path : dir + "/" + path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return path
    }

    /// The reader options from `load`'s options, each checked for its type.
    static func readOptions(_ b: StageBinder) throws -> CSVReadOptions {
        var o = CSVReadOptions()
        func value(_ name: String) throws -> (Value, ExprNode)? {
            guard let node = b.option(name) else { return nil }
            return (try b.constant(node), node)
        }
        func bad(_ name: String, _ node: ExprNode, _ expected: String, _ got: Value) -> Diagnostic {
            b.error("option '\(name)' of 'load' needs \(expected), got \(got.kindName)", at: node.range)
        }
        func strings(_ name: String, _ v: Value, _ node: ExprNode) throws -> [String] {
            guard case .list(let items) = v else { throw bad(name, node, "a list of strings", v) }
            return try items.map { item in
                guard case .scalar(.string(let s)) = item else { throw bad(name, node, "a list of strings", item) }
                return s
            }
        }
        if let (v, node) = try value("delim") {
            guard case .scalar(.string(let s)) = v else { throw bad("delim", node, "a one-character string", v) }
            let bytes = Array(s.utf8)
            guard bytes.count == 1, bytes[0] != 34, bytes[0] != 10, bytes[0] != 13 else {
                throw b.error("option 'delim' of 'load' needs one character other than a quote or a line break, got \"\(s)\"", at: node.range)
            }
            o.delimiter = bytes[0]
        }
        if let (v, node) = try value("header") {
            guard case .scalar(.bool(let h)) = v else { throw bad("header", node, "true or false", v) }
            o.header = h
        }
        if let (v, node) = try value("clean") {
            guard case .scalar(.bool(let c)) = v else { throw bad("clean", node, "true or false", v) }
            o.clean = c
        }
        if let (v, node) = try value("names") { o.names = try strings("names", v, node) }
        if let (v, node) = try value("nulls") { o.nulls = try strings("nulls", v, node) }
        if let (v, node) = try value("types") {
            guard case .record(let fields) = v else { throw bad("types", node, "a record such as {price: \"double\"}", v) }
            for (col, t) in fields {
                guard case .scalar(.string(let name)) = t, let type = DataType(name: name) else {
                    let shown: String
                    if case .scalar(.string(let s)) = t { shown = "'\(s)'" } else { shown = "a \(t.kindName)" }
                    var msg = "unknown type \(shown) for column '\(col)' in types:; types are " + DataType.allCases.map(\.rawValue).joined(separator: ", ")
                    if case .scalar(.string(let s)) = t, let guess = FrameError.closestName(to: s, in: DataType.allCases.map(\.rawValue)) {
                        msg += " (did you mean '\(guess)'?)"
                    }
                    throw b.error(msg, at: node.range)
                }
                o.types[col] = type
            }
        }
        if let node = b.option("bad_rows") {
            let w = try b.word(node, position: 1, among: CSVReadOptions.BadRows.allCases.map(\.rawValue))
            o.badRows = CSVReadOptions.BadRows(rawValue: w) ?? .error
        }
        if let (v, node) = try value("encoding") {
            guard case .scalar(.string(let s)) = v else { throw bad("encoding", node, "a string such as \"latin-1\"", v) }
            guard let e = CSVReadOptions.Encoding(name: s) else {
                throw b.error("unknown encoding '\(s)' for 'load'; it reads \"utf-8\" and \"latin-1\"", at: node.range)
            }
            o.encoding = e
        }
        return o
    }

    // MARK: - save

    static let save = VerbDefinition(
        "save", signature: "save PATH",
        summary: "write the input to a file (frame: .csv; plot: .svg or .txt; model: .json), atomically, and pass it on",
        example: "clicks | save \"/tmp/clicks.csv\" | count", topic: "data"
    ) { b in
        try b.check(positional: 1...1)
        let path = try b.string(b.positionals[0], position: 1, expected: "path string")
        let ext = fileExtension(path)
        switch b.input {
        case .frame, .grouped, .column:
            guard ext == "csv" else {
                throw b.error("cannot save a frame as \(ext.isEmpty ? "a file without an extension" : "'.\(ext)'"); frames save as .csv",
                              at: b.positionals[0].range)
            }
        case .object, .unknown:
            break
        case .nothing:
            throw b.error("'save' needs an input: pipe a frame, plot or model into it", id: "bind.wrongInput")
        default:
            throw b.error("'save' cannot write a \(b.input); it saves frames (.csv), plots (.svg, .txt) and models (.json)", id: "bind.wrongInput")
        }
        return BoundStage(output: b.input) { v in
            switch v {
            case .frame(let f): try saveFrame(f, path, ext)
            case .grouped(let g): try saveFrame(g.frame, path, ext)
            case .column(let name, let c): try saveFrame(try DataFrame(columns: [(name, c)]), path, ext)
            case .object(let o):
                guard let bytes = try o.savedContents(extension: ext) else {
                    let list = o.savableExtensions.map { "." + $0 }.joined(separator: ", ")
                    let what = ext.isEmpty ? "a file without an extension" : "'.\(ext)'"
                    throw FrameError.invalidArgument("cannot save a \(o.typeName) as \(what); " +
                                                     (list.isEmpty ? "it cannot be saved" : "it saves as \(list)"))
                }
                try AtomicFile.write(bytes, to: path)
            default:
                throw FrameError.typeMismatch("'save' cannot write a \(v.kindName); it saves frames (.csv), plots (.svg, .txt) and models (.json)")
            }
            return v
        }
    }

    private static func saveFrame(_ f: DataFrame, _ path: String, _ ext: String) throws {
        guard ext == "csv" else { throw FrameError.invalidArgument("cannot save a frame as '.\(ext)'; frames save as .csv") }
        try CSVWriter.write(f, to: path)
    }

    /// The lowercased extension of the path's last component, without the dot ("" when none).
    static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }
}
