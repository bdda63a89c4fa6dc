// The public face of SiftPlot: a chart built from plain data, rendered as terminal text or as SVG.

/// A chart: built once from plain data and options, then rendered as text for the terminal or
/// as an SVG document, as often and at whatever size is wanted.
///
/// A plot is a value; rendering is a pure function of it and the size, so the same data gives
/// the same bytes every time (STYLE.md §5). Nothing here prints.
///
/// ```swift
/// let p = Plot.histogram([1, 2, 2, 3, 3, 3], options: PlotOptions(xLabel: "x"))
/// print(p.text(width: 80, height: 20, color: false))
/// let svg = p.svg(width: 640, height: 400)
/// ```
///
/// Constructors, one per chart kind, live in `Charts/`: ``histogram(_:groups:options:)``,
/// ``bar(labels:values:options:)``, ``line(x:y:groups:options:)``,
/// ``scatter(x:y:groups:options:)``, ``box(_:groups:options:)``,
/// ``heatmap(rowLabels:columnLabels:values:options:)``,
/// ``funnel(steps:counts:rateFromPrevious:rateFromFirst:options:)``, ``roc(_:options:)`` and
/// ``importance(features:importances:options:)``. Each takes numbers as `[Double]` where NaN
/// (and ±infinity) means missing — such values are skipped and counted in a note — and
/// timestamps as microseconds since the epoch with ``PlotOptions/xIsTime`` set.
public struct Plot: Sendable {
    /// The chart kind (`hist`, `bar`, `line`, `scatter`, `box`, `heatmap`, `funnel`, `roc`, `importance`).
    public let kind: String
    /// What the chart shows, laid out by each renderer.
    let figure: Figure

    /// The size SVG documents have unless asked otherwise, in pixels.
    public static let defaultSVGSize = (width: 640, height: 400)

    /// The smallest text chart drawn; smaller requests are raised to it.
    public static let minimumTextSize = (width: 24, height: 6)

    init(kind: String, figure: Figure) {
        self.kind = kind
        self.figure = figure
    }

    /// The chart as lines of terminal text that fit `width` columns and `height` rows
    /// (title, axes, labels and legend included), without a trailing newline.
    ///
    /// Points and lines are braille dots (2×4 per cell), bars grow by eighths of a cell, and
    /// heatmaps are shaded. With `color`, series take ANSI colours; without it, they take
    /// different glyphs (bar shades, point marks), so the chart reads in plain text. With more
    /// series than the six colours, the series whose colour repeats also take glyphs.
    ///
    /// - Parameters:
    ///   - width: columns available (at least ``minimumTextSize``'s width is used).
    ///   - height: rows available (at least ``minimumTextSize``'s height is used).
    ///   - color: whether ANSI colour codes may be used.
    /// - Returns: the chart's lines joined by `\n`, trailing spaces removed.
    /// - Complexity: O(width × height) plus O(n) in the number of points drawn.
    public func text(width: Int, height: Int, color: Bool) -> String {
        let w = max(Plot.minimumTextSize.width, width), h = max(Plot.minimumTextSize.height, height)
        return TerminalRenderer(figure: figure, width: w, height: h, color: color).render()
    }

    /// The chart as a standalone SVG 1.1 document of `width` × `height` pixels: axes, ticks,
    /// labels, legend and title as `<text>`, no scripts, styles sheets or external resources.
    ///
    /// - Parameters:
    ///   - width: pixels across (at least 160).
    ///   - height: pixels down (at least 100).
    /// - Returns: the document, starting with an XML declaration and ending with a newline.
    /// - Complexity: O(marks); scatter plots of more than ``SVGRenderer/maxPointMarks`` points
    ///   are drawn as a density grid, so the document stays small.
    public func svg(width: Int = Plot.defaultSVGSize.width, height: Int = Plot.defaultSVGSize.height) -> String {
        SVGRenderer(figure: figure, width: max(160, width), height: max(100, height)).render()
    }
}

/// Options shared by every chart kind.
public struct PlotOptions: Sendable, Equatable {
    /// A title above the chart.
    public var title: String?
    /// The x axis label (usually the column name).
    public var xLabel: String
    /// The y axis label (usually the column name; `count` for histograms and counted bars).
    public var yLabel: String
    /// Put the value axis on a log scale: y for histograms, bars, lines and scatter plots, the
    /// value axis of box plots and importance bars. Values ≤ 0 cannot be shown and are counted
    /// in a note.
    public var log: Bool
    /// The number of histogram bins (nil: chosen by NumPy's `auto` rule, see ``HistogramBins``).
    public var bins: Int?
    /// The x values are timestamps in microseconds since the epoch (calendar ticks).
    public var xIsTime: Bool
    /// The name of the `by:` grouping, shown in the legend header.
    public var groupLabel: String?

    /// Creates options; everything is optional.
    public init(title: String? = nil, xLabel: String = "", yLabel: String = "", log: Bool = false,
                bins: Int? = nil, xIsTime: Bool = false, groupLabel: String? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.log = log
        self.bins = bins
        self.xIsTime = xIsTime
        self.groupLabel = groupLabel
    }
}

/// Which series each row belongs to: a code per row into a list of labels (the `by:` column).
public struct PlotGroups: Sendable, Equatable {
    /// One code per row, each in `0..<labels.count`.
    public var codes: [Int32]
    /// The series names, in legend order (first appearance, as `group` orders keys).
    public var labels: [String]

    /// Creates groups from codes and labels.
    ///
    /// - Precondition: every code indexes `labels`.
    public init(codes: [Int32], labels: [String]) {
        precondition(codes.allSatisfy { $0 >= 0 && Int($0) < labels.count }, "group code out of range")
        self.codes = codes
        self.labels = labels
    }

    /// Groups from one label per row, numbered in order of first appearance.
    ///
    /// ```swift
    /// PlotGroups(["b", "a", "b"]).codes   // [0, 1, 0]
    /// ```
    /// - Complexity: O(n) expected.
    public init(_ labels: [String]) {
        var index: [String: Int32] = [:]
        var names: [String] = []
        var codes = [Int32](repeating: 0, count: labels.count)
        for (i, l) in labels.enumerated() {
            if let k = index[l] { codes[i] = k; continue }
            let k = Int32(names.count)
            index[l] = k
            names.append(l)
            codes[i] = k
        }
        self.codes = codes
        self.labels = names
    }
}
