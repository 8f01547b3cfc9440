import Foundation
import HedgeplanChecker
import HedgeplanFormatting
import HedgeplanIR
import HedgeplanJSON
import HedgeplanTime

/// `hedgeplan analyze` output: a readable summary, and the JSON object the design page fixes.
public struct AnalysisReport: Sendable {
    public var analysis: StrategyAnalysis

    public init(_ analysis: StrategyAnalysis) { self.analysis = analysis }

    var strategy: Strategy { analysis.strategy }
    var quote: String { strategy.underlying.value.quote }
    var base: String { strategy.underlying.value.base }

    // MARK: Text

    public func text() -> String {
        var out = ""
        let valuation = "\(strategy.valuationTime)\(strategy.valuationTimeIsAsOf ? " (market.as_of)" : " (now)")"
        out += "\(strategy.name.value)  \(strategy.underlying.value)  \(analysis.model.modelName) model, spot \(Money.plain(analysis.model.spot)), volatility \(percent(analysis.model.volatility)), rate \(percent(analysis.model.rate))\n"
        out += "valued at \(valuation)\n\n"

        out += "Legs\n"
        var rows = [["id", "side", "type", "strike", "expiry", "quantity", "premium (\(quote) per \(base))", "implied vol"]]
        for leg in analysis.legs {
            rows.append([
                leg.id, leg.leg.side.value.rawValue, leg.leg.instrument.type.rawValue,
                leg.strike.map(Money.plain) ?? "-", expiryText(leg), quantityText(leg),
                leg.strike == nil ? "-" : Money.grouped(leg.premium, decimals: 2) + (leg.premiumIsModelPrice ? " (model)" : ""),
                leg.impliedVolatility(under: analysis.model).map(percent) ?? "-",
            ])
        }
        out += table(rows) + "\n"

        let payoff = analysis.payoff
        let premiumWord = analysis.netPremium >= 0 ? "received" : "paid"
        out += "Net premium    \(premiumWord) \(Money.format(abs(analysis.netPremium), quote))\n"
        // A liquidity position's P&L grows like √S: unbounded with a slope that tends to 0.
        let rises = payoff.slopeAtInfinity > 0 ? "rises \(Money.plain(payoff.slopeAtInfinity)) \(quote) per 1 \(quote) of spot" : "keeps rising with spot, like its square root"
        let falls = payoff.slopeAtInfinity < 0 ? "falls \(Money.plain(-payoff.slopeAtInfinity)) \(quote) per 1 \(quote) of spot" : "keeps falling as spot rises, like its square root"
        out += "Max profit     \(extreme(payoff.maxProfit, unbounded: "unbounded (the P&L \(rises))"))\n"
        out += "Max loss       \(extreme(payoff.maxLoss, loses: true, unbounded: "unbounded (the P&L \(falls))"))\n"
        out += "Breakevens     \(payoff.breakevens.isEmpty ? "none" : payoff.breakevens.map(Money.plain).joined(separator: ", "))\n"
        out += "Payoff         \(methodText)\n\n"

        let g = analysis.greeks
        out += "Greeks at inception\n"
        out += table([
            ["delta", RiskNumber.format(g.delta), PositionGreeks.unit(.delta, strategy.underlying.value)],
            ["gamma", RiskNumber.format(g.gamma), PositionGreeks.unit(.gamma, strategy.underlying.value)],
            ["vega", RiskNumber.format(g.vega), PositionGreeks.unit(.vega, strategy.underlying.value)],
            ["theta", RiskNumber.format(g.theta), PositionGreeks.unit(.theta, strategy.underlying.value)],
        ]) + "\n"

        if !analysis.scenarios.isEmpty {
            out += "Scenarios (revalued now, \(analysis.model.modelName) model)\n"
            var scenarioRows = [["scenario", "P&L (\(quote))"]]
            for s in analysis.scenarios { scenarioRows.append([s.label, Money.grouped(s.pnl, decimals: 2)]) }
            out += table(scenarioRows) + "\n"
        }

        out += "P&L at \(payoff.horizonYears == nil ? "any time" : "expiry") by spot\n"
        var profileRows = [["spot (\(quote))", "P&L (\(quote))"]]
        for point in payoff.profile { profileRows.append([Money.plain(point.spot), Money.grouped(point.pnl, decimals: 2)]) }
        out += table(profileRows)
        return out
    }

    var methodText: String {
        let horizon = analysis.payoff.horizonYears.map { "at expiry, \(Money.grouped($0 * YearLength.daysValue, decimals: 2)) days from the valuation time" } ?? "linear legs only, no expiry"
        switch analysis.payoff.method {
        case .exact:
            let liquidity = strategy.legs.contains { $0.instrument.type == .lp }
            return liquidity
                ? "exact (a + b·S + c·√S between strikes and range ends, with the liquidity positions' closed form, \(horizon))"
                : "exact (piecewise linear, \(horizon))"
        case .model(let range, let points):
            return "model-based (\(analysis.model.modelName)) at the first expiry, \(Money.grouped((analysis.payoff.horizonYears ?? 0) * YearLength.daysValue, decimals: 2)) days out, over spot \(Money.plain(range.lowerBound)) to \(Money.plain(range.upperBound)) (\(points) points)"
        }
    }

    /// A max profit or loss; `loses` for the max loss. A strategy that loses at every spot has
    /// no profit to show, and says what it loses at best (one that gains everywhere, the mirror).
    private func extreme(_ e: PayoffExtreme?, loses: Bool = false, unbounded: String) -> String {
        guard let e else { return unbounded }
        let place = e.regions.map(\.description).joined(separator: " and ")
        let cents = (e.pnl * 100).rounded()
        if !loses, cents < 0 {
            return "none: a loss at every spot, \(Money.format(-e.pnl, quote)) at best"
        }
        if loses, cents > 0 {
            return "none: a profit at every spot, \(Money.format(e.pnl, quote)) at worst"
        }
        return Money.format(e.amount, quote) + (place.isEmpty ? "" : " \(place)")
    }

    private func expiryText(_ leg: ResolvedLeg) -> String {
        guard let expiry = leg.leg.instrument.expiry?.value else { return "-" }
        switch expiry {
        case .at(let instant): return instant.description
        case .after(let d): return "\(d) (\(strategy.valuationTime.adding(d)))"
        }
    }

    private func quantityText(_ leg: ResolvedLeg) -> String {
        if case .liquidity(_, let capital) = leg.terms { return "\(Money.format(capital, quote)) capital" }
        return NumberFormat.asWritten(abs(leg.quantity))
    }

    private func percent(_ fraction: Double) -> String { "\(NumberFormat.asWritten((fraction * 1e4).rounded() / 100))%" }

    private func table(_ rows: [[String]]) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            "  " + row.enumerated().map { c, cell in
                c == row.count - 1 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    // MARK: JSON

    /// The design page's object: `max_profit`, `max_loss` (QUOTE, positive, null when
    /// unbounded), `defined_risk`, `breakevens`, `net_premium` (positive when received),
    /// `greeks`; plus legs, scenarios and how the payoff was computed.
    public func json() -> String {
        let payoff = analysis.payoff
        var object: [String: JSONValue] = [
            "strategy": .string(strategy.name.value),
            "underlying": .string(strategy.underlying.value.description),
            "units": .object(["money": .string(quote), "quantity": .string(base)]),
            "valuation_time": .string(strategy.valuationTime.description),
            "model": .string(analysis.model.modelName),
            "max_profit": payoff.maxProfit.map { .number(cents($0.amount)) } ?? .null,
            "max_loss": payoff.maxLoss.map { .number(cents($0.amount)) } ?? .null,
            // Signed: below 0 when the strategy loses at every spot (max_profit is then 0).
            "best_pnl": payoff.maxProfit.map { .number(cents($0.pnl)) } ?? .null,
            "worst_pnl": payoff.maxLoss.map { .number(cents($0.pnl)) } ?? .null,
            "defined_risk": .bool(payoff.maxLoss != nil),
            "breakevens": .array(payoff.breakevens.map { .number(cents($0)) }),
            "net_premium": .number(cents(analysis.netPremium)),
            "greeks": .object([
                "delta": .number(analysis.greeks.delta), "gamma": .number(analysis.greeks.gamma),
                "vega": .number(analysis.greeks.vega), "theta": .number(analysis.greeks.theta),
            ]),
            "payoff": .object([
                "method": .string(payoff.isModelBased ? "model" : "exact"),
                "horizon_years": payoff.horizonYears.map(JSONValue.number) ?? .null,
                "slope_at_infinity": .number(payoff.slopeAtInfinity),
                "profile": .array(payoff.profile.map { .array([.number(cents($0.spot)), .number(cents($0.pnl))]) }),
            ]),
            "legs": .array(analysis.legs.map { leg in
                .object([
                    "id": .string(leg.id), "type": .string(leg.leg.instrument.type.rawValue),
                    "quantity": .number(leg.quantity), "strike": leg.strike.map(JSONValue.number) ?? .null,
                    "expiry_years": leg.expiryYears.map(JSONValue.number) ?? .null,
                    "premium": leg.strike == nil ? .null : .number(leg.premium),
                    "premium_source": leg.strike == nil ? .null : .string(leg.premiumIsModelPrice ? "model" : "declared"),
                    "implied_volatility": leg.impliedVolatility(under: analysis.model).map(JSONValue.number) ?? .null,
                ])
            }),
            "scenarios": .array(analysis.scenarios.map { s in
                .object(["label": .string(s.label), "spot": .number(s.spot), "volatility": .number(s.volatility), "pnl": .number(cents(s.pnl))])
            }),
        ]
        if case .model(let range, _) = payoff.method {
            object["spot_range"] = .array([.number(cents(range.lowerBound)), .number(cents(range.upperBound))])
        }
        return JSONValue.object(object).serialized()
    }

    /// Money to the cent, as JSON numbers.
    private func cents(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}
