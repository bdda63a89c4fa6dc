// Fuzzes the lexer, parser, binder and interpreter with seeded random token streams and mutated scripts.
import Foundation
import XCTest
import SiftFrame
import SiftLang
@testable import SiftSession

/// Runs 100,000 generated programs (bounded to a time budget) through a session holding a small
/// frame. Every program must finish with output or diagnostics: a crash fails the run, and a
/// program that raises anything but a diagnostic is reported.
final class FuzzTests: XCTestCase {
    /// How many programs to try, and the most seconds to spend (CI machines vary).
    static let programs = 100_000
    static let secondsBudget = 90.0

    /// Words and symbols the token fuzzer draws from: the grammar's keywords, symbols, verbs that
    /// do not touch files, functions, the frame's columns and variables.
    static let vocabulary: [String] = [
        "let", "fn", "use", "param", "true", "false", "null", "and", "or", "not", "in",
        "(", ")", "[", "]", "{", "}", ",", ";", ":", ".", "|", "~", "=", "==", "!=", "<", "<=", ">", ">=",
        "+", "-", "*", "/", "%", "\n", "\n", " | ", "#", "#'",
        "df", "x", "xs", "r", "f", "price", "page", "event", "ts", "session", "nope",
        "where", "select", "drop", "rename", "derive", "sort", "head", "tail", "group", "agg", "count", "tally",
        "distinct", "dropnull", "fill", "cast", "describe", "schema", "corr", "crosstab", "ungroup", "union", "join",
        "sum", "mean", "min", "max", "count()", "first", "n_unique", "quantile", "round", "if", "coalesce",
        "is_null", "len", "lower", "concat", "year", "trunc", "bin", "cut", "lag", "cumsum", "rank", "row_number()",
        "0", "1", "2", "-1", "3.5", "1e300", "9223372036854775807", "45s", "2h", "\"a\"", "\"\"", "'x'", "\"2008-04-01\"",
        "`odd name`", "on:", "how:", "seed:", "bins:", "=", "mean", "forward",
    ]

    /// Seed scripts for the mutation fuzzer.
    static let corpus: [String] = [
        "df | where price > 50 | count",
        "df | group page | agg n = count(), m = mean(price) | sort -n",
        "df | derive cents = price * 100, big = if(price > 30, \"y\", \"n\") | select cents, big | head 3",
        "let a, b = [1, 2]\nfn g(v) = v * 2\ng(a) + b",
        "df | tally event | head 2",
        "df | fill price = mean | dropnull | describe",
        "xs[0] + len(xs); {k: 1, v: [1, 2]}",
        "df | sort page, -price | distinct page",
        "df | group session | derive prev = lag(price), run = cumsum(price) | ungroup | tail 2",
        "df | cast page = \"double\" | schema",
        "df | where ts >= \"2008-04-01\" and not is_null(price) | count",
        "round(3.14159, 2) * 2 - -1 % 3 / 0",
    ]

    static func makeSession(_ sink: @escaping (String) -> Void) -> Session {
        let s = Session(options: SessionOptions(), output: sink, errors: sink)
        let n = 40
        let frame = try? DataFrame(columns: [
            ("price", .int(Column<Int64>((0..<n).map { $0 % 7 == 0 ? nil : Int64($0 % 60) }))),
            ("page", .int(Column<Int64>(values: (0..<n).map { Int64($0 % 5 + 1) }))),
            ("event", .string(StringColumn((0..<n).map { ["view", "cart", "purchase", nil][$0 % 4] }).dictionaryEncoded())),
            ("ts", .timestamp(Column<Timestamp>(values: (0..<n).map { Timestamp(micros: Int64($0) * 3_600_000_000) }))),
            ("session", .int(Column<Int64>(values: (0..<n).map { Int64($0 / 3) }))),
        ])
        s.interpreter.globals.bind("df", .frame(frame ?? .empty))
        s.interpreter.globals.bind("xs", .list([.scalar(.int(1)), .scalar(.string("a"))]))
        s.interpreter.globals.bind("x", .scalar(.double(2.5)))
        return s
    }

    func testRandomTokenStreamsAndMutatedScriptsOnlyEverGiveDiagnostics() {
        var rng = SeededGenerator(seed: 20_261_122)
        var sink = 0
        let session = FuzzTests.makeSession { sink &+= $0.count }
        let clock = ContinuousClock()
        let start = clock.now
        var ran = 0
        for i in 0..<FuzzTests.programs {
            if i % 1000 == 0, (clock.now - start) > .seconds(FuzzTests.secondsBudget) { break }
            let program: String
            if i % 2 == 0 {
                let len = 1 + rng.below(24)
                program = (0..<len).map { _ in FuzzTests.vocabulary[rng.below(FuzzTests.vocabulary.count)] }
                    .joined(separator: rng.below(4) == 0 ? "" : " ")
            } else {
                program = FuzzTests.mutate(FuzzTests.corpus[rng.below(FuzzTests.corpus.count)], &rng)
            }
            // runScript catches diagnostics itself; anything else thrown would surface as "error: ..."
            // text, which we do not expect from a well-behaved interpreter.
            var text = ""
            let s2 = session
            let saveOut = s2.output, saveErr = s2.errors
            s2.output = { text += $0 }
            s2.errors = { text += $0 }
            if ProcessInfo.processInfo.environment["SIFT_FUZZ_TRACE"] != nil { try? program.write(toFile: "/tmp/fuzz-last.sift", atomically: false, encoding: .utf8) }
            s2.runScript(program, name: "fuzz.sift")
            s2.output = saveOut
            s2.errors = saveErr
            if text.hasPrefix("error: ") && !text.hasPrefix("error: cannot") {
                XCTFail("non-diagnostic failure for program:\n\(program)\n\(text)")
                break
            }
            sink &+= text.count
            ran += 1
        }
        XCTAssertGreaterThan(ran, 1000, "the fuzzer ran too few programs in its budget")
        print("fuzz: \(ran) programs in \(clock.now - start)")
    }

    /// Applies 1-4 random edits: delete, duplicate, swap or insert a character or a vocabulary word.
    static func mutate(_ s: String, _ rng: inout SeededGenerator) -> String {
        var chars = Array(s)
        for _ in 0..<(1 + rng.below(4)) {
            guard !chars.isEmpty else { chars = Array(vocabulary[rng.below(vocabulary.count)]); continue }
            let i = rng.below(chars.count)
            switch rng.below(5) {
            case 0: chars.remove(at: i)
            case 1: chars.insert(chars[i], at: i)
            case 2: chars.swapAt(i, rng.below(chars.count))
            case 3: chars.insert(contentsOf: Array(" " + vocabulary[rng.below(vocabulary.count)] + " "), at: i)
            default:
                let punctuation = Array("()[]{}|,:;=-\"'`#.~ \n0")
                chars[i] = punctuation[rng.below(punctuation.count)]
            }
        }
        return String(chars)
    }
}
