import HedgeplanRuntime

/// The journal's `run` row: which run the file holds and whether it finished.
public struct JournalHeader: Equatable, Sendable {
    public var identity: RunIdentity
    /// ISO 8601, when the run was first started.
    public var createdAt: String
    public var finished: Bool
    public var finishedAt: String?
    /// The finished run's output, exactly as `dry-run` printed it.
    public var result: StoredResult?
}

/// A finished run's output in both formats, byte for byte as `dry-run` prints it
/// (`RunReport.json()` and `RunReport.text()`).
public struct StoredResult: Equatable, Sendable {
    public var json: String
    public var text: String

    public init(json: String, text: String) {
        self.json = json
        self.text = text
    }
}

/// The checkpoint: every decision up to and including `tickIndex` is in the journal.
public struct JournalProgress: Equatable, Sendable {
    /// 0-based index over the ticks the interpreter accepted.
    public var tickIndex: Int
    /// The tick's time, ms since epoch.
    public var time: Int64
    /// Equity after the tick, QUOTE.
    public var equity: Double

    public init(tickIndex: Int, time: Int64, equity: Double) {
        self.tickIndex = tickIndex
        self.time = time
        self.equity = equity
    }
}

/// A breaker trip as the journal holds it: the runtime's own event, with the tick it
/// happened on (the runtime's `BreakerEvent` has its time, not its tick). Rebalances are
/// journaled as the runtime's `RebalanceRecord` itself, which carries its tick.
public struct JournaledBreakerEvent: Equatable, Sendable {
    public var tickIndex: Int
    public var event: BreakerEvent

    public init(_ event: BreakerEvent, tickIndex: Int) {
        self.tickIndex = tickIndex
        self.event = event
    }
}
