import Feeds
import Testing
@testable import HedgeplanRuntime

/// A run's figures do not depend on who took ln S: ticks whose `logPrice` a recorded path
/// (or `dry-run`'s read-ahead thread) worked out give, to the bit, what the same ticks give
/// when the engine takes the logarithm itself, whether the book values its legs on every
/// tick (with report detail) or only their greeks (without).
struct WorkedOutLogPriceTests {
    @Test(arguments: [true, false])
    func theSameRunEitherWay(recordsReportDetail: Bool) throws {
        let plan = try RuntimeFixtures.plan("eth-short-straddle-hedged.yaml")
        let parameters = PathParameters(spot: 3000, volatility: 0.8, days: 20, step: 300_000, seed: 9)
        var drawn = GBMPath(parameters)
        var recorded = try RecordedTicks(draining: &drawn)
        #expect(recorded.ticks.allSatisfy { !$0.logPrice.isNaN })
        var direct = GBMPath(parameters)  // draws its ticks with no logarithm

        var a = Interpreter(plan: plan), b = Interpreter(plan: plan)
        a.recordsReportDetail = recordsReportDetail
        b.recordsReportDetail = recordsReportDetail
        let worked = try a.run(&recorded), computed = try b.run(&direct)

        #expect(worked.ticks == 5_761)
        #expect(worked.ticks == computed.ticks)
        #expect(worked.hedges > 10, "the hedge traded")
        #expect(worked.hedges == computed.hedges)
        #expect(worked.trades.count == computed.trades.count)
        #expect(worked.pnl.total.bitPattern == computed.pnl.total.bitPattern)
        #expect(worked.pnl.options.bitPattern == computed.pnl.options.bitPattern)
        #expect(worked.pnl.costs.bitPattern == computed.pnl.costs.bitPattern)
        #expect(worked.hedgeVolume.bitPattern == computed.hedgeVolume.bitPattern)
        #expect(worked.maxDrawdown.bitPattern == computed.maxDrawdown.bitPattern)
        #expect(worked.trackingError.bitPattern == computed.trackingError.bitPattern)
    }
}
