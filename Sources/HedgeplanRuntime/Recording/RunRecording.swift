import Feeds

/// Equity at one instant, QUOTE; `time` in ms since the epoch.
public struct EquitySample: Sendable, Equatable {
    public var time: Int64
    public var equity: Double

    public init(time: Int64, equity: Double) {
        self.time = time
        self.equity = equity
    }
}

/// What a `RunResult` needs beyond the book's own record, kept while `Interpreter.run` steps
/// the book: the equity of the run's first tick and of the last tick of every UTC day (the
/// day's close), and the feed's price at every trade. Every observer callback is passed on
/// to the run's own observer.
///
/// Why: a Sharpe-like ratio and a volatility need equity at regular instants, and the run's
/// series are decimated (min/max per bucket), so their values at a day's end are not exact;
/// a cycle's hedge P&L needs the price its fills were marked at. Memory is one sample per
/// day and one price per trade; the per-tick cost is two comparisons, two stores and one
/// call. Monte Carlo (`Interpreter.finalBook`) runs without it.
final class RunRecording: RunObserver {
    private let next: RunObserver?
    private(set) var samples: [EquitySample] = []
    /// Where the current UTC day ends, ms since the epoch (a comparison per tick, no division).
    private var nextDay = Int64.min
    private var last: EquitySample?
    /// The feed's price at each trade, in the book's trade order.
    private(set) var tradeSpots: [Double] = []

    static let msPerDay: Int64 = 86_400_000

    init(forwardingTo next: RunObserver?) {
        self.next = next
    }

    func tickProcessed(index: Int, tick: Tick, equity: Double) {
        // Ticks come in time order: a tick past the day's end starts a new day.
        if tick.timestamp >= nextDay {
            // The previous day's close; the very first tick is a sample of its own (the start).
            let close = last ?? EquitySample(time: tick.timestamp, equity: equity)
            if samples.last != close { samples.append(close) }
            let t = tick.timestamp
            let today = t >= 0 ? t / Self.msPerDay : (t + 1) / Self.msPerDay - 1
            nextDay = (today + 1) * Self.msPerDay
        }
        last = EquitySample(time: tick.timestamp, equity: equity)
        next?.tickProcessed(index: index, tick: tick, equity: equity)
    }

    func rebalanced(_ record: RebalanceRecord) { next?.rebalanced(record) }

    var observesRebalances: Bool { next?.observesRebalances ?? false }

    func breakerTripped(_ event: BreakerEvent) { next?.breakerTripped(event) }

    /// The book holds `count` trades after a step at `price`: the new ones traded at it.
    @inline(__always)
    func tradesNow(_ count: Int, at price: Double) {
        if count > tradeSpots.count { tradeSpots.append(contentsOf: repeatElement(price, count: count - tradeSpots.count)) }
    }

    /// Adds what was recorded to `result`: each trade's spot and the daily equity (with the
    /// last day's close, the run's last tick).
    func complete(_ result: inout RunResult) {
        for i in result.trades.indices where i < tradeSpots.count { result.trades[i].spot = tradeSpots[i] }
        if let last, samples.last != last { samples.append(last) }
        result.dailyEquity = samples
    }
}
