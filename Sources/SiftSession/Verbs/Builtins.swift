// The builtin verb table: every verb family registered in one fixed order.
import SiftLang

/// All builtin verbs.
public enum Builtins {
    /// The verb table a new session starts with.
    public static func verbs() -> VerbTable {
        VerbTable(ShapingVerbs.all + LookingVerbs.all + PlotVerbs.all)
    }
}
