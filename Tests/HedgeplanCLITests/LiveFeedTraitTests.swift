import Foundation
import Testing
import HedgeplanTestSupport

/// The default build leaves the WebSocket feed out (the LiveFeed trait brings it in): a
/// `ws://` feed is then a usage error that says how to build it, before any network access.
struct LiveFeedTraitTests {
    #if !LiveFeed
    @Test(arguments: ["ws://127.0.0.1:9/ticks", "wss://feed.example.com/eth"])
    func liveFeedWithoutTheTraitSaysHowToGetIt(_ feed: String) throws {
        let result = try HedgeplanProcess.run(["dry-run", "strategies/eth-iron-condor-perp-hedged.yaml", "--feed", feed])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("bad feed `\(feed)`: live WebSocket feeds are not in this build"), "\(result.stderr)")
        #expect(result.stderr.contains("--traits LiveFeed"), "\(result.stderr)")
    }
    #endif
}
