/// Venues, routing and order handling.
public struct ExecutionPlan: Codable, Equatable, Sendable {
    /// `best`: one venue per hedge; `split`: minimise fees + price impact + gas across venues.
    public enum Routing: String, ClosedVocabulary {
        case best, split
        public static let noun = "routing"
    }

    public var venues: [PlanVenue]
    public var routing: Routing
    /// A child order never fills worse than this fraction against the mid.
    public var maxSlippage: Double?
    /// BASE per child order and seconds between children.
    public var maxChild: Double?
    public var childSpacingSeconds: Int64?
    public var gas: GasSpec?
    public init(venues: [PlanVenue], routing: Routing, maxSlippage: Double?, maxChild: Double?, childSpacingSeconds: Int64?, gas: GasSpec?) {
        self.venues = venues
        self.routing = routing
        self.maxSlippage = maxSlippage
        self.maxChild = maxChild
        self.childSpacingSeconds = childSpacingSeconds
        self.gas = gas
    }
}

/// A venue's model and parameters.
public struct PlanVenue: Codable, Equatable, Sendable {
    /// A venue's model.
    public enum Kind: String, ClosedVocabulary {
        case constantProduct = "constant-product"
        case concentratedLiquidity = "concentrated-liquidity"
        case perp
        public static let noun = "venue kind"
        /// Trades settle on chain and pay gas (pools); perps are modelled off chain.
        public var isOnChain: Bool { self != .perp }
    }

    public var name: String
    public var kind: Kind
    /// Fraction of notional per trade.
    public var fee: Double
    public var reserveBase: Double?
    public var reserveQuote: Double?
    public var positions: [PoolRange]?
    /// Perp: annualised funding rate, paid by longs when positive.
    public var funding: Double?
    public init(name: String, kind: Kind, fee: Double, reserveBase: Double? = nil, reserveQuote: Double? = nil,
                positions: [PoolRange]? = nil, funding: Double? = nil) {
        self.name = name
        self.kind = kind
        self.fee = fee
        self.reserveBase = reserveBase
        self.reserveQuote = reserveQuote
        self.positions = positions
        self.funding = funding
    }
}

/// Liquidity L over [lower, upper] QUOTE per BASE.
public struct PoolRange: Codable, Equatable, Sendable {
    public var lower: Double
    public var upper: Double
    public var liquidity: Double
    public init(lower: Double, upper: Double, liquidity: Double) {
        self.lower = lower
        self.upper = upper
        self.liquidity = liquidity
    }
}

public struct GasSpec: Codable, Equatable, Sendable {
    public var priceGwei: Double
    public var perTrade: Double
    public var native: String
    public init(priceGwei: Double, perTrade: Double, native: String) {
        self.priceGwei = priceGwei
        self.perTrade = perTrade
        self.native = native
    }
}

/// A circuit breaker: `condition` (`price_move` over `windowSeconds`, `feed_stale`,
/// `drawdown`, `slippage`) above `threshold` (a fraction, or seconds for `feed_stale`),
/// then `action` (`halt`, `flatten`, `pause` for `pauseSeconds`).
public struct BreakerRule: Codable, Equatable, Sendable {
    /// What a circuit breaker does when it trips.
    public enum Action: String, ClosedVocabulary {
        case halt, flatten, pause
        public static let noun = "breaker action"
    }

    /// What a circuit breaker watches.
    public enum Condition: String, ClosedVocabulary {
        case priceMove = "price_move"
        case feedStale = "feed_stale"
        case drawdown, slippage
        public static let noun = "breaker condition"
    }

    public var condition: Condition
    public var windowSeconds: Int64?
    public var threshold: Double
    public var action: Action
    public var pauseSeconds: Int64?
    public init(condition: Condition, windowSeconds: Int64?, threshold: Double, action: Action, pauseSeconds: Int64?) {
        self.condition = condition
        self.windowSeconds = windowSeconds
        self.threshold = threshold
        self.action = action
        self.pauseSeconds = pauseSeconds
    }
}

/// Re-open the structure every `everySeconds`, at expiry; `strikes` `relative` keeps each
/// strike rule's moneyness against spot at roll time, `same` keeps the absolute strikes.
public struct RollSchedule: Codable, Equatable, Sendable {
    /// How a roll re-resolves strikes.
    public enum Strikes: String, ClosedVocabulary {
        case relative, same
        public static let noun = "roll strikes rule"
    }

    public var everySeconds: Int64
    public var strikes: Strikes
    public init(everySeconds: Int64, strikes: Strikes) {
        self.everySeconds = everySeconds
        self.strikes = strikes
    }
}





