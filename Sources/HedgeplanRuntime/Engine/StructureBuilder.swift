import Feeds
import Foundation
import PlanFormat
import Pricing

/// Opens the plan's structure: at the first tick, and again at every roll (options only).
/// Option legs are priced with the run's model (a declared premium is honoured at the
/// first opening); spot and perp legs enter at the feed's price, futures at the forward,
/// liquidity positions are sized so that they hold their capital at the feed's price.
struct StructureBuilder {
    let context: RunContext

    func open(
        at tick: Tick, expiryBase: Int64, rolled: Bool, options: inout OptionBook, linear: inout LinearBook, ledger: inout Ledger,
        trades: inout TradeLog
    ) {
        let reason: TradeRecord.Reason = rolled ? .roll : .open
        for leg in context.plan.legs {
            switch leg.instrument {
            case .call, .put:
                let premium = openOption(leg, at: tick, expiryBase: expiryBase, rolled: rolled, options: &options, ledger: &ledger)
                trades.append(TradeRecord(
                    time: tick.timestamp, instrument: leg.instrument.rawValue, isBuy: leg.quantity > 0, quantity: abs(leg.quantity),
                    price: premium, venue: "model", fee: 0, gas: 0, reason: reason))
            case .spot, .perp:
                if !rolled {
                    linear.linear.append(.init(quantity: leg.quantity, entry: tick.price, expiry: nil, isPerp: leg.instrument == .perp))
                    trades.append(TradeRecord(
                        time: tick.timestamp, instrument: leg.instrument.rawValue, isBuy: leg.quantity > 0, quantity: abs(leg.quantity),
                        price: tick.price, venue: "feed", fee: 0, gas: 0, reason: reason))
                }
            case .future:
                if !rolled {
                    let expiry = context.expiry(of: leg, base: context.anchorMs, rolled: false)
                    let years = RunContext.years(from: tick.timestamp, to: expiry)
                    let forward = tick.price * exp(context.model.rate * years)
                    linear.linear.append(.init(quantity: leg.quantity, entry: forward, expiry: expiry, isPerp: false))
                    trades.append(TradeRecord(
                        time: tick.timestamp, instrument: "future", isBuy: leg.quantity > 0, quantity: abs(leg.quantity),
                        price: forward, venue: "feed", fee: 0, gas: 0, reason: reason))
                }
            case .lp:
                if !rolled, let spec = leg.liquidity, let position = Self.position(spec, holdingCapitalAt: tick.price) {
                    let venue = context.plan.execution?.venues.first { $0.name == spec.venue }
                    linear.liquidity.append(.init(
                        position: position, capital: spec.capital, entryPrice: tick.price,
                        fees: LiquidityFeeSource(declaredAPR: spec.feeApr, venue: venue)))
                    ledger.book(.liquidityOpened)
                    trades.append(TradeRecord(
                        time: tick.timestamp, instrument: "lp", isBuy: true, quantity: 1, price: spec.capital, venue: spec.venue,
                        fee: 0, gas: 0, reason: reason))
                }
            }
        }
    }

    /// Opens one option leg; returns the premium paid or received per unit.
    private func openOption(
        _ leg: PlanLeg, at tick: Tick, expiryBase: Int64, rolled: Bool, options: inout OptionBook, ledger: inout Ledger
    ) -> Double {
        let sign: Double = leg.instrument == .call ? 1 : -1
        let expiry = context.expiry(of: leg, base: expiryBase, rolled: rolled)
        let years = RunContext.years(from: tick.timestamp, to: expiry)
        let strike = firstCycleStrike(leg, spot: tick.price, years: years, rolled: rolled)
        let volatility = tick.impliedVolatility ?? context.planVolatility
        let model = context.model.valuation(sign: sign, spot: tick.price, strike: strike, volatility: volatility, years: years).price
        // A declared premium is the price of the strike it was declared with: it holds only
        // while the strike is the compiled one.
        let declaredHolds = !rolled && leg.premiumSource == .declared && strike == leg.strike
        let premium = declaredHolds ? (leg.premium ?? model) : model
        options.open(sign: sign, strike: strike, expiry: expiry, quantity: leg.quantity)
        ledger.book(.optionTrade(quantity: leg.quantity, price: premium))
        return premium
    }

    /// The strike an option opens at. Rules (`atm`, `"+10%"`, `{ delta: ... }`) are
    /// resolved at the feed's price at every opening, the first included; absolute strikes
    /// keep the compiled value (scaled when the run rebases them).
    func firstCycleStrike(_ leg: PlanLeg, spot: Double, years: Double, rolled: Bool) -> Double {
        if !rolled, leg.strikeRule?.kind == .absolute, let strike = leg.strike { return strike * context.absoluteStrikeScale }
        let resolved = context.strike(for: leg.strikeRule, fallback: leg.strike, spot: spot, years: years)
        // The same strike the compiler resolved, up to binary noise (3000 × 1.1): keep its value.
        if !rolled, let compiled = leg.strike, abs(resolved - compiled) <= 1e-9 * compiled { return compiled }
        return resolved
    }

    /// "strikes resolved at the feed's first price ...": the first cycle's strikes that
    /// differ from the compiled ones, for the run's notes.
    func firstCycleNote(at tick: Tick) -> String? {
        var changes: [String] = []
        for leg in context.plan.legs where leg.instrument.isOption {
            let expiry = context.expiry(of: leg, base: context.anchorMs, rolled: false)
            let strike = firstCycleStrike(leg, spot: tick.price, years: RunContext.years(from: tick.timestamp, to: expiry), rolled: false)
            guard strike != leg.strike else { continue }
            changes.append("\(leg.id) \(leg.strike.map(\.formatted2) ?? "(run start)") -> \(strike.formatted2)")
        }
        guard !changes.isEmpty else { return nil }
        let how = context.absoluteStrikeScale != 1 ? "absolute strikes rebased by \(context.absoluteStrikeScale.formatted2)x, rules" : "strike rules"
        return "\(how) resolved at the feed's first price \(tick.price.formatted2) (the plan was compiled at \(context.plan.market.spot.formatted2)): \(changes.joined(separator: ", "))"
    }

    /// The position with the plan's range holding `capital` QUOTE at `price`.
    static func position(_ spec: LiquiditySpec, holdingCapitalAt price: Double) -> LiquidityPosition? {
        func make(_ liquidity: Double) -> LiquidityPosition? {
            guard let lower = spec.lower else { return try? LiquidityPosition.fullRange(liquidity: liquidity) }
            return try? LiquidityPosition(liquidity: liquidity, lower: lower, upper: spec.upper ?? .infinity)
        }
        guard let unit = make(1), unit.value(at: price) > 0 else { return nil }
        return make(spec.capital / unit.value(at: price))
    }
}
