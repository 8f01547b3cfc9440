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

    /// 1 ETH held with a 1-day put; `roll` adds a roll every `roll` days (none when nil),
    /// `haltsOnStaleFeed` a breaker that halts on a gap in the feed.
    static func protectivePut(roll: Int? = nil, haltsOnStaleFeed: Bool = false) throws -> HedgingPlan {
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
            \(roll.map { "roll: { every: \($0)d }" } ?? "")
            \(haltsOnStaleFeed ? "safety: { circuit_breakers: [ { when: feed_stale, above: 5m, then: halt } ] }" : "")
            """)
    }

    /// Hourly ticks at 3000 for `hours` hours after the first, without the hours `missing`.
    static func feed(hours: Int, missing: ClosedRange<Int>? = nil) -> String {
        "timestamp,price\n" + (0...hours).filter { !(missing?.contains($0) ?? false) }.map { "\(t0 + Int64($0) * hour),3000\n" }.joined()
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
        let rolled = try InterpreterTests.run(try Self.protectivePut(roll: 1), csv: Self.feed(hours: 96))
        #expect(rolled.rolls >= 3)
        #expect(Self.note(rolled) == nil)
    }

    /// A halted book does not roll: the covered-call vault on the bundled ETH history halted
    /// at its one missing candle and held its ETH alone for the last 759 days.
    @Test func aHaltThatStopsTheRollsIsNamedWithTheTimeFromWhichTheSpotLegWasHeldAlone() throws {
        // Rolled at 24 h; the gap (hours 30 and 31 missing) halts at 32 h; the rolled put
        // settles at 48 h and nothing re-opens it: 72 h, 3 days, to the feed's end at 120 h.
        let result = try InterpreterTests.run(
            try Self.protectivePut(roll: 1, haltsOnStaleFeed: true), csv: Self.feed(hours: 120, missing: 30...31))
        #expect(result.rolls == 1)
        #expect(result.settlements == 2)
        #expect(result.breakerEvents.map(\.time) == [Self.t0 + 32 * Self.hour])
        #expect(Self.note(result) == nil)
        #expect(Self.haltNote(result) == "the `feed_stale` breaker halted the book at 2023-11-16T06:13:20Z, and a halted book does not roll: from 2023-11-16T22:13:20Z, for the last 3 days of the feed the book held only its spot leg, outside the risk bounds checked for the structure; `then: pause` stops trading for a while and keeps the rolls")
    }

    @Test func aHaltBetweenAnExpiryAndItsRollCountsFromTheHalt() throws {
        // The put settles at 24 h, its roll is due at 48 h; the halt at 32 h comes first, so
        // the spot leg is alone from 32 h to the feed's end at 96 h: 64 h, 3 days rounded.
        let result = try InterpreterTests.run(
            try Self.protectivePut(roll: 2, haltsOnStaleFeed: true), csv: Self.feed(hours: 96, missing: 30...31))
        #expect(result.rolls == 0)
        #expect(result.settlements == 1)
        #expect(Self.haltNote(result)?.hasPrefix("the `feed_stale` breaker halted the book at 2023-11-16T06:13:20Z, and a halted book does not roll: from 2023-11-16T06:13:20Z, for the last 3 days of the feed") == true)
    }

    static func haltNote(_ result: RunResult) -> String? {
        result.notes.first { $0.contains("breaker halted the book") }
    }
}
