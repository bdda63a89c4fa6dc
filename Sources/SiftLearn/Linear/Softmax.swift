// Row-wise softmax of per-class scores, shared by the logistic and naive Bayes models.
import Foundation

/// Row-wise softmax over per-class score arrays.
enum Softmax {
    /// Writes `exp(sᵢₖ − maxₖ sᵢₖ) / Σ` row-major into `out` (the max shift avoids overflow).
    static func rows(_ scores: [[Double]], into out: inout [Double], rows n: Int) {
        let k = scores.count
        for i in 0..<n {
            var m = -Double.infinity
            for c in 0..<k { m = max(m, scores[c][i]) }
            var s = 0.0
            for c in 0..<k { let e = exp(scores[c][i] - m); out[i * k + c] = e; s += e }
            for c in 0..<k { out[i * k + c] /= s }
        }
    }
}
