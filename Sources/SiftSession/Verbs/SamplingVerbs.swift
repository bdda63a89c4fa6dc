// Verbs that draw random rows: sample and split, seeded by seed: or the session's --seed.
import SiftFrame
import SiftLang

/// The random-row verbs of LANGUAGE.md ("Shaping").
enum SamplingVerbs {
    static let all: [VerbDefinition] = [sample, split]

    static let sample = VerbDefinition(
        "sample", signature: "sample N|FRACTION [seed:S]",
        summary: "N random rows (or a FRACTION of them) without replacement, in their original order; per group when grouped",
        example: "clicks | sample 5 seed:1", topic: "shaping"
    ) { b in
        try b.check(positional: 1...1, options: ["seed"])
        let schema = try b.schema()
        let size = try sampleSize(b, b.positionals[0])
        let seed = try seed(b)
        return BoundStage(output: keepGrouping(b.input, schema)) { v in
            if case .grouped(let g) = v {
                let (frame, grouping) = try g.frame.sample(size, seed: seed, grouping: g.grouping)
                return .grouped(GroupedValue(frame: frame, keys: g.keys, grouping: grouping))
            }
            return .frame(try unpack(v).0.sample(size, seed: seed))
        }
    }

    static let split = VerbDefinition(
        "split", signature: "split FRACTION [seed:S] [stratify:col]",
        summary: "two frames, a random FRACTION of the rows and the rest, both in row order (stratify: keeps each value's share)",
        example: "let train, test = clicks | split 0.8 seed:7", topic: "shaping"
    ) { b in
        try b.check(positional: 1...1, options: ["seed", "stratify"])
        let schema = try b.schema()
        let node = b.positionals[0]
        let value = try b.constant(node)
        guard case .scalar(let s) = value, let fraction = s.numericValue, fraction >= 0, fraction <= 1 else {
            throw b.badArgument(1, node, expected: "fraction between 0 and 1", got: shown(value))
        }
        let seed = try seed(b)
        let stratify = try b.option("stratify").map { try b.columnName($0, in: schema) }
        return BoundStage(output: .list) { v in
            let (first, second) = try unpack(v).0.split(fraction: fraction, seed: seed, stratify: stratify)
            return .list([.frame(first), .frame(second)])
        }
    }

    /// `N` (a non-negative integer) or `FRACTION` (a double in [0, 1]): `sample 1` is one row,
    /// `sample 1.0` all of them.
    static func sampleSize(_ b: StageBinder, _ node: ExprNode) throws -> SampleSize {
        let v = try b.constant(node)
        switch v {
        case .scalar(.int(let k)) where k >= 0: return .count(Int(clamping: k))
        case .scalar(.double(let f)) where f >= 0 && f <= 1: return .fraction(f)
        default: throw b.badArgument(1, node, expected: "row count or fraction between 0 and 1", got: shown(v))
        }
    }

    /// The `seed:` option (an integer), or the session's seed (`--seed`, default 42).
    static func seed(_ b: StageBinder) throws -> Int {
        guard let node = b.option("seed") else { return b.interpreter.seed }
        let v = try b.constant(node)
        guard case .scalar(.int(let s)) = v else {
            throw b.error("bad argument 'seed:' to '\(b.verb)' (integer expected, got \(shown(v)))", at: node.range)
        }
        return Int(truncatingIfNeeded: s)
    }

    /// A value as a bad-argument message shows it: numbers by value, other things by kind.
    static func shown(_ v: Value) -> String {
        switch v {
        case .scalar(.int(let i)): return String(i)
        case .scalar(.double(let d)): return NumberFormat.double(d)
        default: return v.kindName
        }
    }
}
