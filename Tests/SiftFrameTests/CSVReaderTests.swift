// Tests for CSVReader: inference, quoting, line endings, options, errors with lines, block boundaries, fuzzing.
import Foundation
import XCTest
@testable import SiftFrame

/// Reads text with options, failing the test on error.
func readCSV(_ text: String, _ configure: (inout CSVReadOptions) -> Void = { _ in }, name: String = "t.csv",
             file: StaticString = #filePath, line: UInt = #line) -> DataFrame {
    var o = CSVReadOptions()
    configure(&o)
    do { return try CSVReader.read(bytes: Array(text.utf8), name: name, options: o).frame } catch {
        XCTFail("read failed: \(error)", file: file, line: line)
        return .empty
    }
}

/// The error reading bytes throws (nil when it reads).
func csvError(_ bytes: [UInt8], _ configure: (inout CSVReadOptions) -> Void = { _ in }, name: String = "data.csv") -> FrameError? {
    var o = CSVReadOptions()
    configure(&o)
    do { _ = try CSVReader.read(bytes: bytes, name: name, options: o); return nil } catch { return error as? FrameError }
}

final class CSVReaderTests: XCTestCase {
    // MARK: - Inference

    func testInfersEachTypeWithNulls() throws {
        let f = readCSV("""
        i,d,b,s,t
        1,1.5,true,apple,2008-04-01
        NA,,FALSE,,2008-04-02 10:30:00
        -3,2,false,pear,
        """)
        XCTAssertEqual(f.columnNames, ["i", "d", "b", "s", "t"])
        XCTAssertEqual(try f.column(named: "i"), ints([1, nil, -3]))
        XCTAssertEqual(try f.column(named: "d"), doubles([1.5, nil, 2]))
        XCTAssertEqual(try f.column(named: "b"), bools([true, false, false]))
        XCTAssertEqual(try f.column(named: "s"), strings(["apple", nil, "pear"]))
        let t = try f.column(named: "t")
        XCTAssertEqual(t.type, .timestamp)
        XCTAssertEqual(t[0], .timestamp(Timestamp(year: 2008, month: 4, day: 1)!))
        XCTAssertEqual(t[1], .timestamp(Timestamp(year: 2008, month: 4, day: 2, hour: 10, minute: 30)!))
        XCTAssertEqual(t[2], .null)
        for i in 0..<f.columnCount { checkColumn(f.column(at: i)) }
    }

    func testTimestampFormsAndOffsetsAreUTC() throws {
        let f = readCSV("""
        t
        2008-04-01T12:30:00+02:00
        2008-04-01 12:30:00.25Z
        2008-04-01 12:30:00 UTC
        2008-04-01T12:30:00.123456-01:30
        """)
        let t = try f.column(named: "t")
        XCTAssertEqual(t[0], .timestamp(Timestamp(year: 2008, month: 4, day: 1, hour: 10, minute: 30)!))
        XCTAssertEqual(t[1], .timestamp(Timestamp(year: 2008, month: 4, day: 1, hour: 12, minute: 30, micro: 250_000)!))
        XCTAssertEqual(t[2], .timestamp(Timestamp(year: 2008, month: 4, day: 1, hour: 12, minute: 30)!))
        XCTAssertEqual(t[3], .timestamp(Timestamp(year: 2008, month: 4, day: 1, hour: 14, minute: 0, micro: 123_456)!))
    }

    func testIntWidensToDoubleAcrossBlocks() throws {
        var text = "x\n"
        for i in 0..<500 { text += "\(i)\n" }
        text += "2.5\n"
        let f = readCSV(text) { $0.blockSize = 64 }
        let x = try f.column(named: "x")
        XCTAssertEqual(x.type, .double)
        XCTAssertEqual(x[499], .double(499))
        XCTAssertEqual(x[500], .double(2.5))
    }

    func testLateTextKeepsTheOriginalTextOfEarlierRows() throws {
        // Typed for 400 rows, then text: the early rows must come back as written ("007", "1.50").
        var text = "code,n\n"
        for i in 0..<400 { text += (i == 3 ? "007" : i == 5 ? "1.50" : i % 7 == 0 ? "" : "\(i)") + ",\(i)\n" }
        text += "x9,400\n"
        let f = readCSV(text) { $0.blockSize = 100 }
        let code = try f.column(named: "code")
        XCTAssertEqual(code.type, .string)
        XCTAssertEqual(code[3], .string("007"))
        XCTAssertEqual(code[5], .string("1.50"))
        XCTAssertEqual(code[7], .null)
        XCTAssertEqual(code[400], .string("x9"))
        XCTAssertEqual(try f.column(named: "n")[400], .int(400))
        checkColumn(code)
    }

    func testMixedKindsBecomeStrings() throws {
        let f = readCSV("a,b,c\n1,true,2008-01-01\ntrue,2,x\n")
        XCTAssertEqual(try f.column(named: "a"), strings(["1", "true"]))
        XCTAssertEqual(try f.column(named: "b"), strings(["true", "2"]))
        XCTAssertEqual(try f.column(named: "c"), strings(["2008-01-01", "x"]))
    }

    func testAllNullColumnIsUntypedNull() throws {
        let f = readCSV("a,b\n1,\n2,NA\n")
        let b = try f.column(named: "b")
        XCTAssertEqual(b.type, DataType.untypedNull)
        XCTAssertEqual(b.nullCount, 2)
    }

    func testIntOverflowIsDouble() throws {
        let f = readCSV("a\n9223372036854775807\n9223372036854775808\n")
        XCTAssertEqual(try f.column(named: "a"), doubles([9223372036854775807, 9223372036854775808]))
        let g = readCSV("a\n-9223372036854775808\n")
        XCTAssertEqual(try g.column(named: "a"), ints([Int64.min]))
    }

    func testNumbersWithSurroundingSpacesStillParse() throws {
        let f = readCSV("a,b\n 1 , x \n2,y\n")
        XCTAssertEqual(try f.column(named: "a"), ints([1, 2]))
        XCTAssertEqual(try f.column(named: "b"), strings([" x ", "y"]))
    }

    func testLowCardinalityStringsAreDictionaryEncoded() throws {
        var text = "event,id\n"
        for i in 0..<300 { text += ["view", "cart", "purchase"][i % 3] + ",u\(i)\n" }
        let f = readCSV(text)
        guard case .string(let e) = try f.column(named: "event"), case .dictionary(_, let entries) = e.storage else {
            return XCTFail("event should be dictionary-encoded")
        }
        XCTAssertEqual((0..<entries.count).map { entries[$0] }, ["view", "cart", "purchase"])
        guard case .string(let id) = try f.column(named: "id"), case .plain = id.storage else {
            return XCTFail("unique ids should be plain")
        }
        XCTAssertEqual(id[299], "u299")
    }

    func testNullsAtEveryPositionAroundWordBoundaries() throws {
        try withEvery("rows", in: boundarySizes) { n in
            for seed in 0..<3 {
                let valid = nullPattern(n, period: 3, seed: seed)
                var text = "a,s\n"
                for i in 0..<n { text += valid[i] ? "\(i),s\(i % 4)\n" : ",\n" }
                let f = try CSVReader.read(bytes: Array(text.utf8), options: CSVReadOptions()).frame
                XCTAssertEqual(f.rowCount, n)
                let a = try f.column(named: "a"), s = try f.column(named: "s")
                checkColumn(a)
                checkColumn(s)
                for i in 0..<n {
                    XCTAssertEqual(a[i], valid[i] ? .int(Int64(i)) : .null, "row \(i) of \(n)")
                    XCTAssertEqual(s[i], valid[i] ? .string("s\(i % 4)") : .null, "row \(i) of \(n)")
                }
            }
        }
    }

    // MARK: - Quotes, line endings, BOM

    func testQuotedFieldsKeepDelimitersQuotesAndNewlines() throws {
        let f = readCSV("id,text\r\n1,\"a, b\"\r\n2,\"say \"\"hi\"\"\"\r\n3,\"two\r\nlines\"\r\n4,\"\"\r\n5,\r\n6,\"NA\"\r\n")
        XCTAssertEqual(try f.column(named: "text"), strings(["a, b", "say \"hi\"", "two\r\nlines", "", nil, "NA"]))
        XCTAssertEqual(try f.column(named: "id"), ints([1, 2, 3, 4, 5, 6]))
    }

    func testQuotedNumbersAreNumbers() throws {
        let f = readCSV("a\n\"1\"\n\"22\"\n")
        XCTAssertEqual(try f.column(named: "a"), ints([1, 22]))
    }

    func testBytesAfterAClosingQuoteAreKept() throws {
        let f = readCSV("a,b\n\"x\"y,1\n")
        XCTAssertEqual(try f.column(named: "a"), strings(["xy"]))
    }

    func testBOMCRLFAndMissingFinalNewline() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a;b\r\n1;x\r\n2;y".utf8)
        let f = try CSVReader.read(bytes: bytes).frame
        XCTAssertEqual(f.columnNames, ["a", "b"])
        XCTAssertEqual(try f.column(named: "a"), ints([1, 2]))
        XCTAssertEqual(try f.column(named: "b"), strings(["x", "y"]))
    }

    func testBlankLinesAreSkippedButAreNullsInOneColumnFiles() throws {
        let f = readCSV("a,b\n\n1,2\n\r\n3,4\n\n")
        XCTAssertEqual(try f.column(named: "a"), ints([1, 3]))
        let g = readCSV("a\n1\n\n3\n")
        XCTAssertEqual(try g.column(named: "a"), ints([1, nil, 3]))
    }

    func testHeaderOnlyGivesNoRows() throws {
        let f = readCSV("a,b\n")
        XCTAssertEqual(f.rowCount, 0)
        XCTAssertEqual(f.columnNames, ["a", "b"])
    }

    // MARK: - Delimiters

    func testSniffsEachDelimiter() throws {
        for (d, text) in [(",", "a,b,c\n1,2,3\n"), (";", "a;b;c\n1;2,5;3\n"), ("\t", "a\tb\n1\t2\n"), ("|", "a|b\n1|x,y\n")] {
            let f = readCSV(text)
            XCTAssertGreaterThan(f.columnCount, 1, "delimiter \(d.debugDescription)")
            XCTAssertEqual(f.columnNames.first, "a", "delimiter \(d.debugDescription)")
        }
        // Commas inside quotes do not fool the sniffer.
        let f = readCSV("name;price\n\"Smith, J\";3\n\"Doe, A\";4\n")
        XCTAssertEqual(f.columnNames, ["name", "price"])
        XCTAssertEqual(try f.column(named: "name"), strings(["Smith, J", "Doe, A"]))
    }

    func testExplicitDelimiter() throws {
        let f = readCSV("a;b\n1;2\n") { $0.delimiter = UInt8(ascii: ",") }
        XCTAssertEqual(f.columnNames, ["a;b"])
        XCTAssertEqual(try f.column(named: "a;b"), strings(["1;2"]))
    }

    // MARK: - Header, names, clean

    func testNoHeaderGivesDefaultNamesOrGivenNames() throws {
        let f = readCSV("1,x\n2,y\n") { $0.header = false }
        XCTAssertEqual(f.columnNames, ["column_1", "column_2"])
        XCTAssertEqual(try f.column(named: "column_1"), ints([1, 2]))
        let g = readCSV("1,x\n2,y\n") { $0.header = false; $0.names = ["n", "s"] }
        XCTAssertEqual(g.columnNames, ["n", "s"])
        let h = readCSV("a,b\n1,x\n") { $0.names = ["n", "s"] }
        XCTAssertEqual(h.columnNames, ["n", "s"])
        XCTAssertEqual(h.rowCount, 1)
        XCTAssertEqual(csvError(Array("a,b\n1,2\n".utf8)) { $0.names = ["x"] },
                       .invalidArgument("names: gives 1 name, but the file has 2 columns"))
    }

    func testCleanNamesAndDuplicates() throws {
        let f = readCSV("session ID,page 1 (main category),price 2,price 2,,Price\n1,2,3,4,5,6\n") { $0.clean = true }
        XCTAssertEqual(f.columnNames, ["session_id", "page_1_main_category", "price_2", "price_2_2", "column_5", "price"])
        let g = readCSV("a,a,a\n1,2,3\n")
        XCTAssertEqual(g.columnNames, ["a", "a_2", "a_3"])
    }

    // MARK: - types:

    func testTypeOverrides() throws {
        let f = readCSV("zip,amount,d\n01234,5,1h 30m\n,7,45s\n") { $0.types = ["zip": .string, "amount": .double, "d": .duration] }
        XCTAssertEqual(try f.column(named: "zip"), strings(["01234", nil]))
        XCTAssertEqual(try f.column(named: "amount"), doubles([5, 7]))
        XCTAssertEqual(try f.column(named: "d"), .duration(Column([Duration(micros: 5_400_000_000), Duration(micros: 45_000_000)])))
    }

    func testTypeOverrideErrors() {
        XCTAssertEqual(csvError(Array("price,n\n1,2\n".utf8)) { $0.types = ["prce": .int] },
                       .context("in option 'types'", .columnNotFound(name: "prce", available: ["price", "n"])))
        XCTAssertEqual(FrameError.context("in option 'types'", .columnNotFound(name: "prce", available: ["price", "n"])).description,
                       "in option 'types': unknown column 'prce' (did you mean 'price'?)")
        XCTAssertEqual(csvError(Array("a,b\n1,2\n3,x\n".utf8)) { $0.types = ["b": .int] },
                       .badData(file: "data.csv", line: 3, message: "column 'b': cannot read 'x' as int"))
    }

    // MARK: - Encodings

    func testLatin1AndInvalidUTF8() throws {
        let bytes: [UInt8] = Array("name,n\n".utf8) + [0x43, 0x61, 0x66, 0xE9] + Array(",1\n".utf8)
        XCTAssertEqual(csvError(bytes), .badData(file: "data.csv", line: 2,
                                                  message: "invalid UTF-8 in column 'name' (if the file is Latin-1, load it with encoding:\"latin-1\")"))
        var o = CSVReadOptions()
        o.encoding = .latin1
        let f = try CSVReader.read(bytes: bytes, options: o).frame
        XCTAssertEqual(try f.column(named: "name"), strings(["Café"]))
        XCTAssertEqual(CSVReadOptions.Encoding(name: "ISO-8859-1"), .latin1)
        XCTAssertEqual(CSVReadOptions.Encoding(name: "latin1"), .latin1)
        let header: [UInt8] = [0x6E, 0xE9] + Array("\n1\n".utf8)
        XCTAssertEqual(csvError(header), .badData(file: "data.csv", line: 1,
                                                   message: "invalid UTF-8 in the header (if the file is Latin-1, load it with encoding:\"latin-1\")"))
    }

    // MARK: - Errors

    func testWrongFieldCountNamesThePhysicalLine() {
        // The record on line 5 starts after a quoted field spanning lines 3-4.
        let text = "a,b,c\n1,2,3\n4,\"x\ny\",6\n7,8\n"
        XCTAssertEqual(csvError(Array(text.utf8)), .badData(file: "data.csv", line: 5, message: "expected 3 fields, found 2"))
        XCTAssertEqual(FrameError.badData(file: "data.csv", line: 5, message: "expected 3 fields, found 2").description,
                       "data.csv:5: expected 3 fields, found 2")
        // The same with tiny blocks, so the bad record is in a later block.
        XCTAssertEqual(csvError(Array(text.utf8)) { $0.blockSize = 8 }, .badData(file: "data.csv", line: 5, message: "expected 3 fields, found 2"))
    }

    func testSkippingBadRows() throws {
        let r = try CSVReader.read(bytes: Array("a,b\n1,2\n3\n4,5,6\n7,8\n".utf8), options: { var o = CSVReadOptions(); o.badRows = .skip; return o }())
        XCTAssertEqual(r.skippedRows, 2)
        XCTAssertEqual(try r.frame.column(named: "a"), ints([1, 7]))
    }

    func testUnterminatedQuoteNamesWhereItOpened() {
        XCTAssertEqual(csvError(Array("a,b\n1,2\n3,\"open\nmore\nlines\n".utf8)),
                       .badData(file: "data.csv", line: 3, message: "unterminated quoted field (the quote opened here is never closed)"))
        XCTAssertEqual(csvError(Array("a,\"b\n".utf8)),
                       .badData(file: "data.csv", line: 1, message: "unterminated quoted field (the quote opened here is never closed)"))
    }

    func testFileErrors() throws {
        let dir = NSTemporaryDirectory() + "sift-csv-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func err(_ path: String) -> FrameError? {
            do { _ = try CSVReader.read(path: path, name: "x.csv"); return nil } catch { return error as? FrameError }
        }
        XCTAssertEqual(err(dir + "/missing.csv"), .io("cannot load 'x.csv': no such file"))
        XCTAssertEqual(err(dir), .io("cannot load 'x.csv': it is a directory, not a file"))
        FileManager.default.createFile(atPath: dir + "/empty.csv", contents: Data())
        XCTAssertEqual(err(dir + "/empty.csv"), .io("cannot load 'x.csv': the file is empty"))
        FileManager.default.createFile(atPath: dir + "/blank.csv", contents: Data("\n\r\n\n".utf8))
        XCTAssertEqual(err(dir + "/blank.csv"), .io("cannot load 'x.csv': the file has no rows (only blank lines)"))
        XCTAssertEqual(csvError([0xEF, 0xBB, 0xBF]), .io("cannot load 'data.csv': the file has no rows (only blank lines)"))
    }

    // MARK: - Blocks and fuzzing

    /// A seeded messy CSV: quotes, embedded newlines, CRLF, nulls, mixed types.
    static func messyCSV(rows: Int, seed: Int) -> String {
        var g = SeededGenerator(seed: seed)
        var text = "id,name,score,flag,when\r\n"
        let words = ["alpha", "be,ta", "ga\"mma", "del\nta", "", "NA", "épsilon", "z"]
        for i in 0..<rows {
            let w = words[g.below(words.count)]
            let name = g.below(5) == 0 ? "" : "\"" + w.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let score = g.below(6) == 0 ? "" : g.below(2) == 0 ? "\(g.below(1000))" : "\(Double(g.below(100_000)) / 64)"
            let flag = ["true", "false", "", "TRUE"][g.below(4)]
            let when = g.below(4) == 0 ? "" : "2008-0\(1 + g.below(9))-1\(g.below(10)) 0\(g.below(10)):1\(g.below(10)):00"
            text += "\(i),\(name),\(score),\(flag),\(when)" + (g.below(2) == 0 ? "\r\n" : "\n")
        }
        return text
    }

    func testEveryBlockSizeGivesTheSameFrame() throws {
        let text = CSVReaderTests.messyCSV(rows: 300, seed: 5)
        let whole = readCSV(text)
        XCTAssertEqual(whole.rowCount, 300)
        XCTAssertEqual(try whole.column(named: "score").type, .double)
        XCTAssertEqual(try whole.column(named: "when").type, .timestamp)
        for size in [64, 65, 97, 128, 300, 1000, 4096] {
            let f = readCSV(text) { $0.blockSize = size }
            XCTAssertEqual(f, whole, "block size \(size)")
        }
    }

    func testParallelParsingMatchesSerial() throws {
        // Enough fields per block to take the parallel path, with small blocks so there are many.
        let text = CSVReaderTests.messyCSV(rows: 20_000, seed: 9)
        let a = readCSV(text)
        let b = readCSV(text) { $0.blockSize = 1 << 16 }
        XCTAssertEqual(a.rowCount, 20_000)
        XCTAssertEqual(a, b)
    }

    func testRandomBytesNeverCrash() {
        var g = SeededGenerator(seed: 2024)
        let alphabet: [UInt8] = Array("a1,;\"\n\r\t .-|".utf8) + [0xC3, 0xA9, 0xFF, 0xEF, 0xBB, 0xBF, 0]
        for round in 0..<400 {
            let n = g.below(200)
            var bytes = (0..<n).map { _ in round % 2 == 0 ? alphabet[g.below(alphabet.count)] : UInt8(g.below(256)) }
            if round % 5 == 0 { bytes = Array("a,b\n".utf8) + bytes }
            for size in [64, 4096] {
                var o = CSVReadOptions()
                o.blockSize = size
                o.badRows = round % 3 == 0 ? .skip : .error
                if let r = try? CSVReader.read(bytes: bytes, options: o) {
                    for i in 0..<r.frame.columnCount { checkColumn(r.frame.column(at: i)) }
                }
            }
        }
    }

    // MARK: - The UCI file

    func testReadsTheUCIClothingFile() throws {
        let path = packageRoot + "/notebooks/data/eshop-clothing-2008.csv"
        var o = CSVReadOptions()
        o.clean = true
        let f = try CSVReader.read(path: path, options: o).frame
        XCTAssertEqual(f.rowCount, 165_474)
        XCTAssertEqual(f.columnNames, ["year", "month", "day", "order", "country", "session_id", "page_1_main_category",
                                       "page_2_clothing_model", "colour", "location", "model_photography", "price", "price_2", "page"])
        XCTAssertEqual(f.schema.map(\.type), [.int, .int, .int, .int, .int, .int, .int, .string, .int, .int, .int, .int, .int, .int])
        // Cross-checked with pandas 3.1: pd.read_csv(path, sep=";") -> price.sum() 7248176,
        // session ID.nunique() 24026, page 2 (clothing model).nunique() 217, last row's model 'B2'.
        guard case .int(let price) = try f.column(named: "price") else { return XCTFail("price") }
        XCTAssertEqual(price.values.reduce(0, +), 7_248_176)
        guard case .int(let sessions) = try f.column(named: "session_id") else { return XCTFail("session_id") }
        XCTAssertEqual(Set(sessions.values).count, 24_026)
        guard case .string(let model) = try f.column(named: "page_2_clothing_model"),
              case .dictionary(_, let entries) = model.storage else { return XCTFail("model should be a dictionary") }
        XCTAssertEqual(entries.count, 217)
        XCTAssertEqual(model[165_473], "B2")
    }
}

/// The package's root folder (this file is Tests/SiftFrameTests/CSVReaderTests.swift).
let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()
