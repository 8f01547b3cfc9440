import Feeds
import Foundation
import PlanFormat
import Testing
@testable import HedgeplanRuntime

/// `Interpreter.recordsReportDetail` false (`dry-run` with no `--report`) drops only what
/// the report draws: the series, the daily equity and the spot at each trade. Every figure
/// the summary prints is the same, to the bit.
struct ReportDetailTests {
    @Test func aRunWithoutReportDetailHasTheSameFigures() throws {
        let plan = try RuntimeFixtures.plan("eth-short-straddle-hedged.yaml")
        var ticks: [Tick] = []
        var path = GBMPath(PathParameters(spot: 3000, volatility: 0.8, days: 20, step: 300_000, seed: 9))
        while let tick = path.next() { ticks.append(tick) }
        var full = Interpreter(plan: plan), lean = Interpreter(plan: plan)
        lean.recordsReportDetail = false
        var a = RecordedTicks(ticks), b = RecordedTicks(ticks)
        let withDetail = try full.run(&a), without = try lean.run(&b)

        #expect(withDetail.series.lines.count == 9)
        #expect(withDetail.series.line("price")?.values.first == 3000)
        #expect(!withDetail.dailyEquity.isEmpty)
        #expect(without.series.lines.isEmpty)
        #expect(without.dailyEquity.isEmpty)

        #expect(without.ticks == 5_761)
        #expect(without.ticks == withDetail.ticks)
        #expect(without.hedges == withDetail.hedges)
        #expect(without.hedges > 10, "the hedge traded")
        #expect(without.trades.count == withDetail.trades.count)
        #expect(without.pnl.total.bitPattern == withDetail.pnl.total.bitPattern)
        #expect(without.pnl.options.bitPattern == withDetail.pnl.options.bitPattern)
        #expect(without.pnl.costs.bitPattern == withDetail.pnl.costs.bitPattern)
        #expect(without.hedgeVolume.bitPattern == withDetail.hedgeVolume.bitPattern)
        #expect(without.maxDrawdown.bitPattern == withDetail.maxDrawdown.bitPattern)
        #expect(without.trackingError.bitPattern == withDetail.trackingError.bitPattern)
    }
}
