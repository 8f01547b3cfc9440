import HedgeplanDiagnostics

/// How the strategy is hedged.
public struct Hedge: Sendable {
    public var instrument: Located<HedgeInstrument>
    public var delta: DeltaHedge?
    public var vega: VegaHedge?
    public var gamma: GammaHedge?
    public var location: SourceLocation
}

public enum HedgeInstrument: String, Hashable, Sendable, CaseIterable {
    case spot, perp
}

public enum DeltaTrigger: String, Hashable, Sendable, CaseIterable {
    case band, interval, hybrid
    case whalleyWilmott = "whalley-wilmott"
}

public struct DeltaHedge: Sendable {
    /// Target net delta, BASE.
    public var target: Located<Double>
    public var trigger: Located<DeltaTrigger>
    /// Half-width of the no-trade band around the target, BASE.
    public var band: Located<Double>?
    public var interval: Located<Duration>?
    /// Risk aversion of the Whalley-Wilmott band.
    public var riskAversion: Located<Double>?
    public var adaptVolatility: Located<VolatilityForecast>?
    public var adaptGas: Located<Bool>?
}

/// How the band follows volatility.
public enum VolatilityForecast: Hashable, Sendable {
    /// Exponentially weighted moving average with its decay per observation (RiskMetrics: 0.94).
    case ewma(decay: Double)
    /// GARCH(1,1), parameters fitted to the feed's history at compile time.
    case garch
}

public struct VegaHedge: Sendable {
    /// QUOTE per volatility point.
    public var band: Located<Double>
    public var option: Located<HedgeOption>
}

/// The option a vega hedge trades.
public struct HedgeOption: Hashable, Sendable {
    public var type: OptionType
    public var strike: Located<Strike>
    public var expiry: Located<Expiry>
}

public struct GammaHedge: Sendable {
    public var scalp: Located<Bool>
}
