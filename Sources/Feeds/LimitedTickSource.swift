/// A feed cut short: at most `maxTicks` ticks, and none later than `maxSpan` milliseconds
/// after the first tick (feed time, from the ticks' timestamps: deterministic for a file or a
/// simulated path). `dry-run --max-ticks N --duration D` on a replayable feed; a live feed
/// applies its own limits (`WebSocketFeedOptions.maxTicks`, `.maxDuration`).
///
/// The tick that crosses the span is not delivered: the run ends on the last tick within it.
/// Why it ended is added to `notes`, so the report says the run was cut.
public struct LimitedTickSource<Base: TickSource>: TickSource {
    public var base: Base
    public let maxTicks: Int?
    /// Milliseconds after the first tick.
    public let maxSpan: Int64?
    public private(set) var delivered = 0
    private var firstTime: Int64?
    private var endNote: String?

    public init(_ base: Base, maxTicks: Int? = nil, maxSpan: Int64? = nil) {
        self.base = base
        self.maxTicks = maxTicks
        self.maxSpan = maxSpan
    }

    public mutating func next() throws -> Tick? {
        guard endNote == nil else { return nil }
        if let maxTicks, delivered >= maxTicks {
            endNote = "the run stopped after \(maxTicks) tick\(maxTicks == 1 ? "" : "s") (--max-ticks)"
            return nil
        }
        guard let tick = try base.next() else { return nil }
        if let maxSpan {
            let first = firstTime ?? tick.timestamp
            firstTime = first
            if tick.timestamp - first > maxSpan {
                endNote = "the run stopped at \(TimestampFormatter.duration(maxSpan)) of feed time (--duration); the next tick is at \(TimestampFormatter.iso8601(tick.timestamp))"
                return nil
            }
        }
        delivered += 1
        return tick
    }

    public var issues: FeedIssueLog { base.issues }
    public var lastGap: FeedGap? { base.lastGap }
    public var notes: [String] { base.notes + (endNote.map { [$0] } ?? []) }
}
