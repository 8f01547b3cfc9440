import Feeds

/// Perp margin for a portfolio member: the equity its perp hedge carries, the initial
/// margin's cap on growing it, and liquidation.
extension HedgeBook {
    /// The perp hedge's equity at `mark`, QUOTE: `collateral` plus the hedge's P&L at the
    /// mark (entries at the prices its fills were booked at) less its fees and funding.
    /// The structure's own legs are not margined.
    func perpEquity(collateral: Double, mark: Double) -> Double {
        collateral + ledger.hedgeCash + ledger.hedgePosition * mark - ledger.fees - ledger.slippage - ledger.funding
    }

    /// The hedge position, BASE (signed).
    var hedgePosition: Double { ledger.hedgePosition }

    /// Whether the book hedges on a perp.
    var hedgesOnPerp: Bool { context.hedgesOnPerp }

    /// A child order cut so that the perp position grows no further than
    /// `perpPositionLimit`; an order that shrinks it is left alone.
    func cappedByMargin(_ child: Double) -> Double {
        let position = ledger.hedgePosition
        let after = position + child
        guard abs(after) > perpPositionLimit, abs(after) > abs(position) else { return child }
        let allowed = max(perpPositionLimit, abs(position)) * (after > 0 ? 1 : -1)
        return allowed - position
    }

    /// Books a liquidation: the perp hedge closed by `execution` (a forced trade through
    /// the pool the perp marks to, at `tick`'s price, the mark before it), then the book
    /// stops hedging for the rest of the run. Its options and other legs stay open.
    mutating func liquidate(_ execution: VenueBook.Execution, at tick: Tick) {
        book([execution], at: tick, reason: .breaker)
        rebalance.goal = nil
        clock.halted = true
        positionsVersion += 1
    }

    /// Whether the book can still trade (not halted by a breaker or a liquidation).
    var isTrading: Bool { !clock.halted }

    /// Rebalances decided so far.
    var hedgeCount: Int { counters.hedges }
}
