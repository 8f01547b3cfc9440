import Foundation
import Testing
import HedgeplanTestSupport

/// `dry-run` reads a feed's volume column for a plan with lp legs (and only then: parsing
/// it slows OHLCV ingest by a third), and shows the fees and impermanent loss apart.
struct LiquidityFeeCommandTests {
    /// 100,000 USDC full range at 3000 on a pool 60 times its L: share 1/61. Volume rows
    /// after the first: 20 ETH at 3000, 30 ETH at 3300: 477 / 61 = 7.82 USDC of fees. At
    /// 3300, impermanent loss 2 L sqrt(3300) - 105,000 = -119.12, underlying 5,000.
    @Test func dryRunAccruesFeesFromTheVolumeColumn() throws {
        let dir = try ScratchFolder.make("lpfees")
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
            hedgeplan: 1
            name: lp-cli
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60% }
            structure:
              lp-hedge: { venue: pool, capital: 100000 }
            execution:
              venues: [{ name: pool, kind: constant-product, reserves: { base: 1000, quote: 3000000 }, fee: 0.30% }]
            """.write(to: dir.appendingPathComponent("lp.yaml"), atomically: true, encoding: .utf8)
        try """
            date,open,high,low,close,volume
            2024-01-01 00:00:00,3000,3000,3000,3000,10
            2024-01-01 01:00:00,3000,3000,3000,3000,20
            2024-01-01 02:00:00,3300,3300,3300,3300,30

            """.write(to: dir.appendingPathComponent("feed.csv"), atomically: true, encoding: .utf8)
        let result = try HedgeplanProcess.run(["dry-run", "lp.yaml", "--feed", "feed.csv", "--format", "json"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let pnl = try #require(object["pnl"] as? [String: Any])
        let components = try #require(pnl["components"] as? [String: Double])
        #expect(components["lp_fees"] == 7.82)
        #expect(components["impermanent_loss"] == -119.12)
        #expect(components["underlying"] == 5_000)
        #expect(pnl["total"] as? Double == 4_888.70)
        let notes = try #require(object["notes"] as? [String])
        #expect(notes.contains { $0.contains("volume from `volume`") })
    }
}
