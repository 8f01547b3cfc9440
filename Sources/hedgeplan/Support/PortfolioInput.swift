import PlanFormat
import ArgumentParser
import HedgeplanCompiler
import HedgeplanDiagnostics
import HedgeplanIR
import HedgeplanRuntime

/// A portfolio file given where a plan or strategy is expected (`dry-run`, `stress`):
/// compiled with its members; its diagnostics go out like a strategy's (a failure honours
/// --format json, warnings beside a run stay on standard error).
enum PortfolioInput {
    static func load(_ input: String, history: String?, format: Analyze.Format) throws -> PortfolioSetup {
        try loadCompiled(input, history: history, format: format).setup!
    }

    /// The same, with the compiled portfolio (its file's members, resolved paths): its
    /// `setup` is set.
    static func loadCompiled(_ input: String, history: String?, format: Analyze.Format) throws -> CompiledPortfolio {
        let compiled = PortfolioCompiler.compile(
            path: input, now: try ValuationClock.now(), history: try history.map(PriceHistoryLoader.load))
        if !compiled.diagnostics.isEmpty {
            let failed = compiled.setup == nil
            DiagnosticOutputOptions(format: failed && format == .json ? .json : .text).emit(compiled.diagnostics, texts: compiled.sources)
        }
        if compiled.isIOFailure { throw ExitCode(74) }
        guard compiled.setup != nil else { throw ExitCode(1) }
        return compiled
    }
}

/// `--order fixed|shuffle`: the order a portfolio's members act in within a tick.
enum MemberOrderOption: String, ExpressibleByArgument, CaseIterable {
    case fixed, shuffle
}
