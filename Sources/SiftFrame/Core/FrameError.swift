// The engine's closed set of errors (after polars' PolarsError); the language adds source positions.

/// An error the engine reports about a user's data or request.
///
/// Messages are lowercase with no final period; they quote the offending name and say what was
/// expected and what was found. The language layer wraps them with the source range of the call.
///
/// ```swift
/// throw FrameError.columnNotFound(name: "prce", available: ["price", "page"])
/// // unknown column 'prce' (did you mean 'price'?)
/// ```
public enum FrameError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A column name that the frame does not have; `available` lists the frame's columns.
    case columnNotFound(name: String, available: [String])
    /// Two columns would get the same name.
    case duplicateColumn(String)
    /// Frames whose columns do not line up (union of different columns, join key types).
    case schemaMismatch(String)
    /// Lengths that do not agree (a column longer than its frame).
    case shapeMismatch(String)
    /// A value or column of the wrong type for an operation.
    case typeMismatch(String)
    /// An argument outside what an operation accepts (a negative `head`, an unknown option value).
    case invalidArgument(String)
    /// An index past the end of a column or list.
    case outOfBounds(String)
    /// A model used before it was fitted.
    case notFitted(String)
    /// A file that cannot be opened, read or written.
    case io(String)
    /// Malformed data at a place in a file: `data.csv:1042: expected 14 fields, found 13`.
    case badData(file: String, line: Int, message: String)
    /// Another error with what the engine was doing when it happened.
    indirect case context(String, FrameError)

    /// The message, lowercase, without location prefix (the language adds that).
    public var description: String {
        switch self {
        case .columnNotFound(let name, let available):
            var s = "unknown column '\(name)'"
            if let guess = FrameError.closestName(to: name, in: available) { s += " (did you mean '\(guess)'?)" }
            return s
        case .duplicateColumn(let name): return "duplicate column name '\(name)'"
        case .schemaMismatch(let m), .shapeMismatch(let m), .typeMismatch(let m), .invalidArgument(let m),
             .outOfBounds(let m), .notFitted(let m), .io(let m):
            return m
        case .badData(let file, let line, let message): return "\(file):\(line): \(message)"
        case .context(let what, let inner): return "\(what): \(inner.description)"
        }
    }

    /// The innermost error, without context wrappers.
    public var root: FrameError {
        if case .context(_, let inner) = self { return inner.root }
        return self
    }

    /// `noun` with its indefinite article, for messages: "an int column", "a frame".
    public static func withArticle(_ noun: String) -> String {
        (noun.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + noun
    }

    /// The candidate closest to `name` by edit distance, when it is close enough to be a typo:
    /// at most a third of the name's length (at least 1, at most 3) edits, or the same name in
    /// another case.
    public static func closestName(to name: String, in candidates: [String]) -> String? {
        let lower = name.lowercased()
        if let same = candidates.first(where: { $0.lowercased() == lower && $0 != name }) { return same }
        let limit = max(1, min(3, name.count / 3))
        var best: (String, Int)? = nil
        for c in candidates where c != name {
            let d = editDistance(lower, c.lowercased())
            if d <= limit, best.map({ d < $0.1 }) ?? true { best = (c, d) }
        }
        return best?.0
    }

    /// The edit distance between two strings, by characters, counting an insertion, deletion,
    /// substitution or swap of two neighbours as one edit (the optimal string alignment
    /// variant of Damerau–Levenshtein, so the common typo `hlep` is one edit from `help`).
    ///
    /// - Complexity: O(a.count × b.count).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }
}
