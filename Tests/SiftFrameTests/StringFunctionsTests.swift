// Tests for the string functions: both layouts, Unicode, nulls, boundary sizes, edge cases and errors.
import XCTest
@testable import SiftFrame

final class StringFunctionsTests: XCTestCase {
    let unicode: [String?] = ["École", "straße", nil, "日本語", "👍🏽 ok", "", "ΣΑΣ", "MiXeD"]

    /// Runs `check` on the same strings in plain and dictionary layout and requires equal results.
    func bothLayouts(_ values: [String?], _ check: (AnyColumn) throws -> AnyColumn, file: StaticString = #filePath, line: UInt = #line) throws -> AnyColumn {
        let results = try stringLayouts(values).map { try check($0.1) }
        XCTAssertEqual(results[0], results[1], "plain and dictionary layouts differ", file: file, line: line)
        return results[0]
    }

    func testLowerAndUpperAreUnicodeCorrect() throws {
        let lo = try bothLayouts(unicode) { try apply("lower", $0) }
        XCTAssertEqual(lo, strings(["école", "straße", nil, "日本語", "👍🏽 ok", "", "σασ", "mixed"]))
        let up = try bothLayouts(unicode) { try apply("upper", $0) }
        XCTAssertEqual(up, strings(["ÉCOLE", "STRASSE", nil, "日本語", "👍🏽 OK", "", "ΣΑΣ", "MIXED"]))
    }

    func testCaseMappingOfADictionaryMergesEntriesThatBecomeEqual() throws {
        let c = AnyColumn.string(StringColumn(["View", "view", nil, "VIEW", "Cart"]).dictionaryEncoded())
        let lo = try apply("lower", c)
        XCTAssertEqual(lo, strings(["view", "view", nil, "view", "cart"]))
        guard case .string(let s) = lo, case .dictionary(let codes, let entries) = s.storage else { return XCTFail("not dictionary") }
        XCTAssertEqual(entries, StringArray(["view", "cart"]))
        XCTAssertEqual(codes[0], codes[3])
    }

    func testCaseMappingOverBoundarySizesMatchesSwift() throws {
        let pool = ["Abc", "ÀÉÎ", "zz", "Q", "日本", "ﬁx"]
        try withEvery("n", in: boundarySizes) { n in
            let values = patterned(n, pool)
            XCTAssertEqual(try bothLayouts(values) { try apply("upper", $0) }, strings(values.map { $0?.uppercased() }))
            let ascii = patterned(n, ["Abc", "XYZ", "m@[`{"])
            XCTAssertEqual(try bothLayouts(ascii) { try apply("lower", $0) }, strings(ascii.map { $0?.lowercased() }))
        }
    }

    func testLenCountsUnicodeScalarsLikeTheInterpreter() throws {
        let values: [String?] = ["é", "e\u{301}", "👍🏽", "日本語", "", nil, "🇫🇷", "abc"]
        let got = try bothLayouts(values) { try apply("len", $0) }
        XCTAssertEqual(got, ints([1, 2, 2, 3, 0, nil, 2, 3]))
        XCTAssertEqual(got, ints(values.map { $0.map { Int64($0.unicodeScalars.count) } }))
        try withEvery("n", in: boundarySizes) { n in
            let v = patterned(n, ["a", "ab", "ééé", "", "x日"])
            XCTAssertEqual(try bothLayouts(v) { try apply("len", $0) }, ints(v.map { $0.map { Int64($0.unicodeScalars.count) } }))
        }
    }

    /// Byte-subsequence search, the reference for contains/starts_with/ends_with.
    func occurs(_ hay: String, _ needle: String) -> Bool {
        let h = Array(hay.utf8), k = Array(needle.utf8)
        if k.isEmpty { return true }
        guard h.count >= k.count else { return false }
        return (0...(h.count - k.count)).contains { Array(h[$0..<($0 + k.count)]) == k }
    }

    func testSearchWithConstantNeedles() throws {
        let values: [String?] = ["banana", "bandana", nil, "", "日本語", "nab", "an"]
        XCTAssertEqual(try bothLayouts(values) { try apply("contains", $0, [.literal(.string("ana"))]) },
                       bools([true, true, nil, false, false, false, false]))
        XCTAssertEqual(try bothLayouts(values) { try apply("starts_with", $0, [.literal(.string("ban"))]) },
                       bools([true, true, nil, false, false, false, false]))
        XCTAssertEqual(try bothLayouts(values) { try apply("ends_with", $0, [.literal(.string("na"))]) },
                       bools([true, true, nil, false, false, false, false]))
        XCTAssertEqual(try bothLayouts(values) { try apply("contains", $0, [.literal(.string("本"))]) },
                       bools([false, false, nil, false, true, false, false]))
        XCTAssertEqual(try bothLayouts(values) { try apply("ends_with", $0, [.literal(.string(""))]) },
                       bools([true, true, nil, true, true, true, true]))
        XCTAssertEqual(try bothLayouts(values) { try apply("contains", $0, [.literal(.null)]) },
                       bools([nil, nil, nil, nil, nil, nil, nil]))
    }

    func testSearchIsLiteralAndCaseSensitive() throws {
        XCTAssertEqual(try fold("contains", [.string("a.c"), .string(".")]), .bool(true))
        XCTAssertEqual(try fold("contains", [.string("abc"), .string(".")]), .bool(false))
        XCTAssertEqual(try fold("contains", [.string("Apple"), .string("apple")]), .bool(false))
        XCTAssertEqual(try fold("starts_with", [.string("ab"), .string("abc")]), .bool(false))
        XCTAssertEqual(try fold("contains", [.string("aaab"), .string("aab")]), .bool(true))   // a retry after a partial match
    }

    func testSearchWithAColumnOfNeedles() throws {
        let cols: [(String, AnyColumn)] = [("s", strings(["hello", "world", nil, "abc"])), ("k", strings(["ell", "x", "a", nil]))]
        XCTAssertEqual(try apply("contains", [.column("s"), .column("k")], cols), bools([true, false, nil, nil]))
        XCTAssertEqual(try apply("starts_with", [.column("s"), .column("k")], cols), bools([false, false, nil, nil]))
    }

    func testSearchOverBoundarySizes() throws {
        let pool = ["needle", "haystack", "xneedlex", "nee", "", "ééneedle"]
        try withEvery("n", in: boundarySizes) { n in
            let v = patterned(n, pool, seed: 2)
            XCTAssertEqual(try bothLayouts(v) { try apply("contains", $0, [.literal(.string("needle"))]) },
                           bools(v.map { $0.map { occurs($0, "needle") } }))
            XCTAssertEqual(try bothLayouts(v) { try apply("ends_with", $0, [.literal(.string("dle"))]) },
                           bools(v.map { $0.map { $0.hasSuffix("dle") } }))
        }
    }

    func testReplaceAllOccurrencesLiterally() throws {
        let values: [String?] = ["banana", nil, "", "aaa", "日本日本", "no match"]
        let got = try bothLayouts(values) { try apply("replace", $0, [.literal(.string("a")), .literal(.string("o"))]) }
        XCTAssertEqual(got, strings(["bonono", nil, "", "ooo", "日本日本", "no motch"]))
        XCTAssertEqual(try fold("replace", [.string("aaa"), .string("aa"), .string("b")]), .string("ba"))   // no overlaps
        XCTAssertEqual(try fold("replace", [.string("日本日本"), .string("本"), .string("")]), .string("日日"))
        XCTAssertEqual(try fold("replace", [.string("abc"), .string(""), .string("-")]), .string("abc"))  // SQL: empty needle changes nothing
        XCTAssertEqual(try fold("replace", [.string("a.b.c"), .string("."), .string("..")]), .string("a..b..c"))
        XCTAssertEqual(try fold("replace", [.string("abc"), .null, .string("-")]), .null)
    }

    func testReplaceOnADictionaryMergesEqualResults() throws {
        let c = AnyColumn.string(StringColumn(["a-b", "a_b", "a-b", nil]).dictionaryEncoded())
        let got = try apply("replace", c, [.literal(.string("_")), .literal(.string("-"))])
        XCTAssertEqual(got, strings(["a-b", "a-b", "a-b", nil]))
        guard case .string(let s) = got, case .dictionary(_, let entries) = s.storage else { return XCTFail("not dictionary") }
        XCTAssertEqual(entries.count, 1)
    }

    func testReplaceWithColumnArguments() throws {
        let cols: [(String, AnyColumn)] = [("s", strings(["abc", "abc", nil])), ("a", strings(["b", "c", "x"])), ("b", strings(["B", nil, "y"]))]
        XCTAssertEqual(try apply("replace", [.column("s"), .column("a"), .column("b")], cols), strings(["aBc", nil, nil]))
    }

    func testSubstrIsOneBasedAndNeverOutOfRange() throws {
        func sub(_ s: String, _ start: Int64, _ n: Int64? = nil) throws -> Scalar {
            try fold("substr", [.string(s), .int(start)] + (n.map { [Scalar.int($0)] } ?? []))
        }
        XCTAssertEqual(try sub("hello", 1, 2), .string("he"))
        XCTAssertEqual(try sub("hello", 2), .string("ello"))
        XCTAssertEqual(try sub("hello", 0, 2), .string("h"))        // PostgreSQL: position 0 is before the first
        XCTAssertEqual(try sub("hello", -3, 2), .string("ll"))      // DuckDB: negative counts from the end
        XCTAssertEqual(try sub("hello", -1), .string("o"))
        XCTAssertEqual(try sub("hello", -7, 3), .string("h"))
        XCTAssertEqual(try sub("hello", 4, 100), .string("lo"))
        XCTAssertEqual(try sub("hello", 6), .string(""))
        XCTAssertEqual(try sub("hello", 99, 1), .string(""))
        XCTAssertEqual(try sub("hello", 2, 0), .string(""))
        XCTAssertEqual(try sub("hello", Int64.max, Int64.max), .string(""))
        XCTAssertEqual(try sub("hello", Int64.min, Int64.max), .string("hell"))   // the window -2^63 + 6 ..< 5, without overflow
        XCTAssertEqual(try sub("hello", -2, Int64.max), .string("lo"))
        XCTAssertEqual(try sub("héllo日本", 2, 3), .string("éll"))
        XCTAssertEqual(try sub("👍🏽x", 2), .string("🏽x"))
        XCTAssertEqual(try sub("日本語", -2), .string("本語"))
    }

    func testSubstrLayoutsAndColumnBounds() throws {
        let values: [String?] = ["hello", "日本語です", nil, ""]
        XCTAssertEqual(try bothLayouts(values) { try apply("substr", $0, [.literal(.int(2)), .literal(.int(2))]) },
                       strings(["el", "本語", nil, ""]))
        let cols: [(String, AnyColumn)] = [("s", strings(["hello", "hello", "hello", nil])), ("k", ints([1, -2, nil, 1])), ("n", ints([3, 5, 1, 1]))]
        XCTAssertEqual(try apply("substr", [.column("s"), .column("k"), .column("n")], cols), strings(["hel", "lo", nil, nil]))
        XCTAssertEqual(try apply("substr", [.column("s"), .column("k")], cols), strings(["hello", "lo", nil, nil]))
    }

    func testSubstrWindowsAgreeAcrossLayoutsForASCIIAndUnicode() throws {
        let bounds: [(Int64, Int64?)] = [(1, 2), (3, nil), (5, 1), (6, 3), (99, 2), (0, 2), (-2, nil), (-9, 3), (2, 0), (Int64.max, Int64.max), (1, Int64.max)]
        for values in [["hello", "", "hi", nil, "abcde"], ["héllo", "", "日本", nil, "abcde"]] as [[String?]] {
            for (st, len) in bounds {
                let rest: [Expr] = [.literal(.int(st))] + (len.map { [.literal(.int($0))] } ?? [])
                let got = try bothLayouts(values) { try apply("substr", $0, rest) }
                let want = values.map { v in v.map { s -> String in
                    let chars = Array(s.unicodeScalars)
                    let total = Int64(chars.count)
                    let first = st >= 0 ? st : total + st + 1
                    let last = len.map { first.addingReportingOverflow($0).overflow ? Int64.max : first + $0 } ?? total + 1
                    let lo = max(first, 1), hi = min(last, total + 1)
                    guard hi > lo else { return "" }
                    return String(String.UnicodeScalarView(chars[Int(lo - 1)..<Int(hi - 1)]))
                } }
                XCTAssertEqual(got, strings(want), "substr(\(values), \(st), \(String(describing: len)))")
            }
        }
    }

    func testSubstrRejectsANegativeConstantLength() {
        XCTAssertEqual(errorMessage { try resolve("substr", [ArgumentInfo(type: .string), ArgumentInfo(constant: .int(1)), ArgumentInfo(constant: .int(-1))]) },
                       "bad argument #3 to 'substr' (a length of at least 0 expected, got -1)")
        XCTAssertEqual(errorMessage { try resolve("substr", [ArgumentInfo(type: .string), ArgumentInfo(type: .double)]) },
                       "bad argument #2 to 'substr' (int expected, got double)")
    }

    func testConcatFormatsLikeStrAndPropagatesNulls() throws {
        let cols: [(String, AnyColumn)] = [
            ("y", ints([2008, 2008, nil, -5])), ("m", ints([4, 12, 1, Int64.min])),
            ("p", doubles([3, 2.5, 1, 0.1])), ("s", strings(["a", nil, "c", "é"])),
        ]
        XCTAssertEqual(try apply("concat", [.column("y"), .literal(.string("-")), .column("m")], cols),
                       strings(["2008-4", "2008-12", nil, "-5--9223372036854775808"]))
        XCTAssertEqual(try apply("concat", [.column("s"), .literal(.string(":")), .column("p")], cols),
                       strings(["a:3.0", nil, "c:1.0", "é:0.1"]))
        XCTAssertEqual(try apply("concat", [.column("s"), .literal(.null)], cols), strings([nil, nil, nil, nil]))
        XCTAssertEqual(try fold("concat", [.string("x"), .int(1), .double(2), .bool(true), .timestamp(ts("2008-04-01 10:00"))]),
                       .string("x12.0true2008-04-01 10:00:00"))
        XCTAssertEqual(try fold("concat", [.string("solo")]), .string("solo"))
    }

    func testConcatOfOneDictionaryColumnStaysDictionary() throws {
        let c = AnyColumn.string(StringColumn(["uk", "fr", nil, "uk"]).dictionaryEncoded())
        let got = try apply("concat", [.literal(.string("<")), .column("x"), .literal(.string(">"))], [("x", c)])
        XCTAssertEqual(got, strings(["<uk>", "<fr>", nil, "<uk>"]))
        XCTAssertTrue(isDictionary(got))
    }

    func testConcatOverBoundarySizes() throws {
        try withEvery("n", in: boundarySizes) { n in
            let valid = nullPattern(n, seed: 4)
            let a: [Int64?] = (0..<n).map { valid[$0] ? Int64($0) - 30 : nil }
            let s = patterned(n, ["x", "", "日"], seed: 1)
            for (label, sc) in stringLayouts(s) {
                let got = try apply("concat", [.column("a"), .literal(.string("/")), .column("s")], [("a", ints(a)), ("s", sc)])
                let want: [String?] = zip(a, s).map { x, y in x.flatMap { x in y.map { "\(x)/\($0)" } } }
                XCTAssertEqual(got, strings(want), label)
            }
        }
    }

    func testBadArgumentsAreTypedErrors() {
        XCTAssertEqual(errorMessage { try resolve("lower", [ArgumentInfo(type: .int)]) },
                       "bad argument #1 to 'lower' (string expected, got int)")
        XCTAssertEqual(errorMessage { try resolve("contains", [ArgumentInfo(type: .string), ArgumentInfo(constant: .int(1))]) },
                       "bad argument #2 to 'contains' (string expected, got int)")
        XCTAssertEqual(errorMessage { try resolve("concat", [ArgumentInfo(type: .string), ArgumentInfo(list: [.int(1)])]) },
                       "bad argument #2 to 'concat' (value expected, got list)")
        XCTAssertEqual(try resolve("len", [ArgumentInfo(type: .string)]), .int)
        XCTAssertEqual(try resolve("concat", [ArgumentInfo(type: .int), ArgumentInfo(type: .timestamp)]), .string)
    }

    func testEmptyColumns() throws {
        for (label, c) in stringLayouts([]) {
            XCTAssertEqual(try apply("upper", c), strings([]), label)
            XCTAssertEqual(try apply("len", c), ints([]), label)
            XCTAssertEqual(try apply("contains", c, [.literal(.string("a"))]), bools([]), label)
            XCTAssertEqual(try apply("replace", c, [.literal(.string("a")), .literal(.string("b"))]), strings([]), label)
            XCTAssertEqual(try apply("substr", c, [.literal(.int(1))]), strings([]), label)
            XCTAssertEqual(try apply("concat", c, [.literal(.string("a"))]), strings([]), label)
        }
    }

    func testMatchesNeverSpanTwoRows() throws {
        // A plain column's bytes are contiguous: "ab" + "c" holds "bc" across the row boundary.
        for (label, c) in stringLayouts(["ab", "c", "", "b", "cab", nil, "c"]) {
            XCTAssertEqual(try apply("contains", c, [.literal(.string("bc"))]), bools([false, false, false, false, false, nil, false]), label)
            XCTAssertEqual(try apply("contains", c, [.literal(.string("ab"))]), bools([true, false, false, false, true, nil, false]), label)
            XCTAssertEqual(try apply("replace", c, [.literal(.string("bc")), .literal(.string("!"))]), strings(["ab", "c", "", "b", "cab", nil, "c"]), label)
            XCTAssertEqual(try apply("replace", c, [.literal(.string("b")), .literal(.string("[b]"))]), strings(["a[b]", "c", "", "[b]", "ca[b]", nil, "c"]), label)
            XCTAssertEqual(try apply("replace", c, [.literal(.string("bc")), .literal(.string("XY"))]), strings(["ab", "c", "", "b", "cab", nil, "c"]), label)
            XCTAssertEqual(try apply("replace", c, [.literal(.string("ab")), .literal(.string("XY"))]), strings(["XY", "c", "", "b", "cXY", nil, "c"]), label)
            XCTAssertEqual(try apply("replace", c, [.literal(.string("c")), .literal(.string("Z"))]), strings(["ab", "Z", "", "b", "Zab", nil, "Z"]), label)
        }
    }

    /// Equality for long columns without a String per row: strings compare as packed plain bytes
    /// (null rows are empty in both), other types row by row.
    func sameRows(_ a: AnyColumn, _ b: AnyColumn) -> Bool {
        guard case .string(let x) = a, case .string(let y) = b else { return a == b }
        guard x.validity == y.validity, case .plain(let p) = x.plainEncoded().storage, case .plain(let q) = y.plainEncoded().storage else { return false }
        return p == q
    }

    func testLongColumnsSplitAcrossCoresAgreeWithTheDictionaryPath() throws {
        // 140,000 rows (over twice Parallel.defaultGrain) run the parallel plain-column kernels in
        // chunks; the dictionary layout computes each distinct value once, independently.
        let n = 140_000
        let ascii = stringLayouts(patterned(n, ["alpha-1", "Beta-22", "gamma", "", "x-y-z"], seed: 3))
        let mixed = stringLayouts(patterned(n, ["alpha-1", "ÉTÉ-22", "", "日本-4", "x-y-z"], seed: 5))
        let cases: [(String, [Expr], [(String, AnyColumn)])] = [
            ("upper", [], ascii), ("len", [], mixed), ("contains", [.literal(.string("-2"))], mixed),
            ("replace", [.literal(.string("-")), .literal(.string("--"))], mixed), ("replace", [.literal(.string("-2")), .literal(.string("+3"))], mixed),
            ("replace", [.literal(.string("-")), .literal(.string("_"))], mixed), ("substr", [.literal(.int(2)), .literal(.int(3))], mixed),
            ("concat", [.literal(.string("<")), .literal(.int(-7))], mixed),
        ]
        for (name, rest, layouts) in cases {
            let df = try layouts.map { try DataFrame(columns: [("x", $0.1)]) }
            let r = try df.map { try ExpressionEvaluator(frame: $0).column(.call(name, [.column("x")] + rest)) }
            XCTAssertTrue(sameRows(r[0], r[1]), name)
        }
        guard case .string(let col) = mixed[0].1 else { return XCTFail("not strings") }
        let k = ints((0..<n).map { Int64($0 % 11) - 5 })
        let two = try ExpressionEvaluator(frame: try DataFrame(columns: [("x", mixed[0].1), ("k", k)])).column(.call("concat", [.column("x"), .column("k")]))
        for i in [0, 1, 65_535, 65_536, 70_001, n - 1] {
            XCTAssertEqual(two[i], col[i].map { .string($0 + "\(Int64(i % 11) - 5)") } ?? .null, "row \(i)")
        }
        XCTAssertEqual(two.nullCount, col.nullCount)
    }

    func testIntegerTextMatchesSwiftAtEveryLength() {
        var values: [Int64] = [0, 9, 10, 99, 100, 101, 999, 1000, Int64.max, Int64.min, Int64.min + 1, -1, -10, -99, -100]
        var p: Int64 = 1
        for _ in 0..<18 { p *= 10; values += [p - 1, p, p + 1, -p, -(p - 1)] }
        var buf = [UInt8](repeating: 0, count: 24)
        for v in values {
            let k = StringKernels.decimalLength(v)
            XCTAssertEqual(k, String(v).utf8.count, "length of \(v)")
            buf.withUnsafeMutableBufferPointer { StringKernels.writeDecimal(v, $0.baseAddress!, k) }
            XCTAssertEqual(String(decoding: buf[0..<k], as: UTF8.self), String(v))
        }
    }
}
