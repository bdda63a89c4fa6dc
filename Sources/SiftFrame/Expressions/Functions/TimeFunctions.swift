// PLACEHOLDER: filled in by the Time functions work.

/// Time functions.
public enum TimeFunctions {
    /// The definitions.
    public static let all: [FunctionDefinition] = []
}
