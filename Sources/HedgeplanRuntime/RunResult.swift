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
