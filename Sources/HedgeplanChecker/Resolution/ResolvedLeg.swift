import Foundation
import HedgeplanDiagnostics
import HedgeplanIR
import Pricing

/// A leg with everything numeric settled: an absolute strike, years to expiry, a signed
/// quantity and a premium. What payoff analysis, risk checks and the compiler work on.
public struct ResolvedLeg: Sendable {
    public enum Terms: Sendable {
        /// Strike in QUOTE per BASE; expiry in years from the valuation time.
        case option(kind: OptionKind, strike: Double, years: Double)
        /// Long or short the underlying, entered at `entry`.
        case linear(entry: Double)
        /// A dated future entered at the forward price `entry`, expiring in `years`.
        case future(entry: Double, years: Double)
        /// A liquidity position (Uniswap v3 formulas) opened with `capital` QUOTE.
        case liquidity(position: LiquidityPosition, capital: Double)
    }

    public var id: String
    public var terms: Terms
    /// BASE units, positive long and negative short (1 for liquidity legs, whose size is in `terms`).
    public var quantity: Double
    /// QUOTE per BASE paid for an option (given, or the model's price at inception).
    public var premium: Double
    public var premiumIsModelPrice: Bool
    /// The leg's node in the source.
    public var location: SourceLocation
    /// The source leg.
    public var leg: Leg

    /// QUOTE this leg costs at inception: positive when paid, negative when received.
    public var cost: Double {
        switch terms {
        case .option: return quantity * premium
        case .linear, .future, .liquidity: return 0
        }
    }

    public var expiryYears: Double? {
        switch terms {
        case .option(_, _, let years), .future(_, let years): return years
        case .linear, .liquidity: return nil
        }
    }

    /// The Black-Scholes volatility (annualised fraction) at which the leg's premium is its
    /// price at inception under `model`'s spot and rate (no carry): the number a trader
    /// compares across strikes. For a declared premium it says what the quote implies; for a
    /// Merton model price, the smile the jumps put on. Nil for non-option legs, an expired
    /// option, or a premium no volatility gives (below intrinsic, above the bound).
    public func impliedVolatility(under model: ValuationModel) -> Double? {
        guard case .option(let kind, let strike, let years) = terms, years > 0,
              let option = try? EuropeanOption(kind: kind, spot: model.spot, strike: strike, rate: model.rate, carry: 0,
                                               volatility: model.volatility, timeToExpiry: years),
              case .success(let sigma) = ImpliedVolatility.solve(price: premium, option: option)
        else { return nil }
        return sigma
    }

    public var strike: Double? {
        if case .option(_, let strike, _) = terms { return strike }
        return nil
    }

    /// Value of the leg (QUOTE) at spot `s`, `years` after inception, under `model`, net of
    /// what it cost to open: the leg's P&L.
    public func pnl(at s: Double, after elapsed: Double, model: ValuationModel, volatility: Double? = nil) -> Double {
        switch terms {
        case .option(let kind, let strike, let years):
            let value = model.value(kind, strike: strike, years: years - elapsed, spot: s, volatility: volatility).price
            return quantity * (value - premium)
        case .linear(let entry):
            return quantity * (s - entry)
        case .future(let entry, let years):
            let forward = s * exp(model.rate * max(0, years - elapsed))
            return quantity * (forward - entry)
        case .liquidity(let position, let capital):
            return position.value(at: s) - capital
        }
    }
}
