import Feeds

/// Hooks for what watches a run: the journal, a progress bar. Called on the run's thread.
public protocol RunObserver: AnyObject {
    /// After each tick is fully processed (index is 0-based over accepted ticks).
    func tickProcessed(index: Int, tick: Tick, equity: Double)
    /// A hedge decision that traded, with its fills.
    func rebalanced(_ record: RebalanceRecord)
    /// A breaker tripped.
    func breakerTripped(_ event: BreakerEvent)
    /// Whether `rebalanced` does anything: the engine builds a `RebalanceRecord` (an array
    /// of fills) only for an observer that reads it. True unless the observer says not.
    var observesRebalances: Bool { get }
}

extension RunObserver {
    public var observesRebalances: Bool { true }
}

/// One rebalance: the decision and what it filled.
public struct RebalanceRecord: Codable, Equatable, Sendable {
    public struct FillRecord: Codable, Equatable, Sendable {
        public var venue: String
        /// BASE, signed (positive bought).
        public var base: Double
        /// QUOTE per BASE, fee included.
        public var averagePrice: Double
        public var fee: Double
        public var slippage: Double
        public var gas: Double

        public init(venue: String, base: Double, averagePrice: Double, fee: Double, slippage: Double, gas: Double) {
            self.venue = venue
            self.base = base
            self.averagePrice = averagePrice
            self.fee = fee
            self.slippage = slippage
            self.gas = gas
        }
    }
    public var tickIndex: Int
    public var time: Int64
    public var reason: String
    public var spot: Double
    public var netDeltaBefore: Double
    public var netDeltaAfter: Double
    /// BASE asked for, signed.
    public var requested: Double
    public var fills: [FillRecord]

    public init(
        tickIndex: Int, time: Int64, reason: String, spot: Double, netDeltaBefore: Double, netDeltaAfter: Double,
        requested: Double, fills: [FillRecord]
    ) {
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
