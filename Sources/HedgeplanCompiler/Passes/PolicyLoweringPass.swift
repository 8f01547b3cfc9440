import Foundation
import PlanFormat
import HedgeplanChecker
import HedgeplanDiagnostics
import HedgeplanFormatting
import HedgeplanIR
import Pricing

/// The hedge section becomes the program the runtime evaluates on every tick: the delta
/// trigger with its parameters, the volatility and gas adapters, gamma scalping and the
/// vega hedge with its option.
enum PolicyLoweringPass {
    /// Bounds on how far the adapters may move the band.
    static let minScale = 0.5
    static let maxScale = 2.0

    static func run(
        _ hedge: Hedge, strategy: Strategy, analysis: StrategyAnalysis, history: PriceHistory?
    ) -> Result<HedgeProgram, CompileFailure> {
        var diagnostics: [Diagnostic] = []
        var delta: DeltaProgram?
        if let d = hedge.delta {
            let trigger: TriggerRule
            switch lowerTrigger(d, hedge: hedge, strategy: strategy, analysis: analysis) {
            case .success(let rule): trigger = rule
            case .failure(let diagnostic): return .failure(CompileFailure(diagnostics: diagnostics + [diagnostic]))
            }
            var volatilityAdapter: VolatilityAdapter?
            if let forecast = d.adaptVolatility {
                switch lowerForecast(forecast, referenceVolatility: analysis.model.volatility, history: history) {
                case .success(let adapter): volatilityAdapter = adapter
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
            }
            var gasAdapter: GasAdapter?
            if let gas = d.adaptGas, gas.value {
                switch lowerGas(gas, trigger: trigger, hedge: hedge, strategy: strategy, spot: analysis.model.spot) {
                case .success(let adapter): gasAdapter = adapter
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
            }
            delta = DeltaProgram(target: d.target.value, trigger: trigger, volatilityAdapter: volatilityAdapter, gasAdapter: gasAdapter)
        }
        var vega: VegaProgram?
        if let v = hedge.vega {
            switch lowerVega(v, strategy: strategy, analysis: analysis) {
            case .success(let program): vega = program
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        guard diagnostics.isEmpty else { return .failure(CompileFailure(diagnostics: diagnostics)) }
        return .success(HedgeProgram(
            instrument: hedge.instrument.value == .perp ? .perp : .spot, delta: delta, gamma: hedge.gamma.map { GammaProgram(scalp: $0.scalp.value) },
            vega: vega))
    }

    // MARK: Delta trigger

    static func lowerTrigger(_ d: DeltaHedge, hedge: Hedge, strategy: Strategy, analysis: StrategyAnalysis) -> Result<TriggerRule, Diagnostic> {
        let interval = d.interval.map { Int64($0.value.seconds.rounded()) }
        switch d.trigger.value {
        case .band: return .success(TriggerRule(kind: .band, halfWidth: d.band?.value))
        case .interval: return .success(TriggerRule(kind: .interval, intervalSeconds: interval))
        case .hybrid: return .success(TriggerRule(kind: .hybrid, halfWidth: d.band?.value, intervalSeconds: interval))
        case .whalleyWilmott:
            let gamma = d.riskAversion?.value ?? 1
            let cost = tradeCost(strategy, spot: analysis.model.spot)
            // λ = fee + gas / (H S) at the width H it sizes (gas on pool hedges only): lint's suggested width.
            let band = cost.whalleyWilmottBand(
                gamma: analysis.greeks.gamma, spot: analysis.model.spot, riskAversion: gamma, rate: analysis.model.rate,
                yearsToExpiry: analysis.payoff.horizonYears ?? 0)
            guard band.costRate < 1 else {
                return .failure(.error(
                    .compile,
                    "a whalley-wilmott band pays for itself only when a trade costs under its notional, but here one trade's gas "
                        + "(\(Money.format(cost.gasPerTrade, strategy.underlying.value.quote))) is \(NumberFormat.asWritten((band.costRate * 100).rounded()))% "
                        + "of the optimal band's notional: hedge on the perp, or use `trigger: band`",
                    at: d.trigger.location))
            }
            return .success(TriggerRule(kind: .whalleyWilmott, riskAversion: gamma, costRate: band.costRate, inceptionHalfWidth: band.halfWidth))
        }
    }

    /// One hedge trade's cost in the model lint and the runtime share: the cheapest fee for
    /// the hedge instrument, plus gas on pool hedges (perps pay none).
    static func tradeCost(_ strategy: Strategy, spot: Double) -> HedgeTradeCost {
        DeclaredHedgeCost(strategy, spot: spot)?.cost ?? HedgeTradeCost(feeRate: 0, gasPerTrade: 0)
    }

    // MARK: Adapters

    static func lowerForecast(
        _ forecast: Located<VolatilityForecast>, referenceVolatility: Double, history: PriceHistory?
    ) -> Result<VolatilityAdapter, Diagnostic> {
        switch forecast.value {
        case .ewma(let decay):
            return .success(VolatilityAdapter(
                model: .ewma, decay: decay, referenceVolatility: referenceVolatility, minScale: minScale, maxScale: maxScale))
        case .garch:
            guard let history else {
                return .failure(.error(
                    .compile, "`volatility: garch` fits GARCH(1,1) to a price history: pass one with `--history FILE.csv`",
                    at: forecast.location))
            }
            do {
                let fit = try GARCH11.fit(history.logReturns)
                return .success(VolatilityAdapter(
                    model: .garch, omega: fit.omega, alpha: fit.alpha, beta: fit.beta, fittedStepSeconds: history.stepSeconds,
                    referenceVolatility: referenceVolatility, minScale: minScale, maxScale: maxScale))
            } catch {
                return .failure(.error(.compile, "cannot fit GARCH(1,1) to \(history.name): \(error)\(history.rejectionSuffix)", at: forecast.location))
            }
        case .regime(let states):
            guard let history else {
                return .failure(.error(
                    .compile, "`volatility: regime` fits a \(states)-state regime model to a price history: pass one with `--history FILE.csv`",
                    at: forecast.location))
            }
            do {
                // The same fit as `hedgeplan regimes` (Baum-Welch, 10 deterministic starts);
                // `BaumWelch.fit` returns the states sorted by volatility.
                let fit = try BaumWelch.fit(history.logReturns, states: states).model
                let model = RegimeModel(means: fit.means, variances: fit.variances, transition: fit.transition)
                return .success(VolatilityAdapter(
                    model: .regime, fittedStepSeconds: history.stepSeconds, regime: model, referenceVolatility: referenceVolatility,
                    minScale: minScale, maxScale: maxScale))
            } catch {
                return .failure(.error(.compile, "cannot fit a \(states)-state regime model to \(history.name): \(error)\(history.rejectionSuffix)", at: forecast.location))
            }
        }
    }

    static func lowerGas(
        _ flag: Located<Bool>, trigger: TriggerRule, hedge: Hedge, strategy: Strategy, spot: Double
    ) -> Result<GasAdapter, Diagnostic> {
        guard let gas = strategy.execution?.gas else {
            return .failure(.error(.compile, "`adapt.gas` scales the band with the gas cost of a trade: declare `execution.gas`", at: flag.location))
        }
        let underlying = strategy.underlying.value
        let native = gas.native.value.isEmpty ? underlying.base : gas.native.value
        let nativePrice: Double
        switch native {
        case underlying.base: nativePrice = spot
        case underlying.quote: nativePrice = 1
        default:
            return .failure(.error(
                .compile,
                "gas is paid in \(native), which is neither \(underlying.base) nor \(underlying.quote), so the plan cannot price it from the feed; remove `adapt.gas` or trade a \(native) pair",
                at: flag.location))
        }
        let fee = tradeCost(strategy, spot: spot).feeRate
        let band = trigger.halfWidth ?? trigger.inceptionHalfWidth ?? 0
        let reference = gas.price.value.gwei * 1e-9 * gas.perTrade.value * nativePrice + fee * band * spot
        return .success(GasAdapter(
            referenceGasGwei: gas.price.value.gwei, gasPerTrade: gas.perTrade.value, nativeToken: native, feeRate: fee,
            referenceCost: reference, maxScale: maxScale))
    }

    // MARK: Vega

    static func lowerVega(_ v: VegaHedge, strategy: Strategy, analysis: StrategyAnalysis) -> Result<VegaProgram, Diagnostic> {
        let option = v.option.value
        let seconds: Double
        switch option.expiry.value {
        case .after(let d): seconds = d.seconds
        case .at(let instant):
            guard strategy.market.asOf != nil else {
                return .failure(.error(
                    .compile, "a vega hedge option expiring at an instant needs `market.as_of` (or give its expiry as a duration, like 30d)",
                    at: option.expiry.location))
            }
            seconds = Double(strategy.valuationTime.seconds(until: instant))
        }
        let kind: OptionKind = option.type == .call ? .call : .put
        let resolver = LegResolver(model: analysis.model, valuationTime: strategy.valuationTime, venues: [])
        guard let strike = resolver.strike(option.strike.value, kind: kind, years: seconds / TimeSpan.secondsPerYear) else {
            return .failure(.error(.compile, "the vega hedge option's strike cannot be resolved", at: option.strike.location))
        }
        let vegaPerUnit = analysis.model.value(kind, strike: strike, years: seconds / TimeSpan.secondsPerYear).vega
        return .success(VegaProgram(
            band: v.band.value, optionType: option.type == .call ? .call : .put, strikeRule: StrikeRules.rule(for: option.strike.value),
            expirySeconds: Int64(seconds.rounded()), inceptionStrike: strike, inceptionVegaPerUnit: vegaPerUnit))
    }
}
