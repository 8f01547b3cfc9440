import Feeds
#if LiveFeed
import LiveFeed
#endif

/// `dry-run --feed`: CSV files and simulated paths come from Feeds; `ws://` and `wss://`
/// from LiveFeed, which is built only with the package's LiveFeed trait
/// (`swift build --traits LiveFeed`). The WebSocket client brings SwiftNIO, HTTP/2, TLS and
/// a BoringSSL, more than half of a first build, so the default build leaves it out and
/// refuses a live feed as a usage error (exit 64) that says how to get it.
extension FeedSpec {
    /// `FeedSpec.parse`, plus, in a build without the LiveFeed trait, `LiveFeedNotBuilt` for
    /// `ws://`/`wss://`.
    static func parseSupported(_ spec: String) throws -> FeedSpec {
        let parsed = try FeedSpec.parse(spec)
        #if !LiveFeed
        if case .webSocket = parsed {
            throw LiveFeedNotBuilt(spec: spec)
        }
        #endif
        return parsed
    }

    /// Opens the feed: a `WebSocketFeed` for `ws://`/`wss://` (LiveFeed builds), which calls
    /// `onRetry` with a message each time it cannot connect and retries and applies `limits`
    /// itself (`--duration` in wall-clock time there), else what `makeSource()` gives, cut to
    /// `limits` in feed time (`LimitedTickSource`).
    func makeSupportedSource(limits: RunLimits = RunLimits(), onRetry: @escaping @Sendable (String) -> Void) throws -> any TickSource {
        #if LiveFeed
        if case .webSocket = self {
            var live = WebSocketFeedOptions()
            live.onRetry = onRetry
            live.maxTicks = limits.maxTicks
            live.maxDuration = limits.durationMs.map { .milliseconds($0) }
            return try makeSourceIncludingLive(liveOptions: live)
        }
        #endif
        func limited<S: TickSource>(_ source: S) -> any TickSource {
            guard limits.maxTicks != nil || limits.durationMs != nil else { return source }
            return LimitedTickSource(source, maxTicks: limits.maxTicks, maxSpan: limits.durationMs)
        }
        return limited(try makeSource())
    }
}

/// How `wake` ends the wait of a live feed for its next tick (Ctrl-C); nil for other feeds,
/// which are never waiting.
func interruptAction(for source: any TickSource) -> (@Sendable () -> Void)? {
    #if LiveFeed
    if let live = source as? WebSocketFeed { return live.interrupt }
    #endif
    return nil
}

/// A `ws://`/`wss://` feed given to a build without the LiveFeed trait: says how to get one.
struct LiveFeedNotBuilt: Error, CustomStringConvertible {
    var spec: String
    var description: String {
        """
        bad feed `\(spec)`: live WebSocket feeds are not in this build of hedgeplan; build it with the \
        LiveFeed trait: `swift build -c release --traits LiveFeed` (or `swift run -c release --traits LiveFeed hedgeplan dry-run ...`)
        """
    }
}
