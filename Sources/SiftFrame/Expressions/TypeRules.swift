// Shared argument checks and type unification for the functions' type rules (Lua's luaL_argerror).

/// Helpers that every type rule uses, so every bad argument reads the same way:
/// `bad argument #2 to 'round' (int expected, got string)`.
public enum TypeRules {
    /// The uniform bad-argument error (1-based argument position).
    public static func badArgument(_ function: String, _ position: Int, expected: String, got: ArgumentInfo) -> FrameError {
        .typeMismatch("bad argument #\(position) to '\(function)' (\(expected) expected, got \(got.typeName))")
    }

    /// Requires argument `i` to be numeric (or a null literal); returns its type.
    @discardableResult
    public static func numeric(_ f: String, _ args: [ArgumentInfo], _ i: Int) throws -> DataType? {
        let a = args[i]
        guard a.list == nil, a.type == nil || a.type!.isNumeric else { throw badArgument(f, i + 1, expected: "number", got: a) }
        return a.type
    }

    /// Requires argument `i` to have one of `types` (or be a null literal); returns its type.
    @discardableResult
    public static func require(_ f: String, _ args: [ArgumentInfo], _ i: Int, _ types: [DataType], expected: String? = nil) throws -> DataType? {
        let a = args[i]
        guard a.list == nil, a.type == nil || types.contains(a.type!) else {
            throw badArgument(f, i + 1, expected: expected ?? types.map(\.rawValue).joined(separator: " or "), got: a)
        }
        return a.type
    }

    /// Requires argument `i` to be a constant of the given type; returns it.
    public static func constant(_ f: String, _ args: [ArgumentInfo], _ i: Int, _ type: DataType, expected: String? = nil) throws -> Scalar {
        let a = args[i]
        guard let c = a.constant, c.type == type || (type == .double && c.type == .int) else {
            throw badArgument(f, i + 1, expected: expected ?? "constant \(type)", got: a)
        }
        if type == .double, case .int(let v) = c { return .double(Double(v)) }
        return c
    }

    /// Requires argument `i` to be a list literal; returns its items.
    public static func list(_ f: String, _ args: [ArgumentInfo], _ i: Int) throws -> [Scalar] {
        guard let items = args[i].list else { throw badArgument(f, i + 1, expected: "list", got: args[i]) }
        return items
    }

    /// The common type of values that must mix: nulls ignored, int and double give double,
    /// otherwise all must agree. Nil when every type is nil.
    ///
    /// - Throws: ``FrameError/typeMismatch(_:)`` naming the function and the clashing types.
    public static func unify(_ f: String, _ types: [DataType?]) throws -> DataType? {
        var result: DataType? = nil
        for t in types {
            guard let t else { continue }
            guard let r = result else { result = t; continue }
            if r == t { continue }
            if r.isNumeric && t.isNumeric { result = .double; continue }
            throw FrameError.typeMismatch("'\(f)' cannot mix \(r) and \(t) values")
        }
        return result
    }
}
