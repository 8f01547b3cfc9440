import PlanFormat

/// What one run comes to, in a few numbers: what Monte Carlo keeps per path instead of the
/// path, its trades or its series.
public struct BookOutcome: Codable, Equatable, Sendable {
    /// P&L by component at the last tick, QUOTE; `pnl.total` is the run's P&L.
    public var pnl: PnLComponents
    /// Rebalances of the delta hedge.
    public var hedges: Int
    /// Breaker conditions that tripped at least once, each once, in `BreakerRule.Condition`
    /// declaration order.
    public var tripped: [BreakerRule.Condition]

    public init(pnl: PnLComponents, hedges: Int, tripped: [BreakerRule.Condition]) {
        self.pnl = pnl
        self.hedges = hedges
        self.tripped = tripped
    }
}

extension HedgeBook {
    /// The book's outcome, valued at the last tick like `result`.
    public func outcome() -> BookOutcome {
        let marks = value(lastTick)
        let pnl = ledger.components(
            optionMarks: marks.options.value, underlyingValue: marks.linear.value, openImpermanentLoss: marks.linear.impermanentLoss,
            spot: lastTick.price)
        // Most paths trip nothing: no set, no filtered list.
        guard !breakerEvents.isEmpty else { return BookOutcome(pnl: pnl, hedges: counters.hedges, tripped: []) }
        let conditions = Set(breakerEvents.map(\.condition))
        return BookOutcome(
            pnl: pnl, hedges: counters.hedges,
            tripped: BreakerRule.Condition.allCases.filter { conditions.contains($0.rawValue) })
    }
}
