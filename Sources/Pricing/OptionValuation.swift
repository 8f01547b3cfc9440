import HedgeplanTime
/// An option's value and its first-order (and gamma) sensitivities, all computed in one pass.
///
/// Units are those of the strategy language's design page, so that numbers read the way a
/// trader quotes them:
/// - `price`: QUOTE per option on one unit of BASE.
/// - `delta`: dV/dS, BASE units per option (QUOTE of value per 1 QUOTE of spot).
/// - `gamma`: d2V/dS2, BASE per 1 QUOTE of spot.
/// - `vega`: QUOTE per 1 volatility point (dV/dsigma * 0.01).
/// - `theta`: QUOTE per calendar day, year = 365 days (-dV/dT / 365, time decay as T shrinks).
/// - `rho`: QUOTE per 1 percentage point of the rate r (dV/dr * 0.01).
public struct OptionValuation: Sendable, Hashable {
    public var price: Double
    public var delta: Double
    public var gamma: Double
    public var vega: Double
    public var theta: Double
    public var rho: Double

    @inlinable
    public init(price: Double, delta: Double, gamma: Double, vega: Double, theta: Double, rho: Double) {
        self.price = price
        self.delta = delta
        self.gamma = gamma
        self.vega = vega
        self.theta = theta
        self.rho = rho
    }

    /// The figures of the scalar `BlackScholes.kernel`, as it returns them.
    @inlinable
    init(_ v: (price: Double, delta: Double, gamma: Double, vega: Double, theta: Double, rho: Double)) {
        self.init(price: v.price, delta: v.delta, gamma: v.gamma, vega: v.vega, theta: v.theta, rho: v.rho)
    }

    /// Days in the year used for `theta`.
    public static let daysPerYear = YearLength.daysValue
    /// One volatility point (vega) and one percentage point of rate (rho).
    public static let point = 0.01
}
