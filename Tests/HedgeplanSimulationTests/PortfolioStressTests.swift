import PlanFormat
import Feeds
import Foundation
import HedgeplanCompiler
import HedgeplanRuntime
import Testing
@testable import HedgeplanSimulation

/// `stress PORTFOLIO.yaml`: each path is the portfolio's dry run on that path's feed, the
/// results never depend on the threads, and the summary's ES99 is the mean of the worst
/// 1% of per-copy P&L (recomputed here by sorting).
struct PortfolioStressTests {
    static func setup() throws -> PortfolioSetup {
        let path = SimulationFixtures.root.appendingPathComponent("Examples/portfolios/crowded-eth-hedgers.yaml").path
        let compiled = PortfolioCompiler.compile(path: path, now: SimulationFixtures.now)
        var setup = try #require(compiled.setup, "\(compiled.diagnostics.map(\.message))")
        setup.members[0].copies = 4
        return setup
    }

    @Test func aPathIsThePortfoliosDryRunOnThatPathsFeed() throws {
        let setup = try Self.setup()
        let settings = SimulationFixtures.settings(
            setup.members[0].plan, paths: 3, horizonMs: 2 * SimulationFixtures.day, stepMs: 3_600_000, volatility: 0.9, seed: 11)
        let runner = PortfolioStressRunner(setup: setup, settings: settings)
        let one = try runner.run(paths: Array(0..<3), threads: 1)
        let three = try runner.run(paths: Array(0..<3), threads: 3)
        #expect(one == three)
        guard case .gbm(let parameters) = settings.feed(path: 2) else { Issue.record("not a GBM path"); return }
        var feed = GBMPath(parameters)
        var run = PortfolioRun(setup: setup)
        let replay = try run.run(&feed)
        #expect(replay.members.map(\.pnl.total) == one[2].memberTotals)
        #expect(replay.crowd == one[2].crowd)
    }

    @Test func theSummarysES99IsTheMeanOfTheWorstOnePercentPerCopy() throws {
        let setup = try Self.setup()
        let settings = SimulationFixtures.settings(
            setup.members[0].plan, paths: 200, horizonMs: SimulationFixtures.day, stepMs: 4 * 3_600_000, volatility: 0.9, seed: 3)
        let outcomes = try PortfolioStressRunner(setup: setup, settings: settings).run(paths: Array(0..<200), threads: 2)
        let summary = PortfolioStressSummary(setup: setup, outcomes: outcomes)
        let perCopy = outcomes.map { $0.memberTotals[0] / 4 }.sorted()
        // np.quantile(x, 0.01) with 200 values: rank 1.99, between the 2nd and 3rd smallest;
        // ES99 averages the values at or below it: the two smallest.
        let es99 = -(perCopy[0] + perCopy[1]) / 2
        #expect(abs(PortfolioStressReportFigures.es99(summary.members[0].pnlPerCopy) - es99) < 1e-9)
        #expect(summary.paths == 200)
        #expect(summary.liquidations.max >= summary.liquidations.mean)
    }
}

/// The tail figure the report prints, read from a `Distribution`.
enum PortfolioStressReportFigures {
    static func es99(_ d: Distribution) -> Double { d.tails.first { $0.level == 0.99 }!.expectedShortfall }
}
