// The builtin verb table: every verb family registered in one fixed order.
import SiftLang

/// All builtin verbs.
public enum Builtins {
    /// The verb table a new session starts with.
    public static func verbs() -> VerbTable {
        VerbTable(DataVerbs.all + GenerationVerbs.all + ShapingVerbs.all + RowVerbs.all + GroupVerbs.all + AggVerbs.all
                  + CombineVerbs.all + ReshapeVerbs.all + LookingVerbs.all + SamplingVerbs.all + CleaningVerbs.all
                  + ClickstreamVerbs.all + PlotVerbs.all + ModelVerbs.all)
    }
}
