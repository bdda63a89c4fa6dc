// Options that shape how values are displayed: width, colour, and how much of a frame to show.

/// How to display values.
public struct DisplayOptions: Sendable {
    /// The width to fit, in characters (`--width`; the terminal's; else 100).
    public var width: Int
    /// Whether ANSI colour may be used.
    public var color: Bool
    /// Rows shown from the top of a long frame.
    public var headRows: Int
    /// Rows shown from the bottom of a long frame.
    public var tailRows: Int
    /// Show everything: all rows and columns, no truncated cells (`:more`).
    public var untruncated: Bool
    /// The height available to plots, in rows.
    public var plotHeight: Int

    /// The longest a cell may be before it is cut with `…`.
    public static let maxCellWidth = 32

    /// Creates options; by default 100 wide, no colour, 10 head and 5 tail rows.
    public init(width: Int = 100, color: Bool = false, headRows: Int = 10, tailRows: Int = 5,
                untruncated: Bool = false, plotHeight: Int = 20) {
        self.width = max(20, width)
        self.color = color
        self.headRows = headRows
        self.tailRows = tailRows
        self.untruncated = untruncated
        self.plotHeight = plotHeight
    }
}
