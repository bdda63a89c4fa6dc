// Tab completion: verbs, functions, variables, columns valid at the cursor's stage, and paths in quotes.
import Foundation
import SiftFrame
import SiftLang

extension Session {
    /// Completions for the word that ends at `cursor` in `line`.
    ///
    /// - Returns: where the word starts (a character offset) and the sorted candidates.
    public func completions(for line: String, cursor: Int) -> (start: Int, candidates: [String]) {
        let chars = Array(line.prefix(cursor))
        // Meta commands.
        if chars.first == ":" && !chars.contains(" ") {
            let word = String(chars)
            return (0, Help.metaCommands.map(\.name).filter { $0.hasPrefix(word) })
        }
        // Paths inside a string.
        var quote: Character? = nil, quoteStart = 0
        for (i, c) in chars.enumerated() where c == "\"" || c == "'" {
            if quote == nil { quote = c; quoteStart = i + 1 } else if quote == c { quote = nil }
        }
        if quote != nil {
            let partial = String(chars[quoteStart...])
            return (quoteStart, Session.pathCompletions(partial))
        }
        var start = chars.count
        while start > 0, chars[start - 1] == "_" || chars[start - 1].isLetter || chars[start - 1].isNumber { start -= 1 }
        let word = String(chars[start...])
        let before = String(chars[..<start])
        let trimmed = before.trimmingCharacters(in: " \t")
        let atStageStart = trimmed.isEmpty || trimmed.hasSuffix("|") || trimmed.hasSuffix("=") && trimmed.hasPrefix("let ")
        var names: [String] = []
        let variables = interpreter.globals.visibleNames
        if atStageStart {
            names = interpreter.verbs.names + variables + FunctionRegistry.shared.callableNames
        } else {
            names = columnsAtCursor(before) + variables + FunctionRegistry.shared.callableNames
                + Token.Keyword.allCases.map(\.rawValue)
        }
        var seen = Set<String>()
        let out = names.filter { $0.hasPrefix(word) && seen.insert($0).inserted }
        return (start, out.sorted())
    }

    /// The columns of the frame flowing into the stage being typed: the stages before it are
    /// bound (not run) from the source variable's type, so new columns from `derive`, `rename`,
    /// `join` or `agg` are included.
    func columnsAtCursor(_ before: String) -> [String] {
        var depth = 0, lastPipe: String.Index? = nil
        for i in before.indices {
            switch before[i] {
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            case "|" where depth == 0: lastPipe = i
            default: break
            }
        }
        guard let pipe = lastPipe else {
            return []
        }
        var source = String(before[..<pipe])
        if source.hasPrefix("let "), let eq = source.firstIndex(of: "=") { source = String(source[source.index(after: eq)...]) }
        let file = SourceFile(id: -1, name: "<completion>", text: source)
        let program = Parser.parse(file)
        guard program.diagnostics.isEmpty, let st = program.statements.last, case .expression(let e) = st.kind else { return [] }
        var type: ValueType
        var stages: [Stage] = []
        switch e.kind {
        case .pipeline(let src, let s):
            stages = s
            guard let src, let n = src.name, let v = interpreter.globals.lookup(n) else { return [] }
            type = v.type
        case .name(let n):
            guard let v = interpreter.globals.lookup(n) else { return [] }
            type = v.type
        default:
            return []
        }
        for stage in stages {
            guard let b = try? interpreter.bind(stage, input: type, in: interpreter.globals) else { return type.schema?.names ?? [] }
            type = b.output
        }
        return type.schema?.names ?? []
    }

    /// Files and folders whose path starts with `partial` (folders end with `/`).
    static func pathCompletions(_ partial: String) -> [String] {
        let dir: String, prefix: String
        if let slash = partial.lastIndex(of: "/") {
            dir = String(partial[...slash])
            prefix = String(partial[partial.index(after: slash)...])
        } else {
            dir = ""
            prefix = partial
        }
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: dir.isEmpty ? "." : dir) else { return [] }
        return entries.filter { $0.hasPrefix(prefix) && (!$0.hasPrefix(".") || prefix.hasPrefix(".")) }.sorted().map { name in
            var isDir: ObjCBool = false
            _ = fm.fileExists(atPath: dir + name, isDirectory: &isDir)
            return dir + name + (isDir.boolValue ? "/" : "")
        }
    }
}
