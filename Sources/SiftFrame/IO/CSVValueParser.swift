// Inlined fast paths for the values CSV files are mostly made of; everything else goes to NumberParser and TimestampParser.

/// Small parsers the column loops inline: short decimal ints, plain decimals, and
/// `YYYY-MM-DD HH:MM:SS` timestamps with the date part cached (consecutive rows of a log share
/// their day). Each falls back to the general, exact parser for any other form, so results are
/// always the same as ``NumberParser`` and ``TimestampParser`` give.
enum CSVValueParser {
    /// 10^k for k in 0...15, exact in a double.
    static let exactPowers: [Double] = (0...15).map { k in (0..<k).reduce(1.0) { a, _ in a * 10 } }

    /// An int of up to 18 digits with an optional `-`; other forms go to ``NumberParser/parseInt(_:)``.
    @inline(__always)
    static func int(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
        if n > 0 && n <= 18 {
            var i = p[0] == 45 ? 1 : 0
            if i < n {
                var v: Int64 = 0
                while i < n {
                    let d = p[i] &- 48
                    if d > 9 { return NumberParser.parseInt(UnsafeBufferPointer(start: p, count: n)) }
                    v = v &* 10 &+ Int64(d)
                    i &+= 1
                }
                return p[0] == 45 ? 0 &- v : v
            }
        }
        return NumberParser.parseInt(UnsafeBufferPointer(start: p, count: n))
    }

    /// A decimal of at most 15 digits with an optional `-` and one `.`, as one correctly rounded
    /// division of two exact doubles (Clinger's fast path); other forms go to
    /// ``NumberParser/parseDouble(_:)``.
    @inline(__always)
    static func double(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
        if n > 0 && n <= 16 {
            var i = p[0] == 45 ? 1 : 0
            var m: Int64 = 0
            var digits = 0
            var dot = -1
            while i < n {
                let c = p[i]
                let d = c &- 48
                if d <= 9 {
                    m = m &* 10 &+ Int64(d)
                    digits &+= 1
                } else if c == 46 && dot < 0 {
                    dot = i
                } else {
                    return NumberParser.parseDouble(UnsafeBufferPointer(start: p, count: n))
                }
                i &+= 1
            }
            if digits > 0 && digits <= 15 {
                let frac = dot < 0 ? 0 : n &- 1 &- dot
                let v = Double(m) / exactPowers[frac]
                return p[0] == 45 ? -v : v
            }
        }
        return NumberParser.parseDouble(UnsafeBufferPointer(start: p, count: n))
    }

    /// The date cache of a timestamp column: the first ten bytes of the last date-time parsed
    /// and the microseconds of its midnight.
    struct DateCache {
        var key: (UInt64, UInt16) = (0, 0)
        var midnight: Int64 = 0
    }

    /// `YYYY-MM-DD HH:MM:SS` (or with `T`) through the date cache; other forms go to
    /// ``TimestampParser/parse(bytes:)``.
    @inline(__always)
    static func timestamp(_ p: UnsafePointer<UInt8>, _ n: Int, _ cache: inout DateCache) -> Timestamp? {
        if n == 19 && p[13] == 58 && p[16] == 58 && (p[10] == 32 || p[10] == 84) {
            let raw = UnsafeRawPointer(p)
            let k0 = raw.loadUnaligned(as: UInt64.self), k1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
            if k0 != cache.key.0 || k1 != cache.key.1 {
                guard let t = TimestampParser.parse(bytes: UnsafeBufferPointer(start: p, count: 10)) else { return nil }
                cache.key = (k0, k1)
                cache.midnight = t.micros
            }
            let h0 = p[11] &- 48, h1 = p[12] &- 48, m0 = p[14] &- 48, m1 = p[15] &- 48, s0 = p[17] &- 48, s1 = p[18] &- 48
            if h0 <= 9 && h1 <= 9 && m0 <= 9 && m1 <= 9 && s0 <= 9 && s1 <= 9 {
                let h = Int64(h0) &* 10 &+ Int64(h1), m = Int64(m0) &* 10 &+ Int64(m1), s = Int64(s0) &* 10 &+ Int64(s1)
                if h < 24 && m < 60 && s < 60 {
                    return Timestamp(micros: cache.midnight &+ ((h &* 60 &+ m) &* 60 &+ s) &* 1_000_000)
                }
            }
            return nil
        }
        return TimestampParser.parse(bytes: UnsafeBufferPointer(start: p, count: n))
    }
}

/// A fixed-width value the column loops parse, with its parser (a type, so each loop is
/// specialised and the parser inlined).
protocol CSVFixedValue {
    associatedtype Value: ColumnElement
    /// The value of the `n` bytes at `p`, or nil; `cache` is the column's date cache.
    static func parse(_ p: UnsafePointer<UInt8>, _ n: Int, _ cache: inout CSVValueParser.DateCache) -> Value?
}

enum CSVIntValue: CSVFixedValue {
    @inline(__always) static func parse(_ p: UnsafePointer<UInt8>, _ n: Int, _ cache: inout CSVValueParser.DateCache) -> Int64? {
        CSVValueParser.int(p, n)
    }
}

enum CSVDoubleValue: CSVFixedValue {
    @inline(__always) static func parse(_ p: UnsafePointer<UInt8>, _ n: Int, _ cache: inout CSVValueParser.DateCache) -> Double? {
        CSVValueParser.double(p, n)
    }
}

enum CSVBoolValue: CSVFixedValue {
    @inline(__always) static func parse(_ p: UnsafePointer<UInt8>, _ n: Int, _ cache: inout CSVValueParser.DateCache) -> Bool? {
        NumberParser.parseBool(UnsafeBufferPointer(start: p, count: n))
    }
}

enum CSVTimestampValue: CSVFixedValue {
    @inline(__always) static func parse(_ p: UnsafePointer<UInt8>, _ n: Int, _ cache: inout CSVValueParser.DateCache) -> Timestamp? {
        CSVValueParser.timestamp(p, n, &cache)
    }
}

enum CSVDurationValue: CSVFixedValue {
    static func parse(_ p: UnsafePointer<UInt8>, _ n: Int, _ cache: inout CSVValueParser.DateCache) -> Duration? {
        NumberParser.parseDuration(UnsafeBufferPointer(start: p, count: n))
    }
}
