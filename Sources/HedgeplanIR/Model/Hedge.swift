import HedgeplanDiagnostics

/// How the strategy is hedged.
public struct Hedge: Sendable {
    public var instrument: Located<HedgeInstrument>
    public var delta: DeltaHedge?
    public var vega: VegaHedge?
    public var gamma: GammaHedge?
    public var location: SourceLocation

    public init(instrument: Located<HedgeInstrument>, delta: DeltaHedge?, vega: VegaHedge?, gamma: GammaHedge?, location: SourceLocation) {
        self.instrument = instrument
        self.delta = delta
        self.vega = vega
        self.gamma = gamma
        self.location = location
    }
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
    public var interval: Located<TimeSpan>?
    /// Risk aversion of the Whalley-Wilmott band.
    public var riskAversion: Located<Double>?
    public var adaptVolatility: Located<VolatilityForecast>?
    public var adaptGas: Located<Bool>?

    public init(target: Located<Double>, trigger: Located<DeltaTrigger>, band: Located<Double>?, interval: Located<TimeSpan>?, riskAversion: Located<Double>?, adaptVolatility: Located<VolatilityForecast>?, adaptGas: Located<Bool>?) {
        self.target = target
        self.trigger = trigger
        self.band = band
        self.interval = interval
        self.riskAversion = riskAversion
        self.adaptVolatility = adaptVolatility
        self.adaptGas = adaptGas
    }
}

/// How the band follows volatility.
public enum VolatilityForecast: Hashable, Sendable {
    /// Exponentially weighted moving average with its decay per observation (RiskMetrics: 0.94).
    case ewma(decay: Double)
    /// GARCH(1,1), parameters fitted to the feed's history at compile time.
    case garch
    /// A Gaussian hidden Markov model of log returns with 2 or 3 volatility regimes, fitted
    /// to the history at compile time and filtered causally by the runtime.
    case regime(states: Int)
}

public struct VegaHedge: Sendable {
    /// QUOTE per volatility point.
    public var band: Located<Double>
    public var option: Located<HedgeOption>

    public init(band: Located<Double>, option: Located<HedgeOption>) {
        self.band = band
        self.option = option
    }
}

/// The option a vega hedge trades.
public struct HedgeOption: Hashable, Sendable {
    public var type: OptionType
    public var strike: Located<Strike>
    public var expiry: Located<Expiry>

    public init(type: OptionType, strike: Located<Strike>, expiry: Located<Expiry>) {
        self.type = type
        self.strike = strike
        self.expiry = expiry
    }
}

public struct GammaHedge: Sendable {
    public var scalp: Located<Bool>

    public init(scalp: Located<Bool>) {
        self.scalp = scalp
    }
}
