// The fixed UCI e-shop subset the tree anchors were computed on (scripts/tree_anchors.py uci).
import Foundation
import XCTest
import SiftFrame
@testable import SiftLearn

/// Every 10th click of `notebooks/data/eshop-clothing-2008.csv` (16,548 rows), position % 5 == 0
/// as test (3,310) and the rest as train (13,238), exactly as `scripts/tree_anchors.py uci`
/// builds them: features month, day, order, country, page 1, page 2 (the clothing model, coded
/// by sorted string order), colour, location, model photography, page; targets `price_2 == 1`
/// (class 1) and `price`.
struct UCIEshopData {
    let train: FeatureMatrix, test: FeatureMatrix
    let trainClass: [Int32], testClass: [Int32]
    let trainPrice: [Double], testPrice: [Double]

    /// The same split without the clothing model (which nearly determines the price), so the
    /// anchors are far from perfect scores and discriminate.
    func withoutClothingModel() throws -> UCIEshopData {
        func drop(_ x: FeatureMatrix) throws -> FeatureMatrix {
            let keep = (0..<x.featureCount).filter { x.names[$0] != "page2" }
            return try FeatureMatrix(columns: keep.map { j in (0..<x.rowCount).map { x[$0, j] } }, names: keep.map { x.names[$0] })
        }
        return UCIEshopData(train: try drop(train), test: try drop(test), trainClass: trainClass, testClass: testClass,
                            trainPrice: trainPrice, testPrice: testPrice)
    }

    nonisolated(unsafe) private static var cached: UCIEshopData?

    /// Loads (once) the subset.
    static func load() throws -> UCIEshopData {
        if let cached { return cached }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("notebooks/data/eshop-clothing-2008.csv")
        // Byte scan (String splitting of 165k lines is slow in debug builds): keep every 10th
        // data line, dropping the header and the CR of CRLF.
        let bytes = [UInt8](try Data(contentsOf: url))
        var rows: [[String]] = []
        var lineStart = 0, lineNumber = -1
        bytes.withUnsafeBufferPointer { b in
            for k in 0..<b.count where b[k] == UInt8(ascii: "\n") {
                defer { lineStart = k + 1; lineNumber += 1 }
                guard lineNumber >= 0, lineNumber % 10 == 0 else { continue }
                var end = k
                if end > lineStart && b[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                rows.append(String(decoding: b[lineStart..<end], as: UTF8.self).split(separator: ";").map(String.init))
            }
        }
        let models = Array(Set(rows.map { $0[7] })).sorted()
        var code: [String: Double] = [:]
        for (i, m) in models.enumerated() { code[m] = Double(i) }
        let names = ["month", "day", "order", "country", "page1", "page2", "colour", "location", "photo", "page"]
        let fields = [1, 2, 3, 4, 6, 7, 8, 9, 10, 13]
        func value(_ r: [String], _ f: Int) -> Double { f == 7 ? code[r[7]]! : Double(r[f])! }
        let testRows = rows.indices.filter { $0 % 5 == 0 }, trainRows = rows.indices.filter { $0 % 5 != 0 }
        func matrix(_ idx: [Int]) throws -> FeatureMatrix {
            try FeatureMatrix(columns: fields.map { f in idx.map { value(rows[$0], f) } }, names: names)
        }
        let data = UCIEshopData(
            train: try matrix(trainRows), test: try matrix(testRows),
            trainClass: trainRows.map { rows[$0][12] == "1" ? 1 : 0 }, testClass: testRows.map { rows[$0][12] == "1" ? 1 : 0 },
            trainPrice: trainRows.map { Double(rows[$0][11])! }, testPrice: testRows.map { Double(rows[$0][11])! })
        cached = data
        return data
    }

    /// Test ROC AUC of a classifier fitted on the train part.
    func auc<P: ClassifierParameters>(_ params: P, seed: Int = 0) throws -> Double {
        var g = SeededGenerator(seed: seed)
        let m = try params.fit(train, trainClass, classCount: 2, weights: nil, generator: &g)
        return TreeBenchmark.rocAUC(testClass, try m.predictProba(test).column(1))
    }

    /// Test R² of a regressor fitted on the train part.
    func r2<P: RegressorParameters>(_ params: P, seed: Int = 0) throws -> Double {
        var g = SeededGenerator(seed: seed)
        let m = try params.fit(train, trainPrice, weights: nil, generator: &g)
        return TreeBenchmark.rSquared(testPrice, try m.predict(test))
    }
}

/// Asserts that Sift's metric is within 0.005 of the anchor's, or better (issue 6).
func assertMatchesAnchor(_ value: Double, _ anchor: Double, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertGreaterThanOrEqual(value, anchor - 0.005, "\(what): Sift \(value), anchor \(anchor)", file: file, line: line)
}

extension UCIEshopData {
    /// The split with every feature standardised by the train rows' mean and population standard
    /// deviation (scikit-learn's `StandardScaler`; a constant feature is only centred), as the
    /// pipeline does before linear models and the MLP, and as `scripts/linear_anchors.py uci` does.
    func standardized() throws -> UCIEshopData {
        let (tr, te) = try UCIEshopData.standardize(train, test)
        return UCIEshopData(train: tr, test: te, trainClass: trainClass, testClass: testClass,
                            trainPrice: trainPrice, testPrice: testPrice)
    }

    /// The multi-class task of `scripts/linear_anchors.py uci`: photo `location` 1…6 as codes
    /// 0…5 from the other (standardised) features.
    func locationTask() throws -> (train: FeatureMatrix, trainY: [Int32], test: FeatureMatrix, testY: [Int32]) {
        guard let loc = train.names.firstIndex(of: "location") else { throw FrameError.columnNotFound(name: "location", available: train.names) }
        func split(_ x: FeatureMatrix) throws -> (FeatureMatrix, [Int32]) {
            let keep = (0..<x.featureCount).filter { $0 != loc }
            let m = try FeatureMatrix(columns: keep.map { j in (0..<x.rowCount).map { x[$0, j] } }, names: keep.map { x.names[$0] })
            return (m, (0..<x.rowCount).map { Int32(x[$0, loc]) - 1 })
        }
        let (a, ya) = try split(train), (b, yb) = try split(test)
        let (sa, sb) = try UCIEshopData.standardize(a, b)
        return (sa, ya, sb, yb)
    }

    static func standardize(_ train: FeatureMatrix, _ test: FeatureMatrix) throws -> (FeatureMatrix, FeatureMatrix) {
        var means: [Double] = [], scales: [Double] = []
        for j in 0..<train.featureCount {
            let col = (0..<train.rowCount).map { train[$0, j] }
            let m = col.reduce(0, +) / Double(col.count)
            let sd = (col.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(col.count)).squareRoot()
            means.append(m); scales.append(sd > 0 ? sd : 1)
        }
        func apply(_ x: FeatureMatrix) throws -> FeatureMatrix {
            try FeatureMatrix(columns: (0..<x.featureCount).map { j in (0..<x.rowCount).map { (x[$0, j] - means[j]) / scales[j] } }, names: x.names)
        }
        return (try apply(train), try apply(test))
    }
}

/// Asserts two coefficient vectors agree entry by entry within `accuracy`.
func assertCoefficients(_ actual: [Double], _ expected: [Double], accuracy: Double, _ what: String,
                        file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.count, expected.count, "\(what): count", file: file, line: line)
    for (k, (a, e)) in zip(actual, expected).enumerated() {
        XCTAssertEqual(a, e, accuracy: accuracy, "\(what): coefficient \(k)", file: file, line: line)
    }
}
