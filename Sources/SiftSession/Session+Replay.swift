// Runs a script statement by statement and hands each statement's value to the caller instead of displaying it (for reports).
import SiftLang

extension Session {
    /// How a replay ended.
    public enum ReplayEnd {
        /// Every statement ran.
        case finished
        /// The script did not parse; nothing ran.
        case parseFailed([Diagnostic])
        /// A statement failed; the statements after it did not run.
        case failed(Statement, Diagnostic)
    }

    /// Runs a script as ``runScript(_:name:directory:)`` does — same scope, parameters, folder
    /// and stop at the first error — but gives each statement and its displayed value (nil for
    /// bindings, definitions, prose and `;`-terminated statements) to `each` instead of showing it.
    /// Warnings still go to ``errors`` while their statement runs, before `each` is called for it.
    ///
    /// - Parameters:
    ///   - text: the source.
    ///   - name: the name used in diagnostics.
    ///   - directory: the script's folder, for relative `use` paths and data files.
    ///   - each: called after each statement that ran, in order.
    /// - Returns: the source file (for the statements' ranges) and how the run ended.
    public func replay(_ text: String, name: String, directory: String? = nil,
                       each: (_ statement: Statement, _ value: Value?) -> Void) -> (file: SourceFile, end: ReplayEnd) {
        let file = interpreter.sources.add(name: name, text: text)
        let saved = interpreter.currentDirectory
        interpreter.currentDirectory = directory
        defer { interpreter.currentDirectory = saved }
        let program = Parser.parse(file)
        if !program.diagnostics.isEmpty { return (file, .parseFailed(program.diagnostics)) }
        for st in program.statements {
            do {
                let v = try interpreter.execute(st, in: interpreter.globals)
                each(st, v)
            } catch let d as Diagnostic {
                return (file, .failed(st, d))
            } catch {
                return (file, .failed(st, .error("run.failed", "\(error)", at: st.range)))
            }
        }
        return (file, .finished)
    }
}
