import Feeds
import Foundation
import PlanFormat
import HedgeplanIR
import Testing
@testable import HedgeplanCompiler
@testable import HedgeplanRuntime

/// Runs written by hand: every figure below is worked out on paper from the strategy and
/// the feed, not taken from the interpreter.
struct InterpreterTests {
    static func plan(_ yaml: String) throws -> HedgingPlan {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("runtime-\(UUID().uuidString).yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let compiled = PlanCompiler.compile(path: path, now: RuntimeFixtures.now)
        return try #require(compiled.plan, "\(compiled.diagnostics.map(\.message))")
    }

    static func run(_ plan: HedgingPlan, csv: String, options: CSVFeedOptions = CSVFeedOptions()) throws -> RunResult {
        var feed = try CSVFeed(text: csv, name: "test.csv", options: options)
        var interpreter = Interpreter(plan: plan)
        interpreter.checksInvariant = true
        let result = try interpreter.run(&feed)
        #expect(interpreter.worstInvariantError < 1e-9)
        return result
    }

    /// Short 1 put 2700 for a declared 25 USDC, settled at 2600: 25 − 100 = −75 USDC.
    @Test func aShortPutSettlesAtIntrinsicValue() throws {
        let plan = try Self.plan("""
            hedgeplan: 1
            name: short-put
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60% }
            legs:
              - { id: p, side: short, type: put, strike: 2700, expiry: 1d, quantity: 1, premium: 25 }
            """)
        let result = try Self.run(plan, csv: "timestamp,price\n1700000000000,3000\n1700043200000,2900\n1700086400000,2600\n")
        #expect(result.ticks == 3)
        #expect(result.settlements == 1)
        #expect(abs(result.pnl.options - (-75)) < 1e-9)
        #expect(abs(result.pnl.total - (-75)) < 1e-9)
    }

    /// Long 2 ETH spot, short 2 ETH perp with 10%/year funding, price flat at 3000 for one
    /// day: the short perp receives 2 × 3000 × 0.10 / 365 = 1.6438356... USDC; the legs net to zero.
    @Test func perpFundingByHand() throws {
        let plan = try Self.plan("""
            hedgeplan: 1
            name: funding
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60% }
            legs:
              - { side: long, type: spot, quantity: 2 }
              - { side: short, type: perp, quantity: 2 }
            execution:
              venues: [{ name: perp, kind: perp, fee: 0.05%, funding: 10% }]
            """)
        var csv = "timestamp,price\n"
        for hour in 0...24 { csv += "\(1_700_000_000_000 + Int64(hour) * 3_600_000),3000\n" }
        let result = try Self.run(plan, csv: csv)
        #expect(abs(result.pnl.funding - 2 * 3000 * 0.10 / 365) < 1e-9)
        #expect(result.pnl.underlying == 0)
    }

    /// Bad rows are counted with their line numbers and the run goes on with the good ones.
    @Test func badRowsDoNotCorruptARun() throws {
        let plan = try RuntimeFixtures.plan("eth-iron-condor-perp-hedged.yaml")
        let csv = """
            timestamp,price
            1700000000000,3000
            1700000060000,not-a-price
            1700000120000,-5
            1700000180000,nan
            1700000240000,3010
            1700000200000,3005
            1700000300000,3020
            """
        let result = try Self.run(plan, csv: csv + "\n")
        #expect(result.ticks == 3)
        #expect(result.rejectedCount == 4)
        #expect(result.rejected.map(\.line) == [3, 4, 5, 7])
    }

    /// A 15% move inside the 5-minute window trips `price_move` and halts hedging.
    @Test func aPriceMoveTripsItsBreaker() throws {
        let plan = try Self.plan("""
            hedgeplan: 1
            name: breaker
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60% }
            structure:
              straddle: { side: short, quantity: 10, strike: atm, expiry: 7d }
            hedge:
              instrument: perp
              delta: { trigger: band, band: 0.1 }
            execution:
              venues: [{ name: perp, kind: perp, fee: 0.05% }]
            safety:
              circuit_breakers:
                - { when: price_move, window: 5m, above: 10%, then: halt }
            """)
        let csv = "timestamp,price\n1700000000000,3000\n1700000060000,3050\n1700000120000,3450\n1700000180000,3300\n1700000240000,3000\n"
        let result = try Self.run(plan, csv: csv)
        #expect(result.breakerEvents.count == 1)
        let event = try #require(result.breakerEvents.first)
        #expect(event.condition == "price_move" && event.action == "halt")
        #expect(event.time == 1_700_000_120_000)
        #expect(abs(event.measured - 0.15) < 1e-12)
        // Hedging stops at the halt: no rebalance after the third tick.
        #expect(result.series.rebalances.allSatisfy { $0.time < 1_700_000_120_000 })
    }

    @Test func theSameFeedGivesTheSameRun() throws {
        let plan = try RuntimeFixtures.plan("eth-short-straddle-hedged.yaml")
        let spec = "gbm:spot=3000,vol=0.7,days=10,step=1m,seed=3"
        let (a, _) = try RuntimeFixtures.run(plan, feed: spec)
        let (b, _) = try RuntimeFixtures.run(plan, feed: spec)
        #expect(a.pnl == b.pnl)
        #expect(a.hedges == b.hedges && a.hedges > 0)
        #expect(a.series.rebalances.map(\.after) == b.series.rebalances.map(\.after))
    }
}
