// Helpers for report tests: a temporary folder, a small notebook on shop.csv, and an XML outline of a page.
import Foundation
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import SiftSession

/// A fresh folder under the temporary directory, removed by `cleanUp`.
final class TemporaryFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "sift-report-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes a file into the folder; returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let p = path + "/" + name
        FileManager.default.createFile(atPath: p, contents: Data(text.utf8))
        return p
    }

    /// A file's text, or nil.
    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + name).map { String(decoding: $0, as: UTF8.self) }
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: path) }
}

/// A notebook with a heading, a parameter, a short and a long table, a plot, a warning-free
/// error and a cell after it, on the 300-row shop sample.
let smallNotebook = """
#' # Shop *report* & <test>
#'
#' One row is a **click**; see `shop.csv`.
param input = "\(packageRoot)/Tests/Transcripts/fixtures/shop.csv"
let shop = load input clean:true
shop | select page_2_clothing_model, price | head 3
shop | agg mean_price = mean(price), n = count()

#' ## Long
shop | select price
#' ## A plot
shop | plot hist price bins:5 title:"Prices"
#' ## An error
shop | select prce
#' After the error.
1 + 1
"""

/// The elements of an XML document, in order, with their attributes and text.
final class XMLOutline: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }
    var elements: [Element] = []
    private var open: [Int] = []
    var error: String?

    /// Parses a document; nil when it is not well-formed XML.
    static func parse(_ text: String) -> XMLOutline? {
        let outline = XMLOutline()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = outline
        guard parser.parse() else {
            outline.error = parser.parserError.map { "\($0)" } ?? "unknown"
            XCTFail("not well-formed XML: \(outline.error ?? "") at line \(parser.lineNumber)")
            return nil
        }
        return outline
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        _ = open.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        for i in open { elements[i].text += string }
    }

    /// Elements with a name (and a class containing `cls`, when given).
    func all(_ name: String, class cls: String? = nil) -> [Element] {
        elements.filter { e in
            e.name == name && (cls.map { c in (e.attributes["class"] ?? "").split(separator: " ").contains(Substring(c)) } ?? true)
        }
    }
}
