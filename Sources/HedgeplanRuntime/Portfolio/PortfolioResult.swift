import Feeds

/// What a portfolio run did: one entry per member line (its copies summed) and the crowd
/// figures (simulation.md, "Portfolios").
public struct PortfolioResult: Sendable {
    public var name: String
    public var base: String
    public var quote: String
    public var ticks: Int
    public var rejected: [FeedIssue]
    public var rejectedCount: Int
    public var firstTime: Int64?
    public var lastTime: Int64?
    public var finalSpot: Double
    public var members: [MemberOutcome]
    public var crowd: CrowdFigures
    /// The arbitrageur's take from the shared pools over the run, raw token units.
    public var arbitrageurTokens: TokenAmounts
    /// Every liquidation, in order.
    public var liquidationEvents: [LiquidationEvent]
    /// The shared pools' mids against the feed, tick by tick (nil without `keepsDetail`).
    public var poolTrack: PoolTrack?
    public var notes: [String]
}

/// One member line of a portfolio, summed over its copies.
public struct MemberOutcome: Sendable, Equatable {
    public var name: String
    public var copies: Int
    /// P&L by component, summed over the copies, QUOTE.
    public var pnl: PnLComponents
    /// Rebalances, summed over the copies.
    public var hedges: Int
    /// Copies liquidated.
    public var liquidations: Int
    /// BASE the copies' hedges and liquidations traded.
    public var volume: Double
    /// Each copy's P&L total, QUOTE, in copy order.
    public var copyTotals: [Double]
}

/// How the crowd moved the shared venues.
public struct CrowdFigures: Codable, Sendable, Equatable {
    /// The largest |pool mid / feed − 1| seen after any trade or arbitrage, basis points.
    public var maxPoolDeviationBps = 0.0
    /// Rebalances a member made in a tick because another member's trade moved the pool:
    /// the same book at the tick's price before that trade would not have rebalanced.
    public var inducedRebalances = 0
    /// The most rounds of induced rebalances and liquidations within one tick: an induced
    /// rebalance, or a liquidation of a copy that was above maintenance at the tick's
    /// unmoved mark, is one round deeper than the pool move that last pushed it over its
    /// band or under maintenance; trades nobody induced are round 0, and a liquidation due
    /// at the unmoved mark is round 1 (identical copies closed one after another are one
    /// round, however many they are).
    public var maxCascadeDepth = 0
    public var liquidations = 0
    /// BASE traded by every copy's hedges and liquidations.
    public var volume = 0.0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case maxPoolDeviationBps = "max_pool_deviation_bps", inducedRebalances = "induced_rebalances"
        case maxCascadeDepth = "max_cascade_depth", liquidations, volume
    }
}

/// One liquidation: a copy's perp hedge closed at market because its equity fell below
/// the maintenance margin.
public struct LiquidationEvent: Sendable, Equatable {
    /// 0-based index of the tick.
    public var tickIndex: Int
    /// ms since the epoch.
    public var time: Int64
    public var member: String
    /// 0-based copy within the member line.
    public var copy: Int
    /// The perp position closed, BASE (signed, before the close).
    public var position: Double
    /// The mark the margin was checked at, QUOTE per BASE.
    public var mark: Double
    /// The perp equity at that mark, QUOTE.
    public var equity: Double
    /// What the close paid or received per BASE, fee included.
    public var averagePrice: Double
    /// The pool's mid after the close (the mark others see next), QUOTE per BASE.
    public var markAfter: Double
    /// Its cascade round (see `CrowdFigures.maxCascadeDepth`).
    public var depth: Int
}
