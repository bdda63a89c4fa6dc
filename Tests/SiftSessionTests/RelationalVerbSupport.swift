// Helpers for the relational verb tests: a session holding small frames, and reading results back as frames.
import XCTest
import SiftFrame
import SiftLang
@testable import SiftSession

/// A captured session with `shop` (country, page, price with nulls) and `zones` bound.
func shopSession() -> CapturedSession {
    let c = CapturedSession()
    let shop = try? DataFrame(columns: [
        ("country", .string(StringColumn(["fr", "de", "fr", nil, "de", "fr", "it", "de"]).dictionaryEncoded())),
        ("page", .int(Column<Int64>([1, 2, 1, 3, nil, 2, 1, 2]))),
        ("price", .double(Column<Double>([10, 20.5, nil, 7, 3, 12, 8, 20.5]))),
    ])
    let zones = try? DataFrame(columns: [
        ("country", .string(StringColumn(["de", "fr", "es"]))),
        ("zone", .string(StringColumn(["eu1", "eu2", "eu4"]))),
    ])
    c.session.interpreter.globals.bind("shop", .frame(shop ?? .empty))
    c.session.interpreter.globals.bind("zones", .frame(zones ?? .empty))
    return c
}

extension CapturedSession {
    /// Runs `let result = CODE;` and returns the value bound (nil after an error, which is recorded).
    func result(_ code: String, file: StaticString = #filePath, line: UInt = #line) -> Value? {
        let out = run("let result = \(code);")
        guard out.isEmpty, let v = session.interpreter.globals.lookup("result") else {
            XCTFail("'\(code)' failed: \(out)", file: file, line: line)
            return nil
        }
        return v
    }

    /// The frame a pipeline gives (the frame of a grouped value).
    func resultFrame(_ code: String, file: StaticString = #filePath, line: UInt = #line) -> DataFrame? {
        switch result(code, file: file, line: line) {
        case .frame(let f)?: return f
        case .grouped(let g)?: return g.frame
        case let v?: XCTFail("'\(code)' gave a \(v.kindName)", file: file, line: line); return nil
        case nil: return nil
        }
    }

    /// A column of the frame a pipeline gives, as scalars.
    func resultColumn(_ code: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) -> [Scalar] {
        guard let f = resultFrame(code, file: file, line: line), let c = try? f.column(named: name) else { return [] }
        return (0..<c.count).map { c[$0] }
    }

    /// The first line of the error a pipeline reports.
    func firstError(_ code: String) -> String {
        run(code).split(separator: "\n").first.map(String.init) ?? ""
    }
}
