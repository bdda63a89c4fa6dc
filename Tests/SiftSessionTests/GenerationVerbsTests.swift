// Tests for generate clickstream (the verb) and sift gen clickstream (the command): same seed, same rows, same bytes.
import Foundation
import XCTest
import SiftFrame
import SiftLang
@testable import SiftSession

final class GenerationVerbsTests: XCTestCase {
    func testVerbIsTheEngineGenerator() throws {
        let c = CapturedSession.withFrames(seed: 9)
        c.run("let a = generate clickstream rows:200 seed:4; let b = generate clickstream rows:200")
        XCTAssertEqual(c.errors, "")
        XCTAssertEqual(c.frame("a"), try ClickstreamGenerator(rows: 200, seed: 4).frame())
        XCTAssertEqual(c.frame("b"), try ClickstreamGenerator(rows: 200, seed: 9).frame(), "default seed: --seed")
        // Its schema is known before it runs.
        XCTAssertTrue(CapturedSession().run("generate clickstream rows:5 | select prduct").contains("error: unknown column 'prduct' (did you mean 'product'?)"))
    }

    func testVerbErrors() {
        func error(_ code: String) -> String { CapturedSession.withFrames().run(code) }
        XCTAssertTrue(error("generate clickstream").contains("error: 'generate clickstream' needs rows:N"))
        XCTAssertTrue(error("generate clickstream rows:-3").contains("error: bad argument 'rows:' to 'generate' (row count from 0 to 2147483647 expected, got -3)"))
        XCTAssertTrue(error("generate clickstrem rows:3").contains("error: 'clickstrem' is not one of clickstream (did you mean 'clickstream'?)"))
        XCTAssertTrue(error("t | generate clickstream rows:3").contains("error: 'generate' starts a pipeline; it takes no input (got a frame)"))
        XCTAssertTrue(error("generate clickstream rows:3 row:4").contains("error: unknown option 'row' for 'generate' (did you mean 'rows'?)"))
    }

    func testCommandWritesTheSameBytesForTheSameSeed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sift-gen-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.csv").path, b = dir.appendingPathComponent("b.csv").path
        let c = dir.appendingPathComponent("c.csv").path
        let r = try runSift(["gen", "clickstream", "--rows", "500", "--seed", "3", "-o", a])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.hasPrefix("wrote \(a): 500 rows × 12 columns, "), r.out)
        XCTAssertEqual(try runSift(["gen", "clickstream", "--rows", "500", "--seed", "3", "-o", b]).status, 0)
        XCTAssertEqual(try runSift(["--seed", "4", "gen", "clickstream", "--rows", "500", "-o", c]).status, 0)
        let bytesA = try Data(contentsOf: URL(fileURLWithPath: a)), bytesB = try Data(contentsOf: URL(fileURLWithPath: b))
        XCTAssertEqual(bytesA, bytesB)
        XCTAssertNotEqual(bytesA, try Data(contentsOf: URL(fileURLWithPath: c)))
        XCTAssertTrue(String(decoding: bytesA, as: UTF8.self).hasPrefix("session_id,user_id,ts,country,page,category,product,colour,location,photo,price,event\n"))
        // The file loads back to the generated frame.
        let loaded = try CSVReader.read(path: a).frame
        XCTAssertEqual(loaded, try ClickstreamGenerator(rows: 500, seed: 3).frame())
        // A file that cannot be written is an error.
        let bad = try runSift(["gen", "clickstream", "--rows", "5", "-o", dir.appendingPathComponent("no/such/dir.csv").path])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.err.hasPrefix("error: "), bad.err)
    }
}
