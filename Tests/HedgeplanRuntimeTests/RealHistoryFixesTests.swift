import Feeds
import Foundation
import PlanFormat
import Testing
@testable import HedgeplanRuntime

/// Issue 10's findings on real history, each reproduced on a feed small enough to check by
/// hand: strikes of the first cycle, the drawdown base, price moves across a step.
struct RealHistoryFixesTests {
    static let t0 = EngineTests.t0
    static let day = EngineTests.day

    static func coveredCall(strike: String) -> String {
        """
        hedgeplan: 1
        name: covered-call
        underlying: ETH/USDC
        market: { spot: 3000, volatility: 60%, rate: 0% }
        legs:
          - { id: hold, side: long, type: spot, quantity: 1 }
          - { id: cc, side: short, type: call, strike: \(strike), expiry: 1d, quantity: 1 }
        """
    }

    /// A "+10%" call compiled at 3000 and run on a feed that starts at 400 is struck at 440
    /// (not 3300): settled at 450 it pays 10. The premium is the model's at 400. The spot leg
    /// enters at the feed's 400, so it gains 50.
    @Test func ruleStrikesOfTheFirstCycleAreResolvedAtTheFeedsPrice() throws {
        let plan = try InterpreterTests.plan(Self.coveredCall(strike: "\"+10%\""))
        let result = try InterpreterTests.run(plan, csv: EngineTests.csv([(Self.t0, 400), (Self.t0 + Self.day, 450)]))
        let premium = HandBlackScholes.call(spot: 400, strike: 440, volatility: 0.6, years: 1.0 / 365)
        #expect(abs(result.pnl.options - (premium - 10)) < 1e-9)
        #expect(abs(result.pnl.underlying - 50) < 1e-12)
        #expect(result.notes.contains { $0.contains("resolved at the feed's first price 400.00") && $0.contains("cc 3300.00 -> 440.00") })
    }

    /// An absolute 3300 strike against a feed at 400 (7.5x away) is refused with a message
    /// naming `--rebase`; with it the strike is scaled by 400/3000 to 440.
    @Test func absoluteStrikesFarFromTheFeedAreRefusedOrRebased() throws {
        let plan = try InterpreterTests.plan(Self.coveredCall(strike: "3300"))
        let csv = EngineTests.csv([(Self.t0, 400), (Self.t0 + Self.day, 450)])
        var feed = try CSVFeed(text: csv, name: "t.csv")
        var refusing = Interpreter(plan: plan)
        #expect {
            _ = try refusing.run(&feed)
        } throws: { error in
            "\(error)".contains("--rebase") && "\(error)".contains("3300.00")
        }
        var rebasedFeed = try CSVFeed(text: csv, name: "t.csv")
        var rebasing = Interpreter(plan: plan)
        rebasing.options = RunOptions(rebasesAbsoluteStrikes: true)
        let result = try rebasing.run(&rebasedFeed)
        let premium = HandBlackScholes.call(spot: 400, strike: 440, volatility: 0.6, years: 1.0 / 365)
        #expect(abs(result.pnl.options - (premium - 10)) < 1e-9)
    }

    /// Long 10 ETH compiled at 3000: its defined max loss is 30,000 USDC (spot to zero), so
    /// the drawdown base is 30,000 × S / 3000 = 10 S in current prices. Up to 3300 (P&L
    /// +3,000, the peak), then 2800: drawdown 5,000 / 28,000 = 17.9% < 20%, no trip; then
    /// 2700: 6,000 / 27,000 = 22.2% > 20%, trip.
    @Test func drawdownIsMeasuredFromThePeakOnTheCapitalBaseInCurrentPrices() throws {
        let plan = try InterpreterTests.plan("""
            hedgeplan: 1
            name: drawdown
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60% }
            legs:
              - { side: long, type: spot, quantity: 10 }
            safety: { circuit_breakers: [{ when: drawdown, above: 20%, then: halt }] }
            """)
        #expect(plan.inception.maxLoss == 30_000)
        let rows: [(Int64, Double)] = [(Self.t0, 3000), (Self.t0 + 3_600_000, 3300), (Self.t0 + 7_200_000, 2800), (Self.t0 + 10_800_000, 2700)]
        let result = try InterpreterTests.run(plan, csv: EngineTests.csv(rows))
        let event = try #require(result.breakerEvents.first)
        #expect(result.breakerEvents.count == 1)
        #expect(event.time == Self.t0 + 10_800_000)
        #expect(abs(event.measured - 6000.0 / 27000) < 1e-12)
    }

    /// A −15% hourly candle (as on 2021-05-19) trips a 5-minute 10% rule: the move across
    /// the one-hour step counts against the window it spans, and the run notes that the
    /// window is shorter than the feed's step.
    @Test func aMoveAcrossOneStepCountsAgainstAShorterWindow() throws {
        let plan = try InterpreterTests.plan("""
            hedgeplan: 1
            name: candle
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60% }
            legs:
              - { side: long, type: spot, quantity: 1 }
            safety: { circuit_breakers: [{ when: price_move, window: 5m, above: 10%, then: halt }] }
            """)
        let rows: [(Int64, Double)] = [(Self.t0, 3000), (Self.t0 + 3_600_000, 3000), (Self.t0 + 7_200_000, 2550)]
        let result = try InterpreterTests.run(plan, csv: EngineTests.csv(rows))
        let event = try #require(result.breakerEvents.first)
        #expect(event.time == Self.t0 + 7_200_000)
        #expect(abs(event.measured - 0.15) < 1e-12)
        #expect(result.notes.contains("the price_move window (300 s) is shorter than the feed's step (3600 s): a move across one step counts against it"))
    }
}

/// Gamma scalping harvests a long-gamma book's convexity on a path that oscillates.
struct GammaScalpingTests {
    static func strategy(scalp: Bool) -> String {
        """
        hedgeplan: 1
        name: scalp
        underlying: ETH/USDC
        market: { spot: 3000, volatility: 60%, rate: 0% }
        structure:
          straddle: { side: long, quantity: 10, strike: atm, expiry: 30d }
        hedge:
          instrument: perp
          delta: { trigger: band, band: 1000 }
          gamma: { scalp: \(scalp) }
        execution: { venues: [{ name: perp, kind: perp, fee: 0.05% }] }
        """
    }

    /// Spot swings 3000 ↔ 3060 every hour for 20 hours; the band (1,000 ETH) never trades.
    /// With scalping, each 60-USDC move is beyond the break-even move (fee · S +
    /// √((fee · S)²) ≈ 3.06 USDC with no gas), so every tick after the first re-hedges to
    /// delta zero: the hedge is −Δᵢ after tick i, where Δᵢ = 10 (2 N(d1) − 1) is the
    /// straddle's delta (Black-Scholes, written out in the test). The hedge earns
    /// Σ −Δᵢ (Sᵢ₊₁ − Sᵢ) (selling after rises, buying after falls) and pays 0.05% of each
    /// trade's notional.
    @Test func scalpingHarvestsAnOscillatingPath() throws {
        let hour: Int64 = 3_600_000
        let prices = (0...20).map { $0 % 2 == 0 ? 3000.0 : 3060.0 }
        let rows = prices.enumerated().map { (EngineTests.t0 + Int64($0.offset) * hour, $0.element) }
        let csv = EngineTests.csv(rows)
        let scalped = try InterpreterTests.run(try InterpreterTests.plan(Self.strategy(scalp: true)), csv: csv)
        let plain = try InterpreterTests.run(try InterpreterTests.plan(Self.strategy(scalp: false)), csv: csv)

        func delta(_ spot: Double, hoursIn: Int) -> Double {
            let years = (30.0 * 24 - Double(hoursIn)) / (365 * 24)
            let sd = 0.6 * years.squareRoot()
            let d1 = log(spot / 3000) / sd + sd / 2
            return 10 * (2 * HandBlackScholes.normal(d1) - 1)
        }
        var hedgePnL = 0.0, fees = 0.0, position = 0.0
        for i in 1..<prices.count {
            let target = -delta(prices[i], hoursIn: i)
            fees += 0.0005 * abs(target - position) * prices[i]
            position = target
            if i + 1 < prices.count { hedgePnL += position * (prices[i + 1] - prices[i]) }
        }
        #expect(plain.hedges == 0)
        #expect(scalped.hedges == 20)
        #expect(abs(scalped.pnl.hedge - hedgePnL) < 1e-6, "hedge \(scalped.pnl.hedge) vs \(hedgePnL) by hand")
        #expect(abs(scalped.pnl.fees + fees) < 1e-6)
        // What it harvests: well above its fees, and the unhedged book earns nothing on the
        // round trips (its hedge component is zero).
        #expect(hedgePnL > 5 * fees)
        #expect(plain.pnl.hedge == 0)
    }
}
