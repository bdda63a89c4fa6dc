// Class probabilities of many rows: a row-major matrix with one column per class.

/// Predicted class probabilities, `rowCount × classCount`, row-major.
///
/// ```swift
/// let p = ProbabilityMatrix(rowCount: 2, classCount: 2, values: [0.9, 0.1, 0.3, 0.7])
/// p[1, 1]          // 0.7
/// p.argmax(row: 0) // 0
/// ```
public struct ProbabilityMatrix: Sendable, Equatable {
    /// The number of rows.
    public let rowCount: Int
    /// The number of classes.
    public let classCount: Int
    /// Row-major probabilities.
    public let values: [Double]

    /// Creates a matrix.
    public init(rowCount: Int, classCount: Int, values: [Double]) {
        precondition(values.count == rowCount * classCount, "probabilities do not fill the matrix")
        self.rowCount = rowCount
        self.classCount = classCount
        self.values = values
    }

    /// The probability of class `k` for row `i`.
    @inlinable public subscript(i: Int, k: Int) -> Double { values[i * classCount + k] }

    /// The most probable class of row `i` (the lowest code on ties).
    public func argmax(row i: Int) -> Int {
        var best = 0
        for k in 1..<max(1, classCount) where self[i, k] > self[i, best] { best = k }
        return best
    }

    /// The probabilities of class `k` for every row (for binary problems, `column(1)` is P(positive)).
    public func column(_ k: Int) -> [Double] { (0..<rowCount).map { self[$0, k] } }
}
