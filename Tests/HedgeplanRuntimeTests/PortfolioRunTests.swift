import Feeds
import Foundation
import PlanFormat
import Testing
@testable import HedgeplanCompiler
@testable import HedgeplanRuntime

/// Portfolio runs: the one-member case against the member's own dry run, token
/// conservation across members, pools and the arbitrageur, crowding costs on a shallow
/// pool, and a liquidation cascade worked out by hand.
struct PortfolioRunTests {
    /// Short 1 ATM call for 7 days, delta-hedged with spot on the pool `univ2`.
    static let spotHedger = """
        hedgeplan: 1
        name: spot-hedger
        underlying: ETH/USDC
        market: { spot: 3000, volatility: 60% }
        legs:
          - { id: c, side: short, type: call, strike: 3000, expiry: 7d, quantity: 5 }
        hedge:
          instrument: spot
          delta: { trigger: band, band: 0.05 }
        execution:
          venues:
            - { name: univ2, kind: constant-product, reserves: { base: 1000, quote: 3000000 }, fee: 0.3% }
          max_slippage: 10%
        """

    /// The same call hedged with spot on a concentrated-liquidity pool `univ3` (L = 2e4 on
    /// [2400, 3600]: about 32 ETH and 116,000 USDC at 3000, shallow on purpose).
    static let concentratedHedger = """
        hedgeplan: 1
        name: concentrated-hedger
        underlying: ETH/USDC
        market: { spot: 3000, volatility: 60% }
        legs:
          - { id: c, side: short, type: call, strike: 3000, expiry: 7d, quantity: 5 }
        hedge:
          instrument: spot
          delta: { trigger: band, band: 0.05 }
        execution:
          venues:
            - \(concentratedPool)
          max_slippage: 10%
        """

    static let concentratedPool = "{ name: univ3, kind: concentrated-liquidity, fee: 0.05%, positions: [{ range: [2400, 3600], liquidity: 2.0e4 }] }"

    /// The same call hedged on a perp.
    static let perpHedger = """
        hedgeplan: 1
        name: perp-hedger
        underlying: ETH/USDC
        market: { spot: 3000, volatility: 60% }
        legs:
          - { id: c, side: short, type: call, strike: 3000, expiry: 7d, quantity: 5 }
        hedge:
          instrument: perp
          delta: { trigger: band, band: 0.05 }
        execution:
          venues:
            - { name: perp, kind: perp, fee: 0.05%, funding: 8% }
        """

    /// A member short `10` ETH of spot and hedged on a fee-free perp: its hedge is a
    /// 10-ETH long perp position, opened on the first tick.
    /// The shared venues of the cascade tests: a fee-free pool of 100 ETH and 300,000 USDC
    /// (k = 3e7), and a perp marked to it with 5% initial and 4% maintenance margin.
    static let marginedPerpOnAThinPool = """
        venues:
          - { name: univ2, kind: constant-product, reserves: { base: 100, quote: 300000 }, fee: 0% }
          - { name: perp, kind: perp, fee: 0%, mark: univ2, margin: { initial: 5%, maintenance: 4% } }
        """

    static func shortSpotMember(_ name: String) -> String {
        """
        hedgeplan: 1
        name: \(name)
        underlying: ETH/USDC
        market: { spot: 3000, volatility: 60% }
        legs:
          - { id: s, side: short, type: spot, quantity: 10 }
        hedge:
          instrument: perp
          delta: { trigger: band, band: 0.1 }
        execution:
          venues:
            - { name: perp, kind: perp, fee: 0% }
        """
    }

    /// A deterministic wavy path: `count` one-minute ticks around 3000.
    static func csv(count: Int = 240, amplitude: Double = 0.03) -> String {
        var text = "timestamp,price\n"
        for i in 0..<count {
            let x = Double(i)
            let price = 3000 * (1 + amplitude * sin(x / 17) + amplitude / 3 * sin(x / 3.1))
            text += "\(1_764_000_000_000 + Int64(i) * 60_000),\(price)\n"
        }
        return text
    }

    static func setup(_ portfolio: String, members: [String: String]) throws -> PortfolioSetup {
        var files = members
        files["crowd.yaml"] = portfolio
        let folder = try PortfolioFileTests.Folder(files)
        let compiled = PortfolioCompiler.compile(path: "\(folder.path)/crowd.yaml", now: RuntimeFixtures.now)
        return try #require(compiled.setup, "\(compiled.diagnostics.map { "\($0.location): \($0.message)" })")
    }

    static func run(_ setup: PortfolioSetup, csv: String, order: MemberOrder = .fixed) throws -> (PortfolioResult, PortfolioRun) {
        var feed = try CSVFeed(text: csv, name: "test.csv", options: CSVFeedOptions())
        var run = PortfolioRun(setup: setup)
        run.order = order
        run.checksConservation = true
        let result = try run.run(&feed)
        return (result, run)
    }

    static func dryRun(_ plan: HedgingPlan, csv: String) throws -> RunResult {
        var feed = try CSVFeed(text: csv, name: "test.csv", options: CSVFeedOptions())
        var interpreter = Interpreter(plan: plan)
        return try interpreter.run(&feed)
    }

    static func cents(_ x: Double) -> Double { (x * 100).rounded() / 100 }

    @Test(arguments: ["spot", "perp", "concentrated"])
    func oneMemberWithOneCopyIsItsOwnDryRun(hedger: String) throws {
        let strategy = ["spot": Self.spotHedger, "perp": Self.perpHedger, "concentrated": Self.concentratedHedger][hedger]!
        let venue = [
            "spot": "{ name: univ2, kind: constant-product, reserves: { base: 1000, quote: 3000000 }, fee: 0.3% }",
            "perp": "{ name: perp, kind: perp, fee: 0.05%, funding: 8% }",
            "concentrated": Self.concentratedPool,
        ][hedger]!
        let setup = try Self.setup("""
            hedgeplan: 1
            portfolio: alone
            members:
              - { strategy: member.yaml }
            venues:
              - \(venue)
            """, members: ["member.yaml": strategy])
        let (portfolio, _) = try Self.run(setup, csv: Self.csv())
        let own = try Self.dryRun(setup.members[0].plan, csv: Self.csv())
        let member = portfolio.members[0]
        #expect(own.hedges > 10)
        #expect(member.hedges == own.hedges)
        #expect(Self.cents(member.pnl.total) == Self.cents(own.pnl.total))
        for (mine, theirs) in zip(member.pnl.named, own.pnl.named) {
            #expect(Self.cents(mine.amount) == Self.cents(theirs.amount), "\(mine.name)")
        }
        #expect(portfolio.crowd.inducedRebalances == 0)
        #expect(portfolio.crowd.liquidations == 0)
        #expect(abs(portfolio.crowd.volume - own.hedgeVolume) < 1e-9)
    }

    @Test(arguments: [MemberOrder.fixed, .shuffle(seed: 7)])
    func everyTokenIsAccountedForOnEveryTick(order: MemberOrder) throws {
        let setup = try Self.setup("""
            hedgeplan: 1
            portfolio: conserved
            members:
              - { strategy: spot.yaml, copies: 3 }
              - { strategy: perp.yaml, copies: 2, collateral: 2000 }
            venues:
              - { name: univ2, kind: constant-product, reserves: { base: 200, quote: 600000 }, fee: 0.3% }
              - { name: perp, kind: perp, fee: 0.05%, mark: univ2, margin: { initial: 10%, maintenance: 5% } }
            arbitrage: 40%
            """, members: ["spot.yaml": Self.spotHedger, "perp.yaml": Self.perpHedger])
        let (result, run) = try Self.run(setup, csv: Self.csv(amplitude: 0.08), order: order)
        #expect(run.conservationChecks == result.ticks)
        #expect(run.conservationFailures.isEmpty, "\(run.conservationFailures.prefix(3))")
        // The check had something to check: the crowd traded the pool and arbitrage moved it.
        #expect(result.members[0].volume > 1)
        #expect(result.arbitrageurTokens != .zero)
        #expect(result.crowd.maxPoolDeviationBps > 1)
    }

    /// A shared concentrated pool: spot hedgers trade through it, a perp marks to it and its
    /// margined hedgers are liquidated through it, arbitrage re-mints its positions part of
    /// the way to the feed; every raw token is still accounted for on every tick.
    @Test(arguments: [MemberOrder.fixed, .shuffle(seed: 3)])
    func everyTokenIsAccountedForThroughASharedConcentratedPool(order: MemberOrder) throws {
        let setup = try Self.setup("""
            hedgeplan: 1
            portfolio: conserved-v3
            members:
              - { strategy: spot.yaml, copies: 3 }
              - { strategy: perp.yaml, copies: 2, collateral: 700 }
            venues:
              - \(Self.concentratedPool)
              - { name: perp, kind: perp, fee: 0.05%, mark: univ3, margin: { initial: 10%, maintenance: 5% } }
            arbitrage: 40%
            """, members: ["spot.yaml": Self.concentratedHedger, "perp.yaml": Self.perpHedger])
        let (result, run) = try Self.run(setup, csv: Self.csv(amplitude: 0.08), order: order)
        #expect(run.conservationChecks == result.ticks)
        #expect(run.conservationFailures.isEmpty, "\(run.conservationFailures.prefix(3))")
        #expect(result.members[0].volume > 1)
        #expect(result.arbitrageurTokens != .zero)
        #expect(result.crowd.maxPoolDeviationBps > 1)
        // The perp hedgers, marked to the shallow pool the crowd moves, were liquidated through it.
        #expect(result.crowd.liquidations > 0)
        #expect(result.poolTrack?.pools == ["univ3"])
    }

    /// The same spot hedger alone, and in crowds of 4 and 16 on a 400-ETH pool: each copy
    /// pays more price impact when the others trade the same pool in the same tick
    /// (arbitrage closes only half of the gap between ticks).
    @Test func slippagePerCopyGrowsWithTheCrowd() throws {
        var perCopy: [Double] = []
        for copies in [1, 4, 16] {
            let setup = try Self.setup("""
                hedgeplan: 1
                portfolio: shallow
                members:
                  - { strategy: spot.yaml, copies: \(copies) }
                venues:
                  - { name: univ2, kind: constant-product, reserves: { base: 400, quote: 1200000 }, fee: 0.3% }
                arbitrage: 50%
                """, members: ["spot.yaml": Self.spotHedger])
            let (result, run) = try Self.run(setup, csv: Self.csv())
            #expect(run.conservationFailures.isEmpty)
            perCopy.append(-result.members[0].pnl.slippage / Double(copies))
        }
        #expect(perCopy[0] > 0)
        #expect(perCopy[1] > perCopy[0] * 1.5, "\(perCopy)")
        #expect(perCopy[2] > perCopy[1] * 1.5, "\(perCopy)")
    }

    /// Two members each short 10 ETH of spot and long 10 ETH of perp (their hedge), the
    /// perp marked to a fee-free pool of 100 ETH and 300,000 USDC (k = 3e7), margin 5%
    /// initial and 4% maintenance. A posts 1,600 USDC, B 2,500.
    ///
    /// Perp equity at mark m is collateral + 10 (m − 3000); maintenance is 0.04 × 10 × m.
    /// A falls below it under m = 28,400 / 9.6 = 2958.33, B under 27,500 / 9.6 = 2864.58.
    /// The feed drops to 2950: arbitrage (100%) brings the pool there (x = √(k/2950) =
    /// 100.84390, y = √(k·2950) = 297,489.50). A (equity 1,100 < 1,180) is liquidated:
    /// selling 10 ETH into the pool gives x = 110.84390, y = k/x = 270,650.90, an average
    /// 2,683.86 and a new mark 2,441.73. At that mark B's equity is 2500 + 10 (2441.73 −
    /// 3000) = −3,082.70, below 976.69: B is liquidated in the same tick, one round deeper
    /// (depth 2), and its sale leaves x = 120.84390, y = 248,253.16: average 2,239.67,
    /// mark 2,054.34. B alone would have survived the drop (2950 > 2864.58).
    @Test func oneLiquidationLiquidatesAnotherThroughThePool() throws {
        let setup = try Self.setup("""
            hedgeplan: 1
            portfolio: cascade
            members:
              - { strategy: a.yaml, collateral: 1600 }
              - { strategy: b.yaml, collateral: 2500 }
            \(Self.marginedPerpOnAThinPool)
            """, members: ["a.yaml": Self.shortSpotMember("a"), "b.yaml": Self.shortSpotMember("b")])
        let csv = "timestamp,price\n1764000000000,3000\n1764000060000,2950\n1764000120000,2950\n"
        let (result, run) = try Self.run(setup, csv: csv)
        #expect(run.conservationFailures.isEmpty)
        #expect(result.crowd.liquidations == 2)
        #expect(result.crowd.maxCascadeDepth == 2)
        let events = result.liquidationEvents
        try #require(events.count == 2)
        #expect(events[0].member == "a.yaml" && events[0].tickIndex == 1 && events[0].depth == 1)
        #expect(abs(events[0].position - 10) < 1e-9)
        #expect(abs(events[0].mark - 2950) < 1e-6)
        #expect(abs(events[0].equity - 1100) < 1e-6)
        #expect(abs(events[0].averagePrice - 2683.86) < 0.01)
        #expect(abs(events[0].markAfter - 2441.73) < 0.01)
        #expect(events[1].member == "b.yaml" && events[1].tickIndex == 1 && events[1].depth == 2)
        #expect(abs(events[1].mark - 2441.73) < 0.01)
        #expect(abs(events[1].equity - -3082.70) < 0.01)
        #expect(abs(events[1].averagePrice - 2239.67) < 0.01)
        #expect(abs(events[1].markAfter - 2054.34) < 0.01)
        #expect(result.members.map(\.liquidations) == [1, 1])
        // Before the crash each opened its hedge once; liquidated, neither hedges again.
        #expect(result.members.map(\.hedges) == [1, 1])
        // The pool sits 30.4% under the feed after the cascade.
        #expect(abs(result.crowd.maxPoolDeviationBps - (1 - 2054.3376 / 2950) * 10_000) < 0.1)
    }

    /// The same drop with two copies of A before B. Both copies of A are below maintenance at
    /// the tick's mark of 2950 (equity 1,100 < 1,180), so the second copy's close is not the
    /// first's doing: both are round 1, though the first's sale moved the mark to 2,441.73
    /// before the second was checked. The second sells 10 ETH from x = 110.84390 to
    /// 120.84390 (average 2,239.67, mark after 2,054.34). B was above maintenance at 2950
    /// (equity 2,000 > 1,180) and below at 2,441.73: the first copy's close pushed it under,
    /// so B is round 2, and the cascade's depth is 2 (a count of closes would say 3). B sells
    /// from x = 120.84390 to 130.84390: average 1,897.33, mark after 1,752.32.
    @Test func copiesAlreadyUnderMaintenanceAreOneRound() throws {
        let setup = try Self.setup("""
            hedgeplan: 1
            portfolio: cascade
            members:
              - { strategy: a.yaml, copies: 2, collateral: 1600 }
              - { strategy: b.yaml, collateral: 2500 }
            \(Self.marginedPerpOnAThinPool)
            """, members: ["a.yaml": Self.shortSpotMember("a"), "b.yaml": Self.shortSpotMember("b")])
        let csv = "timestamp,price\n1764000000000,3000\n1764000060000,2950\n1764000120000,2950\n"
        let (result, run) = try Self.run(setup, csv: csv)
        #expect(run.conservationFailures.isEmpty)
        let events = result.liquidationEvents
        try #require(events.count == 3)
        #expect(events.map(\.member) == ["a.yaml", "a.yaml", "b.yaml"])
        #expect(events.map(\.copy) == [0, 1, 0])
        #expect(events.map(\.depth) == [1, 1, 2])
        #expect(abs(events[0].mark - 2950) < 1e-6 && abs(events[0].equity - 1100) < 1e-6)
        #expect(abs(events[1].mark - 2441.73) < 0.01 && abs(events[1].equity - -3982.70) < 0.01)
        #expect(abs(events[1].averagePrice - 2239.67) < 0.01 && abs(events[1].markAfter - 2054.34) < 0.01)
        #expect(abs(events[2].mark - 2054.34) < 0.01 && abs(events[2].equity - -6956.62) < 0.01)
        #expect(abs(events[2].averagePrice - 1897.33) < 0.01 && abs(events[2].markAfter - 1752.32) < 0.01)
        #expect(result.crowd.liquidations == 3)
        #expect(result.crowd.maxCascadeDepth == 2)
    }

    /// Short 10 calls (strike 3000, 30 days, 60%, no rate) with a long spot leg of their
    /// delta at 3000 (10 N(d1) = 5.3427 ETH), hedged with spot on a fee-free pool of 20 ETH
    /// and 60,000 USDC: nothing to trade at the first tick. One copy has a 0.2 ETH band, two
    /// copies a 0.8 band. The feed moves to 3050: every copy is 10 (N(d1) at 3050 − N(d1) at
    /// 3000) = 0.38 ETH short of delta, so only the 0.2 band trades, buying 0.38 ETH from
    /// the pool, whose mid goes to 3050 (20 / (20 − 0.38))² = 3,169.2. At that mid the others
    /// are 1.23 ETH short: both rebalance, induced. The second 0.8 copy would have rebalanced
    /// after the first copy's trade alone, before the other 0.8 copy's: it is round 1, like
    /// it, not round 2 (each induced rebalance is one round deeper than the trade that pushed
    /// it over its band, not than every trade before it).
    @Test func anInducedRebalanceIsOneRoundDeeperThanTheTradeThatPushedIt() throws {
        func member(_ name: String, band: Double) -> String {
            """
            hedgeplan: 1
            name: \(name)
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60%, rate: 0% }
            legs:
              - { id: c, side: short, type: call, strike: 3000, expiry: 30d, quantity: 10 }
              - { id: s, side: long, type: spot, quantity: 5.3427 }
            hedge:
              instrument: spot
              delta: { trigger: band, band: \(band) }
            execution:
              venues:
                - { name: univ2, kind: constant-product, reserves: { base: 20, quote: 60000 }, fee: 0% }
            """
        }
        let setup = try Self.setup("""
            hedgeplan: 1
            portfolio: induced
            members:
              - { strategy: narrow.yaml }
              - { strategy: wide.yaml, copies: 2 }
            venues:
              - { name: univ2, kind: constant-product, reserves: { base: 20, quote: 60000 }, fee: 0% }
            """, members: ["narrow.yaml": member("narrow", band: 0.2), "wide.yaml": member("wide", band: 0.8)])
        let csv = "timestamp,price\n1764000000000,3000\n1764000060000,3050\n1764000120000,3050\n"
        let (result, run) = try Self.run(setup, csv: csv)
        #expect(run.conservationFailures.isEmpty)

        let years = 30.0 / 365, later = years - 60.0 / (365 * 86_400)
        let opening = 10 * HandBlackScholes.callDelta(spot: 3000, strike: 3000, volatility: 0.6, years: years)
        let shortfall = { (spot: Double) in
            10 * HandBlackScholes.callDelta(spot: spot, strike: 3000, volatility: 0.6, years: later) - opening
        }
        #expect(abs(opening - 5.3427) < 1e-4)
        let first = shortfall(3050)
        #expect(first > 0.2 && first < 0.8, "\(first)")
        #expect(abs(result.members[0].volume - first) < 1e-3, "\(result.members[0].volume) against \(first)")
        let base = 20 * (3000 / 3050.0).squareRoot()  // the pool arbitraged to 3050, k kept
        let pushed = 3050 * pow(base / (base - result.members[0].volume), 2)
        #expect(shortfall(pushed) > 0.8, "\(pushed)")

        #expect(result.members.map(\.hedges) == [1, 2])
        #expect(result.crowd.inducedRebalances == 2)
        #expect(result.crowd.maxCascadeDepth == 1)
    }

    /// A basis trade: long 10 ETH of spot and short 10 ETH of perp as its structure (no
    /// hedge trade: its delta is zero), on the margined perp marked to the fee-free pool of
    /// 100 ETH and 300,000 USDC (k = 3e7), 1,600 USDC of collateral, maintenance 4%.
    ///
    /// The structure's perp leg is in the margin account: equity at mark m is 1600 − 10 (m −
    /// 3000), below 0.04 × 10 × m over m = 31,600 / 10.4 = 3038.46. The feed rises to 3050
    /// (equity 1,100 < 1,220): the short is closed by buying 10 ETH through the pool at
    /// x = √(k/3050) = 99.17694, y = 302,489.67: x' = 89.17694, y' = k/x' = 336,409.84,
    /// 33,920.17 paid, an average 3,392.02 and a mark after of 3,772.39. At the last tick
    /// (3050) the spot and perp legs cancel and the forced close cost 10 × (3,392.02 − 3050):
    /// −3,420.17 USDC in all.
    @Test func aStructuresPerpLegIsMarginedAndLiquidated() throws {
        let basis = """
            hedgeplan: 1
            name: basis
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60% }
            legs:
              - { id: s, side: long, type: spot, quantity: 10 }
              - { id: p, side: short, type: perp, quantity: 10 }
            hedge:
              instrument: perp
              delta: { trigger: band, band: 1 }
            execution:
              venues:
                - { name: perp, kind: perp, fee: 0% }
            """
        let setup = try Self.setup("""
            hedgeplan: 1
            portfolio: basis
            members:
              - { strategy: basis.yaml, collateral: 1600 }
            \(Self.marginedPerpOnAThinPool)
            """, members: ["basis.yaml": basis])
        let csv = "timestamp,price\n1764000000000,3000\n1764000060000,3030\n1764000120000,3050\n1764000180000,3050\n"
        let (result, run) = try Self.run(setup, csv: csv)
        #expect(run.conservationFailures.isEmpty)
        let events = result.liquidationEvents
        try #require(events.count == 1, "\(result.members)")
        // Not at 3030 (above the threshold 3038.46 only from 3050 on).
        #expect(events[0].tickIndex == 2)
        #expect(abs(events[0].position - -10) < 1e-9)
        #expect(abs(events[0].equity - 1100) < 1e-6)
        #expect(abs(events[0].averagePrice - 3392.02) < 0.01)
        #expect(abs(events[0].markAfter - 3772.39) < 0.01)
        #expect(result.members[0].hedges == 0)
        #expect(abs(result.members[0].pnl.total - -3420.17) < 0.01)
    }

    /// B alone on the same drop keeps its position: the cascade above is A's doing.
    @Test func theSecondMemberAloneSurvivesTheDrop() throws {
        let member = Self.shortSpotMember("b")
        let setup = try Self.setup("""
            hedgeplan: 1
            portfolio: alone
            members:
              - { strategy: b.yaml, collateral: 2500 }
            \(Self.marginedPerpOnAThinPool)
            """, members: ["b.yaml": member])
        let (result, _) = try Self.run(setup, csv: "timestamp,price\n1764000000000,3000\n1764000060000,2950\n")
        #expect(result.crowd.liquidations == 0)
        #expect(result.crowd.maxCascadeDepth == 0)
    }

    /// Initial margin 5% at mark 3000 and 300 USDC of collateral allow 300 / (0.05 × 3000)
    /// = 2 ETH of perp: the hedge of a 10-ETH short stops there.
    @Test func theInitialMarginCapsAGrowingHedge() throws {
        let member = Self.shortSpotMember("capped")
        let setup = try Self.setup("""
            hedgeplan: 1
            portfolio: capped
            members:
              - { strategy: m.yaml, collateral: 300 }
            venues:
              - { name: univ2, kind: constant-product, reserves: { base: 100, quote: 300000 }, fee: 0% }
              - { name: perp, kind: perp, fee: 0%, mark: univ2, margin: { initial: 5%, maintenance: 1% } }
            """, members: ["m.yaml": member])
        let (result, _) = try Self.run(setup, csv: "timestamp,price\n1764000000000,3000\n1764000060000,3000\n")
        #expect(abs(result.members[0].volume - 2) < 1e-9)
        #expect(result.crowd.liquidations == 0)
    }
}
