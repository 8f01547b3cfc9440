import Feeds
import Foundation
import PlanFormat
import Testing
@testable import HedgeplanRuntime

/// The drawdown breaker's capital base for a structure with neither lp capital nor a
/// defined max loss is its gross notional as compiled, at the current price: it does not
/// vanish when the legs expire. Found on the bundled ETH history (2026-12-01): once the short
/// straddle expired, the open legs summed to nothing, the base fell to its 1 USDC floor, and
/// the hedge left over tripped `drawdown > 15%` at "36,723.77%".
struct DrawdownBaseTests {
    static let t0: Int64 = 1_700_000_000_000
    static let hour: Int64 = 3_600_000

    /// 2 ETH short of each leg of a 1-day ATM straddle, hedged on a perp, with a 15% drawdown
    /// breaker and no max loss (a naked short call: undefined risk).
    static func straddle() throws -> HedgingPlan {
        try InterpreterTests.plan("""
            hedgeplan: 1
            name: drawdown-base
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60%, rate: 0% }
            structure:
              straddle: { side: short, quantity: 2, strike: atm, expiry: 1d }
            risk:
              defined_risk: false
            hedge:
              instrument: perp
              delta: { target: 0, trigger: band, band: 0.1 }
            execution:
              venues: [{ name: perp, kind: perp, fee: 0.05%, funding: 0% }]
            safety:
              circuit_breakers:
                - { when: drawdown, above: 15%, then: flatten }
            """)
    }

    @Test func theBaseIsTheStructuresGrossNotionalBeforeAndAfterItsLegsExpire() throws {
        // Down 1% an hour for a day: the short put goes in the money and the perp hedge
        // (short, against the put's delta) is left over at the expiry; then 2 more hours.
        let csv = "timestamp,price\n" + (0...26).map { "\(Self.t0 + Int64($0) * Self.hour),\(3000 * pow(0.99, Double(min($0, 24))))\n" }.joined()
        var feed = try CSVFeed(text: csv, name: "down.csv")
        var interpreter = Interpreter(plan: try Self.straddle())
        interpreter.keepsDetail = false
        let book = try interpreter.finalBook(&feed)
        #expect(book.counters.settlements == 2)
        #expect(book.options.count == 0)
        // 4 ETH of options at the last price, 3000 x 0.99^24 = 2,356.86: 9,427.45 USDC.
        let spot = 3000 * pow(0.99, 24.0)
        #expect(abs(book.drawdownBase(spot: spot) - 4 * spot) < 1e-9)
        #expect(book.breakerEvents.isEmpty, "\(book.breakerEvents)")
    }
}
