// Runs `sift test` over Tests/Transcripts and notebooks/, so `swift test` alone checks every transcript.
import Foundation
import XCTest
@testable import SiftSession

/// The package's root folder (this file is Tests/SiftSessionTests/TranscriptSuiteTests.swift).
let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

final class TranscriptSuiteTests: XCTestCase {
    /// Replays one folder from the package root (notebooks name their data relative to it).
    func replay(_ folder: String, file: StaticString = #filePath, line: UInt = #line) {
        let fm = FileManager.default
        let saved = fm.currentDirectoryPath
        XCTAssertTrue(fm.changeCurrentDirectoryPath(packageRoot))
        defer { _ = fm.changeCurrentDirectoryPath(saved) }
        var report = ""
        var tester = TranscriptTester(options: SessionOptions(), out: { report += $0 })
        let ok = tester.run(paths: [folder], update: false)
        XCTAssertTrue(ok, "transcripts in \(folder) differ:\n\(report)", file: file, line: line)
        XCTAssertFalse(TranscriptTester.notebooks(in: [folder]).found.isEmpty, "no transcripts found in \(folder)", file: file, line: line)
    }

    func testLanguageTranscripts() { replay("Tests/Transcripts") }

    /// The shipped notebooks (01-eda.sift on the UCI clickstream): a change that alters what
    /// they print fails here until `sift test --update notebooks/` records it on purpose.
    func testNotebookTranscripts() { replay("notebooks") }
}
