import Foundation
import PlanFormat
import Testing
@testable import HedgeplanRuntime

/// A run that goes on past the structure's last expiry, with no roll, holds only the
/// structure's undated legs from then on: the run says so (found by hand on the bundled
/// histories, 2026-12-01: a 4-month cash-and-carry ran 976 more days as 5 BTC long, with a
/// drawdown of 167,550 USDC against its declared max loss of 1,000).
struct StructureEndNoteTests {
    static func note(_ result: RunResult) -> String? {
        result.notes.first { $0.hasPrefix("the structure's last expiring leg settled") }
    }

    @Test func aRunPastTheLastExpiryWithoutARollSaysHowLongTheSpotLegWasHeldAlone() throws {
        // The put expires 24 h after the first tick; the feed runs 96 h: 72 h, 3 days, after it.
        let result = try InterpreterTests.run(try HourlyProtectivePut.plan(), csv: HourlyProtectivePut.feed(hours: 96))
        #expect(result.settlements == 1)
        #expect(Self.note(result) == "the structure's last expiring leg settled at 2023-11-15T22:13:20Z and no roll re-opens it: for the last 3 days of the feed the book held only its spot leg, outside the risk bounds checked for the structure; add `roll:` to re-open it, or end the run at the expiry with --duration")
    }

    @Test func noNoteWhenTheFeedEndsAtTheExpiryOrARollReopens() throws {
        let atExpiry = try InterpreterTests.run(try HourlyProtectivePut.plan(), csv: HourlyProtectivePut.feed(hours: 24))
        #expect(atExpiry.settlements == 1)
        #expect(Self.note(atExpiry) == nil)
        let rolled = try InterpreterTests.run(try HourlyProtectivePut.plan(roll: 1), csv: HourlyProtectivePut.feed(hours: 96))
        #expect(rolled.rolls >= 3)
        #expect(Self.note(rolled) == nil)
    }

    /// A halted book does not roll: the covered-call vault on the bundled ETH history halted
    /// at its one missing candle and held its ETH alone for the last 759 days.
    @Test func aHaltThatStopsTheRollsIsNamedWithTheTimeFromWhichTheSpotLegWasHeldAlone() throws {
        // Rolled at 24 h; the gap (hours 30 and 31 missing) halts at 32 h; the rolled put
        // settles at 48 h and nothing re-opens it: 72 h, 3 days, to the feed's end at 120 h.
        let result = try InterpreterTests.run(
            try HourlyProtectivePut.plan(roll: 1, onStaleFeed: "halt"), csv: HourlyProtectivePut.feed(hours: 120, missing: 30...31))
        #expect(result.rolls == 1)
        #expect(result.settlements == 2)
        #expect(result.breakerEvents.map(\.time) == [HourlyProtectivePut.t0 + 32 * HourlyProtectivePut.hour])
        #expect(Self.note(result) == nil)
        #expect(Self.haltNote(result) == "the `feed_stale` breaker halted the book at 2023-11-16T06:13:20Z, and a halted book does not roll: from 2023-11-16T22:13:20Z, for the last 3 days of the feed the book held only its spot leg, outside the risk bounds checked for the structure; `then: pause` stops trading for a while and keeps the rolls")
    }

    @Test func aHaltBetweenAnExpiryAndItsRollCountsFromTheHalt() throws {
        // The put settles at 24 h, its roll is due at 48 h; the halt at 32 h comes first, so
        // the spot leg is alone from 32 h to the feed's end at 96 h: 64 h, 3 days rounded.
        let result = try InterpreterTests.run(
            try HourlyProtectivePut.plan(roll: 2, onStaleFeed: "halt"), csv: HourlyProtectivePut.feed(hours: 96, missing: 30...31))
        #expect(result.rolls == 0)
        #expect(result.settlements == 1)
        #expect(Self.haltNote(result)?.hasPrefix("the `feed_stale` breaker halted the book at 2023-11-16T06:13:20Z, and a halted book does not roll: from 2023-11-16T06:13:20Z, for the last 3 days of the feed") == true)
    }

    /// A structure with no dated leg does not end: a halt leaves it whole. The univ3
    /// liquidity position on the bundled ETH history, halted at its one missing candle, was
    /// said to have had its "last expiring leg settled" at the halt (found by hand,
    /// 2026-12-02). A spot leg hedged on a perp, halted at a gap, gets no such note.
    @Test func aStructureWithNoDatedLegHasNoEndToNote() throws {
        let plan = try InterpreterTests.plan("""
            hedgeplan: 1
            name: hourly-spot
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60%, rate: 0% }
            legs:
              - { side: long, type: spot, quantity: 5 }
            hedge: { instrument: perp, delta: { trigger: band, band: 0.1 } }
            execution: { venues: [{ name: perp, kind: perp, fee: 0.05% }] }
            safety: { circuit_breakers: [{ when: feed_stale, above: 60s, then: halt }] }
            """)
        let result = try InterpreterTests.run(plan, csv: HourlyProtectivePut.feed(hours: 96, missing: 30...31))
        #expect(result.breakerEvents.map(\.action) == ["halt"])
        #expect(Self.note(result) == nil, "\(result.notes)")
        #expect(Self.haltNote(result) == nil, "\(result.notes)")
        #expect(result.notes.contains("the feed_stale threshold (60 s) is shorter than the feed's step (3600 s): only the feed's gaps count against it"))
    }

    static func haltNote(_ result: RunResult) -> String? {
        result.notes.first { $0.contains("breaker halted the book") }
    }
}
