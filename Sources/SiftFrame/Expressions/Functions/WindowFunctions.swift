// PLACEHOLDER: filled in by the Window functions work.

/// Window functions.
public enum WindowFunctions {
    /// The definitions.
    public static let all: [FunctionDefinition] = []
}
