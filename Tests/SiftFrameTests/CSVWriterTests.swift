// Tests for CSVWriter and AtomicFile: exact text, quoting, number forms, atomic replacement, and a seeded round-trip property.
import Foundation
import XCTest
@testable import SiftFrame

final class CSVWriterTests: XCTestCase {
    func text(_ f: DataFrame) -> String { String(decoding: CSVWriter.encode(f), as: UTF8.self) }

    func testWritesEachTypeAsDocumented() throws {
        let t0 = Timestamp(year: 2008, month: 4, day: 1, hour: 9, minute: 5, second: 7)!
        let t1 = Timestamp(year: 2008, month: 4, day: 1, hour: 9, minute: 5, second: 7, micro: 120)!
        let f = frame([
            ("i", ints([1, nil, -30])),
            ("d", doubles([3, 0.1, nil])),
            ("b", bools([true, false, nil])),
            ("s", strings(["plain", "", nil])),
            ("t", .timestamp(Column([t0, t1, nil]))),
            ("u", .duration(Column([Duration(micros: 93_784_000_000), nil, Duration(micros: -1_500_000)]))),
        ])
        XCTAssertEqual(text(f), """
        i,d,b,s,t,u
        1,3.0,true,plain,2008-04-01 09:05:07,1d 2h 3m 4s
        ,0.1,false,"",2008-04-01 09:05:07.000120,
        -30,,,,,-1.5s

        """)
    }

    func testQuotesOnlyWhereNeeded() {
        let f = frame([("text", strings(["a,b", "say \"hi\"", "two\nlines", "cr\rhere", "NA", "null", "NaN", "NULL", "na", "ünï"])),
                       ("a b", ints(Array(repeating: 1, count: 10)))])
        XCTAssertEqual(text(f), """
        text,a b
        "a,b",1
        "say ""hi\""",1
        "two
        lines",1
        "cr\rhere",1
        "NA",1
        "null",1
        "NaN",1
        "NULL",1
        na,1
        ünï,1

        """)
    }

    func testDoublesUseTheShortestRoundTripForm() {
        var g = SeededGenerator(seed: 3)
        var values: [Double] = [0, -0.0, 1e15, 1e16, 999_999_999_999_999, -123, 0.1, 1e-7, 5e-324, .infinity, -.infinity, 2.5e15]
        for _ in 0..<5000 {
            values.append(Double(Int64(bitPattern: g.next()) >> Int64(g.below(64))))
            values.append(Double(bitPattern: g.next() & 0x7FEF_FFFF_FFFF_FFFF))
        }
        let out = text(frame([("x", doubles(values))]))
        let lines = out.split(separator: "\n").dropFirst()
        XCTAssertEqual(lines.count, values.count)
        for (v, line) in zip(values, lines) { XCTAssertEqual(String(line), v.description) }
    }

    func testTimestampsOutsideFourDigitYearsStillWrite() {
        let t = Timestamp(micros: -70_000_000_000_000_000)
        XCTAssertEqual(text(frame([("t", .timestamp(Column([t])))])), "t\n\(t.description)\n")
    }

    // MARK: - Round trip

    /// A seeded random frame of every type with nulls, quotes, commas, newlines, unicode and empty strings.
    static func randomFrame(rows: Int, seed: Int) -> DataFrame {
        var g = SeededGenerator(seed: seed)
        let pieces = ["a", ",", "\"", "\n", "\r\n", " ", "é", "日本", "NA", "", "x y", "🙂", "1", "true", "2008-01-01"]
        func maybe<T>(_ v: T) -> T? { g.below(6) == 0 ? nil : v }
        var i: [Int64?] = [], d: [Double?] = [], b: [Bool?] = [], s: [String?] = [], t: [Timestamp?] = [], u: [Duration?] = [], n: [Double?] = []
        for _ in 0..<rows {
            i.append(maybe(Int64(bitPattern: g.next()) >> Int64(g.below(64))))
            d.append(maybe(g.below(3) == 0 ? Double(g.below(1000)) : Double(bitPattern: g.next() & 0x7FEF_FFFF_FFFF_FFFF) * (g.below(2) == 0 ? 1 : -1)))
            b.append(maybe(g.below(2) == 0))
            s.append(maybe((0..<g.below(4)).map { _ in pieces[g.below(pieces.count)] }.joined()))
            t.append(maybe(Timestamp(micros: Int64(g.below(4_000_000_000)) * 1_000_000 + (g.below(2) == 0 ? 0 : Int64(g.below(1_000_000))))))
            u.append(maybe(Duration(micros: Int64(g.below(1_000_000_000)) * (g.below(2) == 0 ? 1_000_000 : 1) - 500_000_000)))
            n.append(nil)
        }
        return (try? DataFrame(columns: [("i", ints(i)), ("d", doubles(d)), ("b", bools(b)), ("s", strings(s)),
                                         ("t", .timestamp(Column(t))), ("u", .duration(Column(u))), ("n", doubles(n))])) ?? .empty
    }

    func testRandomFramesRoundTrip() throws {
        for seed in 0..<25 {
            let rows = [0, 1, 2, 63, 64, 65, 200][seed % 7]
            let f = CSVWriterTests.randomFrame(rows: rows, seed: seed)
            var o = CSVReadOptions()
            // Inference would legitimately read these differently: strings that look like numbers,
            // durations (written in literal form), an all-null column, and columns of a few rows.
            o.types = ["i": .int, "d": .double, "b": .bool, "s": .string, "t": .timestamp, "u": .duration, "n": .double]
            o.blockSize = seed % 2 == 0 ? 64 : 1 << 20
            let back = try CSVReader.read(bytes: CSVWriter.encode(f), options: o).frame
            XCTAssertEqual(back, f, "seed \(seed), \(rows) rows")
        }
    }

    func testRoundTripWithInference() throws {
        let f = frame([("id", ints([1, 2, 3])), ("price", doubles([2, 2.5, nil])), ("name", strings(["a,b", "", "NA"])),
                       ("ok", bools([true, nil, false])), ("when", .timestamp(Column([Timestamp(micros: 0), nil, Timestamp(micros: 1)])))])
        XCTAssertEqual(try CSVReader.read(bytes: CSVWriter.encode(f)).frame, f)
    }

    // MARK: - Files

    func testAtomicWriteReplacesOrLeavesTheTargetAlone() throws {
        let dir = NSTemporaryDirectory() + "sift-atomic-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/out.csv"
        try CSVWriter.write(frame([("a", ints([1, 2]))]), to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "a\n1\n2\n")

        struct Boom: Error {}
        XCTAssertThrowsError(try AtomicFile.write(to: path) { sink in
            try Array("partial".utf8).withUnsafeBytes { try sink.write($0) }
            throw Boom()
        })
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "a\n1\n2\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["out.csv"], "no temporary file left behind")

        XCTAssertThrowsError(try CSVWriter.write(frame([("a", ints([1]))]), to: dir + "/missing/out.csv")) { e in
            XCTAssertEqual(e as? FrameError, .io("cannot save '\(dir)/missing/out.csv': the folder '\(dir)/missing' does not exist"))
        }
    }
}
