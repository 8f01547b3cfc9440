/// The shared pools' prices against the feed's over a portfolio run, for the report's chart:
/// at the end of every tick (after the copies traded and the liquidation rounds), the feed's
/// price and each pool's mid, QUOTE per BASE. Bounded: past `capacity` points it keeps every
/// other one and records every other tick from then on (the stride doubles), so a run of
/// millions of ticks keeps at most `capacity` points; liquidations are kept exactly in
/// `PortfolioResult.liquidationEvents`.
public struct PoolTrack: Sendable, Equatable {
    /// The pools, in the order of each point's `mids`.
    public var pools: [String]
    /// ms since the epoch.
    public private(set) var times: [Int64] = []
    public private(set) var feed: [Double] = []
    /// `mids[i][p]`: pool `p`'s mid at `times[i]`.
    public private(set) var mids: [[Double]] = []
    public let capacity: Int
    private var stride = 1
    private var seen = 0

    public init(pools: [String], capacity: Int = 20_000) {
        self.pools = pools
        self.capacity = max(2, capacity)
    }

    mutating func record(time: Int64, feed price: Double, mids values: [Double]) {
        defer { seen += 1 }
        guard seen % stride == 0 else { return }
        times.append(time)
        feed.append(price)
        mids.append(values)
        if times.count >= capacity {
            times = Self.everyOther(times)
            feed = Self.everyOther(feed)
            mids = Self.everyOther(mids)
            stride *= 2
        }
    }

    private static func everyOther<T>(_ values: [T]) -> [T] {
        values.enumerated().compactMap { $0.offset % 2 == 0 ? $0.element : nil }
    }
}
