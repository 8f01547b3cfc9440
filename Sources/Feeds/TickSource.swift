/// A pull-based source of ticks, oldest first. The interpreter calls `next()` until it
/// returns nil; implementations allocate nothing per tick.
///
/// `next()` throws only when the source itself fails (an I/O error); bad data is not an
/// error: it is skipped, counted and described in `issues`, and the run goes on.
public protocol TickSource {
    /// The next tick, strictly later than the previous one, or nil at the end of the feed.
    mutating func next() throws -> Tick?
    /// Rows rejected and gaps seen so far (counts of every kind, details of the first few).
    var issues: FeedIssueLog { get }
    /// The most recent gap, if any: lets a breaker ask "how long was the hole?" when a tick
    /// carries `TickFlags.afterGap`.
    var lastGap: FeedGap? { get }
    /// Human-readable notes on how the source was interpreted (layout, time unit, skipped
    /// banner lines), for the run report.
    var notes: [String] { get }
    /// Appends the next ticks to `ticks`, at most `limit`, and at least one unless the feed
    /// has ended: what `BufferedTicks` pulls, one call per block instead of one per tick.
    /// The default gives one tick (`next()`): right for a live feed, which must hand on each
    /// tick as it arrives. Sources that compute their ticks fill the block.
    mutating func next(into ticks: inout [Tick], limit: Int) throws
}

extension TickSource {
    public mutating func next(into ticks: inout [Tick], limit: Int) throws {
        if let tick = try next() { ticks.append(tick) }
    }

    public var issues: FeedIssueLog { FeedIssueLog() }
    public var lastGap: FeedGap? { nil }
    public var notes: [String] { [] }
}

/// A source whose ticks are computed (simulated paths) or already in memory, never waited
/// for and never failing: a pull fills the whole block, where a live feed gives one tick.
public protocol ComputedTickSource: TickSource {
    mutating func next() -> Tick?
}

extension ComputedTickSource {
    /// Up to `limit` ticks, fewer only at the end of the feed.
    public mutating func next(into ticks: inout [Tick], limit: Int) {
        for _ in 0..<limit {
            guard let tick = next() else { return }
            ticks.append(tick)
        }
    }
}

/// A hole in the feed: two consecutive accepted ticks further apart than the gap threshold.
public struct FeedGap: Equatable, Sendable {
    /// Timestamp (ms since epoch) of the tick before the hole.
    public var from: Int64
    /// Timestamp (ms since epoch) of the tick after the hole (it carries `.afterGap`).
    public var to: Int64
    /// 1-based line of the tick after the hole (0 for sources without lines).
    public var line: Int
    /// Length of the hole in milliseconds.
    public var duration: Int64 { to - from }

    public init(from: Int64, to: Int64, line: Int) {
        self.from = from
        self.to = to
        self.line = line
    }
}
