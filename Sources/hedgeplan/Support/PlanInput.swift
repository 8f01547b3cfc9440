import ArgumentParser
import Feeds
import PlanFormat
import HedgeplanCompiler
import HedgeplanDiagnostics

/// The PLAN_OR_STRATEGY argument of `dry-run` and `stress`: a compiled plan (`.json`),
/// loaded strictly, or a strategy, compiled first (its warnings go to standard error).
enum PlanInput {
    static func load(_ input: String, history: String?, format: Analyze.Format) throws -> HedgingPlan {
        if input.hasSuffix(".json") {
            if let problem = FileKind.problem(at: input) { throw CommandFailure.io(input, "cannot read the plan: \(problem)") }
            do {
                return try PlanLoader.load(path: input)
            } catch .unreadable(let path, _) {
                throw CommandFailure.io(path, "cannot read the plan: permission denied")
            } catch .rejected(let path, let problems) {
                // One diagnostic per problem, each naming its JSON path.
                throw CommandFailure(
                    diagnostics: problems.map { .error(.plan, "\($0.path): \($0.message)", at: .wholeFile(path)) }, exitCode: 1)
            }
        }
        let compiled = PlanCompiler.compile(path: input, now: try ValuationClock.now(), history: try history.map(PriceHistoryLoader.load))
        if !compiled.diagnostics.isEmpty {
            // A failure honours --format json; warnings beside a run stay on standard error.
            let failed = compiled.plan == nil
            DiagnosticOutputOptions(format: failed && format == .json ? .json : .text).emit(compiled.diagnostics, sources: [compiled.checked.loaded])
        }
        if compiled.checked.loaded.isIOFailure { throw ExitCode(74) }
        guard let plan = compiled.plan else { throw ExitCode(1) }
        return plan
    }
}
