import Pricing

/// The P&L at expiry of legs that expire together, as the continuous piecewise-linear
/// function of spot S >= 0 it is: kinks at the strikes, slopes between them. Options pay
/// max(±(S - K), 0); spot, perp and future legs are linear; premiums shift it.
public struct PiecewiseLinearPayoff: Sendable {
    /// Strikes, sorted, distinct, > 0.
    public let kinks: [Double]
    /// P&L (QUOTE) at each kink, evaluated directly from the legs (no accumulated rounding).
    public let values: [Double]
    /// P&L at S = 0.
    public let valueAtZero: Double
    /// `slopes[0]` on [0, kinks[0]], `slopes[i]` on [kinks[i-1], kinks[i]], the last one
    /// from the last kink to infinity. QUOTE per 1 QUOTE of spot, i.e. BASE.
    public let slopes: [Double]

    private let legs: [ResolvedLeg]

    /// Nil when a leg is an lp position (not piecewise linear) or legs expire apart.
    public init?(legs: [ResolvedLeg]) {
        var strikes: [Double] = []
        for leg in legs {
            switch leg.terms {
            case .option(_, let strike, _): strikes.append(strike)
            case .linear, .future: break
            case .liquidity: return nil
            }
        }
        self.legs = legs
        kinks = Array(Set(strikes)).sorted()
        valueAtZero = Self.value(legs, at: 0)
        values = kinks.map { Self.value(legs, at: $0) }
        var slopes: [Double] = []
        for i in 0...kinks.count {
            // The slope on a segment is that of the legs active at any interior point.
            let lower = i == 0 ? 0 : kinks[i - 1]
            let upper = i == kinks.count ? lower + 1 : kinks[i]
            let mid = (lower + upper) / 2
            var slope = 0.0
            for leg in legs {
                switch leg.terms {
                case .option(let kind, let strike, _):
                    if kind == .call, strike < mid { slope += leg.quantity }
                    if kind == .put, strike > mid { slope -= leg.quantity }
                case .linear, .future: slope += leg.quantity
                case .liquidity: break
                }
            }
            slopes.append(slope)
        }
        self.slopes = slopes
    }

    /// P&L at expiry at spot `s`: payoffs minus what opening the legs cost.
    public func value(at s: Double) -> Double { Self.value(legs, at: s) }

    /// The same sum as with liquidity positions, which this payoff never holds.
    static func value(_ legs: [ResolvedLeg], at s: Double) -> Double { RootLinearPayoff.value(legs, at: s) }

    public var slopeAtInfinity: Double { slopes.last ?? 0 }
    public var slopeAtZero: Double { slopes.first ?? 0 }
}
