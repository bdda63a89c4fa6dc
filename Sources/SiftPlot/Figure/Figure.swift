// The chart spec every medium lays out: axes, marks, legend and notes in data coordinates, nothing about characters or pixels.

/// What a chart shows, independent of where it is drawn.
///
/// Chart constructors (``Plot/histogram(_:groups:options:)`` and friends) do the statistics
/// — binning, quartiles, counts, AUC — once, and produce a figure. The terminal and SVG
/// renderers each lay the same figure out for their own medium, so a plot and its saved SVG
/// always agree on the numbers.
struct Figure: Sendable {
    /// The kinds of layout.
    enum Body: Sendable {
        /// x/y axes with bars, lines and points.
        case cartesian(Cartesian)
        /// One labelled category per row, values along a horizontal axis (bars, boxes, funnels).
        case rows(RowChart)
        /// Labelled bars that become vertical or horizontal depending on the room.
        case categoryBars(CategoryBars)
        /// A shaded matrix (heatmap).
        case matrix(MatrixChart)
        /// Nothing to draw, with the reason.
        case empty(String)
    }

    /// A title above the chart.
    var title: String?
    /// The layout and its marks.
    var body: Body
    /// Legend entries (series names), in series order.
    var legend: [LegendEntry] = []
    /// Short remarks under the chart (`3 nulls not shown`).
    var notes: [String] = []
    /// What the legend's series are (the `by:` column), shown before the entries.
    var legendTitle: String? = nil
}

/// One legend line: a series name and how its marks look.
struct LegendEntry: Sendable, Equatable {
    /// How a series is drawn.
    enum Mark: Sendable, Equatable { case bar, line, dottedLine, point }
    /// The name shown.
    var label: String
    /// The series index (colour and glyph).
    var series: Int
    /// The kind of mark.
    var mark: Mark
}

// MARK: - Cartesian

/// A chart on x and y axes.
struct Cartesian: Sendable {
    /// The horizontal axis: continuous, or one band per category.
    enum XAxis: Sendable {
        /// Numbers or timestamps.
        case continuous(AxisSpec)
        /// Categories, in order, with the axis label.
        case bands([String], label: String)
    }
    /// The horizontal axis.
    var x: XAxis
    /// The vertical axis.
    var y: AxisSpec
    /// Bars, if any.
    var bars: BarLayer?
    /// Lines, drawn in order.
    var lines: [LineSeries] = []
    /// Points, if any.
    var points: PointLayer?
}

/// Vertical bars filling equal slots across the x range: `bins × groups` slots for a histogram
/// (groups side by side within a bin), one slot per category for a bar chart.
struct BarLayer: Sendable {
    /// Bins (or categories) across the axis.
    var bins: Int
    /// Series side by side within each bin.
    var groups: Int
    /// Bar heights, bin-major: `values[bin * groups + group]`; NaN for no bar.
    var values: [Double]
    /// Leave a gap between bins (bar charts do, histograms do not).
    var gaps: Bool
    /// For a histogram, the bin edges' start and width (the x axis spans `bins × width`).
    var edges: (start: Double, width: Double)?

    /// The bars of `factor` neighbouring bins added together, for a medium too narrow to give
    /// every bin a column; the x range grows to a whole number of merged bins.
    func merged(by factor: Int) -> BarLayer {
        guard factor > 1 else { return self }
        let nb = (bins + factor - 1) / factor
        var out = [Double](repeating: .nan, count: nb * groups)
        for b in 0..<bins {
            for g in 0..<groups {
                let v = values[b * groups + g]
                guard !v.isNaN else { continue }
                let k = (b / factor) * groups + g
                out[k] = out[k].isNaN ? v : out[k] + v
            }
        }
        return BarLayer(bins: nb, groups: groups, values: out, gaps: gaps,
                        edges: edges.map { ($0.start, $0.width * Double(factor)) })
    }
}

/// A polyline in data coordinates; NaN in either coordinate breaks it.
struct LineSeries: Sendable {
    /// x values (sorted for line charts).
    var xs: [Double]
    /// y values.
    var ys: [Double]
    /// Series index (colour, glyph).
    var series: Int
    /// Dotted (a reference line such as the ROC diagonal).
    var dotted = false
}

/// Scattered points in data coordinates.
struct PointLayer: Sendable {
    /// x values.
    var xs: [Double]
    /// y values.
    var ys: [Double]
    /// Series of each point (nil: all series 0).
    var series: [Int32]?
    /// Number of series.
    var seriesCount: Int
}

// MARK: - Rows

/// Labelled rows along a horizontal value axis: horizontal bars, box plots, funnels.
struct RowChart: Sendable {
    /// What each row holds.
    enum Item: Sendable {
        /// A bar from 0 (or the axis start) to a value.
        case bar(Double)
        /// A bar of a length centred on the middle (funnel steps).
        case centeredBar(Double)
        /// A box plot.
        case box(BoxStats)
        /// Nothing to draw (no values in the group).
        case none
    }
    /// The row labels, top to bottom.
    var labels: [String]
    /// The title of the label column (the category column's name).
    var labelTitle: String
    /// The value axis.
    var axis: AxisSpec
    /// The rows' marks.
    var items: [Item]
    /// Text beside each row: one or more columns of it.
    var annotations: [[String]] = []
    /// Headers of the annotation columns; when present, annotations form an aligned table
    /// right of the bars, otherwise each row's single annotation follows its bar.
    var annotationHeaders: [String]? = nil
    /// Whether to draw the value axis under the rows (boxes need it; labelled bars do not).
    var showAxis: Bool
    /// The noun for rows that do not fit (`categories`, `features`).
    var noun: String
}

/// The five numbers and outliers of a box plot (Tukey's box with whiskers at 1.5 IQR).
public struct BoxStats: Sendable, Equatable {
    /// The first quartile.
    public var q1: Double
    /// The median.
    public var median: Double
    /// The third quartile.
    public var q3: Double
    /// The smallest value within 1.5 IQR below q1.
    public var whiskerLow: Double
    /// The largest value within 1.5 IQR above q3.
    public var whiskerHigh: Double
    /// Values beyond the whiskers, ascending.
    public var outliers: [Double]
    /// How many values the box summarises.
    public var count: Int
}

// MARK: - Category bars

/// Bars for labelled categories (the `bar` chart): the medium chooses vertical bars when the
/// categories are few and short enough to label under the bars, horizontal rows otherwise.
struct CategoryBars: Sendable {
    /// Category labels, in display order.
    var labels: [String]
    /// One value per category.
    var values: [Double]
    /// The category axis label.
    var categoryLabel: String
    /// The value axis.
    var valueAxis: AxisSpec

    /// As vertical bars on x/y axes.
    var vertical: Cartesian {
        Cartesian(x: .bands(labels, label: categoryLabel), y: valueAxis,
                  bars: BarLayer(bins: labels.count, groups: 1, values: values, gaps: true, edges: nil))
    }

    /// As horizontal bars with the values beside them.
    var horizontal: RowChart {
        RowChart(labels: labels, labelTitle: categoryLabel, axis: valueAxis, items: values.map { .bar($0) },
                 annotations: values.map { [$0.isNaN ? "" : NumberText.compact($0)] }, showAxis: false, noun: "categories")
    }
}

// MARK: - Matrix

/// A matrix of values shaded by size (a heatmap of a correlation or retention matrix).
struct MatrixChart: Sendable {
    /// Row labels, top to bottom.
    var rowLabels: [String]
    /// Column labels, left to right.
    var columnLabels: [String]
    /// Values, row-major; NaN where missing.
    var values: [Double]
    /// The value at the light end of the scale.
    var lo: Double
    /// The value at the dark end of the scale.
    var hi: Double
    /// Whether the scale is centred on 0 (values of both signs, such as correlations).
    var diverging: Bool

    /// The value at a row and column.
    func value(_ r: Int, _ c: Int) -> Double { values[r * columnLabels.count + c] }

    /// Where a value falls on the scale: 0…1 from `lo` to `hi` (for a diverging scale, -1…1
    /// with 0 at zero); NaN for a missing value.
    func position(_ v: Double) -> Double {
        guard !v.isNaN else { return .nan }
        if diverging {
            let m = max(abs(lo), abs(hi))
            return m > 0 ? max(-1, min(1, v / m)) : 0
        }
        return hi > lo ? max(0, min(1, (v - lo) / (hi - lo))) : 0.5
    }
}
