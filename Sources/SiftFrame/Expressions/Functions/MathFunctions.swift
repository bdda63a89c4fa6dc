// PLACEHOLDER: filled in by the Math functions work.

/// Math functions.
public enum MathFunctions {
    /// The definitions.
    public static let all: [FunctionDefinition] = []
}
