// Binary scores at thresholds: the confusion matrix at one threshold, the ROC curve, and the threshold reaching a recall.

/// A 2 × 2 confusion matrix of a binary classifier at a threshold.
public struct BinaryConfusion: Sendable, Equatable, Codable {
    /// Positive rows predicted positive.
    public var truePositives: Int
    /// Negative rows predicted positive.
    public var falsePositives: Int
    /// Negative rows predicted negative.
    public var trueNegatives: Int
    /// Positive rows predicted negative.
    public var falseNegatives: Int

    /// Counts the rows: a row is predicted positive when its score is at least `threshold`
    /// (scikit-learn's `roc_curve` convention, `score >= threshold`).
    ///
    /// - Complexity: O(n).
    public init(positive: [Bool], scores: [Double], threshold: Double) {
        var tp = 0, fp = 0, tn = 0, fn = 0
        for i in scores.indices {
            let predicted = scores[i] >= threshold
            switch (positive[i], predicted) {
            case (true, true): tp += 1
            case (false, true): fp += 1
            case (false, false): tn += 1
            case (true, false): fn += 1
            }
        }
        truePositives = tp; falsePositives = fp; trueNegatives = tn; falseNegatives = fn
    }
}

/// Points of the ROC curve and the thresholds that make them.
public struct ROCPoints: Sendable, Equatable {
    /// False positive rates, from 0 up to 1.
    public var fpr: [Double]
    /// True positive rates, from 0 up to 1.
    public var tpr: [Double]
    /// The threshold of each point (`score >= threshold` is positive); the first is +∞.
    public var thresholds: [Double]

    /// The curve of `roc_curve(y, score, drop_intermediate=False)`: one point per distinct
    /// score, in decreasing score order, after a first point (0, 0) at threshold +∞. A curve
    /// with no positive (negative) row has tpr (fpr) 0 everywhere, where scikit-learn gives NaN
    /// with a warning.
    ///
    /// - Complexity: O(n log n).
    public init(positive: [Bool], scores: [Double]) {
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        let p = positive.reduce(0) { $0 + ($1 ? 1 : 0) }, n = positive.count - p
        var fpr: [Double] = [0], tpr: [Double] = [0], th: [Double] = [.infinity]
        var tp = 0, fp = 0, i = 0
        while i < order.count {
            let s = scores[order[i]]
            while i < order.count && scores[order[i]] == s {
                if positive[order[i]] { tp += 1 } else { fp += 1 }
                i += 1
            }
            fpr.append(n == 0 ? 0 : Double(fp) / Double(n))
            tpr.append(p == 0 ? 0 : Double(tp) / Double(p))
            th.append(s)
        }
        self.fpr = fpr; self.tpr = tpr; thresholds = th
    }

    /// The largest threshold whose recall (true positive rate) is at least `recall`: the
    /// strictest cut that still finds that share of the positive rows. Nil when no row is
    /// positive.
    ///
    /// - Complexity: O(points).
    public func threshold(reachingRecall recall: Double) -> (threshold: Double, recall: Double, fpr: Double)? {
        guard let last = tpr.last, last > 0 else { return nil }
        for k in tpr.indices.dropFirst() where tpr[k] >= recall - 1e-12 {
            return (thresholds[k], tpr[k], fpr[k])
        }
        return (thresholds[thresholds.count - 1], last, fpr[fpr.count - 1])
    }
}
