// Tests for cast: conversions by hand, errors naming column, row and value, and which casts exist.
import XCTest
@testable import SiftFrame

final class DataFrameCastTests: XCTestCase {
    func testConversionsByHand() throws {
        let f = frame([("s", strings(["1", " 2", nil, "-3"])), ("d", doubles([1.9, -1.9, nil, 0])),
                       ("t", strings(["2024-04-01 10:00:00", nil, "2024-04-02", "2024-04-01T00:00:01Z"]))])
        let out = try f.casting([("s", .int), ("d", .int), ("t", .timestamp)])
        XCTAssertEqual(out.column(at: 0), ints([1, 2, nil, -3]))
        XCTAssertEqual(out.column(at: 1), ints([1, -1, nil, 0]), "toward zero, like Python's int()")
        let day = Timestamp(year: 2024, month: 4, day: 1)!.micros
        XCTAssertEqual(out.column(at: 2), .timestamp(Column([Timestamp(micros: day + 36_000_000_000), nil,
                                                             Timestamp(micros: day + 86_400_000_000), Timestamp(micros: day + 1_000_000)])))
        XCTAssertEqual(out.schema.map(\.type), [.int, .int, .timestamp])
        XCTAssertEqual(try frame([("b", bools([true, nil]))]).casting([("b", .string)]).column(at: 0), strings(["true", nil]))
        XCTAssertEqual(try frame([("i", ints([3]))]).casting([("i", .double)]).column(at: 0), doubles([3]))
    }

    func testABadValueNamesColumnRowAndValue() {
        let f = frame([("price", strings(["1", "2", "abc", "x"]))])
        XCTAssertThrowsError(try f.casting([("price", .int)])) {
            XCTAssertEqual("\($0)", "column 'price': cannot cast 'abc' (row 3) to int")
        }
        // Dictionary columns are parsed per entry but still report the first bad row.
        guard case .string(let s) = f.column(at: 0) else { return XCTFail() }
        let d = frame([("price", .string(s.dictionaryEncoded()))])
        XCTAssertThrowsError(try d.casting([("price", .double)])) {
            XCTAssertEqual("\($0)", "column 'price': cannot cast 'abc' (row 3) to double")
        }
    }

    func testWhichCastsExist() {
        XCTAssertTrue(DataFrame.isCastable(from: .string, to: .timestamp))
        XCTAssertTrue(DataFrame.isCastable(from: .timestamp, to: .int))
        XCTAssertTrue(DataFrame.isCastable(from: .int, to: .bool))
        XCTAssertFalse(DataFrame.isCastable(from: .bool, to: .timestamp))
        XCTAssertFalse(DataFrame.isCastable(from: .timestamp, to: .duration))
        XCTAssertThrowsError(try frame([("b", bools([true]))]).casting([("b", .timestamp)])) {
            XCTAssertEqual($0 as? FrameError, .typeMismatch("cannot cast bool column 'b' to timestamp"))
        }
        // Every pair isCastable allows really converts (values that fit).
        let samples: [DataType: AnyColumn] = [.int: ints([1]), .double: doubles([1]), .bool: bools([true]),
                                              .string: strings(["1"]), .timestamp: .timestamp(Column([Timestamp(micros: 1_000_000)])),
                                              .duration: .duration(Column([Duration(micros: 1_000_000)]))]
        for from in DataType.allCases {
            for to in DataType.allCases where from != .string && DataFrame.isCastable(from: from, to: to) {
                XCTAssertNoThrow(try frame([("c", samples[from]!)]).casting([("c", to)]), "\(from) → \(to)")
            }
        }
    }

    func testEachColumnOnceAndUnknownColumns() {
        let f = frame([("a", ints([1]))])
        XCTAssertThrowsError(try f.casting([("a", .double), ("a", .string)]))
        XCTAssertThrowsError(try f.casting([("b", .double)])) { XCTAssertEqual($0 as? FrameError, .columnNotFound(name: "b", available: ["a"])) }
        XCTAssertEqual(try f.casting([("a", .int)]), f)
    }
}
