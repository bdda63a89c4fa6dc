// Helpers shared by the function families: constant folding and operand-to-side dispatch.

/// Shared plumbing of the function families.
public enum FunctionSupport {
    /// Runs an elementwise kernel: over one row when every operand is a constant (giving a
    /// scalar, so constant sub-expressions fold), else over all rows.
    ///
    /// - Parameter body: builds the result column for a row count.
    public static func elementwise(_ args: [Operand], _ context: EvaluationContext,
                                   _ body: (Int) throws -> AnyColumn) rethrows -> Operand {
        if args.allSatisfy(\.isScalar) { return .scalar(try body(1)[0]) }
        return .column(try body(context.rowCount))
    }

    /// The error for an operand combination a type rule should have rejected.
    public static func unsupported(_ name: String, _ args: [Operand]) -> FrameError {
        .typeMismatch("'\(name)' does not apply to " + args.map { ExpressionEvaluator.info($0).typeName }.joined(separator: " and "))
    }

    /// Reads a constant operand (after type checking) as a scalar; a column gives nil.
    public static func constant(_ o: Operand) -> Scalar? {
        if case .scalar(let s) = o { return s }
        return nil
    }
}
