import Foundation
import HedgeplanFormatting
import HedgeplanJSON
import HedgeplanRuntime

/// `hedgeplan dry-run` output: a text summary and the JSON object the design page fixes
/// (`ticks`, `rejected`, `hedges`, `pnl` with `total` and `components`, `max_drawdown`,
/// `breaker_events`), money in QUOTE to the cent.
public struct RunReport: Sendable {
    public var result: RunResult

    public init(_ result: RunResult) { self.result = result }

    var quote: String { result.quote }

    static func time(_ ms: Int64?) -> String {
        ms.map(RunClock.iso) ?? "-"
    }

    public func text() -> String {
        let r = result
        var out = "\(r.strategy)  \(r.base)/\(r.quote)  dry run\n"
        out += "feed          \(r.ticks) ticks from \(Self.time(r.firstTime)) to \(Self.time(r.lastTime))"
        out += r.rejectedCount > 0 ? ", \(r.rejectedCount) rows rejected" : ""
        out += r.gaps > 0 ? ", \(r.gaps) gap\(r.gaps == 1 ? "" : "s")" : ""
        out += "\n"
        if r.hedgesDelta {
            out += "hedging       \(r.hedges) rebalances, \(r.fills) fills, \(RiskNumber.format(r.hedgeVolume)) \(r.base) traded; tracking error \(RiskNumber.format(r.trackingError)) \(r.base) (RMS of net delta − target)\n"
        } else {
            // No delta hedge: a tracking error would only restate the structure's delta.
            out += "hedging       none (the strategy has no delta hedge)\n"
        }
        out += "lifecycle     \(r.settlements) settlements, \(r.rolls) rolls; final hedge position \(RiskNumber.format(r.finalHedgePosition)) \(r.base) at spot \(Money.plain(r.finalSpot))\n\n"
        out += "P&L (\(quote))\n"
        let shown = DisplayedPnL(r.pnl)
        out += shown.textTable + "\n"
        out += "max drawdown  \(Money.format(r.maxDrawdown, quote))\n"
        if r.breakerEvents.isEmpty {
            out += "breakers      none tripped\n"
        } else {
            out += "breakers      \(r.breakerEvents.count) event\(r.breakerEvents.count == 1 ? "" : "s")\n"
            for e in r.breakerEvents.prefix(20) {
                let measured = e.condition == "feed_stale" ? "\(Int(e.measured)) s" : "\(formatPercent(e.measured))"
                out += "  \(Self.time(e.time))  \(e.condition) \(measured) -> \(e.action)\n"
            }
        }
        if !r.rejected.isEmpty {
            out += "rejected rows (first \(min(10, r.rejected.count)))\n"
            for issue in r.rejected.prefix(10) { out += "  \(issue)\n" }
        }
        for note in r.notes { out += "note: \(note)\n" }
        return out
    }

    private func formatPercent(_ x: Double) -> String { NumberFormat.percent(x, decimals: 2, rounding: .halfToEven) }

    private func cents(_ x: Double) -> JSONValue { .number((x * 100).rounded() / 100) }

    public func json() -> String {
        String(decoding: jsonUTF8(), as: UTF8.self)
    }

    /// `json()` as UTF-8 bytes: what `dry-run --format json` writes, without a `String` copy
    /// of a long run's trade list.
    public func jsonUTF8() -> [UInt8] {
        let r = result
        var components: [String: JSONValue] = [:]
        let shown = DisplayedPnL(r.pnl)
        for (name, amount) in zip(shown.names, shown.amounts) { components[name] = .number(amount) }
        let object: [String: JSONValue] = [
            "strategy": .string(r.strategy),
            "units": .object(["money": .string(r.quote), "quantity": .string(r.base)]),
            "ticks": .int(r.ticks),
            "first_time": .string(Self.time(r.firstTime)),
            "last_time": .string(Self.time(r.lastTime)),
            "rejected": .object([
                "count": .int(r.rejectedCount),
                "rows": .array(r.rejected.map { issue in
                    .object(["line": .int(issue.line), "column": issue.column.map(JSONValue.int) ?? .null,
                             "reason": .string(issue.kind.description), "message": .string(issue.message)])
                }),
            ]),
            "gaps": .int(r.gaps),
            "hedges": .int(r.hedges),
            "fills": .int(r.fills),
            "hedge_volume": .number(r.hedgeVolume),
            "tracking_error": .number(r.trackingError),
            "pnl": .object(["total": .number(shown.total), "components": .object(components), "costs": .number(shown.costs)]),
            "max_drawdown": cents(r.maxDrawdown),
            "breaker_events": .array(r.breakerEvents.map { e in
                .object(["time": .string(Self.time(e.time)), "condition": .string(e.condition), "action": .string(e.action),
                         "measured": .number(e.measured)])
            }),
            "settlements": .int(r.settlements),
            "rolls": .int(r.rolls),
            "unfilled": .number(r.unfilled),
            "final_spot": .number(r.finalSpot),
            "final_hedge_position": .number(r.finalHedgePosition),
            "notes": .array(r.notes.map(JSONValue.string)),
            "open_legs": .array(r.openLegs.map(Self.openLeg)),
            "equity": .object([
                "final": cents(r.equity.final), "peak": cents(r.equity.peak), "max_drawdown": cents(r.equity.maxDrawdown),
            ]),
        ]
        // The trade list is the one part that grows with the run (tens of thousands of
        // trades on a long history): written trade by trade, never held as values.
        return JSONValue.serializedObjectUTF8(object, streaming: ["trades": StreamedArray(count: r.trades.count) { Self.trade(r.trades[$0]) }])
    }
}

extension RunReport {
    /// A trade in the JSON output: quantities in BASE, prices in QUOTE per BASE, fee and gas
    /// in QUOTE.
    static func trade(_ t: TradeRecord) -> JSONValue {
        .object([
            "time": .string(time(t.time)), "instrument": .string(t.instrument), "side": .string(t.isBuy ? "buy" : "sell"),
            "quantity": .number(t.quantity), "price": .number(t.price), "venue": .string(t.venue),
            "fee": .number(t.fee), "gas": .number(t.gas), "reason": .string(t.reason.rawValue),
        ])
    }

    static func openLeg(_ leg: OpenLeg) -> JSONValue {
        var object: [String: JSONValue] = ["instrument": .string(leg.instrument), "quantity": .number(leg.quantity)]
        if let strike = leg.strike { object["strike"] = .number(strike) }
        if let expiry = leg.expiry { object["expiry"] = .string(time(expiry)) }
        return .object(object)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
