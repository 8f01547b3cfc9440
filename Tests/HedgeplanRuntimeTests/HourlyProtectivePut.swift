import PlanFormat

/// 1 ETH held with a 1-day 10%-out-of-the-money put, run on an hourly feed at a flat 3000:
/// expiries, rolls and breakers on gaps in the feed then fall on hours worked out by hand.
enum HourlyProtectivePut {
    static let t0: Int64 = 1_700_000_000_000
    static let hour: Int64 = 3_600_000

    /// `roll`: a roll every that many days (none when nil). `onStaleFeed`: the action of a
    /// `feed_stale` breaker above 5 minutes, which a gap in the hourly feed trips (`halt`,
    /// `pause, for: 3h`); none when nil.
    static func plan(roll: Int? = nil, onStaleFeed: String? = nil) throws -> HedgingPlan {
        try InterpreterTests.plan("""
            hedgeplan: 1
            name: hourly-put
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60%, rate: 0% }
            structure:
              protective-put: { quantity: 1, strike: "-10%", expiry: 1d }
            risk:
              defined_risk: true
              max_loss: 1000
            \(roll.map { "roll: { every: \($0)d }" } ?? "")
            \(onStaleFeed.map { "safety: { circuit_breakers: [ { when: feed_stale, above: 5m, then: \($0) } ] }" } ?? "")
            """)
    }

    /// Hourly ticks at 3000 for `hours` hours after the first, without the hours `missing`.
    static func feed(hours: Int, missing: ClosedRange<Int>? = nil) -> String {
        "timestamp,price\n" + (0...hours).filter { !(missing?.contains($0) ?? false) }.map { "\(t0 + Int64($0) * hour),3000\n" }.joined()
    }
}
