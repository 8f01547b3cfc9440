import Feeds

/// Perp margin for a portfolio member: the equity its perp hedge carries, the initial
/// margin's cap on growing it, and liquidation.
extension HedgeBook {
    /// The perp account's equity at `mark`, QUOTE: `collateral` plus the perp hedge's P&L
    /// at the mark (entries at the prices its fills were booked at) and the structure's
    /// perp legs' (against their entries), less fees and funding. The account holds both:
    /// one venue, one margin. Options and spot legs are not margined.
    func perpEquity(collateral: Double, mark: Double) -> Double {
        collateral + ledger.hedgeCash + ledger.hedgePosition * mark + linear.perpValue(at: mark)
            - ledger.fees - ledger.slippage - ledger.funding
    }

    /// The perp account's position, BASE (signed): the hedge on the perp and the
    /// structure's perp legs. A liquidation closes all of it.
    var perpAccountPosition: Double { (context.hedgesOnPerp ? ledger.hedgePosition : 0) + structurePerp }

    /// Whether the book hedges on a perp.
    var hedgesOnPerp: Bool { context.hedgesOnPerp }

    /// A child order cut so that the perp position grows no further than
    /// `perpPositionLimit`; an order that shrinks it is left alone.
    func cappedByMargin(_ child: Double) -> Double {
        let position = perpAccountPosition
        let after = position + child
        guard abs(after) > perpPositionLimit, abs(after) > abs(position) else { return child }
        let allowed = max(perpPositionLimit, abs(position)) * (after > 0 ? 1 : -1)
        return allowed - position
    }

    /// Books a liquidation: the perp account closed by `execution` (a forced trade through
    /// the pool the perp marks to, at `tick`'s price, the mark before it), then the book
    /// stops hedging for the rest of the run. The close is booked to the hedge, so that a
    /// structure's perp legs are offset by it (net zero, no more funding); its options and
    /// other legs stay open.
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
