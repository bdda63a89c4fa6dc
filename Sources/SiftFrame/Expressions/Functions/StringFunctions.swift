// PLACEHOLDER: filled in by the String functions work.

/// String functions.
public enum StringFunctions {
    /// The definitions.
    public static let all: [FunctionDefinition] = []
}
