// Shared estimator conformance checks (after scikit-learn's estimator_checks): every estimator must pass them.
import XCTest
import SiftFrame
@testable import SiftLearn

/// A small seeded two-feature classification set: class 1 when x0 + noise > x1.
func toyClassification(rows n: Int = 200, classes k: Int = 2, seed: Int = 1) -> (FeatureMatrix, [Int32]) {
    var rng = SeededGenerator(seed: seed)
    var a: [Double] = [], b: [Double] = [], y: [Int32] = []
    for _ in 0..<n {
        let x0 = rng.nextDouble() * 4, x1 = rng.nextDouble() * 4
        a.append(x0); b.append(x1)
        let score = x0 - x1 + rng.nextGaussian() * 0.5
        y.append(k == 2 ? (score > 0 ? 1 : 0) : Int32(min(k - 1, max(0, Int((score + 4) / 8 * Double(k))))))
    }
    // Force at least one member per class, so every class exists.
    for c in 0..<min(k, n) { y[c] = Int32(c) }
    return (try! FeatureMatrix(columns: [a, b], names: ["x0", "x1"]), y)
}

/// A small seeded regression set: y = 3 x0 - 2 x1 + 1 + noise.
func toyRegression(rows n: Int = 200, seed: Int = 1) -> (FeatureMatrix, [Double]) {
    var rng = SeededGenerator(seed: seed)
    var a: [Double] = [], b: [Double] = [], y: [Double] = []
    for _ in 0..<n {
        let x0 = rng.nextDouble() * 4, x1 = rng.nextDouble() * 4
        a.append(x0); b.append(x1)
        y.append(3 * x0 - 2 * x1 + 1 + rng.nextGaussian() * 0.1)
    }
    return (try! FeatureMatrix(columns: [a, b], names: ["x0", "x1"]), y)
}

/// The shared classifier checks: refit gives the same model, one seed one output, shapes are
/// checked, a constant feature and a single class are handled, probabilities are valid.
func checkClassifier<P: ClassifierParameters>(_ params: P, file: StaticString = #filePath, line: UInt = #line) throws
where P.Model: Equatable {
    let (x, y) = toyClassification()
    var g1 = SeededGenerator(seed: 7), g2 = SeededGenerator(seed: 7)
    let m1 = try params.fit(x, y, classCount: 2, weights: nil, generator: &g1)
    let m2 = try params.fit(x, y, classCount: 2, weights: nil, generator: &g2)
    XCTAssertEqual(m1, m2, "same seed, same data: same model", file: file, line: line)
    let p = try m1.predictProba(x)
    XCTAssertEqual(p.rowCount, x.rowCount, file: file, line: line)
    for i in 0..<p.rowCount {
        let row = (0..<p.classCount).map { p[i, $0] }
        XCTAssertTrue(row.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 }, "row \(i): \(row)", file: file, line: line)
        XCTAssertEqual(row.reduce(0, +), 1, accuracy: 1e-9, "row \(i) sums to 1", file: file, line: line)
    }
    // Mismatched shapes are errors, never crashes.
    var g = SeededGenerator(seed: 7)
    XCTAssertThrowsError(try params.fit(x, Array(y.dropLast()), classCount: 2, weights: nil, generator: &g), file: file, line: line)
    let narrow = try FeatureMatrix(columns: [(0..<x.rowCount).map { x[$0, 0] }], names: ["x0"])
    XCTAssertThrowsError(try m1.predictProba(narrow), file: file, line: line)
    // A constant feature and a single class.
    let constant = try FeatureMatrix(columns: [(0..<x.rowCount).map { x[$0, 0] }, [Double](repeating: 5, count: x.rowCount)], names: ["x0", "c"])
    let mc = try params.fit(constant, y, classCount: 2, weights: nil, generator: &g)
    XCTAssertTrue(try mc.predictProba(constant).values.allSatisfy(\.isFinite), file: file, line: line)
    let single = try params.fit(x, [Int32](repeating: 0, count: x.rowCount), classCount: 1, weights: nil, generator: &g)
    let ps = try single.predictProba(x)
    XCTAssertTrue(ps.values.allSatisfy { abs($0 - 1) < 1e-9 }, "a single class gets probability 1", file: file, line: line)
}

/// The shared regressor checks (see ``checkClassifier(_:file:line:)``).
func checkRegressor<P: RegressorParameters>(_ params: P, file: StaticString = #filePath, line: UInt = #line) throws
where P.Model: Equatable {
    let (x, y) = toyRegression()
    var g1 = SeededGenerator(seed: 7), g2 = SeededGenerator(seed: 7)
    let m1 = try params.fit(x, y, weights: nil, generator: &g1)
    let m2 = try params.fit(x, y, weights: nil, generator: &g2)
    XCTAssertEqual(m1, m2, "same seed, same data: same model", file: file, line: line)
    let pred = try m1.predict(x)
    XCTAssertEqual(pred.count, x.rowCount, file: file, line: line)
    XCTAssertTrue(pred.allSatisfy(\.isFinite), "no NaN in predictions", file: file, line: line)
    var g = SeededGenerator(seed: 7)
    XCTAssertThrowsError(try params.fit(x, Array(y.dropLast()), weights: nil, generator: &g), file: file, line: line)
    let narrow = try FeatureMatrix(columns: [(0..<x.rowCount).map { x[$0, 0] }], names: ["x0"])
    XCTAssertThrowsError(try m1.predict(narrow), file: file, line: line)
    let constant = try FeatureMatrix(columns: [(0..<x.rowCount).map { x[$0, 0] }, [Double](repeating: 5, count: x.rowCount)], names: ["x0", "c"])
    XCTAssertTrue(try params.fit(constant, y, weights: nil, generator: &g).predict(constant).allSatisfy(\.isFinite), file: file, line: line)
    let flat = try params.fit(x, [Double](repeating: 2.5, count: x.rowCount), weights: nil, generator: &g)
    XCTAssertTrue(try flat.predict(x).allSatisfy { abs($0 - 2.5) < 1e-6 }, "a constant target is predicted exactly", file: file, line: line)
}
