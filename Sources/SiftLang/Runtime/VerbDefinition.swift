// The verb table: each verb's help metadata and its binder, which checks a stage before it runs.
import SiftFrame

/// A verb of the language (`where`, `load`, `plot`, ...), registered by the host.
///
/// Binding happens before any data is touched: `bind` receives the stage's syntax and the
/// static type of its input, checks arguments and columns, and returns a ``BoundStage`` with the
/// output type and the closure that does the work. The same table drives `:help`, completion
/// and a test that runs every example.
public struct VerbDefinition: Sendable {
    /// The name used in pipelines.
    public let name: String
    /// The call shape for help, e.g. `head N` or `join OTHER on:key [how:inner|left|outer|anti]`.
    public let signature: String
    /// One line: what it does.
    public let summary: String
    /// A runnable example pipeline.
    public let example: String
    /// The help topic it is listed under (`data`, `shaping`, `looking`, `clickstream`, `modeling`, `plots`).
    public let topic: String
    /// Checks the stage and prepares it.
    public let bind: @Sendable (StageBinder) throws -> BoundStage

    /// Creates a verb.
    public init(_ name: String, signature: String, summary: String, example: String, topic: String,
                bind: @escaping @Sendable (StageBinder) throws -> BoundStage) {
        self.name = name
        self.signature = signature
        self.summary = summary
        self.example = example
        self.topic = topic
        self.bind = bind
    }
}

/// A checked stage, ready to run.
public struct BoundStage {
    /// The type of what the stage produces (``ValueType/unknown`` when it depends on the data).
    public var output: ValueType
    /// Runs the stage on its input.
    public var run: (Value) throws -> Value
    /// The number of rows `run` would produce, computed without building them, or nil when this
    /// input needs the real output. A pipeline whose next stage is a plain `count` calls this
    /// instead (`where price > 50 | count` counts the condition's true rows and never builds the
    /// filtered frame).
    public var countRows: ((Value) throws -> Int?)?

    /// Creates a bound stage.
    public init(output: ValueType, countRows: ((Value) throws -> Int?)? = nil, run: @escaping (Value) throws -> Value) {
        self.output = output
        self.countRows = countRows
        self.run = run
    }
}

/// The verbs known to an interpreter, by name, in registration order.
public struct VerbTable: Sendable {
    /// Every verb, in registration order.
    public private(set) var definitions: [VerbDefinition] = []
    private var index: [String: Int] = [:]

    /// Creates a table.
    public init(_ definitions: [VerbDefinition] = []) {
        for d in definitions { add(d) }
    }

    /// Adds or replaces a verb.
    public mutating func add(_ d: VerbDefinition) {
        if let i = index[d.name] { definitions[i] = d } else { index[d.name] = definitions.count; definitions.append(d) }
    }

    /// The verb with a name.
    public subscript(name: String) -> VerbDefinition? { index[name].map { definitions[$0] } }

    /// Verb names in registration order.
    public var names: [String] { definitions.map(\.name) }
}
