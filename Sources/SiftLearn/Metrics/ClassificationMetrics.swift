// Classification metrics: accuracy, precision, recall, F1, ROC AUC and log loss (scikit-learn's sklearn.metrics semantics).
import Foundation

/// Scores of predicted classes and probabilities against true classes.
///
/// Classes are codes `0..<classCount`. Binary problems (two classes) score class 1 as the
/// positive class; with three or more classes, precision, recall, F1 and ROC AUC are macro
/// averages (the unweighted mean over classes, `average="macro"`; ROC AUC one-vs-rest,
/// `multi_class="ovr"`). A class with no predicted (or no actual) row has precision (recall)
/// 0, as scikit-learn's `zero_division=0` gives.
public enum ClassificationMetrics {
    /// The share of rows whose predicted class is the true class (0 for no rows).
    ///
    /// - Complexity: O(n).
    public static func accuracy(_ actual: [Int32], _ predicted: [Int32]) -> Double {
        guard !actual.isEmpty else { return 0 }
        var hits = 0
        for i in actual.indices where actual[i] == predicted[i] { hits += 1 }
        return Double(hits) / Double(actual.count)
    }

    /// Per-class counts of true positives, predicted and actual rows.
    static func counts(_ actual: [Int32], _ predicted: [Int32], classCount k: Int) -> (tp: [Int], predicted: [Int], actual: [Int]) {
        var tp = [Int](repeating: 0, count: k), pred = tp, act = tp
        for i in actual.indices {
            let a = Int(actual[i]), p = Int(predicted[i])
            if a >= 0 && a < k { act[a] += 1 }
            if p >= 0 && p < k { pred[p] += 1 }
            if a == p && a >= 0 && a < k { tp[a] += 1 }
        }
        return (tp, pred, act)
    }

    /// The classes that are scored: class 1 for a binary problem, every class otherwise.
    static func scored(_ k: Int) -> [Int] { k == 2 ? [1] : Array(0..<k) }

    /// Precision TP / (TP + FP): binary for two classes, macro otherwise.
    public static func precision(_ actual: [Int32], _ predicted: [Int32], classCount k: Int) -> Double {
        let c = counts(actual, predicted, classCount: k)
        let per = scored(k).map { c.predicted[$0] == 0 ? 0 : Double(c.tp[$0]) / Double(c.predicted[$0]) }
        return per.isEmpty ? 0 : per.reduce(0, +) / Double(per.count)
    }

    /// Recall TP / (TP + FN): binary for two classes, macro otherwise.
    public static func recall(_ actual: [Int32], _ predicted: [Int32], classCount k: Int) -> Double {
        let c = counts(actual, predicted, classCount: k)
        let per = scored(k).map { c.actual[$0] == 0 ? 0 : Double(c.tp[$0]) / Double(c.actual[$0]) }
        return per.isEmpty ? 0 : per.reduce(0, +) / Double(per.count)
    }

    /// F1, the harmonic mean of precision and recall, 2·TP / (2·TP + FP + FN) per class: binary
    /// for two classes, the macro mean of per-class F1 otherwise (not the F1 of the macro
    /// precision and recall, as scikit-learn's `f1_score(average="macro")`).
    public static func f1(_ actual: [Int32], _ predicted: [Int32], classCount k: Int) -> Double {
        let c = counts(actual, predicted, classCount: k)
        let per = scored(k).map { j -> Double in
            let d = c.predicted[j] + c.actual[j]
            return d == 0 ? 0 : 2 * Double(c.tp[j]) / Double(d)
        }
        return per.isEmpty ? 0 : per.reduce(0, +) / Double(per.count)
    }

    /// The area under the ROC curve of scores for the positive rows (`positive[i]`).
    ///
    /// Equal scores are one threshold, so a tie between a positive and a negative row counts
    /// one half (the trapezoid between the curve's points, as `roc_auc_score` integrates
    /// `roc_curve`; equivalently the Mann–Whitney U statistic with midranks, Hanley & McNeil
    /// 1982). Nil when there are no positive or no negative rows (scikit-learn raises).
    ///
    /// - Complexity: O(n log n).
    public static func rocAUC(positive: [Bool], scores: [Double]) -> Double? {
        let n = scores.count
        let order = (0..<n).sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0, positives = 0
        var i = 0
        while i < n {
            var j = i
            while j + 1 < n && scores[order[j + 1]] == scores[order[i]] { j += 1 }
            let midrank = Double(i + j) / 2 + 1
            for k in i...j where positive[order[k]] { rankSum += midrank; positives += 1 }
            i = j + 1
        }
        let negatives = n - positives
        guard positives > 0, negatives > 0 else { return nil }
        return (rankSum - Double(positives) * Double(positives + 1) / 2) / (Double(positives) * Double(negatives))
    }

    /// ROC AUC of class probabilities: of P(class 1) for two classes, the macro mean of the
    /// one-vs-rest AUCs otherwise (classes absent from `actual` are skipped). Nil when no AUC
    /// is defined (one class only).
    public static func rocAUC(_ actual: [Int32], _ probabilities: ProbabilityMatrix) -> Double? {
        let k = probabilities.classCount
        if k == 2 { return rocAUC(positive: actual.map { $0 == 1 }, scores: probabilities.column(1)) }
        let aucs = (0..<k).compactMap { c in rocAUC(positive: actual.map { Int($0) == c }, scores: probabilities.column(c)) }
        return aucs.isEmpty ? nil : aucs.reduce(0, +) / Double(aucs.count)
    }

    /// The probability clip of ``logLoss(_:_:)``: the machine epsilon of `Double`, as scikit-learn
    /// ≥ 1.5 clips to `np.finfo(float64).eps`, so a confident wrong answer costs about 36, not ∞.
    public static let logLossEpsilon = Double.ulpOfOne

    /// The mean negative log-likelihood −(1/n) Σ log p(true class), with each probability
    /// clipped to [ε, 1 − ε] (`sklearn.metrics.log_loss`; Bishop, PRML eq. 4.108).
    ///
    /// - Complexity: O(n).
    public static func logLoss(_ actual: [Int32], _ probabilities: ProbabilityMatrix) -> Double {
        guard !actual.isEmpty else { return 0 }
        let eps = logLossEpsilon
        var sum = 0.0
        for i in actual.indices {
            let p = probabilities[i, Int(actual[i])]
            sum -= log(min(max(p, eps), 1 - eps))
        }
        return sum / Double(actual.count)
    }
}

