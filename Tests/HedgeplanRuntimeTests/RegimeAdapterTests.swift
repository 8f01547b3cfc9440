import Feeds
import Foundation
import HedgeplanTestSupport
import PlanFormat
import HedgeplanIR
import Testing
@testable import HedgeplanCompiler
@testable import HedgeplanRuntime

/// `adapt.volatility: { model: regime }`: the plan carries the regime model fitted to the
/// history, and the runtime filters it causally, so that later ticks never change an
/// earlier decision.
struct RegimeAdapterTests {
    static let strategy = """
        hedgeplan: 1
        name: eth-condor-regime
        underlying: ETH/USDC
        market: { spot: 2800, volatility: 65%, rate: 4%, model: black-scholes }
        structure:
          iron-condor: { expiry: 7d, quantity: 10, puts: ["-13%", "-7%"], calls: ["+7%", "+13%"] }
        hedge:
          instrument: perp
          delta: { trigger: band, band: 1, adapt: { volatility: { model: regime, states: 2 } } }
        execution:
          venues: [{ name: perp, kind: perp, fee: 0.05%, funding: 0% }]
        roll: { every: 7d, strikes: relative }
        """

    /// The first `count` data rows of the bundled ETH history, as CSV text.
    static func history(rows count: Int) throws -> String {
        let url = RuntimeFixtures.root.appendingPathComponent("Examples/feeds/ethereum.csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines.firstIndex { $0.lowercased().contains("price") || $0.lowercased().contains("close") } ?? 0
        return lines[...header].joined(separator: "\n") + "\n" + lines[(header + 1)...(header + count)].joined(separator: "\n") + "\n"
    }

    static func plan(history csv: String) throws -> HedgingPlan {
        let dir = try ScratchFolder.make("regime")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.yaml").path
        try strategy.write(toFile: path, atomically: true, encoding: .utf8)
        var prices: [Double] = []
        let feed = try CSVFeed(text: csv, name: "history.csv")
        while let tick = try feed.next() { prices.append(tick.price) }
        let compiled = PlanCompiler.compile(path: path, now: RuntimeFixtures.now, history: PriceHistory(prices: prices, stepSeconds: 3600, name: "history.csv"))
        return try #require(compiled.plan, "\(compiled.diagnostics.map(\.message))")
    }

    static func run(_ plan: HedgingPlan, csv: String) throws -> RunResult {
        var feed = try CSVFeed(text: csv, name: "feed.csv")
        var interpreter = Interpreter(plan: plan)
        return try interpreter.run(&feed)
    }

    @Test func laterTicksNeverChangeAnEarlierTrade() throws {
        let plan = try Self.plan(history: try Self.history(rows: 2_000))
        let regime = try #require(plan.hedge?.delta?.volatilityAdapter?.regime)
        #expect(regime.variances.count == 2 && regime.variances[0] < regime.variances[1])
        let short = try Self.run(plan, csv: try Self.history(rows: 600))
        let long = try Self.run(plan, csv: try Self.history(rows: 1_200))
        let cut = try #require(short.lastTime)
        let early = long.trades.filter { $0.time <= cut && $0.reason != .settle }
        #expect(!early.isEmpty)
        #expect(early == short.trades.filter { $0.reason != .settle })
    }

    /// The filtered regime moves the band: on the same feed, the regime-adapted band trades
    /// a different number of times than the same band held fixed.
    @Test func theRegimeMixSetsTheBand() throws {
        var plan = try Self.plan(history: try Self.history(rows: 2_000))
        let csv = try Self.history(rows: 1_200)
        let adapted = try Self.run(plan, csv: csv)
        plan.hedge?.delta?.volatilityAdapter = nil
        let fixed = try Self.run(plan, csv: csv)
        #expect(adapted.hedges != fixed.hedges, "adapted \(adapted.hedges), fixed \(fixed.hedges)")
    }

    @Test func regimeNeedsAHistory() throws {
        let dir = try ScratchFolder.make("regime")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.yaml").path
        try Self.strategy.write(toFile: path, atomically: true, encoding: .utf8)
        let compiled = PlanCompiler.compile(path: path, now: RuntimeFixtures.now)
        #expect(compiled.plan == nil)
        #expect(compiled.diagnostics.map(\.message).contains { $0.contains("`volatility: regime` fits a 2-state regime model to a price history: pass one with `--history FILE.csv`") })
    }
}
