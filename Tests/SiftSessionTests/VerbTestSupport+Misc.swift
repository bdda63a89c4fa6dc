// Helpers for the sampling, cleaning, looking and generation verb tests: a session with frames bound in.
import XCTest
import SiftFrame
import SiftLang
@testable import SiftSession

extension CapturedSession {
    /// A session with `t` bound to a small frame with nulls (see ``MiscFixtures/t``).
    static func withFrames(seed: Int = 42) -> CapturedSession {
        let c = CapturedSession()
        var o = SessionOptions()
        o.seed = seed
        c.session = Session(options: o, output: { [unowned c] in c.output += $0 }, errors: { [unowned c] in c.errors += $0 })
        c.session.interpreter.globals.bind("t", .frame(MiscFixtures.t))
        return c
    }

    /// The frame a variable holds after running `code` (nil if it is not a frame).
    func frame(_ name: String) -> DataFrame? {
        switch session.interpreter.globals.lookup(name) {
        case .frame(let f)?: return f
        case .grouped(let g)?: return g.frame
        default: return nil
        }
    }
}

/// Frames shared by the verb tests.
enum MiscFixtures {
    /// id 1…6; user a b a null c b; price 1.5 null 3 4.5 null 6; n null 2 null 4 5 null.
    static let t: DataFrame = {
        let cols: [(String, AnyColumn)] = [
            ("id", .int(Column<Int64>([1, 2, 3, 4, 5, 6]))),
            ("user", .string(StringColumn(["a", "b", "a", nil, "c", "b"]))),
            ("price", .double(Column<Double>([1.5, nil, 3, 4.5, nil, 6]))),
            ("n", .int(Column<Int64>([nil, 2, nil, 4, 5, nil]))),
        ]
        return (try? DataFrame(columns: cols)) ?? .empty
    }()
}
