// The plot value of the language: a SiftPlot chart carried as a host object that displays itself and saves as SVG or text.
import SiftFrame
import SiftLang
import SiftPlot

/// A chart made by `plot KIND ...`: shown in the terminal when displayed, written by `save` as
/// SVG (`.svg`) or as the colourless terminal form (`.txt`).
///
/// `width:` and `height:` mean characters for the terminal form and pixels for SVG, as
/// LANGUAGE.md's plot options say. Each form uses a size only where it makes sense for it and
/// keeps its default otherwise: the terminal uses `width` when it fits the display (at least
/// 24 and at most the display width) and `height` from 6 to 100 rows, SVG uses them from
/// 160 × 100 pixels up to 4000 × 4000. So `width:60 height:15` shapes the terminal chart and
/// leaves the SVG at 640 × 400, and `width:1000 height:600` sizes the SVG and leaves the
/// terminal chart at the display's size.
public struct PlotValue: HostObject {
    /// The chart.
    public let plot: Plot
    /// The `width:` option, if given.
    public let width: Int?
    /// The `height:` option, if given.
    public let height: Int?

    /// The widest a chart is drawn by default, however wide the terminal: beyond this a chart
    /// gets no easier to read.
    public static let maxDefaultWidth = 120

    /// Creates a plot value.
    public init(plot: Plot, width: Int? = nil, height: Int? = nil) {
        self.plot = plot
        self.width = width
        self.height = height
    }

    /// `plot`.
    public var typeName: String { "plot" }

    /// The terminal size for a display width and default plot height.
    public func textSize(displayWidth: Int, plotHeight: Int) -> (width: Int, height: Int) {
        let w = width.flatMap { (24...displayWidth).contains($0) ? $0 : nil } ?? min(displayWidth, PlotValue.maxDefaultWidth)
        let h = height.flatMap { (6...100).contains($0) ? $0 : nil } ?? plotHeight
        return (w, h)
    }

    /// The SVG size in pixels.
    public var svgSize: (width: Int, height: Int) {
        (width.flatMap { (160...4000).contains($0) ? $0 : nil } ?? Plot.defaultSVGSize.width,
         height.flatMap { (100...4000).contains($0) ? $0 : nil } ?? Plot.defaultSVGSize.height)
    }

    /// The chart drawn at the display width and plot height, coloured when colour is on.
    public func display(_ options: DisplayOptions) -> String {
        let size = textSize(displayWidth: options.width, plotHeight: options.plotHeight)
        return plot.text(width: size.width, height: size.height, color: options.color)
    }

    /// `.kind` is the chart kind (`"hist"`), `.svg` the SVG document as a string.
    public func member(_ name: String) -> Value? {
        switch name {
        case "kind": return .scalar(.string(plot.kind))
        case "svg": return .scalar(.string(plot.svg(width: svgSize.width, height: svgSize.height)))
        default: return nil
        }
    }

    /// `svg` and `txt`.
    public var savableExtensions: [String] { ["svg", "txt"] }

    /// SVG for `svg`; for `txt`, the terminal form without colour at the default display size
    /// (100 × 20, or `width:`/`height:` when given), with a final newline.
    public func savedContents(extension ext: String) throws -> [UInt8]? {
        switch ext {
        case "svg":
            let s = svgSize
            return Array(plot.svg(width: s.width, height: s.height).utf8)
        case "txt":
            let d = DisplayOptions()
            let size = textSize(displayWidth: max(d.width, min(width ?? 0, 200)), plotHeight: d.plotHeight)
            return Array((plot.text(width: size.width, height: size.height, color: false) + "\n").utf8)
        default:
            return nil
        }
    }
}
