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

/// A rebalance as the journal holds it (the runtime's `RebalanceRecord`, field for field).
public struct JournaledRebalance: Equatable, Sendable {
    public var tickIndex: Int
    public var time: Int64
    public var reason: String
    public var spot: Double
    public var netDeltaBefore: Double
    public var netDeltaAfter: Double
    public var requested: Double
    public var fills: [JournaledFill]

    public init(_ record: RebalanceRecord) {
        tickIndex = record.tickIndex
        time = record.time
        reason = record.reason
        spot = record.spot
        netDeltaBefore = record.netDeltaBefore
        netDeltaAfter = record.netDeltaAfter
        requested = record.requested
        fills = record.fills.map(JournaledFill.init)
    }

    init(tickIndex: Int, time: Int64, reason: String, spot: Double, netDeltaBefore: Double, netDeltaAfter: Double, requested: Double, fills: [JournaledFill]) {
        self.tickIndex = tickIndex
        self.time = time
        self.reason = reason
        self.spot = spot
        self.netDeltaBefore = netDeltaBefore
        self.netDeltaAfter = netDeltaAfter
        self.requested = requested
        self.fills = fills
    }
}

/// One child fill of a journaled rebalance.
public struct JournaledFill: Equatable, Sendable {
    public var venue: String
    /// BASE, signed (positive bought).
    public var base: Double
    public var averagePrice: Double
    public var fee: Double
    public var slippage: Double
    public var gas: Double

    public init(_ fill: RebalanceRecord.FillRecord) {
        self.init(venue: fill.venue, base: fill.base, averagePrice: fill.averagePrice, fee: fill.fee, slippage: fill.slippage, gas: fill.gas)
    }

    init(venue: String, base: Double, averagePrice: Double, fee: Double, slippage: Double, gas: Double) {
        self.venue = venue
        self.base = base
        self.averagePrice = averagePrice
        self.fee = fee
        self.slippage = slippage
        self.gas = gas
    }
}

/// A breaker trip as the journal holds it, with the tick it happened on.
public struct JournaledBreakerEvent: Equatable, Sendable {
    public var tickIndex: Int
    public var time: Int64
    public var condition: String
    public var action: String
    public var measured: Double

    public init(_ event: BreakerEvent, tickIndex: Int) {
        self.init(tickIndex: tickIndex, time: event.time, condition: event.condition, action: event.action, measured: event.measured)
    }

    init(tickIndex: Int, time: Int64, condition: String, action: String, measured: Double) {
        self.tickIndex = tickIndex
        self.time = time
        self.condition = condition
        self.action = action
        self.measured = measured
    }
}
