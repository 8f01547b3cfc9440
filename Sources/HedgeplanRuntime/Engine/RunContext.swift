import Feeds
import HedgeplanTime
import PlanFormat
import Pricing

/// What a run needs from the plan, unpacked once when the run starts so that the per-tick
/// path compares no strings and looks nothing up: the valuation model, the calendar, the
/// hedge's constants, gas pricing and the strike rules of rolls.
struct RunContext: Sendable {
    /// The year of the language and the pricing library, ms.
    static var msPerYear: Double { YearLength.millisecondsValue }

    let plan: HedgingPlan
    /// The plan's market model: rolls, marks and vega hedges are all priced with it.
    let model: OptionModel
    /// The plan's volatility, used when the feed has no `iv` column.
    let planVolatility: Double
    /// The feed's first instant, ms since the epoch: where a `run_start` plan's calendar begins.
    let anchorMs: Int64
    /// How far an `as_of` plan is shifted so that `as_of` falls on the feed's first tick, ms.
    let shiftMs: Int64
    let hedgesOnPerp: Bool
    /// The plan hedges delta (`hedge.delta`): the book has a `DeltaPolicy`.
    let hedgesDelta: Bool
    /// The delta hedge scales its band with a volatility forecast (`volatility_adapter`).
    let forecastsVolatility: Bool
    /// The delta trigger reads the time to expiry (Whalley-Wilmott's band) or the gas cost
    /// (the gamma scalper): the other triggers skip both on every tick.
    let deltaTriggerReadsExpiry: Bool, deltaTriggerReadsGas: Bool
    let target: Double
    /// Gas is paid in the QUOTE token (priced at 1) rather than in BASE (priced at spot).
    let gasInQuote: Bool
    let maxChild: Double?
    let childSpacingMs: Int64
    /// The structure holds options that a roll re-opens.
    let rollsOptions: Bool
    /// The roll schedule's period, ms (nil without a roll).
    let rollEveryMs: Int64?
    /// Σ |quantity| over the structure's option, spot, perp and future legs, BASE: its gross
    /// size as compiled, whatever has expired or been hedged since.
    let structureGrossQuantity: Double
    /// Absolute strikes are multiplied by this: 1, or the feed's first price over the
    /// plan's spot when the run rebases them (`RunOptions.rebasesAbsoluteStrikes`).
    let absoluteStrikeScale: Double
    /// The vega hedge, if any.
    let vegaProgram: VegaProgram?
    /// `vegaProgram != nil`, a flag a tick can test without copying the program out.
    let hedgesVega: Bool
    /// The annualised funding rate of the plan's first perp venue (0 without one).
    let perpFundingRate: Double
    /// The plan's gas price (gwei), gas units per trade and which token gas is paid in,
    /// unpacked so that a tick compares no token names. Nil without `execution.gas`.
    private let gas: (priceGwei: Double, perTrade: Double, native: GasToken)?

    /// The token gas is paid in: BASE is worth the spot, QUOTE 1, any other token is not
    /// priced (0).
    enum GasToken { case base, quote, other }

    init(plan: HedgingPlan, firstTick: Tick, options: RunOptions = RunOptions()) {
        self.plan = plan
        let market = plan.market
        let jumps = market.model.kind == .merton
            ? try? JumpParameters(
                intensity: market.model.jumpIntensity ?? 0, meanLog: market.model.jumpMeanLog ?? 0,
                volatility: market.model.jumpVolatility ?? 0)
            : nil
        model = OptionModel(rate: market.rate, jumps: jumps)
        planVolatility = market.volatility
        anchorMs = firstTick.timestamp
        shiftMs = plan.clock.asOfMs.map { firstTick.timestamp - $0 } ?? 0
        hedgesOnPerp = plan.hedge?.instrument == .perp
        hedgesDelta = plan.hedge?.delta != nil
        forecastsVolatility = plan.hedge?.delta?.volatilityAdapter != nil
        deltaTriggerReadsExpiry = plan.hedge?.delta?.trigger.kind == .whalleyWilmott
        deltaTriggerReadsGas = plan.hedge?.gamma?.scalp == true && plan.hedge?.delta != nil
        target = plan.hedge?.delta?.target ?? 0
        gasInQuote = plan.execution?.gas?.native == plan.strategy.quote
        maxChild = plan.execution?.maxChild
        childSpacingMs = (plan.execution?.childSpacingSeconds ?? 0) * 1000
        rollsOptions = plan.roll != nil && plan.legs.contains { $0.instrument.isOption }
        rollEveryMs = plan.roll.map { $0.everySeconds * 1000 }
        structureGrossQuantity = plan.legs.filter { $0.instrument != .lp }.reduce(0) { $0 + abs($1.quantity) }
        let ratio = firstTick.price / plan.market.spot
        let far = ratio > RunOptions.farRatio || ratio < 1 / RunOptions.farRatio
        absoluteStrikeScale = options.rebasesAbsoluteStrikes && far ? ratio : 1
        vegaProgram = plan.hedge?.vega
        hedgesVega = plan.hedge?.vega != nil
        perpFundingRate = plan.execution?.venues.first { $0.kind == .perp }?.funding ?? 0
        gas = plan.execution?.gas.map { gas in
            let token: GasToken = gas.native == plan.strategy.base ? .base : (gas.native == plan.strategy.quote ? .quote : .other)
            return (gas.priceGwei, gas.perTrade, token)
        }
    }

    /// Years from `now` to `expiry` (both ms since the epoch), never negative.
    @inline(__always)
    static func years(from now: Int64, to expiry: Int64) -> Double {
        max(0, Double(expiry - now) / msPerYear)
    }

    /// QUOTE per on-chain trade: gwei (the feed's, else the plan's) × gas units × the native
    /// token's price.
    func gasPerTrade(spot: Double, gwei: Double?) -> Double {
        guard let gas else { return 0 }
        let price = switch gas.native { case .base: spot; case .quote: 1.0; case .other: 0.0 }
        return (gwei ?? gas.priceGwei) * 1e-9 * gas.perTrade * price
    }

    /// The strike a rule gives at `spot` with `years` to expiry: at roll time, and for a
    /// delta strike the compiler could not resolve. `absolute` rules keep their strike with
    /// `roll.strikes: same` and otherwise keep its moneyness against the plan's spot.
    func strike(for rule: StrikeRule?, fallback: Double?, spot: Double, years: Double) -> Double {
        guard let rule else { return fallback ?? spot }
        switch rule.kind {
        case .absolute:
            return plan.roll?.strikes == .same ? rule.value * absoluteStrikeScale : spot * rule.value / plan.market.spot
        case .relative: return spot * (1 + rule.value)
        case .atm: return spot
        case .delta:
            return DeltaStrike.strike(delta: rule.value, spot: spot, volatility: planVolatility, rate: model.rate, years: years)
                ?? spot
        }
    }

    /// Absolute option strikes that the feed's first price leaves far away (beyond
    /// `RunOptions.farRatio` of the plan's spot either way): a message saying so, unless
    /// the run rebases them.
    static func farAbsoluteStrikes(plan: HedgingPlan, firstPrice: Double, options: RunOptions) -> String? {
        guard !options.rebasesAbsoluteStrikes else { return nil }
        let ratio = firstPrice / plan.market.spot
        guard ratio > RunOptions.farRatio || ratio < 1 / RunOptions.farRatio else { return nil }
        let absolute = plan.legs.filter { $0.instrument.isOption && $0.strikeRule?.kind == .absolute }
        guard !absolute.isEmpty else { return nil }
        let strikes = absolute.compactMap(\.strike).map { "\($0.formatted2)" }.joined(separator: ", ")
        return "the plan's absolute strikes (\(strikes)) were set for spot \(plan.market.spot.formatted2) and the feed starts at \(firstPrice.formatted2) (\(ratio.formatted2)x): its first cycle would be far from the money; pass --rebase to scale them by \(ratio.formatted2), or give the strikes as rules (\"+10%\", atm, { delta: 0.25 })"
    }

    /// The instant a leg expires in this run, ms since the epoch: its plan instant shifted
    /// with the calendar, or its offset from `base` (the run's start, or a roll).
    func expiry(of leg: PlanLeg, base: Int64, rolled: Bool) -> Int64 {
        if !rolled, let instant = leg.expiry?.instantMs { return instant + shiftMs }
        return base + (leg.expiry?.offsetSeconds ?? 0) * 1000
    }
}

extension Double {
    /// Two decimals, no grouping: for run notes (reports format money themselves).
    var formatted2: String {
        let cents = (self * 100).rounded()
        let sign = cents < 0 ? "-" : ""
        let whole = Int64(abs(cents)) / 100, fraction = Int64(abs(cents)) % 100
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
