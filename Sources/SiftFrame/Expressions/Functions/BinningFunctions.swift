// PLACEHOLDER: filled in by the Binning functions work.

/// Binning functions.
public enum BinningFunctions {
    /// The definitions.
    public static let all: [FunctionDefinition] = []
}
