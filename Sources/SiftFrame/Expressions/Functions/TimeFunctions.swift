// The time functions: timestamp, date, make_date, year ... second, weekday, trunc, seconds.

/// Row-wise time functions over timestamps (microseconds since 1970, UTC; no time zones).
///
/// - `timestamp(s)` reads ISO 8601 (`2008-04-01`, `2008-04-01 10:30:00.5`, `T`, `Z`, offsets)
///   and the same forms with unpadded fields (`2008-4-1 9:05`), so a date assembled with
///   `concat(year, "-", month, "-", day)` reads as it is; `timestamp(s, format)` reads a
///   strftime-style format (see ``TimestampFormat`` for the directives). Text that does not
///   parse is an error naming the value and row, as `int("x")` is. Numbers are read as Unix
///   seconds, and a timestamp is returned as it is.
/// - `date(s)` is `timestamp(s)` truncated to midnight (there is no separate date type; a
///   column of midnights displays as dates). `make_date(y, m, d)` builds one from int parts;
///   a day that does not exist (2023-02-29) is an error naming the row.
/// - `year`, `month`, `day`, `hour`, `minute`, `second`, `weekday` give ints; `weekday` is
///   0 for Monday to 6 for Sunday, as pandas' `dayofweek`.
/// - `trunc(t, unit)` floors to the start of its `"second"`, `"minute"`, `"hour"`, `"day"`,
///   `"week"` (Monday), `"month"`, `"quarter"` or `"year"`.
/// - `seconds(d)` is a duration as a double number of seconds (`seconds(t2 - t1)`).
public enum TimeFunctions {
    /// The definitions.
    public static let all: [FunctionDefinition] = [
        FunctionDefinition("timestamp", signature: "timestamp(s [, format])",
                           summary: "s read as a timestamp: ISO 8601 by default, else a format such as \"%d/%m/%Y %H:%M\"",
                           example: "timestamp(concat(year, \"-\", month, \"-\", day))", arity: 1...2,
                           type: { try parseType("timestamp", $0) }, evaluate: { try parse("timestamp", $0, $1, toDay: false) }),
        FunctionDefinition("date", signature: "date(s [, format])", summary: "s read as a date (a timestamp at midnight); a timestamp truncated to its day",
                           example: "date(concat(year, \"-\", month, \"-\", day))", arity: 1...2,
                           type: { try parseType("date", $0) }, evaluate: { try parse("date", $0, $1, toDay: true) }),
        FunctionDefinition("make_date", signature: "make_date(y, m, d)", summary: "the date of a year, month and day",
                           example: "make_date(year, month, day)", arity: 3...3, type: makeDateType, evaluate: makeDate),
        field("year", .year, "the year", "year(date(\"2008-04-01\"))"),
        field("month", .month, "the month, 1 to 12", "month(date(\"2008-04-01\"))"),
        field("day", .day, "the day of the month, 1 to 31", "day(date(\"2008-04-01\"))"),
        field("hour", .hour, "the hour, 0 to 23", "hour(timestamp(\"2008-04-01 10:30\"))"),
        field("minute", .minute, "the minute, 0 to 59", "minute(timestamp(\"2008-04-01 10:30\"))"),
        field("second", .second, "the second, 0 to 59", "second(timestamp(\"2008-04-01 10:30:15\"))"),
        field("weekday", .weekday, "the day of the week, 0 = Monday to 6 = Sunday", "weekday(make_date(year, month, day))"),
        FunctionDefinition("trunc", signature: "trunc(t, unit)",
                           summary: "t floored to the start of its \"minute\", \"hour\", \"day\", \"week\" (Monday), \"month\", ...",
                           example: "trunc(make_date(year, month, day), \"week\")", arity: 2...2, type: truncType, evaluate: truncate),
        FunctionDefinition("seconds", signature: "seconds(d)", summary: "a duration as a number of seconds (a double)",
                           example: "seconds(date(\"2008-04-02\") - date(\"2008-04-01\"))", arity: 1...1,
                           type: { args in try TypeRules.require("seconds", args, 0, [.duration]); return .double },
                           evaluate: seconds),
    ]

    private static func field(_ name: String, _ f: CalendarKernels.Field, _ summary: String, _ example: String) -> FunctionDefinition {
        FunctionDefinition(name, signature: "\(name)(t)", summary: summary, example: example, arity: 1...1,
                           type: { args in try TypeRules.require(name, args, 0, [.timestamp]); return .int },
                           evaluate: { args, ctx in
                               try FunctionSupport.elementwise(args, ctx) { n in
                                   guard let t = args[0].timestampSide else { throw FunctionSupport.unsupported(name, args) }
                                   switch t {
                                   case .column(let c): return .int(CalendarKernels.field(f, c))
                                   case .constant(let v): return .int(Column(values: [Int64](repeating: CalendarKernels.field(f, v.micros), count: n)))
                                   case .null: return .nulls(of: .int, count: n)
                                   }
                               }
                           })
    }

    // MARK: - Type rules

    private static func parseType(_ f: String, _ args: [ArgumentInfo]) throws -> DataType? {
        if args.count == 2 {
            try TypeRules.require(f, args, 0, [.string], expected: "string (with a format)")
            guard case .string(let pattern)? = try? TypeRules.constant(f, args, 1, .string) else {
                throw TypeRules.badArgument(f, 2, expected: "constant string format", got: args[1])
            }
            _ = try TimestampFormat(pattern)
        } else {
            try TypeRules.require(f, args, 0, [.string, .timestamp, .int, .double], expected: "string or timestamp")
        }
        return .timestamp
    }

    private static func makeDateType(_ args: [ArgumentInfo]) throws -> DataType? {
        for i in args.indices { try TypeRules.require("make_date", args, i, [.int]) }
        return .timestamp
    }

    private static func truncType(_ args: [ArgumentInfo]) throws -> DataType? {
        try TypeRules.require("trunc", args, 0, [.timestamp])
        guard case .string(let u)? = args[1].constant else {
            throw TypeRules.badArgument("trunc", 2, expected: "constant string unit", got: args[1])
        }
        _ = try unit(u)
        return .timestamp
    }

    /// The unit named `u`, or an error listing the units with a did-you-mean.
    private static func unit(_ u: String) throws -> CalendarKernels.Unit {
        let names = CalendarKernels.Unit.allCases.map(\.rawValue)
        // Any case, and plurals ("days"), are accepted.
        let lower = u.lowercased()
        if let k = CalendarKernels.Unit(rawValue: lower) ?? (lower.hasSuffix("s") ? CalendarKernels.Unit(rawValue: String(lower.dropLast())) : nil) {
            return k
        }
        var m = "unknown unit '\(u)' for 'trunc'"
        if let guess = FrameError.closestName(to: u, in: names) { m += " (did you mean '\(guess)'?)" }
        throw FrameError.invalidArgument(m + "; expected one of " + names.joined(separator: ", "))
    }

    // MARK: - Parsing

    /// The error for a value that does not read as a timestamp.
    private static func notParsed(_ f: String, _ text: String, _ row: Int?, _ format: TimestampFormat?) -> FrameError {
        var m = "'\(f)' cannot read '\(text)'"
        if let row { m += " (row \(row + 1))" }
        m += format.map { " with format '\($0.pattern)'" } ?? " as a timestamp (expected ISO 8601 such as 2008-04-01 or 2008-04-01 10:30:00, or give a format)"
        return .invalidArgument(m)
    }

    private static func parse(_ f: String, _ args: [Operand], _ ctx: EvaluationContext, toDay: Bool) throws -> Operand {
        var format: TimestampFormat? = nil
        if args.count == 2 {
            guard case .scalar(.string(let p)) = args[1] else { throw FunctionSupport.unsupported(f, args) }
            format = try TimestampFormat(p)
        }
        let fmt = format
        return try FunctionSupport.elementwise(Array(args.prefix(1)), ctx) { n in
            let parsed: Column<Timestamp>
            switch args[0] {
            case .column(.timestamp(let c)): parsed = c
            case .scalar(.timestamp(let t)): parsed = Column(values: [Timestamp](repeating: t, count: n))
            case .column(.int), .column(.double), .scalar(.int), .scalar(.double):
                guard case .timestamp(let c) = try Conversion.cast(try args[0].asColumn(count: n), to: .timestamp) else {
                    throw FunctionSupport.unsupported(f, args)
                }
                parsed = c
            case .scalar(.null): return .nulls(of: .timestamp, count: n)
            default:
                guard let s = StringKernels.column(args[0], count: n) else { throw FunctionSupport.unsupported(f, args) }
                parsed = try parseStrings(f, s, fmt)
            }
            return .timestamp(toDay ? CalendarKernels.truncate(parsed, to: .day) : parsed)
        }
    }

    /// Parses a string column (each dictionary entry once), failing on the first valid row that
    /// does not parse.
    static func parseStrings(_ f: String, _ s: StringColumn, _ format: TimestampFormat?) throws -> Column<Timestamp> {
        // Int64.min marks a failure: no parsed timestamp is that far from 1970 (±290,000 years).
        let failed = Timestamp(micros: Int64.min)
        let parsed: Column<Timestamp>
        if let format {
            parsed = StringKernels.values(s) { format.parse(bytes: $0) ?? failed }
        } else {
            parsed = StringKernels.values(s) { TimestampFormat.parseDefault(bytes: $0) ?? failed }
        }
        var bad: Int? = nil
        parsed.values.withUnsafeBufferPointer { v in
            Bitmap.forEachValid(parsed.validity, count: v.count) { i in if bad == nil && v[i] == failed { bad = i } }
        }
        if let i = bad { throw notParsed(f, s[i] ?? "", s.count > 1 ? i : nil, format) }
        return parsed
    }

    // MARK: - Parts and units

    private static func makeDate(_ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        try FunctionSupport.elementwise(args, ctx) { n in
            guard let y = args[0].intSide, let m = args[1].intSide, let d = args[2].intSide else {
                throw FunctionSupport.unsupported("make_date", args)
            }
            // Int64.min marks a day that does not exist.
            @Sendable func at(_ s: Side<Int64>, _ i: Int) -> Int64 {
                switch s {
                case .column(let c): return c.values[i]
                case .constant(let v): return v
                case .null: return 0
                }
            }
            let micros = ParallelMap.generate(n) { i -> Int64 in
                let yy = at(y, i), mm = at(m, i), dd = at(d, i)
                guard yy >= -290_000, yy <= 290_000, mm >= 1, mm <= 12, dd >= 1,
                      dd <= Int64(Calendar.daysInMonth(year: Int(yy), month: Int(mm))) else { return Int64.min }
                return CalendarKernels.days(year: yy, month: mm, day: dd) &* 86_400_000_000
            }
            let validity = Bitmap.intersect(y.validity(count: n), Bitmap.intersect(m.validity(count: n), d.validity(count: n)))
            let out = Column<Int64>(values: micros, validity: validity)
            var bad: Int? = nil
            Bitmap.forEachValid(out.validity, count: n) { i in if bad == nil && out.values[i] == Int64.min { bad = i } }
            if let i = bad {
                func at(_ s: Side<Int64>) -> String {
                    switch s { case .column(let c): return "\(c.values[i])"; case .constant(let v): return "\(v)"; case .null: return "null" }
                }
                let row = n > 1 || !args.allSatisfy(\.isScalar) ? " (row \(i + 1))" : ""
                throw FrameError.invalidArgument("make_date(\(at(y)), \(at(m)), \(at(d)))\(row) is not a date")
            }
            return .timestamp(out.map { Timestamp(micros: $0) })
        }
    }

    private static func truncate(_ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        guard case .scalar(.string(let u)) = args[1] else { throw FunctionSupport.unsupported("trunc", args) }
        let k = try unit(u)
        return try FunctionSupport.elementwise(Array(args.prefix(1)), ctx) { n in
            switch args[0].timestampSide {
            case .column(let c)?: return .timestamp(CalendarKernels.truncate(c, to: k))
            case .constant(let t)?: return .timestamp(Column(values: [Timestamp](repeating: Timestamp(micros: CalendarKernels.truncate(t.micros, to: k)), count: n)))
            case .null?: return .nulls(of: .timestamp, count: n)
            case nil: throw FunctionSupport.unsupported("trunc", args)
            }
        }
    }

    private static func seconds(_ args: [Operand], _ ctx: EvaluationContext) throws -> Operand {
        try FunctionSupport.elementwise(args, ctx) { n in
            guard let d = args[0].durationSide else { throw FunctionSupport.unsupported("seconds", args) }
            return .double(ParallelMap.map(d, count: n) { Double($0.micros) / 1_000_000 })
        }
    }
}
