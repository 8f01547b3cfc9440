/// A stress move of spot in a scenario: a change relative to the market's spot (`-30%`),
/// or an absolute spot level.
public enum SpotShock: Hashable, Sendable {
    case relative(Double)
    case absolute(Double)
}

/// A stress move of volatility: `+20pt` adds 20 volatility points (0.20); `+40%` scales
/// volatility by 1.4.
public enum VolatilityShock: Hashable, Sendable {
    case points(Double)
    case relative(Double)
}

/// A gas price in gwei (1e-9 of the chain's native token per gas unit).
public struct GasPrice: Hashable, Sendable {
    public var gwei: Double
    public init(gwei: Double) { self.gwei = gwei }
}
