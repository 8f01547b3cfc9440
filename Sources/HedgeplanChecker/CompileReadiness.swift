import HedgeplanDiagnostics
import HedgeplanIR
import Pricing

/// The compiler's errors that depend on the strategy alone, found at `validate` time with
/// the compiler's own message and location, so that a file `validate` accepts compiles.
/// Errors that depend on the command line (`volatility: garch` needs `--history FILE.csv`,
/// and the fit to that history) stay compile-only: `validate` cannot know them.
enum CompileReadiness {
    static func check(_ strategy: Strategy, analysis: StrategyAnalysis?) -> [Diagnostic] {
        guard let hedge = strategy.hedge else { return [] }
        var diagnostics: [Diagnostic] = []
        if let flag = hedge.delta?.adaptGas, flag.value {
            diagnostics += gasAdapter(flag, strategy: strategy)
        }
        if let vega = hedge.vega {
            diagnostics += vegaOption(vega, strategy: strategy, analysis: analysis)
        }
        return diagnostics
    }

    /// `adapt.gas` prices a trade's gas from the feed: it needs `execution.gas`, paid in the
    /// pair's base or quote token.
    static func gasAdapter(_ flag: Located<Bool>, strategy: Strategy) -> [Diagnostic] {
        guard let gas = strategy.execution?.gas else {
            return [.error(.compile, "`adapt.gas` scales the band with the gas cost of a trade: declare `execution.gas`", at: flag.location)]
        }
        let underlying = strategy.underlying.value
        let native = gas.native.value.isEmpty ? underlying.base : gas.native.value
        guard native == underlying.base || native == underlying.quote else {
            return [.error(
                .compile,
                "gas is paid in \(native), which is neither \(underlying.base) nor \(underlying.quote), so the plan cannot price it from the feed; remove `adapt.gas` or trade a \(native) pair",
                at: flag.location)]
        }
        return []
    }

    /// The vega hedge option's expiry must be a time span from the valuation time (an
    /// instant needs `market.as_of`), and its strike must resolve under the market model.
    static func vegaOption(_ v: VegaHedge, strategy: Strategy, analysis: StrategyAnalysis?) -> [Diagnostic] {
        let option = v.option.value
        let seconds: Double
        switch option.expiry.value {
        case .after(let d): seconds = d.seconds
        case .at(let instant):
            guard strategy.market.asOf != nil else {
                return [.error(
                    .compile, "a vega hedge option expiring at an instant needs `market.as_of` (or give its expiry as a duration, like 30d)",
                    at: option.expiry.location)]
            }
            seconds = Double(strategy.valuationTime.seconds(until: instant))
        }
        guard let analysis else { return [] }
        let kind: OptionKind = option.type == .call ? .call : .put
        let resolver = LegResolver(model: analysis.model, valuationTime: strategy.valuationTime, venues: [])
        guard resolver.strike(option.strike.value, kind: kind, years: seconds / TimeSpan.secondsPerYear) != nil else {
            return [.error(.compile, "the vega hedge option's strike cannot be resolved", at: option.strike.location)]
        }
        return []
    }
}

extension RuleID {
    /// Compiling needs something the strategy or the command line does not give.
    public static let compile: RuleID = "compile"
}
