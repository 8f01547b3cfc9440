/// A market model as a value: Black-Scholes, or Merton (1976) jump diffusion with its jump
/// parameters, at a continuously compounded `rate` with no carry (crypto spot pays none).
///
/// The one place that chooses between the two models: the checker values legs with it, the
/// runtime prices rolls, marks and vega hedges with it, so an option is sized and booked
/// with the same model.
public struct OptionModel: Sendable, Hashable {
    /// A fraction per year.
    public var rate: Double
    /// Nil for Black-Scholes.
    public var jumps: JumpParameters?

    public init(rate: Double, jumps: JumpParameters?) {
        self.rate = rate
        self.jumps = jumps
    }

    public var name: String { jumps == nil ? "black-scholes" : "merton" }

    /// Value and greeks of one option on one unit of BASE (units of `OptionValuation`).
    /// `sign` +1 call, −1 put; `years` <= 0 gives the payoff at expiry. Preconditions: spot
    /// and strike positive and finite, volatility >= 0 (the runtime's inputs are validated).
    @inlinable
    public func valuation(sign: Double, spot: Double, strike: Double, volatility: Double, years: Double) -> OptionValuation {
        let t = max(0, years)
        if let jumps, jumps.intensity * t <= 500 {
            return MertonJumpDiffusion.valuation(
                sign: sign, spot: spot, strike: strike, rate: rate, carry: 0, volatility: volatility, timeToExpiry: t,
                intensity: jumps.intensity, meanLog: jumps.meanLog, jumpVolatility: jumps.volatility)
        }
        return OptionValuation(BlackScholes.kernel(
            sign: sign, spot: spot, strike: strike, rate: rate, carry: 0, volatility: volatility, timeToExpiry: t))
    }
}
