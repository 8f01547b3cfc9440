import Feeds
import Foundation
import PlanFormat
import Testing
@testable import HedgeplanRuntime

/// Liquidity positions earn fees in a dry run, and impermanent loss is shown apart from the
/// tokens' price move (issue 10, item 9). Figures by hand from the Uniswap v2 formulas
/// (V = 2 L sqrt(S), x = L / sqrt(S), y = L sqrt(S)), not from the code under test.
struct LiquidityFeeTests {
    static let t0: Int64 = 1_700_000_000_000
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 86_400_000

    /// Runs with the volume column read, as `dry-run` reads it for plans with lp legs.
    static func run(_ plan: HedgingPlan, csv: String) throws -> RunResult {
        var mapping = ColumnMapping()
        mapping.detectsVolume = true
        return try InterpreterTests.run(plan, csv: csv, options: CSVFeedOptions(mapping: mapping))
    }

    /// 100,000 USDC full range at 3000 on a 0.30% pool of 1,000 ETH and 3,000,000 USDC.
    static func fullRange(feeAPR: String? = nil) throws -> HedgingPlan {
        try InterpreterTests.plan("""
            hedgeplan: 1
            name: lp-fees
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60% }
            structure:
              lp-hedge: { venue: pool, capital: 100000\(feeAPR.map { ", fee_apr: \($0)" } ?? "") }
            execution:
              venues: [{ name: pool, kind: constant-product, reserves: { base: 1000, quote: 3000000 }, fee: 0.30% }]
            """)
    }

    /// Three hourly rows at 3000, 3000 and 3300; the first row's volume (10) earns nothing.
    static func threeHours(volumes second: Int, _ third: Int) -> String {
        "timestamp,price,volume\n\(t0),3000,10\n\(t0 + hour),3000,\(second)\n\(t0 + 2 * hour),3300,\(third)\n"
    }

    /// L = 100,000 / (2 sqrt(3000)) = 912.87; the pool's other liquidity sqrt(1,000 x
    /// 3,000,000) = 54,772.26 = 60 L, so the position's share is 1/61. The first row opens
    /// the position (its volume earns nothing); then 20 ETH at 3000 and 30 ETH at 3300:
    /// (20 x 3000 + 30 x 3300) x 0.003 / 61 = 477 / 61 = 7.8196721 USDC.
    /// At 3300 the position is worth 2 L sqrt(3300) = 104,880.88; the entry tokens (16.667
    /// ETH and 50,000 USDC) are worth 105,000: underlying +5,000, impermanent loss -119.115.
    @Test func volumeFeesAndImpermanentLossByHand() throws {
        let result = try Self.run(try Self.fullRange(), csv: Self.threeHours(volumes: 20, 30))
        #expect(abs(result.pnl.lpFees - 477.0 / 61) < 1e-9)
        #expect(abs(result.pnl.underlying - 5_000) < 1e-6)
        #expect(abs(result.pnl.impermanentLoss - -119.11518298485316) < 1e-6)
        #expect(abs(result.pnl.total - 4_888.704489146295) < 1e-6)
        #expect(result.pnl.named.map(\.name) == [
            "option", "underlying", "impermanent_loss", "lp_fees", "hedge", "fees", "slippage", "gas", "funding",
        ])
        #expect(result.notes.contains { $0.hasPrefix("lp fees come from the feed's volume") })
        // What it opened with, at the first row's 3000: x = L / sqrt(3000), y = L sqrt(3000).
        #expect(result.notes.contains(
            "lp position opened at 3000.00 with 100000.00 USDC: 16.6667 ETH and 50000.00 USDC, liquidity L 912.87 full range"))
    }

    /// An exchange's volume read as this pool's: 20,000 and 30,000 ETH an hour through a
    /// 6M USDC pool pay (20,000 x 3000 + 30,000 x 3300) x 0.003 / 61 = 7,819.67 USDC in two
    /// hours on 100,000, about 34,000% a year: the run books it, and says it is implausible.
    @Test func anImplausibleFeeYieldIsFlagged() throws {
        let result = try Self.run(try Self.fullRange(), csv: Self.threeHours(volumes: 20_000, 30_000))
        #expect(abs(result.pnl.lpFees - 477_000.0 / 61) < 1e-6)
        let note = try #require(result.notes.first { $0.hasPrefix("lp fees come from the feed's volume") })
        #expect(note.hasSuffix("% a year on the capital: implausible for a pool; the feed's volume is likely a whole exchange's, not this pool's: declare `fee_apr` on the lp leg, or give the pool's own volume"), "\(note)")
        // The plausible run above carries no such warning.
        let plausible = try Self.run(try Self.fullRange(), csv: Self.threeHours(volumes: 20, 30))
        #expect(plausible.notes.contains { $0.hasPrefix("lp fees come from the feed's volume") && !$0.contains("implausible") })
    }

    /// fee_apr 20% on the position's value, a day at a time: 100,000 x 0.2 / 365 at 3000, then
    /// 104,880.88 x 0.2 / 365 at 3300 = 112.2634985 USDC. The feed's volume is ignored.
    @Test func declaredAPRAccruesOnTheValue() throws {
        let csv = """
            timestamp,price,volume
            \(Self.t0),3000,10
            \(Self.t0 + Self.day),3000,20
            \(Self.t0 + 2 * Self.day),3300,30

            """
        let plan = try Self.fullRange(feeAPR: "20%")
        #expect(plan.legs.first?.liquidity?.feeApr == 0.2)
        let result = try Self.run(plan, csv: csv)
        #expect(abs(result.pnl.lpFees - 112.26349852987133) < 1e-9)
        // 112.26 over 2 days on 100,000: 0.0011226 x 365 / 2 = 20.49% a year.
        #expect(result.notes.contains("lp fees accrue at the declared fee_apr on the position's value while spot is in its range; 20.49% a year on the capital"))
    }

    /// A position on [2400, 3600] earns nothing while spot is above its range, and neither
    /// source earns without volume or fee_apr (the run says so).
    @Test func outOfRangeOrNoSourceEarnsNothing() throws {
        let plan = try InterpreterTests.plan("""
            hedgeplan: 1
            name: lp-ranged
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60% }
            structure:
              lp-hedge: { venue: pool, range: [2400, 3600], capital: 300000, fee_apr: 50% }
            execution:
              venues:
                - { name: pool, kind: concentrated-liquidity, fee: 0.05%, positions: [{ range: [2400, 3600], liquidity: 9.0e5 }] }
            """)
        let above = try Self.run(plan, csv: "timestamp,price\n\(Self.t0),3000\n\(Self.t0 + Self.day),4000\n")
        #expect(above.pnl.lpFees == 0)
        // In range for the one step: 300,000 x 0.5 / 365 = 410.958904.
        let inside = try Self.run(plan, csv: "timestamp,price\n\(Self.t0),3000\n\(Self.t0 + Self.day),3000\n")
        #expect(abs(inside.pnl.lpFees - 300_000 * 0.5 / 365) < 1e-6)

        let none = try Self.run(try Self.fullRange(), csv: "timestamp,price\n\(Self.t0),3000\n\(Self.t0 + Self.day),3100\n")
        #expect(none.pnl.lpFees == 0)
        #expect(none.notes.contains("no lp fee income: the feed has no volume column and the lp leg declares no fee_apr"))
    }

    /// A concentrated pool shares fees with the positions that hold the price: at 3000 the
    /// plan's 9e5 over [2400, 3600] (the 1e6 over [3500, 5000] is out of range).
    @Test func concentratedPoolSharesWithTheActiveLiquidity() throws {
        let plan = try InterpreterTests.plan("""
            hedgeplan: 1
            name: lp-concentrated
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60% }
            structure:
              lp-hedge: { venue: pool, range: [2400, 3600], capital: 300000 }
            execution:
              venues:
                - name: pool
                  kind: concentrated-liquidity
                  fee: 0.05%
                  positions: [{ range: [2400, 3600], liquidity: 9.0e5 }, { range: [3500, 5000], liquidity: 1.0e6 }]
            """)
        let l = try #require(plan.legs.first?.liquidity?.liquidity)
        let csv = "timestamp,price,volume\n\(Self.t0),3000,0\n\(Self.t0 + Self.hour),3000,1000\n"
        let result = try Self.run(plan, csv: csv)
        // L = 300,000 / (2 sqrt(3000) - sqrt(2400) - 3000 / sqrt(3600)) = 28,423.31 (the
        // checker's oracle figure); fees = L / (L + 9e5) x 1,000 x 3000 x 0.0005.
        #expect(abs(l - 28_423.311594215986) < 1e-6)
        #expect(abs(result.pnl.lpFees - 28_423.311594215986 / (28_423.311594215986 + 9.0e5) * 1_500) < 1e-6)
    }

    /// Flattening closes the position: its impermanent loss stays in its component, and the
    /// components still add up (InterpreterTests.run checks the invariant on every tick).
    @Test func impermanentLossSurvivesAFlatten() throws {
        let plan = try InterpreterTests.plan("""
            hedgeplan: 1
            name: lp-flatten
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60% }
            structure:
              lp-hedge: { venue: pool, capital: 100000 }
            execution:
              venues: [{ name: pool, kind: constant-product, reserves: { base: 1000, quote: 3000000 }, fee: 0.30% }]
            safety: { circuit_breakers: [{ when: price_move, window: 1h, above: 5%, then: flatten }] }
            """)
        let csv = "timestamp,price\n\(Self.t0),3000\n\(Self.t0 + Self.hour),3300\n\(Self.t0 + 2 * Self.hour),2000\n"
        let result = try Self.run(plan, csv: csv)
        #expect(result.breakerEvents.map(\.action) == ["flatten"])
        #expect(abs(result.pnl.impermanentLoss - -119.11518298485316) < 1e-6)
        #expect(abs(result.pnl.underlying - 5_000) < 1e-6)
    }
}
