import HedgeplanIR
import Pricing

/// The market model a strategy declares, as a pricer of European options: Black-Scholes or
/// Merton jump diffusion, with the strategy's rate and no carry (crypto spot pays none).
public struct ValuationModel: Sendable {
    /// QUOTE per BASE.
    public var spot: Double
    /// Annualised diffusion volatility, a fraction.
    public var volatility: Double
    /// Continuously compounded, a fraction per year.
    public var rate: Double
    public var jumps: Pricing.JumpParameters?

    public init(spot: Double, volatility: Double, rate: Double, jumps: Pricing.JumpParameters?) {
        self.spot = spot
        self.volatility = volatility
        self.rate = rate
        self.jumps = jumps
    }

    /// The strategy's market, when it names what analysis needs (spot and volatility).
    public init?(_ market: Market) {
        guard let spot = market.spot?.value, let volatility = market.volatility?.value else { return nil }
        var jumps: Pricing.JumpParameters?
        if case .merton(let j) = market.model.value {
            jumps = try? Pricing.JumpParameters(intensity: j.intensity, meanLog: j.meanLog, volatility: j.volatility)
        }
        self.init(spot: spot, volatility: volatility, rate: market.rate.value, jumps: jumps)
    }

    public var modelName: String { jumps == nil ? "black-scholes" : "merton" }

    /// Value and greeks of one option on one unit of BASE, in the design page's units.
    /// `years` <= 0 gives the payoff at expiry.
    public func value(_ kind: OptionKind, strike: Double, years: Double, spot: Double? = nil, volatility: Double? = nil) -> OptionValuation {
        let s = spot ?? self.spot
        let sigma = max(0, volatility ?? self.volatility)
        guard years > 0,
            let option = try? EuropeanOption(
                kind: kind, spot: s, strike: strike, rate: rate, carry: 0, volatility: sigma, timeToExpiry: min(years, 100))
        else {
            let itm = kind == .call ? s > strike : s < strike
            return OptionValuation(
                price: max(kind.sign * (s - strike), 0), delta: itm ? kind.sign : 0, gamma: 0, vega: 0, theta: 0, rho: 0)
        }
        return OptionModel(rate: rate, jumps: jumps).valuation(
            sign: kind.sign, spot: option.spot, strike: strike, volatility: option.volatility, years: option.timeToExpiry)
    }

    /// Total annualised variance, diffusion plus jumps, for sizing spot ranges.
    public var totalVariance: Double {
        let jumpVariance = jumps.map { $0.intensity * ($0.meanLog * $0.meanLog + $0.volatility * $0.volatility) } ?? 0
        return volatility * volatility + jumpVariance
    }
}
