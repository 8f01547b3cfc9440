import HedgeplanDiagnostics

/// A strategy after the front end: typed, with units, templates expanded into legs, and
/// every value's source location. Later stages (checker, compiler) read only this.
public struct Strategy: Sendable {
    /// Language version (`hedgeplan: 1`).
    public var languageVersion: Int
    /// Slug, `[a-z0-9-]+`.
    public var name: Located<String>
    public var description: String?
    public var underlying: Located<Underlying>
    public var market: Market
    /// The template the file used, if any (its legs are in `legs`).
    public var structure: Located<StructureKind>?
    /// The structure the explicit legs declare with `kind:`.
    public var declaredKind: Located<StructureKind>?
    /// Legs from the template first, then the explicit ones.
    public var legs: [Leg]
    public var risk: Risk?
    public var hedge: Hedge?
    public var execution: Execution?
    public var safety: Safety?
    public var roll: Roll?
    /// The instant durations count from: `market.as_of`, or the clock the front end was given.
    public var valuationTime: Instant
    public var valuationTimeIsAsOf: Bool
    /// Where the document starts, for strategy-wide diagnostics.
    public var location: SourceLocation

    public init(languageVersion: Int, name: Located<String>, description: String?, underlying: Located<Underlying>, market: Market, structure: Located<StructureKind>?, declaredKind: Located<StructureKind>?, legs: [Leg], risk: Risk?, hedge: Hedge?, execution: Execution?, safety: Safety?, roll: Roll?, valuationTime: Instant, valuationTimeIsAsOf: Bool, location: SourceLocation) {
        self.languageVersion = languageVersion
        self.name = name
        self.description = description
        self.underlying = underlying
        self.market = market
        self.structure = structure
        self.declaredKind = declaredKind
        self.legs = legs
        self.risk = risk
        self.hedge = hedge
        self.execution = execution
        self.safety = safety
        self.roll = roll
        self.valuationTime = valuationTime
        self.valuationTimeIsAsOf = valuationTimeIsAsOf
        self.location = location
    }
}

/// `BASE/QUOTE`: quantities are in BASE, money in QUOTE.
public struct Underlying: Hashable, Sendable, CustomStringConvertible {
    public var base: String
    public var quote: String
    public var description: String { "\(base)/\(quote)" }

    public init(base: String, quote: String) {
        self.base = base
        self.quote = quote
    }
}

/// Market assumptions for analysis and compile. A feed overrides spot at run time.
public struct Market: Sendable {
    public var asOf: Located<Instant>?
    /// QUOTE per BASE.
    public var spot: Located<Double>?
    /// Annualised volatility as a fraction (0.65 = 65%).
    public var volatility: Located<Double>?
    /// Continuously compounded annual rate, as a fraction.
    public var rate: Located<Double>
    public var model: Located<PricingModel>
    public var location: SourceLocation

    public init(asOf: Located<Instant>?, spot: Located<Double>?, volatility: Located<Double>?, rate: Located<Double>, model: Located<PricingModel>, location: SourceLocation) {
        self.asOf = asOf
        self.spot = spot
        self.volatility = volatility
        self.rate = rate
        self.model = model
        self.location = location
    }
}

public enum PricingModel: Hashable, Sendable {
    case blackScholes
    case merton(MarketJumps)

    public var name: String {
        switch self {
        case .blackScholes: return "black-scholes"
        case .merton: return "merton"
        }
    }
}

/// Merton (1976) jumps: Poisson arrivals with log-normal jump sizes.
public struct MarketJumps: Hashable, Sendable {
    /// Expected jumps per year.
    public var intensity: Double
    /// Mean of the log jump size.
    public var meanLog: Double
    /// Standard deviation of the log jump size.
    public var volatility: Double

    public init(intensity: Double, meanLog: Double, volatility: Double) {
        self.intensity = intensity
        self.meanLog = meanLog
        self.volatility = volatility
    }
}
