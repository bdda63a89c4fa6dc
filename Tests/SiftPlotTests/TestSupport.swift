// Helpers for SiftPlot tests: golden reference files, an SVG parsed as XML, and deterministic data.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import SiftPlot

/// Golden text references under `Tests/SiftPlotTests/References/NAME.txt`, compared byte for byte.
///
/// Run with `SIFT_UPDATE_REFERENCES=1 swift test --filter SiftPlotTests` to (re)write them; every
/// rewritten file must then be read and checked by hand before it is committed.
enum Reference {
    static let folder: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("References")

    static var updating: Bool { ProcessInfo.processInfo.environment["SIFT_UPDATE_REFERENCES"] == "1" }

    /// Compares `text` with the reference `name`.
    static func check(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = folder.appendingPathComponent(name + ".txt")
        let actual = text + "\n"
        if updating {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            XCTAssertNoThrow(try actual.write(to: url, atomically: true, encoding: .utf8), file: file, line: line)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return XCTFail("missing reference \(name).txt; run with SIFT_UPDATE_REFERENCES=1 and check it by hand", file: file, line: line)
        }
        if expected != actual {
            XCTFail("\(name) differs from its reference\n--- expected\n\(expected)--- actual\n\(actual)", file: file, line: line)
        }
    }
}

/// An SVG document parsed with Foundation's XML parser: every element with its attributes and text.
final class SVGDocument: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
        /// The `class` attributes of the element's enclosing groups, innermost last.
        var groups: [String]
        var cls: String { attributes["class"] ?? "" }
    }
    private(set) var elements: [Element] = []
    private var stack: [Int] = []
    private(set) var error: Error?

    /// Parses a document; `error` is set when it is not well-formed XML.
    init(_ text: String) {
        super.init()
        let p = XMLParser(data: Data(text.utf8))
        p.delegate = self
        if !p.parse() { error = p.parserError ?? NSError(domain: "svg", code: 1) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        let groups = stack.map { elements[$0] }.filter { $0.name == "g" }.map(\.cls)
        elements.append(Element(name: name, attributes: attributes, text: "", groups: groups))
        stack.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { _ = stack.popLast() }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let i = stack.last { elements[i].text += string }
    }

    /// Elements with a tag name, optionally inside a group with a class.
    func all(_ name: String, class cls: String? = nil, inGroup group: String? = nil) -> [Element] {
        elements.filter { $0.name == name && (cls == nil || $0.cls == cls) && (group == nil || $0.groups.contains(group!)) }
    }

    /// The text of every `<text>` element.
    var texts: [String] { all("text").map(\.text) }
}

/// Deterministic data for charts: a tiny xorshift generator (Marsaglia, "Xorshift RNGs", 2003)
/// so tests do not depend on any library's random numbers.
struct TestData {
    var state: UInt64

    init(seed: UInt64) { state = seed == 0 ? 0x9E3779B97F4A7C15 : seed }

    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    /// Uniform in [0, 1).
    mutating func uniform() -> Double { Double(next() >> 11) / 9_007_199_254_740_992 }

    /// A bell-shaped value: the sum of four uniforms, centred and scaled (Irwin–Hall).
    mutating func bell(mean: Double = 0, spread: Double = 1) -> Double {
        (uniform() + uniform() + uniform() + uniform() - 2) * spread + mean
    }
}

/// Removes ANSI SGR sequences.
func strippingANSI(_ s: String) -> String {
    var out = ""
    var it = s.unicodeScalars.makeIterator()
    while let u = it.next() {
        if u == "\u{1B}" {
            while let v = it.next(), v != "m" {}
            continue
        }
        out.unicodeScalars.append(u)
    }
    return out
}

/// Every line of a chart is at most `width` characters and there are at most `height` lines.
func assertFits(_ text: String, width: Int, height: Int, file: StaticString = #filePath, line: UInt = #line) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    XCTAssertLessThanOrEqual(lines.count, height, "too many lines", file: file, line: line)
    for l in lines { XCTAssertLessThanOrEqual(l.count, width, "line too wide: \(l)", file: file, line: line) }
}
