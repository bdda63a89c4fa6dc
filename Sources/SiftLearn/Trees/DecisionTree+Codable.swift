// JSON form of a fitted tree: columnar arrays, checked on load so a damaged file cannot crash prediction.

extension DecisionTree: Codable {
    private enum CodingKeys: String, CodingKey {
        case feature, threshold, left, missingLeft = "missing_left", outputs, outputWidth = "output_width"
    }

    /// Writes the nodes column by column (`feature`, `threshold`, `left`; leaves have `left` 0),
    /// the nodes whose missing values go left, and the outputs.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(nodes.map(\.feature), forKey: .feature)
        try c.encode(nodes.map { $0.left == 0 ? 0 : $0.threshold }, forKey: .threshold)
        try c.encode(nodes.map(\.left), forKey: .left)
        try c.encode(missingLeft.indices.filter { missingLeft[$0] }, forKey: .missingLeft)
        try c.encode(outputs, forKey: .outputs)
        try c.encode(outputWidth, forKey: .outputWidth)
    }

    /// Reads a tree and checks its structure: equal column lengths, children after their parent
    /// and inside the tree, non-negative features, finite thresholds and outputs.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for any violation.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let feature = try c.decode([Int32].self, forKey: .feature)
        let threshold = try c.decode([Double].self, forKey: .threshold)
        let left = try c.decode([Int32].self, forKey: .left)
        let missing = try c.decode([Int].self, forKey: .missingLeft)
        let outputs = try c.decode([Double].self, forKey: .outputs)
        let width = try c.decode(Int.self, forKey: .outputWidth)
        func fail(_ why: String) -> DecodingError {
            DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: "damaged tree: \(why)"))
        }
        let n = feature.count
        guard n >= 1, threshold.count == n, left.count == n else { throw fail("node columns differ in length") }
        guard width >= 1, outputs.count == n * width, outputs.allSatisfy(\.isFinite) else { throw fail("bad outputs") }
        for k in 0..<n where left[k] != 0 {
            guard Int(left[k]) > k, Int(left[k]) + 1 < n, feature[k] >= 0, !threshold[k].isNaN else {
                throw fail("node \(k) has an invalid split")
            }
        }
        var flags = [Bool](repeating: false, count: n)
        for k in missing {
            guard k >= 0 && k < n else { throw fail("missing-value direction of node \(k) outside the tree") }
            flags[k] = true
        }
        self.init(nodes: (0..<n).map { TreeNode(threshold: threshold[$0], feature: feature[$0], left: left[$0]) },
                  missingLeft: flags, outputs: outputs, outputWidth: width)
    }

    /// Throws unless every split uses a feature below `featureCount` and each node has `width` outputs.
    func validate(featureCount: Int, width: Int) throws {
        guard outputWidth == width, nodes.allSatisfy({ $0.left == 0 || Int($0.feature) < featureCount }) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [],
                debugDescription: "damaged tree: it does not match \(featureCount) features and \(width) outputs"))
        }
    }
}
