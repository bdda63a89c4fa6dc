// End-to-end tests of the built `sift` binary: scripts, -c, piped stdin, flags and exit codes.
import Foundation
import XCTest

/// Runs the `sift` executable built beside the test bundle.
func runSift(_ args: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> (out: String, err: String, status: Int32) {
    let build = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    var exe = build.appendingPathComponent("sift")
    if !FileManager.default.fileExists(atPath: exe.path) {
        // `swift test` may run the bundle from inside its .xctest folder.
        exe = build.deletingLastPathComponent().appendingPathComponent("sift")
    }
    let p = Process()
    p.executableURL = exe
    p.arguments = args
    p.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    p.environment = env
    let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
    p.standardOutput = outPipe
    p.standardError = errPipe
    p.standardInput = inPipe
    try p.run()
    if let stdin { inPipe.fileHandleForWriting.write(Data(stdin.utf8)) }
    try inPipe.fileHandleForWriting.close()
    let out = outPipe.fileHandleForReading.readDataToEndOfFile()
    let err = errPipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self), p.terminationStatus)
}

final class ExecutableTests: XCTestCase {
    func testDashCRunsCode() throws {
        let r = try runSift(["-c", "let a = 20; a + 22"])
        XCTAssertEqual(r.out, "42\n")
        XCTAssertEqual(r.status, 0)
    }

    func testPipedStdinRunsAsAScript() throws {
        let r = try runSift([], stdin: "1 + 1\n[1, 2]\n")
        XCTAssertEqual(r.out, "2\n[1, 2]\n")
        XCTAssertEqual(r.err, "")
        XCTAssertEqual(r.status, 0)
    }

    func testErrorExitsOneAfterEarlierOutput() throws {
        let r = try runSift(["-c", "1\n2 + \"a\"\n3"])
        XCTAssertEqual(r.out, "1\n")
        XCTAssertEqual(r.err, "<-c>:2:1: error: cannot apply '+' to int and string; use concat(a, b) to join strings\n2 + \"a\"\n^^^^^^^\n")
        XCTAssertEqual(r.status, 1)
    }

    func testScriptFilesRunInOrderAndMissingFileFails() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sift-exe-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.sift"), b = dir.appendingPathComponent("b.sift")
        try "param n = 1\nn * 10\n".write(to: a, atomically: true, encoding: .utf8)
        try "\"second\"\n".write(to: b, atomically: true, encoding: .utf8)
        let r = try runSift(["--param", "n=4", a.path, b.path])
        XCTAssertEqual(r.out, "40\nsecond\n")
        let missing = try runSift([dir.appendingPathComponent("nope.sift").path])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.err.hasPrefix("error: cannot open"), missing.err)
    }

    func testVersionHelpAndUsageErrors() throws {
        XCTAssertEqual(try runSift(["--version"]).out, "sift 0.1.0\n")
        XCTAssertTrue(try runSift(["--help"]).out.hasPrefix("usage: sift"))
        let bad = try runSift(["--width", "x"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.err.hasPrefix("sift: --width needs a whole number, got 'x'"), bad.err)
    }
}
