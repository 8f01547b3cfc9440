import Foundation
import HedgeplanIR

/// The position's greeks at inception, summed over legs, in the design page's units:
/// delta in BASE, gamma in BASE per 1 QUOTE of spot, vega in QUOTE per volatility point,
/// theta in QUOTE per day.
public struct PositionGreeks: Sendable, Equatable {
    public var delta = 0.0
    public var gamma = 0.0
    public var vega = 0.0
    public var theta = 0.0

    public init() {}

    public init(_ legs: [ResolvedLeg], model: ValuationModel) {
        for leg in legs {
            switch leg.terms {
            case .option(let kind, let strike, let years):
                let v = model.value(kind, strike: strike, years: years)
                delta += leg.quantity * v.delta
                gamma += leg.quantity * v.gamma
                vega += leg.quantity * v.vega
                theta += leg.quantity * v.theta
            case .linear:
                delta += leg.quantity
            case .future(_, let years):
                delta += leg.quantity * exp(model.rate * years)
            case .liquidity(let position, _):
                delta += position.delta(at: model.spot)
                gamma += position.gamma(at: model.spot)
            }
        }
    }

    public subscript(greek: Greek) -> Double {
        switch greek {
        case .delta: return delta
        case .gamma: return gamma
        case .vega: return vega
        case .theta: return theta
        }
    }

    /// The unit a greek is reported in, for a strategy on `underlying`.
    public static func unit(_ greek: Greek, _ underlying: Underlying) -> String {
        switch greek {
        case .delta: return underlying.base
        case .gamma: return "\(underlying.base) per 1 \(underlying.quote)"
        case .vega: return "\(underlying.quote) per vol point"
        case .theta: return "\(underlying.quote) per day"
        }
    }
}
