import Feeds
import Foundation
import PlanFormat
import Testing
@testable import HedgeplanRuntime

/// The engine's phases on runs small enough to work out by hand. Option prices come from
/// `HandBlackScholes` below, written from the textbook formula with Foundation's `erfc`
/// (an implementation independent of the Pricing library).
struct EngineTests {
    static let t0: Int64 = 1_700_000_000_000
    static let minute: Int64 = 60_000
    static let day: Int64 = 86_400_000

    static func csv(_ rows: [(Int64, Double)], iv: [Double]? = nil) -> String {
        var text = iv == nil ? "timestamp,price\n" : "timestamp,price,iv\n"
        for (i, row) in rows.enumerated() {
            text += "\(row.0),\(row.1)" + (iv.map { ",\($0[i])" } ?? "") + "\n"
        }
        return text
    }

    // MARK: A perp hedge and the slippage cap

    /// One perp venue: a fee within `max_slippage` fills the whole request at the mark times
    /// (1 ± fee), with the fee on the notional; a fee above the cap fills nothing and the
    /// whole request is unfilled (a perp has no price impact, so its cost against the mid is
    /// its fee whatever the size). Two short 7-day ATM calls, band 0.1 ETH: the hedge buys
    /// about 1.07 ETH at the first tick and more after a 10% rise.
    @Test(arguments: [(fee: "0.5%", cap: "1%"), (fee: "0.5%", cap: "0.1%")])
    func aPerpHedgeFillsWholeAtMarkAndFeeOrNotAtAll(fee: String, cap: String) throws {
        let plan = try InterpreterTests.plan("""
            hedgeplan: 1
            name: perp-cap
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60%, rate: 0% }
            legs:
              - { id: c, side: short, type: call, strike: 3000, expiry: 7d, quantity: 2 }
            hedge: { instrument: perp, delta: { trigger: band, band: 0.1 } }
            execution: { venues: [{ name: perp, kind: perp, fee: \(fee) }], max_slippage: \(cap) }
            """)
        let rows: [(Int64, Double)] = [(Self.t0, 3000), (Self.t0 + Self.minute, 3300)]
        let result = try InterpreterTests.run(plan, csv: Self.csv(rows))
        let hedges = result.trades.filter { $0.reason == .rebalance }
        #expect(result.hedges == 2)
        if cap == "1%" {
            #expect(result.fills == 2 && result.unfilled == 0)
            for (trade, spot) in zip(hedges, [3000.0, 3300.0]) {
                #expect(trade.isBuy && trade.instrument == "perp")
                #expect(abs(trade.price - spot * 1.005) < 1e-9)
                #expect(abs(trade.fee - trade.quantity * spot * 0.005) < 1e-9)
            }
            #expect(abs(result.hedgeVolume - hedges.reduce(0) { $0 + $1.quantity }) < 1e-12)
        } else {
            #expect(result.fills == 0 && hedges.isEmpty && result.hedgeVolume == 0)
            // Both requests went unfilled: about 2 × 0.54 at 3,000, then the larger delta at 3,300.
            #expect(result.unfilled > 2 * 0.5 + 2 * 0.5)
        }
    }

    // MARK: Breaker actions

    /// A 20% move inside 5 minutes with `then: pause, for: 10m` on a short 7-day ATM
    /// straddle: the move pushes its delta from about −0.03 (inside the 0.1 band) to about
    /// −0.97 (d1 = ln 1.2 / (0.6 √(7/365)) + 0.04 ≈ 2.2), but the tick that trips does not
    /// trade, nor does the next one inside the pause; the first tick at the pause's end
    /// (11 minutes) rebalances.
    @Test func pauseStopsTradingForItsDuration() throws {
        let plan = try InterpreterTests.plan("""
            hedgeplan: 1
            name: pause
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60%, rate: 0% }
            structure:
              straddle: { side: short, quantity: 1, strike: atm, expiry: 7d }
            hedge: { instrument: perp, delta: { trigger: band, band: 0.1 } }
            execution: { venues: [{ name: perp, kind: perp, fee: 0% }] }
            safety: { circuit_breakers: [{ when: price_move, window: 5m, above: 10%, then: pause, for: 10m }] }
            """)
        let rows: [(Int64, Double)] = [
            (Self.t0, 3000), (Self.t0 + Self.minute, 3600), (Self.t0 + 6 * Self.minute, 3600), (Self.t0 + 11 * Self.minute, 3600),
        ]
        let recorder = RecordingObserver()
        var feed = try CSVFeed(text: Self.csv(rows), name: "t.csv")
        var interpreter = Interpreter(plan: plan, observer: recorder)
        let result = try interpreter.run(&feed)
        #expect(result.breakerEvents.map(\.action) == ["pause"])
        #expect(result.breakerEvents.first?.time == Self.t0 + Self.minute)
        #expect(recorder.rebalances.map(\.time) == [Self.t0 + 11 * Self.minute])
        let before = try #require(recorder.rebalances.first?.netDeltaBefore)
        #expect(before < -0.9 && before > -1)
    }

    /// A roll is a trade, so a pause holds it too: a daily put roll due at 24 h while a 3 h
    /// pause tripped at that tick (a 3 h hole in an hourly feed) waits for the pause's end
    /// and rolls at 27 h; the next roll counts from it, at 51 h. The put that expired at
    /// 24 h still settles then: settlement is not a trade the book makes.
    @Test func aPauseHoldsARollDueDuringItUntilItEnds() throws {
        let plan = try HourlyProtectivePut.plan(roll: 1, onStaleFeed: "pause, for: 3h")
        let (t0, hour) = (HourlyProtectivePut.t0, HourlyProtectivePut.hour)
        let result = try InterpreterTests.run(plan, csv: HourlyProtectivePut.feed(hours: 60, missing: 22...23))
        #expect(result.breakerEvents.map(\.action) == ["pause"])
        #expect(result.breakerEvents.first?.time == t0 + 24 * hour)
        #expect(result.trades.filter { $0.reason == .roll && $0.instrument == "put" }.map(\.time) == [t0 + 27 * hour, t0 + 51 * hour])
        #expect(result.trades.filter { $0.reason == .settle }.map(\.time) == [t0 + 24 * hour, t0 + 51 * hour])
    }

    /// `flatten` closes everything: a short 1-day ATM call (σ 60%, r 0) is bought back at the
    /// model price when a 15% rise trips the breaker, and the P&L stays constant afterwards
    /// even as the price keeps rising.
    @Test func flattenClosesEveryPositionAndFreezesThePnL() throws {
        let plan = try InterpreterTests.plan("""
            hedgeplan: 1
            name: flatten
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60%, rate: 0% }
            legs:
              - { id: c, side: short, type: call, strike: 3000, expiry: 2d, quantity: 1 }
            safety: { circuit_breakers: [{ when: price_move, window: 1h, above: 10%, then: flatten }] }
            """)
        let rows: [(Int64, Double)] = [
            (Self.t0, 3000), (Self.t0 + 30 * Self.minute, 3450), (Self.t0 + 40 * Self.minute, 4000), (Self.t0 + Self.day, 5000),
        ]
        let result = try InterpreterTests.run(plan, csv: Self.csv(rows))
        #expect(result.breakerEvents.map(\.action) == ["flatten"])
        let years0 = 2.0 / 365
        let years1 = years0 - 30.0 / (365 * 24 * 60)
        let premium = HandBlackScholes.call(spot: 3000, strike: 3000, volatility: 0.6, years: years0)
        let buyback = HandBlackScholes.call(spot: 3450, strike: 3000, volatility: 0.6, years: years1)
        // Received the premium, paid the buy-back; nothing is open after it.
        #expect(abs(result.pnl.options - (premium - buyback)) < 1e-6)
        #expect(abs(result.pnl.total - (premium - buyback)) < 1e-6)
        let total = try #require(result.series.line("total"))
        let afterTrip = zip(total.times, total.values).filter { $0.0 >= Self.t0 + 30 * Self.minute }.map(\.1)
        #expect(afterTrip.allSatisfy { abs($0 - (premium - buyback)) < 1e-6 }, "P&L constant after flatten: \(afterTrip)")
    }

    /// The drawdown breaker acts on the equity before the tick trades. A short 2-day ATM
    /// call (σ 60%, r 0), delta-hedged on a perp (0.05% fee) every hour; ETH jumps 20% in the
    /// first hour. Before trading, the book has lost C₁ − P₀ − Δ₀·600 + the first fee, more
    /// than 5% of its capital base (a naked call: its notional, 1 × 3600), so it is flattened
    /// at once: the hedge sells back the Δ₀ it bought, and the hour's rebalance (Δ₁ − Δ₀ more,
    /// bought only to be sold back, with two fees) never happens.
    @Test func aDrawdownFlattensBeforeTheTicksHedgeTrades() throws {
        let plan = try InterpreterTests.plan("""
            hedgeplan: 1
            name: drawdown-first
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60%, rate: 0% }
            legs:
              - { id: c, side: short, type: call, strike: 3000, expiry: 2d, quantity: 1 }
            hedge: { instrument: perp, delta: { trigger: interval, interval: 1h } }
            execution: { venues: [{ name: perp, kind: perp, fee: 0.05% }] }
            safety: { circuit_breakers: [{ when: drawdown, above: 5%, then: flatten }] }
            """)
        let hour: Int64 = 3_600_000
        let rows: [(Int64, Double)] = [(Self.t0, 3000), (Self.t0 + hour, 3600), (Self.t0 + 2 * hour, 3700)]
        let recorder = RecordingObserver()
        var feed = try CSVFeed(text: Self.csv(rows), name: "t.csv")
        var interpreter = Interpreter(plan: plan, observer: recorder)
        interpreter.checksInvariant = true
        let result = try interpreter.run(&feed)
        let years0 = 2.0 / 365, years1 = years0 - 1.0 / (365 * 24)
        let premium = HandBlackScholes.call(spot: 3000, strike: 3000, volatility: 0.6, years: years0)
        let delta0 = HandBlackScholes.callDelta(spot: 3000, strike: 3000, volatility: 0.6, years: years0)
        let buyback = HandBlackScholes.call(spot: 3600, strike: 3000, volatility: 0.6, years: years1)
        let firstFee = 0.0005 * delta0 * 3000
        let lossBeforeTrading = buyback - premium - delta0 * 600 + firstFee
        #expect(recorder.rebalances.map(\.time) == [Self.t0], "no rebalance at the tick that flattens")
        #expect(abs(recorder.rebalances[0].requested - delta0) < 1e-9)
        #expect(recorder.breakers.map(\.action) == ["flatten"])
        #expect(abs(recorder.breakers[0].measured - lossBeforeTrading / 3600) < 1e-9)
        let hedges = result.trades.filter { $0.instrument == "perp" }
        #expect(hedges.map(\.reason) == [.rebalance, .breaker])
        #expect(abs(hedges[1].quantity - delta0) < 1e-9)
        let fees = 0.0005 * delta0 * (3000 + 3600)
        #expect(abs(result.pnl.fees + fees) < 1e-9)
        #expect(abs(result.pnl.total - (premium - buyback + delta0 * 600 - fees)) < 1e-6)
        #expect(interpreter.worstInvariantError < 1e-9)
    }

    /// `halt` stops hedging but keeps the positions: the same short call keeps losing.
    @Test func haltKeepsPositionsOpen() throws {
        let plan = try InterpreterTests.plan("""
            hedgeplan: 1
            name: halt
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60%, rate: 0% }
            legs:
              - { id: c, side: short, type: call, strike: 3000, expiry: 2d, quantity: 1 }
            safety: { circuit_breakers: [{ when: price_move, window: 1h, above: 10%, then: halt }] }
            """)
        let rows: [(Int64, Double)] = [(Self.t0, 3000), (Self.t0 + 30 * Self.minute, 3450), (Self.t0 + 2 * Self.day, 5000)]
        let result = try InterpreterTests.run(plan, csv: Self.csv(rows))
        #expect(result.breakerEvents.map(\.action) == ["halt"])
        let premium = HandBlackScholes.call(spot: 3000, strike: 3000, volatility: 0.6, years: 2.0 / 365)
        // Settled at expiry: 5000 − 3000 = 2000 paid.
        #expect(abs(result.pnl.total - (premium - 2000)) < 1e-6)
    }

    // MARK: Slicing and routing

    /// A 5 ETH hedge with `slicing: { max_child: 2, every: 30s }` goes out as 2, 2 and 1 ETH
    /// at 0 s, 30 s and 60 s, each re-aimed at the goal; the fee is 0.05% of each child's
    /// notional at a flat 3000: 7.50 USDC in all.
    @Test func slicedChildOrders() throws {
        let plan = try InterpreterTests.plan("""
            hedgeplan: 1
            name: sliced
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60% }
            legs:
              - { side: long, type: spot, quantity: 5 }
            hedge: { instrument: perp, delta: { trigger: band, band: 0.1 } }
            execution:
              venues: [{ name: perp, kind: perp, fee: 0.05% }]
              slicing: { max_child: 2, every: 30s }
            """)
        let rows = (0...9).map { (Self.t0 + Int64($0) * 10_000, 3000.0) }
        let recorder = RecordingObserver()
        var feed = try CSVFeed(text: Self.csv(rows), name: "t.csv")
        var interpreter = Interpreter(plan: plan, observer: recorder)
        let result = try interpreter.run(&feed)
        #expect(recorder.rebalances.map(\.requested) == [-2, -2, -1])
        #expect(recorder.rebalances.map(\.time) == [Self.t0, Self.t0 + 30_000, Self.t0 + 60_000])
        #expect(result.hedges == 1 && result.fills == 3)
        #expect(abs(result.finalHedgePosition + 5) < 1e-12)
        #expect(abs(result.pnl.fees + 7.5) < 1e-9)
    }

    /// The same slicing on an hourly feed: the children due before the next tick go at the
    /// decision's tick, as a desk would send them within a minute. Long 5 ETH against a short
    /// 5 calls struck at 1000 (deep in the money: delta 1, so the book is flat) that expire
    /// after an hour; at the settlement the book is long 5 ETH, and the 5 ETH perp hedge goes
    /// out as 2, 2 and 1 ETH in that hour, at 3000. ETH then falls to 2800: the underlying
    /// loses 5 × 200 = 1000, the hedge gains as much, and the run costs its fees, 0.05% of
    /// 5 × 3000 = 7.50 USDC. Sent one child an hour (before), the hedge was 2, 4 and 5 ETH
    /// short through the fall, gained 2 × 200 + 2 × 100 = 600 against 1000, and lost 407.30.
    @Test func slicedChildOrdersOnACoarseFeedGoInOneTick() throws {
        let plan = try InterpreterTests.plan("""
            hedgeplan: 1
            name: sliced-hourly
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60%, rate: 0% }
            legs:
              - { side: long, type: spot, quantity: 5 }
              - { id: c, side: short, type: call, strike: 1000, expiry: 1h, quantity: 5 }
            hedge: { instrument: perp, delta: { trigger: band, band: 0.1 } }
            execution:
              venues: [{ name: perp, kind: perp, fee: 0.05% }]
              slicing: { max_child: 2, every: 30s }
            """)
        let hour: Int64 = 3_600_000
        let rows = [(Self.t0, 3000.0), (Self.t0 + hour, 3000), (Self.t0 + 2 * hour, 2900), (Self.t0 + 3 * hour, 2800)]
        let recorder = RecordingObserver()
        var feed = try CSVFeed(text: Self.csv(rows), name: "t.csv")
        var interpreter = Interpreter(plan: plan, observer: recorder)
        let result = try interpreter.run(&feed)
        #expect(recorder.rebalances.map(\.requested) == [-2, -2, -1])
        #expect(recorder.rebalances.map(\.time) == [Self.t0 + hour, Self.t0 + hour, Self.t0 + hour])
        #expect(result.hedges == 1 && result.fills == 3)
        #expect(abs(result.pnl.underlying + 1000) < 1e-9)
        #expect(abs(result.pnl.hedge - 1000) < 1e-9)
        #expect(abs(result.pnl.total + 7.5) < 1e-9)
        #expect(result.notes.contains(
            "child orders are spaced 30 s apart, less than the feed's step (3600 s): those due before the next tick went at the same tick, at its price"))
    }

    /// `routing: split` across two constant-product pools with equal fees and the same price
    /// divides a hedge in proportion to their base reserves (equal marginal prices after the
    /// trade: X₁/(X₁ − b₁) = X₂/(X₂ − b₂) ⇔ b₁/X₁ = b₂/X₂): 6 ETH over reserves of 1,000 and
    /// 2,000 ETH is 2 and 4 ETH.
    @Test func splitRouteEqualisesMarginalPrices() throws {
        let plan = try InterpreterTests.plan("""
            hedgeplan: 1
            name: split
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60% }
            legs:
              - { side: short, type: spot, quantity: 6 }
            hedge: { instrument: spot, delta: { trigger: band, band: 0.1 } }
            execution:
              venues:
                - { name: small, kind: constant-product, reserves: { base: 1000, quote: 3000000 }, fee: 0.30% }
                - { name: large, kind: constant-product, reserves: { base: 2000, quote: 6000000 }, fee: 0.30% }
              routing: split
              max_slippage: 5%
            """)
        let recorder = RecordingObserver()
        var feed = try CSVFeed(text: Self.csv([(Self.t0, 3000), (Self.t0 + 60_000, 3000)]), name: "t.csv")
        var interpreter = Interpreter(plan: plan, observer: recorder)
        _ = try interpreter.run(&feed)
        let fills = try #require(recorder.rebalances.first?.fills)
        let byVenue = Dictionary(uniqueKeysWithValues: fills.map { ($0.venue, $0.base) })
        #expect(abs((byVenue["small"] ?? 0) - 2) < 0.01)
        #expect(abs((byVenue["large"] ?? 0) - 4) < 0.01)
    }

    // MARK: Rolls, liquidity, vega

    /// A weekly short call at "+10%" rolled every day with a one-day expiry: opened at 3000
    /// (strike 3300), settled at 3400 (pays 100) and re-opened at 3400 (strike 3740), settled
    /// at 3800 (pays 60). Option P&L = both premiums − 160.
    @Test func rollReResolvesRelativeStrikes() throws {
        let plan = try InterpreterTests.plan("""
            hedgeplan: 1
            name: roll
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60%, rate: 0% }
            legs:
              - { id: c, side: short, type: call, strike: "+10%", expiry: 1d, quantity: 1 }
            roll: { every: 1d, strikes: relative }
            """)
        let rows: [(Int64, Double)] = [(Self.t0, 3000), (Self.t0 + Self.day, 3400), (Self.t0 + 2 * Self.day, 3800)]
        let result = try InterpreterTests.run(plan, csv: Self.csv(rows))
        let year = 1.0 / 365
        let first = HandBlackScholes.call(spot: 3000, strike: 3300, volatility: 0.6, years: year)
        let second = HandBlackScholes.call(spot: 3400, strike: 3740, volatility: 0.6, years: year)
        #expect(result.settlements == 2)
        #expect(result.rolls == 2, "re-opened after each settlement, including the last tick's")
        // The third opening (at 3800, strike 4180) is marked at its own premium: worth zero net.
        #expect(abs(result.pnl.options - (first + second - 100 - 60)) < 1e-6)
        // The trade list: sold at the model's price, settled at intrinsic value, rolled.
        #expect(result.trades.map(\.reason) == [.open, .settle, .roll, .settle, .roll])
        #expect(result.trades.map(\.isBuy) == [false, true, false, true, false])
        #expect(abs(result.trades[0].price - first) < 1e-9 && abs(result.trades[2].price - second) < 1e-9)
        #expect(abs(result.trades[1].price - 100) < 1e-9 && abs(result.trades[3].price - 60) < 1e-9)
        let open = try #require(result.openLegs.first)
        #expect(result.openLegs.count == 1 && open.instrument == "call" && open.quantity == -1)
        #expect(abs((open.strike ?? 0) - 4180) < 1e-9)
        #expect(abs(result.equity.final - result.pnl.total) < 1e-9)
    }

    /// A full-range position holding 100,000 USDC at 3000 is worth 100,000 · √(S/3000) at S
    /// (V = 2L√S): at 3300 its value against the capital is 100,000 · (√1.1 − 1).
    @Test func liquidityLegThroughARun() throws {
        let plan = try InterpreterTests.plan("""
            hedgeplan: 1
            name: lp
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60% }
            structure:
              lp-hedge: { venue: pool, capital: 100000 }
            execution:
              venues: [{ name: pool, kind: constant-product, reserves: { base: 1000, quote: 3000000 }, fee: 0.30% }]
            """)
        let result = try InterpreterTests.run(plan, csv: Self.csv([(Self.t0, 3000), (Self.t0 + Self.day, 3300)]))
        // Of which the entry tokens (16.667 ETH, 50,000 USDC) made 16.667 x 300 = 5,000 and the
        // pool's rebalancing lost the rest against holding them (impermanent loss).
        #expect(abs(result.pnl.underlying + result.pnl.impermanentLoss - 100_000 * (1.1.squareRoot() - 1)) < 1e-6)
        #expect(abs(result.pnl.underlying - 5_000) < 1e-6)
    }

    /// A long 30-day ATM straddle hedged on vega with a 60-day call: when the implied
    /// volatility jumps from 60% to 70% at a constant price, the hedged book moves by its
    /// residual (second-order) vega only, a small fraction of the unhedged straddle's gain,
    /// which is about its vega (QUOTE per point) × 10 points.
    @Test func vegaHedgeNeutralisesAVolatilityJump() throws {
        func strategy(vega: Bool) -> String {
            """
            hedgeplan: 1
            name: vega
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60%, rate: 0% }
            structure:
              straddle: { side: long, quantity: 10, strike: atm, expiry: 30d }
            \(vega ? "hedge: { instrument: perp, vega: { band: 1, with: { type: call, strike: atm, expiry: 60d } } }\nexecution: { venues: [{ name: perp, kind: perp, fee: 0% }] }" : "")
            """
        }
        let rows: [(Int64, Double)] = [(Self.t0, 3000), (Self.t0 + 1000, 3000)]
        let csv = Self.csv(rows, iv: [0.6, 0.7])
        let unhedged = try InterpreterTests.run(try InterpreterTests.plan(strategy(vega: false)), csv: csv)
        let hedged = try InterpreterTests.run(try InterpreterTests.plan(strategy(vega: true)), csv: csv)
        let straddleVega = 10 * 2 * HandBlackScholes.vega(spot: 3000, strike: 3000, volatility: 0.65, years: 30.0 / 365)
        #expect(abs(unhedged.pnl.total - straddleVega * 10) < 0.02 * straddleVega * 10)
        #expect(hedged.notes.contains { $0.contains("1 vega hedge trade") })
        #expect(abs(hedged.pnl.total) < 0.05 * abs(unhedged.pnl.total), "hedged \(hedged.pnl.total), unhedged \(unhedged.pnl.total)")
    }

    // MARK: Shared venues

    /// Two books on one pool within one tick: the second book's fill sees the first one's
    /// price impact (it pays more per ETH), and the pool is arbitraged back between ticks.
    @Test func twoBooksSeeEachOthersImpactOnASharedPool() throws {
        let plan = try InterpreterTests.plan("""
            hedgeplan: 1
            name: crowd
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60% }
            legs:
              - { side: short, type: spot, quantity: 10 }
            hedge: { instrument: spot, delta: { trigger: band, band: 0.1 } }
            execution:
              venues: [{ name: pool, kind: constant-product, reserves: { base: 1000, quote: 3000000 }, fee: 0.30% }]
              max_slippage: 10%
            """)
        let first = Tick(timestamp: Self.t0, price: 3000)
        var venues = try VenueBook(plan: plan, spot: 3000)
        var a = HedgeBook(plan: plan, firstTick: first)
        var b = HedgeBook(plan: plan, firstTick: first)
        let recorderA = RecordingObserver(), recorderB = RecordingObserver()
        venues.arbitrage(to: 3000)
        a.step(first, venues: &venues, observer: recorderA)
        b.step(first, venues: &venues, observer: recorderB)
        let priceA = try #require(recorderA.rebalances.first?.fills.first?.averagePrice)
        let priceB = try #require(recorderB.rebalances.first?.fills.first?.averagePrice)
        // Buying 10 of 1,000 ETH at 0.3%: 3,000,000 / (1000 − 10) / 0.997 per ETH on average
        // for the first; the second starts from reserves (990, 3,030,303.03...) and pays more.
        #expect(abs(priceA - 3_000_000.0 / 990 / 0.997) < 1e-6)
        #expect(priceB > priceA * 1.019)
    }
}

/// Black-Scholes with no carry, from the textbook: C = S N(d1) − K e^{−rT} N(d2).
enum HandBlackScholes {
    static func normal(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    static func call(spot: Double, strike: Double, volatility: Double, years: Double, rate: Double = 0) -> Double {
        let sd = volatility * years.squareRoot()
        let d1 = (log(spot / strike) + rate * years) / sd + sd / 2
        return spot * normal(d1) - strike * exp(-rate * years) * normal(d1 - sd)
    }

    /// N(d1), BASE per BASE: a call's delta with no carry.
    static func callDelta(spot: Double, strike: Double, volatility: Double, years: Double) -> Double {
        let sd = volatility * years.squareRoot()
        return normal(log(spot / strike) / sd + sd / 2)
    }

    /// QUOTE per volatility point: S φ(d1) √T / 100.
    static func vega(spot: Double, strike: Double, volatility: Double, years: Double) -> Double {
        let sd = volatility * years.squareRoot()
        let d1 = log(spot / strike) / sd + sd / 2
        return spot * exp(-d1 * d1 / 2) / (2 * Double.pi).squareRoot() * years.squareRoot() / 100
    }
}

/// Keeps what the engine reports.
final class RecordingObserver: RunObserver {
    var rebalances: [RebalanceRecord] = []
    var breakers: [BreakerEvent] = []
    func tickProcessed(index: Int, tick: Tick, equity: Double) {}
    func rebalanced(_ record: RebalanceRecord) { rebalances.append(record) }
    func breakerTripped(_ event: BreakerEvent) { breakers.append(event) }
}
