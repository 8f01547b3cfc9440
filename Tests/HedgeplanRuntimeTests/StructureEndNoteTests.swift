import Foundation
import PlanFormat
import Testing
@testable import HedgeplanRuntime

/// A run that goes on past the structure's last expiry, with no roll, holds only the
/// structure's undated legs from then on: the run says so (found by hand on the bundled
/// histories, 2026-12-01: a 4-month cash-and-carry ran 976 more days as 5 BTC long, with a
/// drawdown of 167,550 USDC against its declared max loss of 1,000).
struct StructureEndNoteTests {
    static let t0: Int64 = 1_700_000_000_000
    static let hour: Int64 = 3_600_000

    /// 1 ETH held with a 1-day put; `roll` adds a daily roll.
    static func protectivePut(roll: Bool = false) throws -> HedgingPlan {
        try InterpreterTests.plan("""
            hedgeplan: 1
            name: end-note
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60%, rate: 0% }
            structure:
              protective-put: { quantity: 1, strike: "-10%", expiry: 1d }
            risk:
              defined_risk: true
              max_loss: 1000
            \(roll ? "roll: { every: 1d }" : "")
            """)
    }

    /// Hourly ticks at 3000 for `hours` hours after the first.
    static func feed(hours: Int) -> String {
        "timestamp,price\n" + (0...hours).map { "\(t0 + Int64($0) * hour),3000\n" }.joined()
    }

    static func note(_ result: RunResult) -> String? {
        result.notes.first { $0.hasPrefix("the structure's last expiring leg settled") }
    }

    @Test func aRunPastTheLastExpiryWithoutARollSaysHowLongTheSpotLegWasHeldAlone() throws {
        // The put expires 24 h after the first tick; the feed runs 96 h: 72 h, 3 days, after it.
        let result = try InterpreterTests.run(try Self.protectivePut(), csv: Self.feed(hours: 96))
        #expect(result.settlements == 1)
        #expect(Self.note(result) == "the structure's last expiring leg settled at 2023-11-15T22:13:20Z and no roll re-opens it: for the last 3 days of the feed the book held only its spot leg, outside the risk bounds checked for the structure; add `roll:` to re-open it, or end the run at the expiry with --duration")
    }

    @Test func noNoteWhenTheFeedEndsAtTheExpiryOrARollReopens() throws {
        let atExpiry = try InterpreterTests.run(try Self.protectivePut(), csv: Self.feed(hours: 24))
        #expect(atExpiry.settlements == 1)
        #expect(Self.note(atExpiry) == nil)
        let rolled = try InterpreterTests.run(try Self.protectivePut(roll: true), csv: Self.feed(hours: 96))
        #expect(rolled.rolls >= 3)
        #expect(Self.note(rolled) == nil)
    }
}
