import Feeds

/// What a dry run did: counts, P&L by component, costs, risk, breaker events and the series
/// a report draws.
public struct RunResult: Sendable {
    public var strategy: String
    public var base: String
    public var quote: String
    /// Ticks used.
    public var ticks: Int
    /// Rows the feed rejected, by reason, with the first details.
    public var rejected: [FeedIssue]
    public var rejectedCount: Int
    public var gaps: Int
    public var firstTime: Int64?
    public var lastTime: Int64?
    /// Rebalances (hedge decisions that traded) and fills (child orders).
    public var hedges: Int
    public var fills: Int
    /// BASE traded by the hedge, in total.
    public var hedgeVolume: Double
    public var pnl: PnLComponents
    /// Largest fall of equity from a peak, QUOTE (positive).
    public var maxDrawdown: Double
    /// Root mean square of (net delta after hedging − target) over ticks, BASE.
    public var trackingError: Double
    public var breakerEvents: [BreakerEvent]
    public var settlements: Int
    public var rolls: Int
    /// Hedge size that no venue could take within the slippage cap, BASE.
    public var unfilled: Double
    public var finalSpot: Double
    public var finalHedgePosition: Double
    public var series: RunSeries
    public var notes: [String]
    /// Every trade, in order.
    public var trades: [TradeRecord] = []
    public var openLegs: [OpenLeg] = []
    public var equity = EquityFigures(final: 0, peak: 0, maxDrawdown: 0)
    /// Equity at the run's first tick and at the last tick of every UTC day (`RunRecording`),
    /// for per-day statistics that the decimated series cannot give exactly.
    public var dailyEquity: [EquitySample] = []
    /// Whether the plan hedges delta (`hedge.delta`); without it a tracking error means nothing.
    public var hedgesDelta = true
}

public struct BreakerEvent: Codable, Equatable, Sendable {
    /// ms since epoch.
    public var time: Int64
    public var condition: String
    public var action: String
    /// A fraction, or seconds for feed_stale.
    public var measured: Double

    public init(time: Int64, condition: String, action: String, measured: Double) {
        self.time = time
        self.condition = condition
        self.action = action
        self.measured = measured
    }
}

/// Decimated time series for charts: at most a few points per pixel column whatever the
/// run's length.
public struct RunSeries: Sendable {
    public struct Line: Sendable {
        public var name: String
        public var times: [Int64]
        public var values: [Double]
    }
    public var lines: [Line]
    /// Rebalances: time, net delta before, after.
    public var rebalances: [(time: Int64, before: Double, after: Double)]

    public func line(_ name: String) -> Line? { lines.first { $0.name == name } }
}

/// One trade of a run: a hedge fill, an option or leg opened, closed or settled.
public struct TradeRecord: Sendable, Equatable {
    public enum Reason: String, Sendable {
        /// The structure opened at the first tick.
        case open
        case rebalance, roll, settle, breaker, vega
    }
    /// ms since epoch.
    public var time: Int64
    /// `call`, `put`, `spot`, `perp`, `future` or `lp`.
    public var instrument: String
    public var isBuy: Bool
    /// BASE, positive (for an lp leg: 1, the position).
    public var quantity: Double
    /// QUOTE per BASE: the fill's average price (fee included), the model's price for an
    /// option, the feed's price for a leg of the structure, the settlement price at expiry.
    public var price: Double
    /// The venue's name, or `model` (options at the run model's price), `feed` (legs at the
    /// feed's price), `expiry` (settlements).
    public var venue: String
    /// QUOTE.
    public var fee: Double
    public var gas: Double
    public var reason: Reason
    /// The feed's price at the trade's tick, QUOTE per BASE (what the hedge is marked at);
    /// set by `Interpreter.run`, nil in a `TradeRecord` made elsewhere.
    public var spot: Double?
}

/// What is still held at the end of a run.
public struct OpenLeg: Sendable, Equatable {
    /// `call`, `put`, `spot`, `perp`, `future`, `lp` or `hedge` (the hedge position).
    public var instrument: String
    /// BASE, signed (an lp leg: its capital in QUOTE).
    public var quantity: Double
    public var strike: Double?
    /// ms since epoch.
    public var expiry: Int64?
}

/// Equity at the end, its peak and largest fall from a peak, QUOTE.
public struct EquityFigures: Sendable, Equatable {
    public var final: Double
    public var peak: Double
    public var maxDrawdown: Double
}
