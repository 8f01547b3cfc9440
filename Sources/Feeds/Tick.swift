import Pricing

/// One observation of the market: the time, the spot price and, where the feed has them,
/// the gas price, an implied volatility and the volume traded in the step.
///
/// A plain value of fixed size (no references), so producing and consuming ticks never
/// allocates.
public struct Tick: Equatable, Sendable {
    /// Milliseconds since the Unix epoch (1970-01-01T00:00:00Z), UTC. The runtime's clock.
    public var timestamp: Int64
    /// Spot price in QUOTE per BASE (for example USDT per ETH). Always finite and > 0.
    public var price: Double {
        didSet { logPrice = .nan }
    }
    /// ln(`price`) when a reader has worked it out ahead of the engine (`workOutLogPrices`),
    /// NaN otherwise; setting `price` resets it. The option kernels need ln S on every tick
    /// (BENCHMARKS.md, `## Engine`): a read-ahead thread takes it four ticks at a time, off
    /// the engine's thread, with the kernels' own `ElementaryFunctions.log`, so the figure
    /// is the one the engine would have computed, to the bit. Not worked out when a tick is
    /// made: the CSV scanner's 20 M rows a second have no room for a logarithm each.
    public internal(set) var logPrice: Double = .nan
    /// Gas price in gwei (1e-9 of the chain's native token per gas unit), when the feed has it.
    public var gasGwei: Double?
    /// Implied volatility as an annualised fraction (0.65 = 65%), when the feed has it.
    public var impliedVolatility: Double?
    /// BASE traded in the step this row closes (an OHLCV file's `volume`), when the feed has it.
    public var volume: Double?
    /// Events attached to this tick (for example: it follows a gap).
    public var flags: TickFlags

    /// Prices outside this range (QUOTE per BASE) are typing or unit errors, not markets:
    /// the strategy language caps prices at 1e12 too. A price of 1e300 or 1e-320 would turn
    /// every amount of a run into a 1e292-sized number. Every feed (CSV rows, WebSocket
    /// messages) refuses them.
    public static let plausiblePrices: ClosedRange<Double> = 1e-12...1e12

    public init(timestamp: Int64, price: Double, gasGwei: Double? = nil,
                impliedVolatility: Double? = nil, volume: Double? = nil, flags: TickFlags = []) {
        self.timestamp = timestamp
        self.price = price
        self.gasGwei = gasGwei
        self.impliedVolatility = impliedVolatility
        self.volume = volume
        self.flags = flags
    }

    /// Equal when what the feed observed is: `logPrice` is a cache of `price`'s logarithm
    /// that one copy may have and another not.
    public static func == (a: Tick, b: Tick) -> Bool {
        a.timestamp == b.timestamp && a.price == b.price && a.gasGwei == b.gasGwei
            && a.impliedVolatility == b.impliedVolatility && a.volume == b.volume && a.flags == b.flags
    }
}

/// Events a tick carries so that the runtime's circuit breakers see them in the tick stream.
public struct TickFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The time since the previous tick exceeds the feed's gap threshold
    /// (`CSVFeedOptions.gapFactor` x the typical step): prices between were not observed.
    @inlinable public static var afterGap: TickFlags { TickFlags(rawValue: 1 << 0) }
}
