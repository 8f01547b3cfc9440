import HedgeplanFormatting
import HedgeplanJSON
import HedgeplanRuntime

/// `hedgeplan dry-run PORTFOLIO.yaml` output (simulation.md, "Portfolios"): per member line
/// its copies, P&L split summed over them, hedges and liquidations; then the crowd figures
/// and the liquidations one by one. Money in QUOTE to the cent.
public struct PortfolioReport: Sendable {
    public var result: PortfolioResult

    public init(_ result: PortfolioResult) { self.result = result }

    public func text() -> String {
        let r = result
        var out = "\(r.name)  \(r.base)/\(r.quote)  portfolio dry run\n"
        out += "feed          \(r.ticks) ticks from \(RunReport.time(r.firstTime)) to \(RunReport.time(r.lastTime))"
        out += r.rejectedCount > 0 ? ", \(r.rejectedCount) rows rejected" : ""
        out += "; final spot \(Money.plain(r.finalSpot))\n\n"
        for member in r.members {
            let copies = member.copies == 1 ? "1 copy" : "\(member.copies) copies"
            out += "member \(member.name)  (\(copies))\n"
            out += "  hedging     \(member.hedges) rebalances, \(RiskNumber.format(member.volume)) \(r.base) traded\n"
            out += "  liquidated  \(member.liquidations) of \(member.copies)\n"
            out += "  P&L (\(r.quote), summed over the copies)\n"
            out += DisplayedPnL(member.pnl).textTable.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
            if member.copies > 1, let worst = member.copyTotals.min(), let best = member.copyTotals.max() {
                out += "  per copy    worst \(Money.format(worst, r.quote)), best \(Money.format(best, r.quote))\n"
            }
            out += "\n"
        }
        let c = r.crowd
        out += "crowd\n"
        out += "  max pool deviation   \(Money.grouped(c.maxPoolDeviationBps, decimals: 1)) bps from the feed\n"
        out += "  induced rebalances   \(c.inducedRebalances)\n"
        out += "  max cascade depth    \(c.maxCascadeDepth)\n"
        out += "  liquidations         \(c.liquidations)\n"
        out += "  volume               \(RiskNumber.format(c.volume)) \(r.base)\n"
        for e in r.liquidationEvents.prefix(20) {
            out += "  liquidated \(RunReport.time(e.time))  \(e.member) copy \(e.copy + 1): \(RiskNumber.format(e.position)) \(r.base) at mark \(Money.plain(e.mark)), equity \(Money.format(e.equity, r.quote)); closed at \(Money.plain(e.averagePrice)), mark after \(Money.plain(e.markAfter)) (round \(e.depth))\n"
        }
        if r.liquidationEvents.count > 20 { out += "  ... \(r.liquidationEvents.count - 20) more liquidations\n" }
        for note in r.notes { out += "note: \(note)\n" }
        return out
    }

    public func json() -> String {
        let r = result
        let members: [JSONValue] = r.members.map { member in
            let shown = DisplayedPnL(member.pnl)
            var components: [String: JSONValue] = [:]
            for (name, amount) in zip(shown.names, shown.amounts) { components[name] = .number(amount) }
            return .object([
                "name": .string(member.name),
                "copies": .int(member.copies),
                "pnl": .object(["total": .number(shown.total), "components": .object(components)]),
                "hedges": .int(member.hedges),
                "liquidations": .int(member.liquidations),
            ])
        }
        let c = r.crowd
        let object: [String: JSONValue] = [
            "portfolio": .string(r.name),
            "units": .object(["money": .string(r.quote), "quantity": .string(r.base)]),
            "ticks": .int(r.ticks),
            "first_time": .string(RunReport.time(r.firstTime)),
            "last_time": .string(RunReport.time(r.lastTime)),
            "rejected": .object(["count": .int(r.rejectedCount)]),
            "members": .array(members),
            "crowd": .object([
                "max_pool_deviation_bps": .number(c.maxPoolDeviationBps),
                "induced_rebalances": .int(c.inducedRebalances),
                "max_cascade_depth": .int(c.maxCascadeDepth),
                "liquidations": .int(c.liquidations),
                "volume": .number(c.volume),
            ]),
            "notes": .array(r.notes.map(JSONValue.string)),
        ]
        return JSONValue.object(object).serialized()
    }
}
