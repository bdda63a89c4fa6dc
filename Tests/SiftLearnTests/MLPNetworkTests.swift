// Tests for the network: a forward pass by hand, Glorot bounds, decoding checks.
import XCTest
import Foundation
import SiftFrame
@testable import SiftLearn

final class MLPNetworkTests: XCTestCase {
    func testForwardPassByHand() throws {
        var g = SeededGenerator(seed: 0)
        var net = MLPNetwork(sizes: [2, 2, 1], output: .identity, generator: &g)
        // Hidden: relu(x0 − x1 + 0), relu(x0 + x1 − 1); output 2 h0 + 3 h1 + 1.
        net.layers[0].weights = [1, 1, -1, 1]; net.layers[0].biases = [0, -1]
        net.layers[1].weights = [2, 3]; net.layers[1].biases = [1]
        let x = try FeatureMatrix(columns: [[1, 0, 2], [0, 1, 2]], names: ["a", "b"])
        // Row (1, 0): h = (1, 0) → 3. Row (0, 1): h = (0, 0) → 1. Row (2, 2): h = (0, 3) → 10.
        XCTAssertEqual(net.outputs(x), [3, 1, 10])
        // A wide hidden layer takes the other kernel: same answer with 8 copies of the units.
        var wide = MLPNetwork(sizes: [2, 16, 1], output: .identity, generator: &g)
        wide.layers[0].weights = (0..<32).map { k in k < 16 ? (k % 2 == 0 ? 1 : 1) : (k % 2 == 0 ? -1 : 1) }
        wide.layers[0].biases = (0..<16).map { $0 % 2 == 0 ? 0 : -1 }
        wide.layers[1].weights = (0..<16).map { $0 % 2 == 0 ? 0.25 : 0.375 }; wide.layers[1].biases = [1]
        XCTAssertEqual(wide.outputs(x), [3, 1, 10])
    }

    func testGlorotBoundsAndValidation() throws {
        var g = SeededGenerator(seed: 0)
        let net = MLPNetwork(sizes: [4, 20, 3], output: .softmax, generator: &g)
        let bound = (6.0 / 24).squareRoot()
        XCTAssertTrue(net.layers[0].weights.allSatisfy { abs($0) <= bound })
        XCTAssertNoThrow(try net.validate(inputs: 4))
        XCTAssertThrowsError(try net.validate(inputs: 5))
        let x = try FeatureMatrix(columns: [[1], [2], [3], [4]], names: ["a", "b", "c", "d"])
        XCTAssertEqual(net.outputs(x).reduce(0, +), 1, accuracy: 1e-12)
    }
}
