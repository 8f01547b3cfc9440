/// A leg with absolute numbers resolved at compile time, and the rule it came from (kept for
/// rolls, which re-resolve it against spot at roll time).
public struct PlanLeg: Codable, Equatable, Sendable {
    /// Where an option leg's premium comes from.
    public enum PremiumSource: String, ClosedVocabulary {
        /// Given in the strategy.
        case declared
        /// The market model's price at compile time.
        case model
        /// The model's price at the run's first tick (it depends on an instant expiry and the plan has no anchor).
        case modelAtRunStart = "model at run start"
        public static let noun = "premium source"
    }

    public enum Instrument: String, ClosedVocabulary {
        case call, put, spot, perp, future, lp
        public static let noun = "instrument"
        public var isOption: Bool { self == .call || self == .put }
    }

    public var id: String
    public var instrument: Instrument
    /// BASE, signed: positive long, negative short. 1 for lp legs (size is `liquidity`).
    public var quantity: Double
    /// Options: QUOTE per BASE. Nil when it can only be resolved at run start (a delta
    /// strike on an instant expiry without `as_of`).
    public var strike: Double?
    public var strikeRule: StrikeRule?
    public var expiry: PlanExpiry?
    /// Options: QUOTE per BASE paid (positive) for a long, received for a short. Nil when
    /// the runtime prices it at run start.
    public var premium: Double?
    public var premiumSource: PremiumSource?
    /// Spot, perp and future legs: the entry price, QUOTE per BASE (futures: the forward).
    public var entryPrice: Double?
    public var liquidity: LiquiditySpec?

    public init(
        id: String, instrument: Instrument, quantity: Double, strike: Double? = nil, strikeRule: StrikeRule? = nil,
        expiry: PlanExpiry? = nil, premium: Double? = nil, premiumSource: PremiumSource? = nil, entryPrice: Double? = nil,
        liquidity: LiquiditySpec? = nil
    ) {
        self.id = id
        self.instrument = instrument
        self.quantity = quantity
        self.strike = strike
        self.strikeRule = strikeRule
        self.expiry = expiry
        self.premium = premium
        self.premiumSource = premiumSource
        self.entryPrice = entryPrice
        self.liquidity = liquidity
    }
}

/// How a strike was given: `absolute` (value is the price), `relative` (value is the
/// fractional change from spot), `atm`, or `delta` (value is the Black-Scholes delta).
public struct StrikeRule: Codable, Equatable, Sendable {
    public enum Kind: String, ClosedVocabulary {
        case absolute, relative, atm, delta
        public static let noun = "strike rule"
    }
    public var kind: Kind
    public var value: Double
    public init(kind: Kind, value: Double) {
        self.kind = kind
        self.value = value
    }
}

/// Expiry as seconds after the plan's clock anchor, and as an instant (milliseconds since
/// the Unix epoch, UTC) when it is known; `instant` is the same instant in ISO 8601, for people.
public struct PlanExpiry: Codable, Equatable, Sendable {
    public var offsetSeconds: Int64?
    public var instantMs: Int64?
    public var instant: String?
    public init(offsetSeconds: Int64?, instantMs: Int64?, instant: String?) {
        self.offsetSeconds = offsetSeconds
        self.instantMs = instantMs
        self.instant = instant
    }
}


/// A liquidity position: venue, range (QUOTE per BASE; `upper` nil for full range),
/// Uniswap v3 liquidity L, the capital deposited (QUOTE) and, when declared, the fee income
/// a year as a fraction of the position's value (`fee_apr`, earned while spot is in range).
public struct LiquiditySpec: Codable, Equatable, Sendable {
    public var venue: String
    public var lower: Double?
    public var upper: Double?
    public var liquidity: Double
    public var capital: Double
    /// A fraction a year (0.25 = 25%); nil: fees come from the feed's volume, when it has one.
    public var feeApr: Double?
    public init(venue: String, lower: Double?, upper: Double?, liquidity: Double, capital: Double, feeApr: Double? = nil) {
        self.venue = venue
        self.lower = lower
        self.upper = upper
        self.liquidity = liquidity
        self.capital = capital
        self.feeApr = feeApr
    }
}
