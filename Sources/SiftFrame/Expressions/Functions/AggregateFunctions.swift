// PLACEHOLDER: filled in by the Aggregate functions work.

/// Aggregate functions.
public enum AggregateFunctions {
    /// The definitions.
    public static let all: [FunctionDefinition] = []
}
