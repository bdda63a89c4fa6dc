// Model formulas: `y ~ a + b`, `y ~ .`, `y ~ . - id`, read from the syntax tree and resolved against a schema.
import SiftFrame
import SiftLang

/// The target and feature terms of `train`'s formula (R's model formulas, the subset
/// LANGUAGE.md uses).
///
/// ```text
/// formula -> name "~" terms | "~" terms
/// terms   -> term { ("+" | "-") term }
/// term    -> name | "."
/// ```
/// `.` means every column but the target; `- name` removes a column; names may be backticked.
struct Formula: Equatable {
    /// The target column, nil for a one-sided formula (unsupervised models).
    var target: String?
    /// Where the target is written.
    var targetRange: SourceRange?
    /// Added terms in order: column names, with `.` as nil.
    var added: [(name: String?, range: SourceRange)]
    /// Removed column names.
    var removed: [(name: String, range: SourceRange)]
    /// The whole formula.
    var range: SourceRange

    static func == (a: Formula, b: Formula) -> Bool {
        a.target == b.target && a.added.map(\.name) == b.added.map(\.name) && a.removed.map(\.name) == b.removed.map(\.name)
    }

    /// The formula as text, `target ~ a + b - c`.
    var text: String {
        var rhs = ""
        for (i, t) in added.enumerated() { rhs += (i == 0 ? "" : " + ") + (t.name.map(Self.quoted) ?? ".") }
        for r in removed { rhs += " - " + Self.quoted(r.name) }
        return (target.map { Self.quoted($0) + " " } ?? "") + "~ " + rhs
    }

    private static func quoted(_ n: String) -> String {
        let plain = n.first.map { $0.isLetter || $0 == "_" } ?? false && n.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        return plain ? n : "`\(n)`"
    }

    /// Reads a formula from an expression.
    ///
    /// - Throws: a diagnostic at the part that is not a formula.
    static func parse(_ node: ExprNode) throws -> Formula {
        var f = Formula(target: nil, targetRange: nil, added: [], removed: [], range: node.range)
        let rhs: ExprNode
        switch node.kind {
        case .binary(.formula, let lhs, let r):
            guard case .name(let t) = lhs.kind else {
                throw Diagnostic.error("bind.formula", "the target of a formula is one column name", at: lhs.range,
                                       notes: ["a formula is `target ~ a + b`, `target ~ .` or `target ~ . - id`"])
            }
            f.target = t
            f.targetRange = lhs.range
            rhs = r
        case .unary(.formula, let r):
            rhs = r
        default:
            throw Diagnostic.error("bind.formula", "expected a formula such as `y ~ a + b`, `y ~ .` or `y ~ . - id`", at: node.range)
        }
        try f.readTerms(rhs, negative: false)
        if f.added.isEmpty {
            throw Diagnostic.error("bind.formula", "a formula needs at least one feature term (a column or `.`)", at: rhs.range)
        }
        return f
    }

    private mutating func readTerms(_ node: ExprNode, negative: Bool) throws {
        switch node.kind {
        case .binary(.add, let a, let b):
            try readTerms(a, negative: negative)
            try readTerms(b, negative: false)
        case .binary(.sub, let a, let b):
            try readTerms(a, negative: negative)
            try readTerms(b, negative: true)
        case .name(let n):
            if negative { removed.append((n, node.range)) } else { added.append((n, node.range)) }
        case .allColumns:
            if negative {
                throw Diagnostic.error("bind.formula", "`- .` would remove every column", at: node.range)
            }
            added.append((nil, node.range))
        case .unary(.negate, let inner):
            try readTerms(inner, negative: !negative)
        default:
            throw Diagnostic.error("bind.formula", "a formula term is a column name or `.`; derive computed features first (derive x2 = x * x)",
                                   at: node.range)
        }
    }

    /// The feature columns in a schema: the named terms and, for `.`, every other column in
    /// schema order, without the removed ones and the target, each once.
    ///
    /// - Throws: a diagnostic for an unknown column, the target among the features, or no feature left.
    func features(in schema: Schema) throws -> [String] {
        if let target, schema.type(of: target) == nil, let r = targetRange {
            throw ExpressionBinder.unknownColumn(target, at: r, schema: schema)
        }
        for t in added { if let n = t.name, schema.type(of: n) == nil { throw ExpressionBinder.unknownColumn(n, at: t.range, schema: schema) } }
        for r in removed where schema.type(of: r.name) == nil { throw ExpressionBinder.unknownColumn(r.name, at: r.range, schema: schema) }
        if let target, let t = added.first(where: { $0.name == target }) {
            throw Diagnostic.error("bind.formula", "'\(target)' is the target; it cannot also be a feature", at: t.range)
        }
        var out: [String] = []
        for t in added {
            let names = t.name.map { [$0] } ?? schema.names.filter { $0 != target }
            for n in names where !out.contains(n) { out.append(n) }
        }
        out.removeAll { n in removed.contains { $0.name == n } }
        if out.isEmpty {
            throw Diagnostic.error("bind.formula", "the formula leaves no feature column", at: range)
        }
        return out
    }
}
