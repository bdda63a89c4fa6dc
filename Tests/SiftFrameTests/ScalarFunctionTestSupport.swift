// Helpers for the scalar function family tests: evaluate a call over columns or constants, both string layouts.
import XCTest
@testable import SiftFrame

/// Evaluates `name(args...)` where each argument is a column (given by name in `columns`) or an
/// expression, through the evaluator the verbs use, type rule included.
func apply(_ name: String, _ args: [Expr], _ columns: [(String, AnyColumn)]) throws -> AnyColumn {
    let df = try DataFrame(columns: columns)
    let info = try args.map { a -> ArgumentInfo in
        switch a {
        case .literal(let s): return ArgumentInfo(constant: s)
        case .list(let items): return ArgumentInfo(list: items)
        default: return ArgumentInfo(type: try ExpressionEvaluator.type(of: a, in: df.schema))
        }
    }
    _ = try FunctionRegistry.shared.resolve(name, info)
    let c = try ExpressionEvaluator(frame: df).column(.call(name, args))
    checkColumn(c)
    return c
}

/// Evaluates `name(args...)` with one column `x` as the first argument and literal others.
func apply(_ name: String, _ x: AnyColumn, _ rest: [Expr] = []) throws -> AnyColumn {
    try apply(name, [.column("x")] + rest, [("x", x)])
}

/// Evaluates a call on constants, which must fold to a single value.
func fold(_ name: String, _ args: [Scalar]) throws -> Scalar {
    let e = Expr.call(name, args.map { .literal($0) })
    _ = try FunctionRegistry.shared.resolve(name, args.map { ArgumentInfo(constant: $0) })
    guard case .scalar(let s) = try ExpressionEvaluator(frame: .empty).evaluate(e) else {
        throw FrameError.invalidArgument("'\(name)' did not fold to a scalar")
    }
    return s
}

/// The type a call gets at bind time, with the given argument facts.
func resolve(_ name: String, _ args: [ArgumentInfo]) throws -> DataType? {
    try FunctionRegistry.shared.resolve(name, args)
}

/// The message of the error `body` throws, or nil when it does not throw.
func errorMessage<T>(_ body: () throws -> T) -> String? {
    do { _ = try body(); return nil } catch { return "\(error)" }
}

/// The same strings in both layouts, labelled.
func stringLayouts(_ values: [String?]) -> [(String, AnyColumn)] {
    let plain = StringColumn(values)
    return [("plain", .string(plain)), ("dictionary", .string(plain.dictionaryEncoded()))]
}

/// Whether a string column is dictionary-encoded.
func isDictionary(_ c: AnyColumn) -> Bool {
    if case .string(let s) = c, case .dictionary = s.storage { return true }
    return false
}

/// A column's rows as scalars.
func rows(_ c: AnyColumn) -> [Scalar] { (0..<c.count).map { c[$0] } }

/// Strings with a deterministic null pattern, for boundary-size tests: row `i` is one of
/// `pool` (cycling), or null where `nullPattern` says so.
func patterned(_ n: Int, _ pool: [String], seed: Int = 0) -> [String?] {
    let valid = nullPattern(n, seed: seed)
    return (0..<n).map { valid[$0] ? pool[($0 * 5 + seed) % pool.count] : nil }
}

/// A timestamp from an ISO string (test data only).
func ts(_ s: String, file: StaticString = #filePath, line: UInt = #line) -> Timestamp {
    guard let t = TimestampParser.parse(s) else {
        XCTFail("bad test timestamp '\(s)'", file: file, line: line)
        return .zero
    }
    return t
}

/// A timestamp column from optional ISO strings.
func timestamps(_ v: [String?]) -> AnyColumn { .timestamp(Column(v.map { $0.map { ts($0) } })) }
