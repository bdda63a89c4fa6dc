// A small reading of an SVG document with Foundation's XML parser, for tests of saved plots.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG document read with Foundation's XML parser: the classes of its groups and rectangles and its texts.
final class XMLSummary: NSObject, XMLParserDelegate {
    private(set) var groups: [String] = [], rects: [String] = [], texts: [String] = []
    private(set) var error: Error?
    private var inText = false

    init(_ text: String) {
        super.init()
        let p = XMLParser(data: Data(text.utf8))
        p.delegate = self
        if !p.parse() { error = p.parserError ?? NSError(domain: "svg", code: 1) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "g" { groups.append(attributes["class"] ?? "") }
        if name == "rect" { rects.append(attributes["class"] ?? "") }
        if name == "text" { inText = true; texts.append("") }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText, !texts.isEmpty { texts[texts.count - 1] += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { inText = false }
    }
}
