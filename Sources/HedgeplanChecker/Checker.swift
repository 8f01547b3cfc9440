import HedgeplanDiagnostics
import HedgeplanIR

/// The checker: what `validate` proves beyond types. Analysis, risk bounds and plan
/// feasibility, as diagnostics at the nodes that declare what fails.
public enum Checker {
    public struct Result: Sendable {
        public var analysis: StrategyAnalysis?
        public var diagnostics: [Diagnostic]
    }

    public static func check(_ strategy: Strategy) -> Result {
        var diagnostics = Feasibility.check(strategy)
        let (analysis, analysisDiagnostics) = StrategyAnalysis.analyze(strategy)
        // Without declared bounds, a strategy that cannot be analysed is not a problem.
        diagnostics += analysisDiagnostics.filter { $0.rule != .analysisSkipped || strategy.risk != nil }
        if let analysis {
            diagnostics += RiskBoundsCheck.check(analysis)
        } else if strategy.risk != nil, analysisDiagnostics.contains(where: { $0.rule == .analysisSkipped }) {
            diagnostics = diagnostics.map { d in
                var d = d
                if d.rule == .analysisSkipped {
                    d.severity = .error
                    d.message = "the declared risk bounds cannot be checked: " + d.message
                }
                return d
            }
        }
        diagnostics += CompileReadiness.check(strategy, analysis: analysis)
        return Result(analysis: analysis, diagnostics: diagnostics)
    }
}

/// Plan feasibility that needs no pricing: the hedge instrument is offered by some venue.
enum Feasibility {
    static func check(_ strategy: Strategy) -> [Diagnostic] {
        guard let hedge = strategy.hedge else { return [] }
        let venues = strategy.execution?.venues ?? []
        let offered = venues.contains { venue in
            switch (hedge.instrument.value, venue.kind) {
            case (.perp, .perp): return true
            case (.spot, .constantProduct), (.spot, .concentratedLiquidity): return true
            default: return false
            }
        }
        guard !offered else { return [] }
        let needed = hedge.instrument.value == .perp ? "a perp venue" : "a constant-product or concentrated-liquidity venue"
        return [.error(
            .feasibility,
            "the hedge trades \(hedge.instrument.value.rawValue), and no venue offers it: add \(needed) to `execution.venues`",
            at: hedge.instrument.location)]
    }
}

/// A strategy file after the front end and the checker: what `validate` reports.
public struct CheckedStrategy: Sendable {
    public var loaded: LoadedStrategy
    public var analysis: StrategyAnalysis?
    /// Front-end and checker diagnostics, in reading order.
    public var diagnostics: [Diagnostic]

    public var strategy: Strategy? { loaded.strategy }
    public var hasErrors: Bool { diagnostics.hasErrors }
}

extension Checker {
    /// Loads, decodes and checks one file. The checker runs only on strategies the front
    /// end accepted, so its findings never pile onto type errors.
    public static func validate(path: String, now: Instant) -> CheckedStrategy {
        checked(StrategyLoader.load(path: path, now: now))
    }

    /// The same for text already in memory, named `path` in diagnostics (a strategy edited
    /// by a tool before it is written, such as `tune`'s candidates).
    public static func validate(text: String, path: String, now: Instant) -> CheckedStrategy {
        checked(StrategyLoader.load(text: text, path: path, now: now))
    }

    private static func checked(_ loaded: LoadedStrategy) -> CheckedStrategy {
        guard let strategy = loaded.strategy, !loaded.hasErrors else {
            return CheckedStrategy(loaded: loaded, analysis: nil, diagnostics: loaded.diagnostics)
        }
        let result = check(strategy)
        return CheckedStrategy(
            loaded: loaded, analysis: result.analysis, diagnostics: (loaded.diagnostics + result.diagnostics).sortedByLocation())
    }
}
