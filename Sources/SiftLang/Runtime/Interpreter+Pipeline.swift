// Running pipelines: every stage is bound (checked) against its input type before any stage runs.
import SiftFrame

extension Interpreter {
    /// Evaluates `source | stage | stage ...`.
    ///
    /// Stages are bound one after another against the static type of their input, so an
    /// unknown column in the fifth stage is reported before the first one runs. When a stage's
    /// output type depends on the data (after `load`, `pivot`, a user function), the remaining
    /// stages are bound as soon as that value exists.
    public func evaluatePipeline(_ source: ExprNode?, _ stages: [Stage], in scope: Scope) throws -> Value {
        var value: Value = .null
        var type: ValueType = .nothing
        if let source {
            value = try evaluate(source, in: scope)
            type = value.type
        }
        var bound: [BoundStage] = []
        for stage in stages {
            if case .unknown = type { break }
            let b = try bind(stage, input: type, in: scope)
            bound.append(b)
            type = b.output
        }
        var i = 0
        while i < stages.count {
            let stage = stages[i]
            if isInterrupted() { throw Diagnostic.error("run.interrupted", "interrupted", at: stage.range) }
            let b = i < bound.count ? bound[i] : try bind(stage, input: i == 0 && source == nil ? .nothing : value.type, in: scope)
            if i + 1 < bound.count, let n = try fusedCount(b, stage, stages[i + 1], on: value) {
                value = .scalar(.int(Int64(n)))
                i += 2
                continue
            }
            value = try run(b, stage, on: value)
            i += 1
        }
        return value
    }

    /// The row count of `stage | count` on an ungrouped frame when the stage can count without
    /// building its output; nil otherwise (and always under `:explain`, which reports every
    /// stage as it runs).
    private func fusedCount(_ b: BoundStage, _ stage: Stage, _ next: Stage, on input: Value) throws -> Int? {
        guard let countRows = b.countRows, stageObserver == nil, next.verb == "count", next.arguments.isEmpty,
              case .frame = b.output else { return nil }
        do {
            return try countRows(input)
        } catch let e as FrameError {
            throw Diagnostic.error("run.engine", e.description, at: stage.range, notes: ["in stage '\(stage.verb)'"])
        }
    }

    /// Binds one stage: a verb, a user function, or an engine function applied to the piped value.
    public func bind(_ stage: Stage, input: ValueType, in scope: Scope) throws -> BoundStage {
        if let verb = verbs[stage.verb] {
            do {
                return try verb.bind(StageBinder(stage: stage, input: input, interpreter: self, scope: scope))
            } catch let e as FrameError {
                throw Diagnostic.error("bind.engine", e.description, at: stage.range)
            }
        }
        if case .function(let f)? = scope.lookup(stage.verb) {
            return BoundStage(output: .unknown) { [unowned self] v in
                let extra = try stage.arguments.map { arg -> Value in
                    guard case .positional(let e) = arg else {
                        throw Diagnostic.error("bind.invalidArgument", "a user function takes plain arguments only", at: arg.range)
                    }
                    return try self.evaluate(e, in: scope)
                }
                return try self.call(f, [v] + extra, at: stage.range)
            }
        }
        if FunctionRegistry.shared[stage.verb] != nil, stage.verb.first?.isLetter ?? false {
            // `clicks.price | mean`, `x | round(2)`: the piped value is the first argument.
            return BoundStage(output: .unknown) { [unowned self] v in
                let extra = try stage.arguments.map { arg -> Value in
                    guard case .positional(let e) = arg else {
                        throw Diagnostic.error("bind.invalidArgument", "'\(stage.verb)' takes plain arguments only", at: arg.range)
                    }
                    return try self.evaluate(e, in: scope)
                }
                if stage.verb == "len" { return try self.length([v] + extra, at: stage.range) }   // as len(x)
                if case .frame = v, FunctionRegistry.shared[stage.verb]?.kind == .aggregate {
                    throw Diagnostic.error("run.typeError", "'\(stage.verb)' needs a column, got a frame; pick a column (frame.col | \(stage.verb)) or use 'agg'", at: stage.verbRange)
                }
                return try self.applyFunction(stage.verb, [v] + extra, at: stage.range)
            }
        }
        var msg = "unknown verb '\(stage.verb)'"
        let candidates = verbs.names + FunctionRegistry.shared.callableNames + scope.visibleNames
        if let guess = FrameError.closestName(to: stage.verb, in: candidates) { msg += " (did you mean '\(guess)'?)" }
        throw Diagnostic.error("bind.unknownVerb", msg, at: stage.verbRange, notes: [":help verbs lists them"])
    }

    /// Runs a bound stage, reporting to the stage observer and naming the stage in engine errors.
    private func run(_ b: BoundStage, _ stage: Stage, on input: Value) throws -> Value {
        let clock = ContinuousClock()
        let start = clock.now
        let out: Value
        do {
            out = try b.run(input)
        } catch let e as FrameError {
            throw Diagnostic.error("run.engine", e.description, at: stage.range, notes: ["in stage '\(stage.verb)'"])
        }
        if let observer = stageObserver {
            let elapsed = clock.now - start
            let secs = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            func rows(_ v: Value) -> Int? {
                switch v {
                case .frame(let f): return f.rowCount
                case .grouped(let g): return g.frame.rowCount
                default: return nil
                }
            }
            let before = input.type.schema?.names ?? [], after = out.type.schema?.names ?? []
            observer(StageReport(verb: stage.verb, rowsIn: rows(input), rowsOut: rows(out),
                                 added: after.filter { !before.contains($0) }, dropped: before.filter { !after.contains($0) },
                                 seconds: secs))
        }
        return out
    }
}
