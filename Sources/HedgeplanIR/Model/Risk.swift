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
}

public enum Greek: String, Hashable, Sendable, CaseIterable {
    case delta, gamma, vega, theta
}

public struct GreekBand: Hashable, Sendable {
    public var low: Double
    public var high: Double
}

/// A stress point that must stay within `max_loss`.
public struct Scenario: Hashable, Sendable {
    public var spot: Located<SpotShock>?
    public var volatility: Located<VolatilityShock>?
    public var location: SourceLocation
}
