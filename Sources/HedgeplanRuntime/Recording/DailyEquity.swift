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

/// Keeps the equity of the run's first tick and of the last tick of every UTC day (the
/// day's close), passing every callback on to the run's own observer.
///
/// Why: a Sharpe-like ratio and a volatility need equity at regular instants, and the run's
/// series are decimated (min/max per bucket), so their values at a day's end are not exact.
/// Memory is one sample per day; the per-tick cost is one division and a comparison.
final class DailyEquity: RunObserver {
    private let next: RunObserver?
    private(set) var samples: [EquitySample] = []
    private var day = Int64.min
    private var last: EquitySample?

    static let msPerDay: Int64 = 86_400_000

    init(forwardingTo next: RunObserver?) {
        self.next = next
    }

    func tickProcessed(index: Int, tick: Tick, equity: Double) {
        let today = tick.timestamp >= 0 ? tick.timestamp / Self.msPerDay : (tick.timestamp + 1) / Self.msPerDay - 1
        if today != day {
            // The previous day's close; the very first tick is a sample of its own (the start).
            let close = last ?? EquitySample(time: tick.timestamp, equity: equity)
            if samples.last != close { samples.append(close) }
            day = today
        }
        last = EquitySample(time: tick.timestamp, equity: equity)
        next?.tickProcessed(index: index, tick: tick, equity: equity)
    }

    func rebalanced(_ record: RebalanceRecord) { next?.rebalanced(record) }

    func breakerTripped(_ event: BreakerEvent) { next?.breakerTripped(event) }

    /// The samples with the last day's close (the run's last tick) appended.
    func finished() -> [EquitySample] {
        guard let last, samples.last != last else { return samples }
        return samples + [last]
    }
}
