import Foundation
import PlanFormat
import HedgeplanChecker
import HedgeplanDiagnostics
import HedgeplanIR

/// Compiles a checked strategy into a hedging plan, in passes that each do one thing:
/// resolve legs, price the inception figures, lower the hedge policies, lower execution,
/// then emit (safety, roll, provenance). Each pass is testable on its own.
public enum PlanCompiler {
    public static let name = "hedgeplan"
    public static let version = "0.1.0"

    public static func compile(_ input: CompileInput) -> Result<HedgingPlan, CompileFailure> {
        var diagnostics: [Diagnostic] = []
        let clock = ClockPass.run(input.strategy)
        let legs = ResolvePass.run(input.strategy, analysis: input.analysis, clock: clock)
        let inception = PricePass.run(input.analysis)

        var hedge: HedgeProgram?
        if let h = input.strategy.hedge {
            switch PolicyLoweringPass.run(h, strategy: input.strategy, analysis: input.analysis, history: input.history) {
            case .success(let program): hedge = program
            case .failure(let failure): diagnostics += failure.diagnostics
            }
        }
        let execution = input.strategy.execution.map { ExecutionLoweringPass.run($0, strategy: input.strategy) }
        guard !diagnostics.hasErrors else { return .failure(CompileFailure(diagnostics: diagnostics)) }
        let plan = EmitPass.run(
            input, clock: clock, legs: legs, inception: clock.anchor == .asOf || ClockPass.isClockFree(input.strategy) ? inception : nil,
            hedge: hedge, execution: execution)
        return .success(plan)
    }
}

/// Why a strategy did not compile: diagnostics with locations.
public struct CompileFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
}

/// A strategy file compiled end to end: front end, checker, compiler.
public struct CompiledStrategy: Sendable {
    public var checked: CheckedStrategy
    public var plan: HedgingPlan?
    /// Front-end, checker and compiler diagnostics, in reading order.
    public var diagnostics: [Diagnostic]
}

extension PlanCompiler {
    /// Loads, checks and compiles one file. Only strategies without errors compile.
    /// `now` only matters for strategies without `market.as_of`, and then only for
    /// validation: the plan itself never contains it.
    public static func compile(path: String, now: Instant, history: PriceHistory? = nil) -> CompiledStrategy {
        finish(Checker.validate(path: path, now: now), path: path, bytes: FileManager.default.contents(atPath: path), history: history)
    }

    /// Compiles text already in memory as if it were the file at `path` (its bytes are the
    /// source the plan's hash names): what `tune` does with each candidate hedge policy.
    public static func compile(text: String, path: String, now: Instant, history: PriceHistory? = nil) -> CompiledStrategy {
        finish(Checker.validate(text: text, path: path, now: now), path: path, bytes: Data(text.utf8), history: history)
    }

    private static func finish(_ checked: CheckedStrategy, path: String, bytes: Data?, history: PriceHistory?) -> CompiledStrategy {
        guard !checked.hasErrors, let strategy = checked.strategy, let analysis = checked.analysis, let bytes
        else {
            var diagnostics = checked.diagnostics
            if !checked.hasErrors, checked.analysis == nil, let strategy = checked.strategy {
                diagnostics.append(.error(
                    .compile, "compiling needs `market.spot` and `market.volatility` to resolve strikes and price the legs",
                    at: strategy.market.location))
            }
            return CompiledStrategy(checked: checked, plan: nil, diagnostics: diagnostics)
        }
        let input = CompileInput(strategy: strategy, analysis: analysis, sourcePath: path, sourceBytes: bytes, history: history)
        switch compile(input) {
        case .success(let plan):
            return CompiledStrategy(checked: checked, plan: plan, diagnostics: checked.diagnostics)
        case .failure(let failure):
            return CompiledStrategy(checked: checked, plan: nil, diagnostics: (checked.diagnostics + failure.diagnostics).sortedByLocation())
        }
    }
}
