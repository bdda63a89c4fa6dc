// The pipeline's preprocessing: medians, scaling, one-hot with unseen levels, codes — learned once, reapplied.
import XCTest
import SiftFrame
@testable import SiftLearn

final class FeatureEncoderTests: XCTestCase {
    func frame(_ x: [Double?], _ c: [String?]) throws -> DataFrame {
        try DataFrame(columns: [("x", .double(Column<Double>(x))), ("c", .string(StringColumn(c)))])
    }

    func testMedianImputationAndStandardScaling() throws {
        // x = 1, 2, null, 7: median of 1, 2, 7 is 2; imputed 1, 2, 2, 7 has mean 3 and
        // population sd sqrt((4 + 1 + 1 + 16) / 4) = sqrt(5.5).
        let train = try frame([1, 2, nil, 7], ["a", "b", "a", nil])
        let e = try FeatureEncoder.fit(train, features: ["x", "c"], encoding: .oneHot, scaling: .standard, imputes: true)
        XCTAssertEqual(e.features[0].median, 2)
        XCTAssertEqual(e.features[0].shift, 3)
        XCTAssertEqual(e.features[0].scale, 5.5.squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(e.outputNames, ["x", "c=a", "c=b"])
        // New rows: a null x gets the training median; an unseen level and a null are all zeros.
        let new = try frame([nil, 3], ["zzz", "b"])
        let v = try e.transform(new)
        XCTAssertEqual(v[0], (2 - 3) / 5.5.squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(v[1], 0)
        XCTAssertEqual(Array(v[2...]), [0, 0, 0, 1])
    }

    func testMinMaxAndCodes() throws {
        let train = try frame([10, 20, 30], ["b", "a", "b"])
        let e = try FeatureEncoder.fit(train, features: ["x", "c"], encoding: .codes, scaling: .minmax, imputes: true)
        let v = try e.transform(try frame([20, 40], ["a", "new"]))
        // (20 − 10) / 20, (40 − 10) / 20; codes by sorted level: a = 0, unseen = 2.
        XCTAssertEqual(v, [0.5, 1.5, 0, 2])
        XCTAssertEqual(e.outputKinds, [.numeric, .categorical(levelCount: 3)])
    }

    func testMissingStaysNaNWhenNative() throws {
        let e = try FeatureEncoder.fit(try frame([1, nil], ["a", nil]), features: ["x", "c"], encoding: .codes, scaling: .none, imputes: false)
        let v = try e.transform(try frame([nil, 1], [nil, "a"]))
        XCTAssertTrue(v[0].isNaN && v[2].isNaN)
        XCTAssertEqual(v[1], 1); XCTAssertEqual(v[3], 0)
    }

    func testWrongTypeOrMissingColumnIsAnError() throws {
        let e = try FeatureEncoder.fit(try frame([1, 2], ["a", "b"]), features: ["x"], encoding: .codes, scaling: .none, imputes: true)
        let strings = try DataFrame(columns: [("x", .string(StringColumn(["1"])))])
        XCTAssertThrowsError(try e.transform(strings))
        XCTAssertThrowsError(try e.transform(try DataFrame(columns: [("y", .double(Column<Double>([1])))])))
    }
}
