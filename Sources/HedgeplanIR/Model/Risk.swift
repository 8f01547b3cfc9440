import HedgeplanDiagnostics

/// Declared bounds that the checker proves or reports.
public struct Risk: Sendable {
    public var definedRisk: Located<Bool>?
    /// QUOTE, over every spot at expiry, net of premium.
    public var maxLoss: Located<Double>?
    /// Bands at inception: delta in BASE; gamma in BASE per 1 QUOTE of spot; vega in QUOTE
    /// per volatility point; theta in QUOTE per day.
    public var greeks: [Greek: Located<GreekBand>]
    public var scenarios: [Scenario]

    public init(definedRisk: Located<Bool>?, maxLoss: Located<Double>?, greeks: [Greek: Located<GreekBand>], scenarios: [Scenario]) {
        self.definedRisk = definedRisk
        self.maxLoss = maxLoss
        self.greeks = greeks
        self.scenarios = scenarios
    }
}

public enum Greek: String, Hashable, Sendable, CaseIterable {
    case delta, gamma, vega, theta
}

public struct GreekBand: Hashable, Sendable {
    public var low: Double
    public var high: Double

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }
}

/// A stress point that must stay within `max_loss`.
public struct Scenario: Hashable, Sendable {
    public var spot: Located<SpotShock>?
    public var volatility: Located<VolatilityShock>?
    public var location: SourceLocation

    public init(spot: Located<SpotShock>?, volatility: Located<VolatilityShock>?, location: SourceLocation) {
        self.spot = spot
        self.volatility = volatility
        self.location = location
    }
}
