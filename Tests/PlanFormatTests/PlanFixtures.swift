import PlanFormat

/// A small plan that uses every section: an iron condor hedged on a perp, with a pool,
/// breakers and a weekly roll.
enum PlanFixtures {
    static let hedgedCondor = HedgingPlan(
        compiler: CompilerInfo(name: "hedgeplan", version: "0.1.0"),
        source: SourceInfo(path: "s.yaml", sha256: String(repeating: "ab", count: 32)),
        strategy: StrategyInfo(name: "s", description: nil, base: "ETH", quote: "USDC"),
        // 2026-11-27T08:00:00Z = 1,795,766,400 s after the epoch (Python: datetime(2026,11,27,8,tzinfo=utc).timestamp()).
        clock: PlanClock(anchor: .asOf, asOfMs: 1_795_766_400_000, asOf: "2026-11-27T08:00:00Z"),
        market: MarketAssumptions(spot: 3000, volatility: 0.65, rate: 0.04, model: ModelSpec(kind: .blackScholes)),
        legs: [
            option("lp", .put, 10, 2500), option("sp", .put, -10, 2700), option("sc", .call, -10, 3300),
            option("lc", .call, 10, 3500),
        ],
        hedge: HedgeProgram(
            instrument: .perp,
            delta: DeltaProgram(target: 0, trigger: TriggerRule(kind: .band, halfWidth: 0.5), volatilityAdapter: nil, gasAdapter: nil),
            gamma: nil, vega: nil),
        execution: ExecutionPlan(
            venues: [
                PlanVenue(name: "perp", kind: .perp, fee: 0.0005, funding: 0.1),
                PlanVenue(name: "univ2", kind: .constantProduct, fee: 0.003, reserveBase: 4000, reserveQuote: 12_000_000),
            ],
            routing: .best, maxSlippage: 0.005, maxChild: nil, childSpacingSeconds: nil, gas: nil),
        safety: [
            BreakerRule(condition: .priceMove, windowSeconds: 300, threshold: 0.15, action: .halt, pauseSeconds: nil),
            BreakerRule(condition: .slippage, windowSeconds: nil, threshold: 0.02, action: .pause, pauseSeconds: 600),
        ],
        roll: RollSchedule(everySeconds: 604_800, strikes: .relative),
        inception: InceptionFigures(netPremium: 146, maxLoss: 854, maxProfit: 146, delta: -0.1, gamma: 1e-4, vega: -12, theta: 30))

    static func option(_ id: String, _ type: PlanLeg.Instrument, _ quantity: Double, _ strike: Double) -> PlanLeg {
        PlanLeg(
            id: id, instrument: type, quantity: quantity, strike: strike,
            strikeRule: StrikeRule(kind: .relative, value: strike / 3000 - 1),
            expiry: PlanExpiry(offsetSeconds: 604_800, instantMs: 1_796_371_200_000, instant: "2026-12-04T08:00:00Z"),
            premium: 10, premiumSource: .model)
    }
}
