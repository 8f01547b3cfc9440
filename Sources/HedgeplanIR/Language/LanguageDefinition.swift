/// Every mapping of the strategy language (design version 1), with its keys, value
/// forms, ranges and units. Ranges reject what is impossible or absurd (a 10,000%
/// volatility, a quantity of 1e15), not what is merely unusual; the checker and lint
/// judge the unusual.
public enum LanguageDefinition {
    /// QUOTE per BASE: the plausible range the feeds accept. A subnormal spot such as
    /// 1e-320 passed a `> 0` check and turned resolved strikes into NaN (mutation test).
    static let price = Bounds(min: priceRange.lowerBound, max: priceRange.upperBound)
    /// The same range, for prices the checker derives (strikes solved from a delta).
    public static let priceRange: ClosedRange<Double> = 1e-12...1e12
    static let quantity = Bounds.positive(max: 1e9)
    static let money = Bounds.nonNegative(max: 1e15)
    static let maxExpiry = TimeSpan(seconds: 5 * TimeSpan.secondsPerYear)
    static let greekBand = ValueShape.band

    public static let strategy = ObjectShape("strategy", "A Hedgeplan strategy: one structure, its risk bounds, hedging and venues.", [
        Field("hedgeplan", .integer(Bounds(min: 1, max: 1)), required: true, "Language version; 1."),
        Field("name", .string(.slug), required: true, "Strategy name, a slug: [a-z0-9-]+."),
        Field("description", .string(.text), "What the strategy does, for people."),
        Field("underlying", .string(.pair), required: true,
              "BASE/QUOTE, e.g. ETH/USDC. Quantities are in BASE, money in QUOTE."),
        Field("market", .object(market), required: true, "Market assumptions for analysis and compile; a feed overrides spot."),
        Field("structure", .oneKeyOf(TemplateRegistry.all.map { $0.parameters }), "A template that expands into legs."),
        Field("kind", .choice(StructureKind.allCases.map(\.rawValue)), "The structure the explicit legs must form; checked like a template."),
        Field("legs", .list(.object(leg)), "Explicit legs, added after the template's."),
        Field("risk", .object(risk), "Declared bounds the checker proves."),
        Field("hedge", .object(hedge), "How the position is hedged."),
        Field("execution", .object(execution), "Venues, routing, slippage, slicing and gas."),
        Field("safety", .object(safety), "Circuit breakers the runtime evaluates on every tick."),
        Field("roll", .object(roll), "Re-open the structure at expiry."),
    ])

    public static let market = ObjectShape("market", "Market assumptions.", [
        Field("as_of", .instant, "Valuation instant (ISO 8601 UTC); durations count from it."),
        Field("spot", .number(price), "Spot price, QUOTE per BASE."),
        Field("volatility", .percent(.positive(max: 10)), "Annualised volatility: 65% or 0.65."),
        Field("rate", .percent(Bounds(min: -0.5, max: 1)), "Continuously compounded annual rate: 4% or 0.04."),
        Field("model", .choice(["black-scholes", "merton"]), "Pricing model; default black-scholes."),
        Field("jumps", .object(jumps), "Merton jump parameters (model: merton only)."),
    ])

    public static let jumps = ObjectShape("jumps", "Merton (1976) jumps.", [
        Field("intensity", .number(.nonNegative(max: 1_000)), required: true, "Expected jumps per year."),
        Field("mean", .percent(Bounds(min: -5, max: 5)), required: true, "Mean of the log jump size: -4% or -0.04."),
        Field("volatility", .percent(.nonNegative(max: 5)), required: true, "Standard deviation of the log jump size."),
    ])

    public static let leg = ObjectShape("leg", "One position.", [
        Field("id", .string(.identifier), "Unique within the strategy."),
        Field("side", .choice(Side.allCases.map(\.rawValue)), required: true, "long or short."),
        Field("type", .choice(LegType.allCases.map(\.rawValue)), required: true, "call, put, spot, perp, future or lp."),
        Field("quantity", .number(quantity), "BASE units, > 0; not for lp legs."),
        Field("strike", .strike, "Options: absolute (QUOTE per BASE), relative (\"+10%\"), atm, or { delta: 0.25 }."),
        Field("expiry", .expiry, "Options and futures: a duration from the valuation time (7d) or an instant."),
        Field("premium", .number(money), "QUOTE per BASE; without it the model prices the leg."),
        Field("venue", .string(.identifier), "lp legs: the venue providing liquidity."),
        Field("range", .priceRange, "lp legs on concentrated venues: [low, high], QUOTE per BASE."),
        Field("capital", .number(.positive(max: 1e12)), "lp legs: QUOTE deposited; at most 1e12, the most a plan books to the cent."),
        Field("fee_apr", .percent(.nonNegative(max: 10)),
              "lp legs: fee income a year as a fraction of the position's value, earned while spot is in range (25% or 0.25); overrides the feed's volume in a dry run."),
    ])

    public static let risk = ObjectShape("risk", "Declared risk bounds.", [
        Field("defined_risk", .bool, "The payoff at expiry is bounded below."),
        Field("max_loss", .number(money), "QUOTE, over every spot at expiry, net of premium."),
        Field("greeks", .object(greeks), "Bands at inception, [low, high]."),
        Field("scenarios", .list(.object(scenario)), "Stress points that must stay within max_loss."),
    ])

    public static let greeks = ObjectShape("greeks", "Greek bands at inception.", [
        Field("delta", greekBand, "[low, high] BASE."),
        Field("gamma", greekBand, "[low, high] BASE per 1 QUOTE of spot."),
        Field("vega", greekBand, "[low, high] QUOTE per volatility point."),
        Field("theta", greekBand, "[low, high] QUOTE per day."),
    ])

    public static let scenario = ObjectShape("scenario", "A stress point.", [
        Field("spot", .spotShock, "-30% (relative) or an absolute spot."),
        Field("volatility", .volatilityShock, "+20pt (volatility points) or +40% (relative)."),
    ])

    public static let hedge = ObjectShape("hedge", "Hedging policy.", [
        Field("instrument", .choice(HedgeInstrument.allCases.map(\.rawValue)), required: true, "spot or perp."),
        Field("delta", .object(deltaHedge), "Delta hedging."),
        Field("vega", .object(vegaHedge), "Vega hedging with an option."),
        Field("gamma", .object(gammaHedge), "Gamma scalping."),
    ])

    public static let deltaHedge = ObjectShape("delta-hedge", "Delta hedging policy.", [
        Field("target", .number(Bounds(min: -1e9, max: 1e9)), "Target net delta, BASE; default 0."),
        Field("trigger", .choice(DeltaTrigger.allCases.map(\.rawValue)), required: true,
              "band, interval, hybrid (whichever first) or whalley-wilmott."),
        Field("band", .number(.positive(max: 1e9)), "Half-width of the no-trade band, BASE of net delta."),
        Field("interval", .duration(max: TimeSpan(seconds: TimeSpan.secondsPerYear)), "Rebalance period (interval, hybrid)."),
        Field("risk_aversion", .number(Bounds(min: 1e-6, max: 1e6)), "Whalley-Wilmott risk aversion; at least 1e-6 (the band grows as its cube root's inverse, so a subnormal one made it infinite)."),
        Field("adapt", .object(adapt), "Bands that follow volatility and gas."),
    ])

    public static let adapt = ObjectShape("adapt", "Adaptive bands.", [
        Field("volatility", .anyOf([.choice(["ewma", "garch", "regime", "none"]), .object(forecast)]),
              "Scale the band with a volatility forecast: ewma, garch, regime, { model: ewma, decay: 0.94 } or { model: regime, states: 2 }."),
        Field("gas", .bool, "Widen the band when a hedge trade costs more gas."),
    ])

    public static let forecast = ObjectShape("forecast", "A volatility forecast.", [
        Field("model", .choice(["ewma", "garch", "regime"]), required: true, "ewma, garch or regime (fitted to `compile --history`)."),
        Field("decay", .number(Bounds(min: 0, max: 1, minExclusive: true)), "EWMA decay per observation (0.94)."),
        Field("states", .integer(Bounds(min: 2, max: 3)), "Volatility regimes of `model: regime`: 2 or 3 (default 2)."),
    ])

    public static let vegaHedge = ObjectShape("vega-hedge", "Vega hedging.", [
        Field("band", .number(.positive(max: 1e12)), required: true, "QUOTE per volatility point."),
        Field("with", .object(hedgeOption), required: true, "The option traded to hedge vega."),
    ])

    public static let hedgeOption = ObjectShape("hedge-option", "An option used for hedging.", [
        Field("type", .choice(OptionType.allCases.map(\.rawValue)), required: true, "call or put."),
        Field("strike", .strike, required: true, "Strike."),
        Field("expiry", .expiry, required: true, "Expiry."),
    ])

    public static let gammaHedge = ObjectShape("gamma-hedge", "Gamma scalping.", [
        Field("scalp", .bool, required: true, "Trade the delta that gamma creates, band-limited."),
    ])

    public static let execution = ObjectShape("execution", "Venues and execution.", [
        Field("venues", .list(.object(venue)), required: true, "Venues hedges trade on."),
        Field("routing", .choice(Routing.allCases.map(\.rawValue)), "best (one venue) or split; default best."),
        Field("max_slippage", .percent(Bounds(min: 0, max: 0.5, minExclusive: true)), "A child order never crosses this against the mid."),
        Field("slicing", .object(slicing), "Child orders of large hedges."),
        Field("gas", .object(gas), "Gas cost of one trade."),
    ])

    public static let venue = ObjectShape("venue", "A trading venue.", [
        Field("name", .string(.identifier), required: true, "Unique venue name."),
        Field("kind", .choice(["constant-product", "concentrated-liquidity", "perp"]), required: true, "Venue model."),
        Field("fee", .percent(Bounds(min: 0, max: 0.1)), required: true, "Fee per trade: 0.30% or 0.003."),
        Field("reserves", .object(reserves), "constant-product: pool reserves."),
        Field("positions", .list(.object(liquidityPosition)), "concentrated-liquidity: liquidity by price range."),
        Field("funding", .percent(Bounds(min: -10, max: 10)), "perp: annualised funding, paid by longs when positive."),
    ])

    public static let reserves = ObjectShape("reserves", "Pool reserves.", [
        Field("base", .number(.positive(max: 1e15)), required: true, "BASE in the pool."),
        Field("quote", .number(.positive(max: 1e18)), required: true, "QUOTE in the pool."),
    ])

    public static let liquidityPosition = ObjectShape("liquidity-position", "Liquidity in a price range.", [
        Field("range", .priceRange, required: true, "[low, high], QUOTE per BASE."),
        Field("liquidity", .number(.positive(max: 1e30)), required: true, "Uniswap v3 liquidity L."),
    ])

    public static let slicing = ObjectShape("slicing", "Order slicing.", [
        Field("max_child", .number(quantity), required: true, "BASE per child order."),
        Field("every", .duration(max: TimeSpan(seconds: TimeSpan.secondsPerDay)), required: true, "Spacing of child orders."),
    ])

    public static let gas = ObjectShape("gas", "Gas cost per trade.", [
        Field("price", .gasPrice, required: true, "Gas price: 25 gwei."),
        Field("per_trade", .number(.positive(max: 1e8)), required: true, "Gas units per trade."),
        Field("native", .string(.symbol), "Native token gas is paid in; default the BASE."),
    ])

    public static let safety = ObjectShape("safety", "Runtime safety.", [
        Field("circuit_breakers", .list(.object(breaker)), "Conditions watched on every tick."),
    ])

    public static let breaker = ObjectShape("circuit-breaker", "A circuit breaker.", [
        Field("when", .choice(["price_move", "feed_stale", "drawdown", "slippage"]), required: true, "The condition."),
        Field("window", .duration(max: TimeSpan(seconds: 30 * TimeSpan.secondsPerDay)), "price_move: the look-back window."),
        Field("above", .anyOf([.percent(.positive(max: 10)), .duration(max: TimeSpan(seconds: 30 * TimeSpan.secondsPerDay))]),
              required: true, "Threshold: a percent, or a duration for feed_stale."),
        Field("then", .choice(["halt", "flatten", "pause"]), required: true, "What to do."),
        Field("for", .duration(max: TimeSpan(seconds: 30 * TimeSpan.secondsPerDay)), "pause: how long."),
    ])

    public static let roll = ObjectShape("roll", "Rolling at expiry.", [
        Field("every", .duration(max: TimeSpan(seconds: TimeSpan.secondsPerYear)), required: true, "Roll period."),
        Field("strikes", .choice(RollStrikes.allCases.map(\.rawValue)), "relative (same moneyness) or same; default relative."),
    ])
}
