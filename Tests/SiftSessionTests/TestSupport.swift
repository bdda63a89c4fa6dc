// Helpers for session tests: a captured session and literal rendering of values.
import XCTest
import SiftLang
@testable import SiftSession

/// A session whose outputs and diagnostics are captured into strings.
final class CapturedSession {
    var output = ""
    var errors = ""
    lazy var session: Session = Session(options: SessionOptions(), output: { [unowned self] in self.output += $0 },
                                        errors: { [unowned self] in self.errors += $0 })

    /// Runs a script and returns what it displayed (errors appended after).
    @discardableResult
    func run(_ code: String) -> String {
        output = ""
        errors = ""
        session.runScript(code, name: "t.sift")
        return output + errors
    }
}

/// Values in literal syntax, for compact assertions.
enum ValueText {
    static func of(_ v: Value) -> String { ValueFormatter.literal(v) }
}
