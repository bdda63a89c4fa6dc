// What the CSV reader can be told (the options of `load`) and what it gives back.

/// Options of ``CSVReader``, one for each option of the language's `load` verb.
///
/// The defaults read what a data scientist usually has: a header line, a delimiter sniffed
/// among `,` `;` `\t` `|`, UTF-8, and the null tokens pandas and R write.
///
/// ```swift
/// var o = CSVReadOptions()
/// o.delimiter = UInt8(ascii: ";")
/// o.clean = true
/// o.types = ["price": .double]
/// ```
public struct CSVReadOptions: Sendable {
    /// How rows with the wrong number of fields are treated.
    public enum BadRows: String, Sendable, CaseIterable {
        /// Stop with ``FrameError/badData(file:line:message:)`` naming the first such row.
        case error
        /// Leave such rows out and count them in ``CSVReadResult/skippedRows``.
        case skip
    }

    /// The character set of the file.
    public enum Encoding: String, Sendable {
        /// UTF-8 (a leading byte-order mark is skipped); invalid bytes are an error.
        case utf8
        /// ISO-8859-1: every byte is the code point of the same number (converted to UTF-8).
        case latin1

        /// Parses an encoding name: `utf-8`/`utf8`, `latin-1`/`latin1`/`iso-8859-1` (any case).
        public init?(name: String) {
            switch name.lowercased() {
            case "utf-8", "utf8": self = .utf8
            case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1": self = .latin1
            default: return nil
            }
        }
    }

    /// The field separator; nil sniffs it among `,` `;` `\t` `|` from the first lines.
    public var delimiter: UInt8? = nil
    /// Whether the first record holds the column names.
    public var header = true
    /// Column names to use (replacing the header when there is one). Without a header and
    /// without names, columns are `column_1 ... column_n`.
    public var names: [String]? = nil
    /// Turns names into snake_case identifiers (`session ID` -> `session_id`).
    public var clean = false
    /// Unquoted field texts read as null. A quoted field is never null: `""` is the empty string.
    public var nulls: [String] = CSVReadOptions.defaultNulls
    /// Types to use instead of inference, by column name (as named after `names`/`clean`).
    public var types: [String: DataType] = [:]
    /// What to do with rows whose field count differs from the header's.
    public var badRows: BadRows = .error
    /// The file's character set.
    public var encoding: Encoding = .utf8

    /// The bytes read at a time (and the size of the first block, from which the delimiter is
    /// sniffed and the row count estimated). 4 MiB keeps a block and its field index in the
    /// L2/L3 caches of the machines Sift targets; tests use tiny blocks to cross every boundary.
    public var blockSize = 4 << 20

    /// `""`, `NA`, `NULL`, `null`, `NaN`: the union of what pandas, R and SQL exports write.
    public static let defaultNulls = ["", "NA", "NULL", "null", "NaN"]

    /// Default options.
    public init() {}
}

/// What ``CSVReader`` read: the frame and how many rows `bad_rows: .skip` left out.
public struct CSVReadResult: Sendable {
    /// The data.
    public var frame: DataFrame
    /// Rows left out because their field count was wrong (always 0 with `.error`).
    public var skippedRows: Int

    /// Creates a result.
    public init(frame: DataFrame, skippedRows: Int) {
        self.frame = frame
        self.skippedRows = skippedRows
    }
}
