// The RFM scoring rules (quintile scores and segments), the one Swift statement of what stdlib/rfm.sift says in Sift.

/// How recency, frequency and monetary values become 1–5 scores and a segment.
///
/// These are the rules of `stdlib/rfm.sift` (`quintile`, `rfm_segment`, `rfm_code`), written
/// once here for the `rfm` verb; the transcript `Tests/Transcripts/clickstream/rfm-stdlib.sift`
/// and `RFMScoringTests` check that the two give the same answers on every input they try.
///
/// - Quintile score: `1 + [x > Q(0.2)] + [x > Q(0.4)] + [x > Q(0.6)] + [x > Q(0.8)]`, where
///   `Q` is the column's linearly interpolated quantile over its non-null values (pandas'
///   default, Hyndman & Fan definition 7, see ``Statistics/quantile(sorted:_:)``). A value
///   equal to a boundary takes the lower score; a null value has a null score. This is the
///   common "score by quintile" of RFM analysis (Hughes, *Strategic Database Marketing*, 1994),
///   computed with strict comparisons against the quantiles rather than by rank, so ties always
///   share a score.
/// - Recency scores the other way round: `r = 6 - quintile(recency_days)`, so 5 is the most recent.
/// - Segments from `r` and `f`, first match wins: Champions (r ≥ 4 and f ≥ 4), Loyal (r ≥ 3
///   and f ≥ 3), Potential (r ≥ 4), At-Risk (f ≥ 3), Win-Back (r ≥ 2), Lost (the rest).
public enum RFMScoring {
    /// The quantiles that bound the five scores.
    public static let boundaries = [0.2, 0.4, 0.6, 0.8]

    /// The segment names, best first.
    public static let segments = ["Champions", "Loyal", "Potential", "At-Risk", "Win-Back", "Lost"]

    /// The 1–5 quintile score of every value (nil stays nil).
    ///
    /// ```swift
    /// RFMScoring.quintiles([1, 2, 3, 4, 5, nil])   // [1, 2, 3, 4, 5, nil]
    /// ```
    /// - Complexity: O(n log n) for the sort that finds the quantiles.
    public static func quintiles(_ values: [Double?]) -> [Int64?] {
        let present = values.compactMap { $0 }.sorted()
        let cuts = present.withUnsafeBufferPointer { p in boundaries.map { Statistics.quantile(sorted: p, $0) ?? 0 } }
        return values.map { v in
            guard let v else { return nil }
            var score: Int64 = 1
            for c in cuts where v > c { score += 1 }
            return score
        }
    }

    /// The segment of a customer from its recency and frequency scores (5 = most recent / most frequent).
    ///
    /// ```swift
    /// RFMScoring.segment(r: 5, f: 1)   // "Potential"
    /// ```
    public static func segment(r: Int64, f: Int64) -> String {
        if r >= 4 && f >= 4 { return "Champions" }
        if r >= 3 && f >= 3 { return "Loyal" }
        if r >= 4 { return "Potential" }
        if f >= 3 { return "At-Risk" }
        if r >= 2 { return "Win-Back" }
        return "Lost"
    }
}
