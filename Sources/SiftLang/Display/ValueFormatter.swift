// Displays any value: scalars plainly, lists and records in literal syntax, frames as tables.
import SiftFrame

/// Turns values into the text a user sees at the prompt and in transcripts.
public enum ValueFormatter {
    /// The most list items shown before the rest are counted instead.
    public static let maxListItems = 100

    /// A value's display text, without a trailing newline.
    public static func format(_ v: Value, options: DisplayOptions) -> String {
        switch v {
        case .scalar(let s): return NumberFormat.scalar(s)
        case .column(let name, let c):
            let f = (try? DataFrame(columns: [(name, c)])) ?? .empty
            return TableFormatter.format(f, options: options)
        case .frame(let f): return TableFormatter.format(f, options: options)
        case .grouped(let g):
            return TableFormatter.format(g.frame, options: options, caption: groupedCaption(g))
        case .list, .record, .function: return literal(v)
        case .object(let o): return o.display(options)
        }
    }

    /// The line shown above a grouped frame: `grouped by country: 12 groups`.
    public static func groupedCaption(_ g: GroupedValue) -> String {
        let n = g.grouping.groupCount
        return "grouped by \(g.keys.joined(separator: ", ")): \(NumberFormat.grouped(n)) group\(n == 1 ? "" : "s")"
    }

    /// A value in literal syntax (items of lists and records).
    public static func literal(_ v: Value) -> String {
        switch v {
        case .scalar(let s): return NumberFormat.literal(s)
        case .list(let items):
            var parts = items.prefix(maxListItems).map(literal)
            if items.count > maxListItems { parts.append("… \(items.count - maxListItems) more") }
            return "[" + parts.joined(separator: ", ") + "]"
        case .record(let fields):
            return "{" + fields.map { "\(identifier($0.0)): \(literal($0.1))" }.joined(separator: ", ") + "}"
        case .frame(let f): return "<frame \(NumberFormat.grouped(f.rowCount)) × \(f.columnCount)>"
        case .grouped(let g): return "<grouped frame \(NumberFormat.grouped(g.frame.rowCount)) × \(g.frame.columnCount)>"
        case .column(let n, let c): return "<\(c.type) column '\(n)' of \(NumberFormat.grouped(c.count))>"
        case .function(let f): return "<fn \(f.name)(\(f.parameters.joined(separator: ", ")))>"
        case .object(let o): return "<\(o.typeName)>"
        }
    }

    /// A name as it must be written: bare when it is an identifier, else in backticks.
    public static func identifier(_ name: String) -> String {
        let ok = name.first.map { $0 == "_" || ($0.isASCII && $0.isLetter) } ?? false
            && name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
            && Token.Keyword(rawValue: name) == nil
        return ok ? name : "`" + name + "`"
    }
}
