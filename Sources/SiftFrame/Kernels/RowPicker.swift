// Builds a column by taking each row from one of several same-typed sources (if, coalesce, fill).

/// Assembles a column whose row `i` is row `i` of source `choice[i]`, or null when
/// `choice[i] < 0`. Sources are operands of one type: columns of the frame's length or constants.
enum RowPicker {
    /// Picks rows from `sources` (all of type `type`).
    ///
    /// - Complexity: O(rows) (plus bytes copied for plain strings).
    static func pick(_ sources: [Operand], choice: [Int8], type: DataType, count n: Int) throws -> AnyColumn {
        let validity: Bitmap? = choice.contains(where: { $0 < 0 })
            ? Bitmap(count: n) { w in for i in 0..<n where choice[i] >= 0 { w[i >> 6] |= 1 << UInt64(i & 63) } }
            : nil
        func fixed<T: ColumnElement>(_ side: (Operand) -> Side<T>?) throws -> Column<T> {
            let sides = try sources.map { o -> Side<T> in
                guard let s = side(o) else { throw FunctionSupport.unsupported("pick", sources) }
                return s
            }
            let vals = Elementwise.fill(n) { (o: UnsafeMutablePointer<T>) in
                for i in 0..<n {
                    let k = Int(choice[i])
                    guard k >= 0 else { o[i] = T.zero; continue }
                    switch sides[k] {
                    case .column(let c): o[i] = c.values[i]
                    case .constant(let v): o[i] = v
                    case .null: o[i] = T.zero
                    }
                }
            }
            return Column(values: vals, validity: validity)
        }
        switch type {
        case .int: return .int(try fixed(\.intSide))
        case .double: return .double(try fixed(\.doubleSide))
        case .bool: return .bool(try fixed(\.boolSide))
        case .timestamp: return .timestamp(try fixed(\.timestampSide))
        case .duration: return .duration(try fixed(\.durationSide))
        case .string:
            var b = StringArrayBuilder(capacity: n)
            for i in 0..<n {
                let k = Int(choice[i])
                guard k >= 0 else { b.appendEmpty(); continue }
                switch sources[k] {
                case .column(.string(let c)): c.withUTF8(at: i) { b.append(utf8: $0) }
                case .scalar(.string(let s)): b.append(s)
                case .scalar(.null): b.appendEmpty()
                default: throw FunctionSupport.unsupported("pick", sources)
                }
            }
            return .string(StringColumn(storage: .plain(b.build()), validity: validity))
        }
    }

    /// Whether row `i` of an operand holds a value.
    @inlinable
    static func isValid(_ o: Operand, _ i: Int) -> Bool {
        switch o {
        case .column(let c): return c.isValid(i)
        case .scalar(let s): return !s.isNull
        case .list: return false
        }
    }
}
