// The REPL's meta commands (:help, :vars, :schema, :undo, :more, :save, :load, ...).
import Foundation
import SiftFrame
import SiftLang

extension Session {
    /// What a meta command asks the REPL to do.
    public enum MetaResult: Equatable {
        /// Show this text.
        case text(String)
        /// Leave the REPL.
        case quit
    }

    /// Runs a meta command line such as `:schema clicks`.
    ///
    /// - Parameter pager: the terminal height when `:more` may page long output; nil prints it.
    public func meta(_ line: String, pager: Int? = nil) -> MetaResult {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let cmd = parts.first ?? ":"
        let arg = parts.dropFirst().joined(separator: " ")
        switch cmd {
        case ":help", ":h", ":?":
            return .text(Help.text(arg.isEmpty ? nil : arg, verbs: interpreter.verbs))
        case ":quit", ":q", ":exit":
            return .quit
        case ":vars":
            let vars = interpreter.globals.bindings
            if vars.isEmpty { return .text("no variables\n") }
            let w = vars.map(\.0.count).max() ?? 0
            return .text(vars.map { "\($0.0.padding(w))  \(Session.summary(of: $0.1))" }.joined(separator: "\n") + "\n")
        case ":schema":
            guard !arg.isEmpty else { return .text("usage: :schema NAME\n") }
            guard let v = interpreter.globals.lookup(arg) else {
                var msg = "unknown variable '\(arg)'"
                if let g = FrameError.closestName(to: arg, in: interpreter.globals.visibleNames) { msg += " (did you mean '\(g)'?)" }
                return .text(msg + "\n")
            }
            guard let schema = v.type.schema else { return .text("'\(arg)' is a \(v.kindName), not a frame\n") }
            let w = schema.names.map(\.count).max() ?? 0
            return .text(schema.columns.map { "\($0.name.padding(w))  \($0.type)" }.joined(separator: "\n") + "\n")
        case ":timing", ":explain":
            guard arg == "on" || arg == "off" else { return .text("usage: \(cmd) on|off\n") }
            if cmd == ":timing" { timing = arg == "on" } else { explain = arg == "on" }
            return .text("\(cmd.dropFirst()) \(arg)\n")
        case ":undo":
            return .text(undo() ? "undone\n" : "nothing to undo\n")
        case ":more":
            guard let v = lastValue else { return .text("no result yet\n") }
            var o = options.display
            o.untruncated = true
            o.width = 10_000
            let text = ValueFormatter.format(v, options: o) + "\n"
            if let height = pager, text.filter({ $0 == "\n" }).count > height, Session.page(text) { return .text("") }
            return .text(text)
        case ":save":
            guard !arg.isEmpty else { return .text("usage: :save FILE\n") }
            let body = "#' Saved from a sift session.\n" + history.joined(separator: "\n") + "\n"
            do {
                try body.write(toFile: arg, atomically: true, encoding: .utf8)
                return .text("saved \(history.count) statement\(history.count == 1 ? "" : "s") to \(arg)\n")
            } catch {
                return .text("error: cannot write '\(arg)': \(error.localizedDescription)\n")
            }
        case ":load":
            guard !arg.isEmpty else { return .text("usage: :load FILE\n") }
            var messages = ""
            guard let text = Runner.readText(arg, err: { messages += $0 }) else { return .text(messages) }
            let before = interpreter.globals.snapshot()
            let dir = (arg as NSString).deletingLastPathComponent
            if runScript(text, name: arg, directory: dir.isEmpty ? nil : dir) {
                undoStack.append(before)
                history.append(text.hasSuffix("\n") ? String(text.dropLast()) : text)
            } else {
                interpreter.globals.restore(before)
            }
            return .text("")
        case ":clear":
            clear()
            return .text("cleared\n")
        default:
            var msg = "unknown command '\(cmd)'"
            if let g = FrameError.closestName(to: cmd, in: Help.metaCommands.map(\.name)) { msg += " (did you mean '\(g)'?)" }
            return .text(msg + "; :help meta lists them\n")
        }
    }

    /// One line about a value for `:vars`: `frame 165,474 × 14`, `int 3`, `model`.
    static func summary(of v: Value) -> String {
        switch v {
        case .frame(let f): return "frame \(NumberFormat.grouped(f.rowCount)) × \(f.columnCount)"
        case .grouped(let g): return "grouped frame \(NumberFormat.grouped(g.frame.rowCount)) × \(g.frame.columnCount) by \(g.keys.joined(separator: ", "))"
        case .scalar(let s): return "\(s.type?.rawValue ?? "null") \(NumberFormat.literal(s))"
        case .column(_, let c): return "\(c.type) column of \(NumberFormat.grouped(c.count))"
        case .list(let items): return "list of \(items.count)"
        case .record(let fields): return "record of \(fields.count) field\(fields.count == 1 ? "" : "s")"
        case .function(let f): return "fn \(f.name)(\(f.parameters.joined(separator: ", ")))"
        case .object(let o): return o.typeName
        }
    }

    /// Shows text through `$PAGER` (default `less -S`); false when no pager could run.
    static func page(_ text: String) -> Bool {
        let pager = ProcessInfo.processInfo.environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -S"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", pager]
        let pipe = Pipe()
        p.standardInput = pipe
        do {
            try p.run()
            pipe.fileHandleForWriting.write(Data(text.utf8))
            try? pipe.fileHandleForWriting.close()
            p.waitUntilExit()
            return p.terminationStatus == 0
        } catch {
            return false
        }
    }
}
