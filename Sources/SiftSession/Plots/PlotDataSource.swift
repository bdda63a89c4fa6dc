// What a host object offers `plot roc` and `plot importance` (a fitted model adopts it; issue 6).
import SiftPlot

/// A host object that can be plotted directly: `model | plot roc`, `model | plot importance`.
///
/// A fitted classifier returns its holdout ROC curve; a model with feature importances
/// returns them. Either may be nil when the object has no such thing (a regression model has
/// no ROC curve), and `plot` then says so.
public protocol PlotDataSource {
    /// The ROC curve to draw, or nil when there is none (not a binary classifier, no holdout).
    func rocCurve() -> ROCCurve?
    /// Feature names with their importances, or nil when the object has none.
    func importances() -> [(feature: String, importance: Double)]?
}
