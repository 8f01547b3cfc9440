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
    /// `onRetry` with a message each time it cannot connect and retries, else what
    /// `makeSource()` gives.
    func makeSupportedSource(onRetry: @escaping @Sendable (String) -> Void) throws -> any TickSource {
        #if LiveFeed
        var live = WebSocketFeedOptions()
        live.onRetry = onRetry
        return try makeSourceIncludingLive(liveOptions: live)
        #else
        return try makeSource()
        #endif
    }
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
