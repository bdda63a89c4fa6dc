// Builds SVG 1.1 documents element by element, with escaped text and locale-free coordinates.

/// Accumulates SVG elements and wraps them in a standalone SVG 1.1 document.
///
/// Coordinates are written with at most two decimals by ``num(_:)`` (integer arithmetic, no
/// locale), so documents are byte-for-byte deterministic. Text is escaped for XML. Elements
/// carry `class` names (`axis`, `tick`, `bar`, `point`, `legend`, ...) that tests and style
/// sheets can select on; the document itself uses presentation attributes only, so it needs no
/// style sheet.
struct SVGWriter {
    private(set) var body: [String] = []
    private var depth = 1

    /// A coordinate or length: two decimals at most, trailing zeros dropped.
    static func num(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        return NumberText.trimmed(NumberText.fixed(v, decimals: 2))
    }

    /// Text escaped for XML character data and attribute values.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // XML 1.0 forbids most control characters even as references; drop them.
                if u.value < 0x20, u != "\t", u != "\n", u != "\r" { continue }
                if u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    private mutating func emit(_ s: String) { body.append(String(repeating: "  ", count: depth) + s) }

    /// Opens a `<g>` group with a class name (and optional extra attributes).
    mutating func open(_ cls: String, _ attributes: String = "") {
        emit("<g class=\"\(cls)\"\(attributes.isEmpty ? "" : " " + attributes)>")
        depth += 1
    }

    /// Closes the innermost group.
    mutating func close() {
        depth -= 1
        emit("</g>")
    }

    /// A rectangle (negative sizes are normalised).
    mutating func rect(x: Double, y: Double, width w: Double, height h: Double, fill: String, opacity: Double? = nil,
                       stroke: String? = nil, cls: String? = nil) {
        let x0 = w < 0 ? x + w : x, y0 = h < 0 ? y + h : y
        var s = "<rect"
        if let cls { s += " class=\"\(cls)\"" }
        s += " x=\"\(SVGWriter.num(x0))\" y=\"\(SVGWriter.num(y0))\" width=\"\(SVGWriter.num(abs(w)))\" height=\"\(SVGWriter.num(abs(h)))\" fill=\"\(fill)\""
        if let opacity { s += " fill-opacity=\"\(SVGWriter.num(opacity))\"" }
        if let stroke { s += " stroke=\"\(stroke)\"" }
        emit(s + "/>")
    }

    /// A straight line.
    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1,
                       dash: String? = nil, cls: String? = nil) {
        var s = "<line"
        if let cls { s += " class=\"\(cls)\"" }
        s += " x1=\"\(SVGWriter.num(x1))\" y1=\"\(SVGWriter.num(y1))\" x2=\"\(SVGWriter.num(x2))\" y2=\"\(SVGWriter.num(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(SVGWriter.num(width))\""
        if let dash { s += " stroke-dasharray=\"\(dash)\"" }
        emit(s + "/>")
    }

    /// An open polyline through points.
    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 1.5, dash: String? = nil, cls: String? = nil) {
        guard !points.isEmpty else { return }
        var s = "<polyline"
        if let cls { s += " class=\"\(cls)\"" }
        s += " points=\"" + points.map { SVGWriter.num($0.0) + "," + SVGWriter.num($0.1) }.joined(separator: " ") + "\""
        s += " fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(SVGWriter.num(width))\" stroke-linejoin=\"round\""
        if let dash { s += " stroke-dasharray=\"\(dash)\"" }
        emit(s + "/>")
    }

    /// A circle.
    mutating func circle(cx: Double, cy: Double, r: Double, fill: String, opacity: Double? = nil, stroke: String? = nil, cls: String? = nil) {
        var s = "<circle"
        if let cls { s += " class=\"\(cls)\"" }
        s += " cx=\"\(SVGWriter.num(cx))\" cy=\"\(SVGWriter.num(cy))\" r=\"\(SVGWriter.num(r))\" fill=\"\(fill)\""
        if let opacity { s += " fill-opacity=\"\(SVGWriter.num(opacity))\"" }
        if let stroke { s += " stroke=\"\(stroke)\"" }
        emit(s + "/>")
    }

    /// How text lines up with its x position.
    enum Anchor: String { case start, middle, end }

    /// A text element; `y` is the baseline unless `middle` centres it vertically on `y`.
    mutating func text(_ t: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 11, bold: Bool = false,
                       fill: String = "#333333", rotate: Double? = nil, middle: Bool = false, cls: String? = nil) {
        var s = "<text"
        if let cls { s += " class=\"\(cls)\"" }
        s += " x=\"\(SVGWriter.num(x))\" y=\"\(SVGWriter.num(y))\""
        if middle { s += " dy=\"0.35em\"" }
        if anchor != .start { s += " text-anchor=\"\(anchor.rawValue)\"" }
        s += " font-size=\"\(SVGWriter.num(size))\" fill=\"\(fill)\""
        if bold { s += " font-weight=\"bold\"" }
        if let rotate { s += " transform=\"rotate(\(SVGWriter.num(rotate)) \(SVGWriter.num(x)) \(SVGWriter.num(y)))\"" }
        emit(s + ">" + SVGWriter.escape(t) + "</text>")
    }

    /// The finished document.
    func document(width: Int, height: Int, title: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\""
        out += " font-family=\"Helvetica, Arial, sans-serif\">\n"
        out += "  <title>" + SVGWriter.escape(title) + "</title>\n"
        out += "  <rect class=\"background\" x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        out += body.joined(separator: "\n")
        if !body.isEmpty { out += "\n" }
        return out + "</svg>\n"
    }

    /// The approximate width of text in pixels (average glyph width of a sans-serif face,
    /// 0.6 em), for layout decisions; SVG cannot measure text before it is rendered.
    static func textWidth(_ s: String, size: Double = 11) -> Double { Double(s.count) * size * 0.6 }
}
