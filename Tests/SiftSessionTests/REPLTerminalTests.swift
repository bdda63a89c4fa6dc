// The REPL end to end in a pseudo-terminal: readline editing, Tab completion, continuation, :undo, history.
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A `sift` process attached to a pseudo-terminal, driven by keystrokes.
final class TerminalSession {
    let master: Int32
    let process = Process()
    private(set) var transcript = ""

    init(home: String, arguments: [String] = []) throws {
        var m: Int32 = 0, s: Int32 = 0
        var size = winsize(ws_row: 40, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&m, &s, nil, nil, &size) == 0 else { throw NSError(domain: "pty", code: Int(errno)) }
        master = m
        let build = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var exe = build.appendingPathComponent("sift")
        if !FileManager.default.fileExists(atPath: exe.path) { exe = build.deletingLastPathComponent().appendingPathComponent("sift") }
        process.executableURL = exe
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = home
        env["TERM"] = "xterm"
        env["NO_COLOR"] = "1"
        env["INPUTRC"] = "/dev/null"
        process.environment = env
        let slave = FileHandle(fileDescriptor: s, closeOnDealloc: true)
        process.standardInput = slave
        process.standardOutput = slave
        process.standardError = slave
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
    }

    /// Types text (use "\r" for Enter, "\t" for Tab, "\u{1B}[A" for Up).
    func type(_ text: String) {
        var t = text
        t.withUTF8 { buf in _ = write(master, buf.baseAddress, buf.count) }
    }

    /// Reads until the (escape-stripped) output since the last call contains `marker` and then,
    /// after it, `prompt` (so the next keystrokes reach readline, not a terminal it is resetting).
    @discardableResult
    func read(until marker: String, thenPrompt prompt: String? = "sift> ", timeout: Double = 20) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        var fresh = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        func done() -> Bool {
            guard let r = fresh.range(of: marker) else { return false }
            guard let prompt else { return true }
            return fresh[r.upperBound...].contains(prompt)
        }
        while Date() < deadline {
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&pfd, 1, 100) > 0 {
                let n = Glibc.read(master, &buffer, buffer.count)
                if n <= 0 { break }
                fresh += TerminalSession.plain(String(decoding: buffer[0..<n], as: UTF8.self))
                if done() { transcript += fresh; return fresh }
            }
        }
        transcript += fresh
        return nil
    }

    /// Waits for the process to exit, killing it after `timeout` seconds; its exit status, or nil if killed.
    func waitForExit(timeout: Double = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline {
            _ = read(until: "\u{0}", thenPrompt: nil, timeout: 0.2)
        }
        if process.isRunning { process.terminate(); process.waitUntilExit(); return nil }
        return process.terminationStatus
    }

    /// Text without ANSI escape sequences and carriage returns.
    static func plain(_ s: String) -> String {
        var out = ""
        var it = s.unicodeScalars.makeIterator()
        while let c = it.next() {
            if c == "\u{1B}" {
                guard let next = it.next() else { break }
                if next == "[" { while let x = it.next(), !(x.value >= 0x40 && x.value <= 0x7E) {} }
                continue
            }
            if c == "\r" || c == "\u{07}" { continue }
            out.unicodeScalars.append(c)
        }
        return out
    }
}

final class REPLTerminalTests: XCTestCase {
    var home = ""

    override func setUp() {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("sift-repl-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: home) }

    func testCompletionContinuationUndoAndHistoryAcrossRestarts() throws {
        let t = try TerminalSession(home: home)
        XCTAssertNotNil(t.read(until: "Ctrl-D to leave"), t.transcript)
        t.type("let abcdef = 41\r")
        XCTAssertNotNil(t.read(until: "= 41"), t.transcript)
        // Tab completes the variable name.
        t.type("abc\t")
        XCTAssertNotNil(t.read(until: "abcdef", thenPrompt: nil), t.transcript)
        t.type(" + 1\r")
        XCTAssertNotNil(t.read(until: "42"), t.transcript)
        // An open bracket continues the cell.
        t.type("[1,\r")
        XCTAssertNotNil(t.read(until: "[1,", thenPrompt: "....> "), t.transcript)
        t.type("2]\r")
        XCTAssertNotNil(t.read(until: "[1, 2]"), t.transcript)
        // :undo restores the variable.
        t.type("let abcdef = 0\r")
        XCTAssertNotNil(t.read(until: "= 0"), t.transcript)
        t.type(":undo\r")
        XCTAssertNotNil(t.read(until: "undone"), t.transcript)
        t.type("abcdef\r")
        XCTAssertNotNil(t.read(until: "41"), t.transcript)
        // An error does not end the session.
        t.type("nope\r")
        XCTAssertNotNil(t.read(until: "unknown variable 'nope'"), t.transcript)
        t.type(":quit\r")
        XCTAssertEqual(t.waitForExit(), 0, t.transcript)

        // History survives a restart: Up twice recalls `nope` (after `:quit`).
        let history = (try? String(contentsOfFile: home + "/.sift_history", encoding: .utf8)) ?? ""
        XCTAssertTrue(history.contains("let abcdef = 41"), history)
        let t2 = try TerminalSession(home: home)
        XCTAssertNotNil(t2.read(until: "Ctrl-D to leave"), t2.transcript)
        t2.type("\u{1B}[A\u{1B}[A\r")
        XCTAssertNotNil(t2.read(until: "unknown variable 'nope'"), t2.transcript)
        t2.type("\u{04}")   // Ctrl-D on an empty line quits
        XCTAssertEqual(t2.waitForExit(), 0, t2.transcript)
    }
}
