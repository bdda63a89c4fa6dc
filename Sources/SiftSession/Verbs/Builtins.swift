// The builtin verb table: every verb family registered in one fixed order.
import SiftLang

/// All builtin verbs.
public enum Builtins {
    /// The verb table a new session starts with.
    public static func verbs() -> VerbTable {
        VerbTable(DataVerbs.all + GenerationVerbs.all + ShapingVerbs.all + AggVerbs.all + LookingVerbs.all + SamplingVerbs.all + CleaningVerbs.all)
    }
}
