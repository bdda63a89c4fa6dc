// How many features a tree examines per node (scikit-learn's max_features).
import SiftFrame

/// The number of candidate features per node, scikit-learn's `max_features`.
///
/// Random forests draw this many features at random at every node; constant ones do not count
/// (scikit-learn's behaviour). `.all` examines every feature, in index order.
public enum MaxFeatures: Sendable, Equatable, Codable {
    /// Every feature (the tree default, and the forest regressor's `1.0`).
    case all
    /// `max(1, ⌊√p⌋)` (the forest classifier default).
    case sqrt
    /// `max(1, ⌊log₂ p⌋)`.
    case log2
    /// A fixed number, capped at `p`.
    case count(Int)
    /// A fraction of `p`, `max(1, ⌊f · p⌋)`.
    case fraction(Double)

    /// The number for `p` features (at least 1 when `p ≥ 1`).
    public func resolve(featureCount p: Int) -> Int {
        let k: Int
        switch self {
        case .all: k = p
        case .sqrt: k = Int(Double(p).squareRoot())
        case .log2: k = p > 0 ? Int.bitWidth - 1 - p.leadingZeroBitCount : 0
        case .count(let c): k = c
        case .fraction(let f): k = Int(f * Double(p))
        }
        return min(p, max(1, k))
    }

    /// Throws for a count below 1 or a fraction outside (0, 1].
    func validate() throws {
        switch self {
        case .count(let c) where c < 1:
            throw FrameError.invalidArgument("max_features must be at least 1, got \(c)")
        case .fraction(let f) where !(f > 0 && f <= 1):
            throw FrameError.invalidArgument("max_features must be a fraction in (0, 1], got \(f)")
        default: return
        }
    }
}
