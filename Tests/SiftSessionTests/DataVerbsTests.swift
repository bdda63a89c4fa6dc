// Tests for the load and save verbs: path resolution, options, pass-through, host objects, errors.
import Foundation
import XCTest
import SiftFrame
import SiftLang
@testable import SiftSession

/// A host object that saves as `.txt` only.
struct NoteObject: HostObject {
    var typeName: String { "note" }
    func display(_ options: DisplayOptions) -> String { "<note>" }
    var savableExtensions: [String] { ["txt"] }
    func savedContents(extension ext: String) throws -> [UInt8]? { ext == "txt" ? Array("a note\n".utf8) : nil }
}

final class DataVerbsTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "sift-dataverbs-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "a,b\n1,x\n2,y\n".write(toFile: dir + "/small.csv", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func testRelativePathsFallBackToTheScriptsFolder() {
        let s = CapturedSession()
        var out = ""
        s.session.output = { out += $0 }
        XCTAssertTrue(s.session.runScript("len(load \"small.csv\")", name: "x.sift", directory: dir))
        XCTAssertEqual(out, "2\n")
    }

    func testSavePassesItsInputOnAndWritesCSV() throws {
        let s = CapturedSession()
        XCTAssertEqual(s.run("load \"\(dir)/small.csv\" | save \"\(dir)/copy.csv\" | count"), "2\n")
        XCTAssertEqual(try String(contentsOfFile: dir + "/copy.csv", encoding: .utf8), "a,b\n1,x\n2,y\n")
        XCTAssertEqual(s.run("len(load \"\(dir)/copy.csv\")"), "2\n")
    }

    func testSaveWritesHostObjectsByExtension() throws {
        let s = CapturedSession()
        s.session.interpreter.globals.bind("n", .object(NoteObject()))
        XCTAssertEqual(s.run("n | save \"\(dir)/n.txt\""), "<note>\n")
        XCTAssertEqual(try String(contentsOfFile: dir + "/n.txt", encoding: .utf8), "a note\n")
        XCTAssertTrue(s.run("n | save \"\(dir)/n.svg\"").contains("cannot save a note as '.svg'; it saves as .txt"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/n.svg"))
    }

    func testLoadErrors() {
        let s = CapturedSession()
        XCTAssertTrue(s.run("1 | load \"x.csv\"").contains("'load' starts a pipeline; it cannot take a piped int"))
        XCTAssertTrue(s.run("load \"\(dir)/small.csv\" delim:\"ab\"").contains("option 'delim' of 'load' needs one character"))
        XCTAssertTrue(s.run("load \"\(dir)/small.csv\" header:1").contains("option 'header' of 'load' needs true or false, got int"))
        XCTAssertTrue(s.run("load \"\(dir)/small.csv\" bad_rows:\"skipp\"").contains("'skipp' is not one of error, skip (did you mean 'skip'?)"))
        XCTAssertTrue(s.run("load \"\(dir)/small.csv\" encoding:\"utf-16\"").contains("unknown encoding 'utf-16'"))
        XCTAssertTrue(s.run("load \"m.json\"").contains("cannot read 'm.json': no such file"))
    }
}
