// Variable scopes: the session's globals and the locals of a user function call.

/// A set of variables, looked up through enclosing scopes.
public final class Scope {
    /// The enclosing scope (nil for globals).
    public let parent: Scope?
    private(set) var values: [String: Value] = [:]
    /// Names in the order they were first bound (for `:vars`, never dictionary order).
    public private(set) var order: [String] = []

    /// Creates a scope inside `parent`.
    public init(parent: Scope? = nil) { self.parent = parent }

    /// The value of a name here or in an enclosing scope.
    public func lookup(_ name: String) -> Value? { values[name] ?? parent?.lookup(name) }

    /// Binds a name in this scope.
    public func bind(_ name: String, _ value: Value) {
        if values[name] == nil { order.append(name) }
        values[name] = value
    }

    /// Every visible name, innermost first, each once.
    public var visibleNames: [String] {
        var out = order.reversed().map { $0 }
        for n in parent?.visibleNames ?? [] where !out.contains(n) { out.append(n) }
        return out
    }

    /// The bindings of this scope in first-bound order.
    public var bindings: [(String, Value)] { order.compactMap { n in values[n].map { (n, $0) } } }

    /// A copy of this scope's bindings, to restore with ``restore(_:)`` (`:undo`).
    public func snapshot() -> (values: [String: Value], order: [String]) { (values, order) }

    /// Puts back a snapshot.
    public func restore(_ s: (values: [String: Value], order: [String])) {
        values = s.values
        order = s.order
    }

    /// Removes every binding.
    public func clear() {
        values = [:]
        order = []
    }
}
