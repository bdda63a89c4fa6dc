// Regression metrics: mean absolute error, mean squared error, its root, and R² (sklearn.metrics semantics).

/// Scores of numeric predictions against true values.
public enum RegressionMetrics {
    /// Mean absolute error (1/n) Σ |y − ŷ| (`mean_absolute_error`); 0 for no rows.
    public static func mae(_ y: [Double], _ predicted: [Double]) -> Double {
        guard !y.isEmpty else { return 0 }
        var s = 0.0
        for i in y.indices { s += abs(y[i] - predicted[i]) }
        return s / Double(y.count)
    }

    /// Mean squared error (1/n) Σ (y − ŷ)² (`mean_squared_error`); 0 for no rows.
    public static func mse(_ y: [Double], _ predicted: [Double]) -> Double {
        guard !y.isEmpty else { return 0 }
        var s = 0.0
        for i in y.indices { let d = y[i] - predicted[i]; s += d * d }
        return s / Double(y.count)
    }

    /// The root of the mean squared error (`root_mean_squared_error`).
    public static func rmse(_ y: [Double], _ predicted: [Double]) -> Double { mse(y, predicted).squareRoot() }

    /// The coefficient of determination 1 − SS_res / SS_tot (`r2_score`). A constant `y` gives
    /// 1 when the predictions are exact and 0 otherwise, as scikit-learn's
    /// `force_finite=True` does.
    public static func r2(_ y: [Double], _ predicted: [Double]) -> Double {
        guard !y.isEmpty else { return 0 }
        let mean = y.reduce(0, +) / Double(y.count)
        var res = 0.0, tot = 0.0
        for i in y.indices {
            let d = y[i] - predicted[i], e = y[i] - mean
            res += d * d; tot += e * e
        }
        if tot == 0 { return res == 0 ? 1 : 0 }
        return 1 - res / tot
    }
}
