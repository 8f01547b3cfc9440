import Feeds
import PlanFormat

extension HedgeBook {
    /// What the run did, valued at the last tick.
    public func result(issues: FeedIssueLog, feedNotes: [String]) -> RunResult {
        let tick = lastTick
        let marks = value(tick)
        let pnl = ledger.components(
            optionMarks: marks.options.value, underlyingValue: marks.linear.value, openImpermanentLoss: marks.linear.impermanentLoss,
            spot: tick.price)
        var notes = openingNotes + liquidityOpeningNotes()
        if context.shiftMs != 0, let asOf = context.plan.clock.asOf ?? context.plan.clock.asOfMs.map(RunClock.iso) {
            notes.append("the plan's calendar (as_of \(asOf)) is shifted to start at the feed's first tick, \(RunClock.iso(context.anchorMs)); every expiry moves with it")
        }
        notes += shorterThanStepNotes()
        if let note = structureEndNote() { notes.append(note) }
        if let note = liquidityFeeNote() { notes.append(note) }
        if counters.unfilled > 0 { notes.append("some hedge size could not be filled within max_slippage") }
        if counters.vegaHedges > 0 {
            let n = counters.vegaHedges
            notes.append("\(n) vega hedge trade\(n == 1 ? "" : "s") in the plan's option (booked under option P&L)")
        }
        let ticks = clock.index
        var result = RunResult(
            strategy: context.plan.strategy.name, base: context.plan.strategy.base, quote: context.plan.strategy.quote,
            ticks: ticks, rejected: issues.details.filter { $0.kind.rejectsRow }, rejectedCount: issues.rejectedRows,
            gaps: counters.gaps, firstTime: context.anchorMs, lastTime: tick.timestamp, hedges: counters.hedges,
            fills: counters.fills, hedgeVolume: counters.hedgeVolume, pnl: pnl, maxDrawdown: risk.maxDrawdown,
            trackingError: ticks > 0 ? (risk.trackingSquares / Double(ticks)).squareRoot() : 0,
            breakerEvents: breakerEvents, settlements: counters.settlements, rolls: counters.rolls,
            unfilled: counters.unfilled, finalSpot: tick.price, finalHedgePosition: ledger.hedgePosition,
            series: RunSeries(lines: finishedSeries(), rebalances: rebalances),
            notes: notes + feedNotes)
        result.trades = trades.records
        result.openLegs = openLegs()
        let final = marks.equity(ledger, spot: tick.price)
        result.equity = EquityFigures(final: final, peak: max(risk.peakEquity, final), maxDrawdown: risk.maxDrawdown)
        return result
    }

    /// The plan's durations shorter than the feed's shortest step, and what the run made of
    /// each: a `price_move` window (a move across one step counts against it), a
    /// `feed_stale` threshold (only the feed's gaps count, or the rule would trip on every
    /// bar: `BreakerMonitor.observe`), child-order spacing (those due before the next tick go
    /// at it). None before the feed's second tick.
    func shorterThanStepNotes() -> [String] {
        guard clock.shortestStepMs != .max else { return [] }
        let stepMs = clock.shortestStepMs
        let step = "the feed's step (\(stepMs / 1000) s)"
        var notes: [String] = []
        for rule in context.plan.safety where rule.condition == .priceMove {
            if let window = rule.windowSeconds, window * 1000 < stepMs {
                notes.append("the price_move window (\(window) s) is shorter than \(step): a move across one step counts against it")
            }
        }
        if let rule = context.plan.safety.first(where: { $0.condition == .feedStale }), rule.threshold * 1000 < Double(stepMs) {
            notes.append("the feed_stale threshold (\(Int64(rule.threshold.rounded())) s) is shorter than \(step): only the feed's gaps count against it")
        }
        if context.maxChild != nil, counters.hedges > 0, context.childSpacingMs < stepMs {
            notes.append("child orders are spaced \(context.childSpacingMs / 1000) s apart, less than \(step): those due before the next tick went at the same tick, at its price")
        }
        return notes
    }

    /// When the run went on past the structure's last expiry with undated legs still held:
    /// the risk bounds the checker proved hold to that expiry, not after it. A `halt` that
    /// stopped the rolls says so: a vault replayed on hourly data halted at one missing
    /// candle and held its ETH alone for two years (the covered-call vault on the bundled
    /// ETH history, 2026-12-01).
    func structureEndNote() -> String? {
        guard let ended = clock.structureEndedAt, lastTick.timestamp > ended,
              !linear.linear.isEmpty || !linear.liquidity.isEmpty
        else { return nil }
        let hours = Double(lastTick.timestamp - ended) / 3_600_000
        let span = hours >= 48 ? "\(Int((hours / 24).rounded())) days" : "\(Int(hours.rounded())) hours"
        let kinds = [
            linear.linear.contains { !$0.isPerp } ? "spot" : nil, linear.linear.contains(where: \.isPerp) ? "perp" : nil,
            linear.liquidity.isEmpty ? nil : "lp",
        ].compactMap { $0 }
        let held = "\(kinds.joined(separator: " and ")) leg\(kinds.count == 1 ? "" : "s")"
        let alone = "for the last \(span) of the feed the book held only its \(held), outside the risk bounds checked for the structure"
        if context.rollEveryMs != nil, let halt = breakerEvents.first(where: { $0.action == BreakerRule.Action.halt.rawValue }) {
            return "the `\(halt.condition)` breaker halted the book at \(RunClock.iso(halt.time)), and a halted book does not roll: from \(RunClock.iso(ended)), \(alone); `then: pause` stops trading for a while and keeps the rolls"
        }
        return "the structure's last expiring leg settled at \(RunClock.iso(ended)) and no roll re-opens it: \(alone); add `roll:` to re-open it, or end the run at the expiry with --duration"
    }

    /// What the book still holds: option legs, the structure's other legs, the hedge.
    func openLegs() -> [OpenLeg] {
        var legs: [OpenLeg] = []
        for i in 0..<options.count {
            legs.append(OpenLeg(
                instrument: options.sign[i] > 0 ? "call" : "put", quantity: options.quantity[i], strike: options.strike[i],
                expiry: options.expiry[i]))
        }
        for leg in linear.linear {
            legs.append(OpenLeg(
                instrument: leg.isPerp ? "perp" : (leg.expiry == nil ? "spot" : "future"), quantity: leg.quantity, strike: nil,
                expiry: leg.expiry))
        }
        for pool in linear.liquidity { legs.append(OpenLeg(instrument: "lp", quantity: pool.capital, strike: nil, expiry: nil)) }
        if ledger.hedgePosition != 0 {
            legs.append(OpenLeg(instrument: "hedge", quantity: ledger.hedgePosition, strike: nil, expiry: nil))
        }
        return legs
    }

    private func finishedSeries() -> [RunSeries.Line] {
        guard var recorder = self.recorder else { return [] }
        return recorder.finish()
    }
}
